package handlers_test

import (
	"strings"
	"testing"
	"time"
)

// Words about what the report just sent named ("楼上…") go on about it: they
// are offered to it, not made a second report. Another matter, one said to
// be another ("还有…"), or words long after stay reports of their own.
func TestMoreAboutTheReportJustSentIsOfferedToIt(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		report, then string
		later        time.Duration
		offered      bool
	}{
		{"楼上卫生间漏水到我家了 12号楼502", "楼上那家人一直不开门", 0, true},
		{"water from the upstairs bathroom is leaking into my flat, building 12 room 502", "also the upstairs neighbour never answers the door", 0, true},
		{"楼上卫生间漏水到我家了 12号楼502", "楼上那家人一直不开门", time.Hour, false},
		{"楼上卫生间漏水到我家了 12号楼502", "3号楼门口垃圾堆了好几天了臭死了", 0, false},
		{"楼道灯坏了5号楼2单元", "还有楼上那家人电话打不通", 0, false},
		{"water from the upstairs bathroom is leaking into my flat, building 12 room 502", "the gym treadmill in building 2 is broken", 0, false},
	} {
		f := newTicketFixture(t, nil)
		tk, _ := f.fileTicket(t, resident, c.report)
		f.now = f.now.Add(c.later)
		m := f.say(t, resident, c.then)
		offered := strings.Contains(strings.Join(buttonData(m), " "), "r:conv:"+itoa(tk.ID)+":y")
		if offered != c.offered {
			t.Errorf("%q after %q: offered to #%d = %v, want %v (%q %v)", c.then, c.report, tk.ID, offered, c.offered, m.Text, buttonData(m))
		}
		if !c.offered && findData(t, m, "c:send:") == "" {
			t.Errorf("%q: want a report of its own, got %q", c.then, m.Text)
		}
	}
}

// "刚刚报的不要了 灯已经好了", "搞错了 撤回": the report just sent taken back
// (its withdraw button), as "撤销工单" does; the fault still there is no
// withdrawal.
func TestTakingBackTheReportJustSentInEverydayWords(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		text     string
		withdraw bool
	}{
		{"刚刚报的不要了 灯已经好了", true},
		{"刚才报的那个撤了吧", true},
		{"搞错了 撤回", true},
		{"撤销工单", true},
		{"刚刚报的灯还是不亮", false},
		{"撤回的话要怎么弄", false},
	} {
		f := newTicketFixture(t, nil)
		tk, _ := f.fileTicket(t, resident, "5号楼2单元楼道灯坏了")
		m := f.say(t, resident, c.text)
		has := strings.Contains(strings.Join(buttonData(m), " "), "r:withdraw:"+itoa(tk.ID))
		if has != c.withdraw {
			t.Errorf("%q: withdraw button = %v, want %v (%q %v)", c.text, has, c.withdraw, m.Text, buttonData(m))
		}
	}
}

// "修好了 蛮好" after a resolution grades it (4★), no new report; said with
// nothing to rate it is a friendly word. A new fault after "修好了" is one.
func TestFixedAndGradedIsARatingNotAReport(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		text  string
		stars int
	}{
		{"修好了 蛮好", 4},
		{"已经修好了，很满意", 5},
		{"修好了 一般", 3},
	} {
		f := newTicketFixture(t, nil)
		tk, _ := f.fileResolved(t, "5号楼2单元楼道灯坏了一个星期了")
		f.deliver(t)
		m := f.say(t, resident, c.text)
		if got := f.ticket(t, tk.ID).Rating; got != c.stars {
			t.Errorf("%q: rating %d, want %d (%q)", c.text, got, c.stars, m.Text)
		}
		if strings.Contains(strings.Join(buttonData(m), " "), "c:") {
			t.Errorf("%q: a report was started: %q", c.text, m.Text)
		}
	}
	// nothing to rate nor to add to: a friendly word, nothing filed or offered
	for _, text := range []string{"修好了 蛮好", "修好了 很差"} {
		f := newTicketFixture(t, nil)
		m := f.say(t, resident, text)
		if m.Text != "好的，有需要随时找我。" || len(buttonData(m)) != 0 {
			t.Errorf("%q, nothing to rate: want the friendly word alone, got %q %v", text, m.Text, buttonData(m))
		}
		if got := residentTickets(t, f); len(got) != 0 {
			t.Errorf("%q, nothing to rate: tickets %q", text, got)
		}
	}
	// stays: a fault of its own after the words
	f := newTicketFixture(t, nil)
	tk, _ := f.fileResolved(t, "5号楼2单元楼道灯坏了一个星期了")
	f.deliver(t)
	m := f.say(t, resident, "灯修好了 但是3号楼电梯又坏了")
	if f.ticket(t, tk.ID).Rating != 0 || findData(t, m, "c:send:") == "" {
		t.Errorf("a new fault: want a report, got %q (rating %d)", m.Text, f.ticket(t, tk.ID).Rating)
	}
}
