package handlers_test

import (
	"strings"
	"testing"
)

// A party typed at a waiting report ("业委会", "to the owners committee")
// sends it there, as the "another party" choice would; the resident still
// confirms.
func TestAPartyTypedAtAWaitingReportChoosesIt(t *testing.T) {
	t.Parallel()
	for typed, want := range map[string]string{"业委会": "业委会", "发给居委会吧": "居委会", "to the owners committee": "业委会"} {
		f := newTicketFixture(t, nil)
		f.say(t, resident, "6号楼电梯又坏了")
		preview := f.say(t, resident, typed)
		if !strings.Contains(preview.Text, "【"+want+"】") || findData(t, preview, "c:send:") == "" {
			t.Errorf("%q: %q", typed, preview.Text)
		}
	}
	f := newTicketFixture(t, nil)
	f.say(t, resident, "6号楼电梯又坏了")
	if m := f.say(t, resident, "业委会什么时候换届"); strings.Contains(m.Text, "【业委会】") && strings.Contains(m.Text, "电梯") {
		t.Errorf("a question about the committee moved the report: %q", m.Text)
	}
}
