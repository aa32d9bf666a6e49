package handlers_test

import (
	"strings"
	"testing"
)

// An internal remark carried to the next party's card reads once as
// internal: the line says so, the remark no longer opens with its mark.
func TestAnInternalNoteOnAMovedCardShowsItsMarkOnce(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	f.staffWrites(t, pmChat, pmMember, 60, card.SentMessageID, "#内部 这个归业委会管")
	f.staffWrites(t, pmChat, pmMember, 61, card.SentMessageID, "内部：这户比较难缠")
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:to:"+itoa(tk.ID)+":oc")
	oc := onlyOne(t, byPurpose(f.deliver(t), "card"), "the committee's card")
	for _, want := range []string{"（内部 internal）：这个归业委会管", "（内部 internal）：这户比较难缠"} {
		if !strings.Contains(oc.Text, want) {
			t.Errorf("the moved card lacks %q:\n%s", want, oc.Text)
		}
	}
	if strings.Contains(oc.Text, "：#内部") || strings.Contains(oc.Text, "：内部：") {
		t.Errorf("the moved card repeats the internal mark:\n%s", oc.Text)
	}
}

// A resolved card ends with its text's closing line, not an empty line.
func TestAResolvedCardEndsWithoutAnEmptyLine(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	_, card := f.fileResolved(t, "3号楼2单元楼道灯坏了")
	e, _ := f.out.lastEditOf(pmChat, card.SentMessageID)
	if !strings.Contains(e.text, "已解决") || strings.HasSuffix(e.text, "\n") || strings.Contains(e.text, "\n\n") {
		t.Errorf("the resolved card:\n%q", e.text)
	}
}
