package handlers_test

import (
	"strings"
	"testing"
)

// Two matters in one message become two reports: the first is drafted, the
// second kept and shown once the first is sent, each to its own party.
func TestTwoMattersInOneMessageBecomeTwoReports(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	before := f.out.count()
	f.say(t, resident, "5号楼楼道灯坏了，还有楼下有人群租很吵")
	got := texts(f.out.sentSince(before))
	if len(got) != 2 || !strings.Contains(got[0], "【照明】") || strings.Contains(got[0], "群租") || !strings.Contains(got[1], "两件事") {
		t.Fatalf("want the light's preview, then a note that the second is kept; got %q", got)
	}
	preview := f.out.sentSince(before)[0]
	before = f.out.count()
	f.press(t, resident, findData(t, preview, "c:send:"))
	got = texts(f.out.sentSince(before))
	if !strings.Contains(strings.Join(got, "\n"), "群租") || !strings.Contains(strings.Join(got, "\n"), "【居委会】") {
		t.Fatalf("after the first is sent the second comes back, for the committee; got %q", got)
	}
	for _, m := range f.deliver(t) {
		if m.Purpose == "card" && strings.Contains(m.Text, "群租") {
			t.Errorf("the first ticket's card carries the second matter:\n%s", m.Text)
		}
	}
}

// One problem told twice ("灯坏了，还有电梯里的灯也不亮"), a question after a
// report, and someone still inside a lift stay one message.
func TestOneMatterToldTwiceStaysOneReport(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"楼道灯坏了，还有电梯里的灯也不亮", "电梯坏了，还有人在里面", "the corridor light is broken, also it flickers all night"} {
		f := newTicketFixture(t, nil)
		before := f.out.count()
		f.say(t, resident, text)
		for _, m := range texts(f.out.sentSince(before)) {
			if strings.Contains(m, "两件事") || strings.Contains(m, "two matters") {
				t.Errorf("%q was split: %q", text, m)
			}
		}
	}
}
