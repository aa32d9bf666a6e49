package handlers_test

import (
	"strings"
	"testing"
)

// "我3号报修的电梯怎么样了" dates the report (the 3rd of the month); "a
// report 2 days ago" counts days. Neither names ticket #3 / #2: the
// resident asking after their lift must not be shown another ticket alone.
func TestADateOrCountIsNoTicketNumber(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ ask, want string }{
		{"我3号报修的电梯怎么样了", "电梯"},
		{"I sent a report 2 days ago about the lift, any news?", "lift"},
	} {
		f := newTicketFixture(t, nil)
		f.fileTicket(t, resident, "5号楼的电梯按钮坏了，按了没反应")
		f.fileTicket(t, resident, "2号楼门口垃圾桶满了没人清")
		f.fileTicket(t, resident, "3号楼1单元楼道灯坏了")
		before := f.out.count()
		f.sayMaybeQuiet(t, resident, c.ask)
		got := strings.Join(texts(f.out.sentSince(before)), "\n---\n")
		t.Logf("%q ->\n%s", c.ask, got)
		if !strings.Contains(got, "按钮") {
			t.Errorf("%q: the lift ticket is not among what was shown", c.ask)
		}
	}
}
