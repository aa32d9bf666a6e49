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

// "When will you come to fix the drain?" asks after a report about the
// drain: it shows that one, and no open report about something else.
func TestAChaseNamingAThingAfterTheRepairWordIsAboutThatThing(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		report, ask string
		shown       bool
	}{
		{"厨房下水道堵了，3号楼201", "请问什么时候来修下水道", true},
		{"5号楼2单元电梯按钮失灵了", "请问什么时候来修下水道", false},
		{"5号楼2单元电梯按钮失灵了", "什么时候来修电梯啊", true},
		{"5号楼2单元电梯按钮失灵了", "什么时候来修啊", true},
		{"kitchen drain blocked, bldg 3 rm 201", "when will someone come to fix the drain?", true},
		{"the lift buttons in bldg 5 don't work", "when will someone come to fix the drain?", false},
	} {
		f := newTicketFixture(t, nil)
		tk, _ := f.fileTicket(t, resident, c.report)
		f.deliver(t)
		m := f.say(t, resident, c.ask)
		if got := strings.Contains(m.Text, tk.Number()); got != c.shown {
			t.Errorf("%q after %q: ticket shown %v, want %v: %q", c.ask, c.report, got, c.shown, m.Text)
		}
	}
}

// Chases in Shanghainese, in few words, or mixed with English, after a
// report: where it stands, not an FAQ entry.
func TestMoreWaysOfChasingAReport(t *testing.T) {
	t.Parallel()
	for _, ask := range []string{"我的单子哪能了", "我报的灯修了没有", "怎么还没人来修", "why is nobody coming", "hi, 我想 check 一下我的 ticket status", "我报的单子咋样了"} {
		f := newTicketFixture(t, nil)
		tk, _ := f.fileTicket(t, resident, "5号楼2单元楼道灯坏了")
		f.deliver(t)
		if m := f.say(t, resident, ask); !strings.Contains(m.Text, tk.Number()) {
			t.Errorf("%q does not show the report: %q", ask, m.Text)
		}
	}
}
