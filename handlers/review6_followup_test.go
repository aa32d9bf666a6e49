package handlers_test

import (
	"strings"
	"testing"
)

// A withdrawal said with a new fault ("之前报的算了 现在3号楼电梯又坏了")
// must not lose the fault behind the offer to withdraw: the fault is
// drafted. Withdrawals with only a reason still offer the button.
func TestAWithdrawalWithANewFaultDraftsTheFault(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		text     string
		withdraw bool
	}{
		{"之前报的算了 现在3号楼电梯又坏了", false},
		{"刚才报的不要了 3号楼门口垃圾堆了好几天了臭死了", false},
		// stays
		{"之前报的算了", true},
		{"刚刚报的不要了 灯已经好了", true},
		{"不用修了，灯自己好了，撤销工单吧", true},
	} {
		f := newTicketFixture(t, nil)
		tk, _ := f.fileTicket(t, resident, "5号楼2单元楼道灯坏了")
		m := f.say(t, resident, c.text)
		data := strings.Join(buttonData(m), " ")
		if has := strings.Contains(data, "r:withdraw:"+itoa(tk.ID)); has != c.withdraw {
			t.Errorf("%q: withdraw button = %v, want %v (%q %v)", c.text, has, c.withdraw, m.Text, buttonData(m))
		}
		if !c.withdraw && !strings.Contains(data, "c:send:") && !strings.Contains(data, "c:skip:") {
			t.Errorf("%q: want the new fault drafted, got %q %v", c.text, m.Text, buttonData(m))
		}
	}
}

// A chase that says the fix failed disputes it (the ticket with its reopen
// button, the words held for staff); one that says it got worse, or tells
// more, is offered to the open ticket. A chase alone still lists.
func TestAChaseThatTellsMoreReachesTheTicket(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"我报的灯修好了伐 还是不亮", "上次报的那个修好了伐 我看还是不亮", "我报的灯修了吗 还是不亮啊"} {
		f := newTicketFixture(t, nil)
		tk, card := f.fileResolved(t, "5号楼2单元楼道灯坏了一个星期了")
		f.deliver(t)
		m := f.say(t, resident, text)
		f.press(t, resident, findData(t, m, "r:reopen:"+itoa(tk.ID)))
		var heard bool
		for _, out := range f.deliver(t) {
			if out.ChatID == pmChat && strings.Contains(out.Text, text) {
				heard = true
			}
		}
		if !heard {
			t.Errorf("%q: staff did not hear the dispute on reopening (card %d)", text, card.SentMessageID)
		}
	}
	for _, c := range []struct {
		report, text string
		offered      bool
	}{
		{"卫生间天花板漏水 12号楼502", "我之前报的修了没 现在更严重了 水漫到客厅了", true},
		{"楼上邻居半夜蹦迪 12号楼502", "我反映的楼上噪音怎么样了 昨晚又吵到两点", true},
		{"water leaking from ceiling in the bathroom, bldg 4 rm 502", "I reported the leak last week, it's getting worse and the ceiling is now sagging, when will someone come", true},
		// stays: a chase alone shows where it stands
		{"卫生间天花板漏水 12号楼502", "我之前报的修了没", false},
		{"卫生间天花板漏水 12号楼502", "漏水的事怎么样了 还有维修资金怎么用", false},
	} {
		f := newTicketFixture(t, nil)
		tk, _ := f.fileTicket(t, resident, c.report)
		before := f.out.count()
		m := f.say(t, resident, c.text)
		offered := strings.Contains(strings.Join(buttonData(m), " "), "r:conv:"+itoa(tk.ID)+":y")
		if offered != c.offered {
			t.Errorf("%q: offered = %v, want %v (%q %v)", c.text, offered, c.offered, m.Text, buttonData(m))
		}
		if listed := strings.Contains(strings.Join(texts(f.out.sentSince(before)), " "), "#1【"); listed == c.offered {
			t.Errorf("%q: ticket list shown = %v, want %v", c.text, listed, !c.offered)
		}
		if c.offered {
			f.press(t, resident, "r:conv:"+itoa(tk.ID)+":y:0")
			var heard bool
			for _, out := range f.deliver(t) {
				heard = heard || (out.ChatID < 0 && strings.Contains(out.Text, c.text)) // a staff chat
			}
			if !heard {
				t.Errorf("%q: staff did not hear it", c.text)
			}
		}
	}
}

// The same, said while another report waits: the dispute or the news goes
// to its ticket, and the waiting report is neither joined nor lost.
func TestAChaseThatTellsMoreAtAWaitingReport(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		resolved     bool
		report, text string
		button       string
	}{
		{true, "5号楼2单元楼道灯坏了一个星期了", "我报的灯修好了伐 还是不亮", "r:reopen:"},
		{false, "卫生间天花板漏水 12号楼502", "我之前报的修了没 现在更严重了 水漫到客厅了", "r:conv:"},
	} {
		f := newTicketFixture(t, nil)
		var id int64
		if c.resolved {
			tk, _ := f.fileResolved(t, c.report)
			id = tk.ID
		} else {
			tk, _ := f.fileTicket(t, resident, c.report)
			id = tk.ID
		}
		f.deliver(t)
		send := findData(t, f.say(t, resident, binReportZH), "c:send:")
		findData(t, f.say(t, resident, c.text), c.button+itoa(id))
		f.press(t, resident, send)
		if got := residentTickets(t, f); len(got) != 2 || got[0] != binReportZH {
			t.Errorf("%q: the waiting report took it or was lost: %q", c.text, got)
		}
	}
}

// "The same subject" just after a report is narrower: another building or
// "也" is another one of the same, and another matter sharing a word
// ("楼上") is its own report; more about what was reported is still offered.
func TestOnlyMoreOfTheSameIsOfferedToTheReportJustSent(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		report, then string
		offered      bool
	}{
		{"5号楼电梯坏了", "3号楼电梯也坏了", false},
		{"5号楼电梯坏了", "3号楼电梯按钮没反应", false},
		{"楼上卫生间漏水到我家了 12号楼502", "楼上装修太吵了 天天电钻", false},
		// stays
		{"5号楼电梯坏了", "电梯按钮按了没反应", true},
		{"楼上卫生间漏水到我家了 12号楼502", "楼上那家人一直不开门", true},
		{"water from the upstairs bathroom is leaking into my flat, building 12 room 502", "also the upstairs neighbour never answers the door", true},
	} {
		f := newTicketFixture(t, nil)
		tk, _ := f.fileTicket(t, resident, c.report)
		m := f.say(t, resident, c.then)
		offered := strings.Contains(strings.Join(buttonData(m), " "), "r:conv:"+itoa(tk.ID)+":y")
		if offered != c.offered {
			t.Errorf("%q after %q: offered = %v, want %v (%q %v)", c.then, c.report, offered, c.offered, m.Text, buttonData(m))
		}
		if !c.offered && findData(t, m, "c:send:") == "" {
			t.Errorf("%q: want a report of its own, got %q", c.then, m.Text)
		}
	}
}

// "修好了 很差" while the ticket is still open is a remark for its staff
// (offered to it), not swallowed by a friendly word; with a resolution
// waiting it rates it, and with nothing to rate or add to it is the
// friendly word.
func TestFixedButPoorOnAnOpenTicketReachesIt(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, _ := f.fileTicket(t, resident, "5号楼2单元楼道灯坏了")
	m := f.say(t, resident, "修好了 很差")
	f.press(t, resident, findData(t, m, "r:conv:"+itoa(tk.ID)+":y"))
	var heard bool
	for _, out := range f.deliver(t) {
		heard = heard || (out.ChatID == pmChat && strings.Contains(out.Text, "修好了 很差"))
	}
	if !heard {
		t.Errorf("staff did not hear 修好了 很差")
	}
	// stays: a resolution waiting is rated
	f = newTicketFixture(t, nil)
	tk, _ = f.fileResolved(t, "5号楼2单元楼道灯坏了")
	f.deliver(t)
	f.say(t, resident, "修好了 很差")
	if got := f.ticket(t, tk.ID).Rating; got != 1 {
		t.Errorf("resolved: rating %d, want 1", got)
	}
}
