package handlers_test

import (
	"strings"
	"testing"
)

// A chase with a question besides ("漏水的事怎么样了 还有维修资金怎么用")
// shows the report and answers the question too; a chase alone gets only
// the report.
func TestAChaseWithAQuestionBesidesAnswersBoth(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ report, ask, answer string }{
		{"卫生间天花板漏水，楼上602", "漏水的事怎么样了 还有维修资金怎么用", "使用维修资金需业主表决"},
		{"卫生间天花板漏水，楼上602", "漏水的事怎么样了，维修资金怎么用？", "使用维修资金需业主表决"},
		{"water leaking from ceiling in the bathroom, bldg 4 rm 502", "any update on my leak? also how do I use the maintenance fund",
			"Using the maintenance fund needs an owners' vote."},
		{"卫生间天花板漏水，楼上602", "漏水的事怎么样了", ""},
	} {
		f := newTicketFixture(t, nil)
		tk, _ := f.fileTicket(t, resident, c.report)
		f.deliver(t)
		before := f.out.count()
		f.say(t, resident, c.ask)
		sent := f.out.sentSince(before)
		if len(sent) == 0 || !strings.Contains(sent[0].Text, tk.Number()) {
			t.Errorf("%q: the report is not shown first: %+v", c.ask, sent)
			continue
		}
		switch {
		case c.answer == "" && len(sent) != 1:
			t.Errorf("%q: %d messages, want only the report: %+v", c.ask, len(sent), sent)
		case c.answer != "" && (len(sent) != 2 || !strings.Contains(sent[1].Text, c.answer)):
			t.Errorf("%q: want the report, then %q; got %+v", c.ask, c.answer, sent)
		}
	}
}
