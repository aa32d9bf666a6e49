package handlers_test

import (
	"strings"
	"testing"
	"time"

	"codesk/tickets"
)

// sendAskingPlace reports text, gives place when asked for it, sends the
// preview and delivers the card: the ticket just sent.
func (f *ticketFixture) sendAskingPlace(t *testing.T, text, place string) tickets.Ticket {
	t.Helper()
	f.say(t, resident, text)
	preview := f.say(t, resident, place)
	f.press(t, resident, findData(t, preview, "c:send:"))
	for _, m := range f.deliver(t) {
		if m.Purpose == "card" {
			return f.ticket(t, m.TicketID)
		}
	}
	t.Fatalf("no card delivered for %q", text)
	return tickets.Ticket{}
}

// The place corrected just after sending ("刚才说错了，是6号楼不是5号楼") is
// offered to the report just sent, and staff read it once the resident
// says yes; before, it got an FAQ search, or became a second report.
func TestAPlaceCorrectedJustAfterSendingIsOfferedToTheReport(t *testing.T) {
	t.Parallel()
	for _, fix := range []string{"刚才说错了，是6号楼不是5号楼", "不好意思说错了，是12号楼3单元，灯是电梯厅那个", "sorry, building 6 not building 5"} {
		f := newTicketFixture(t, nil)
		tk := f.sendAskingPlace(t, "楼道灯坏了", "5号楼")
		m := f.say(t, resident, fix)
		if !strings.Contains(m.Text, tk.Number()) {
			t.Errorf("%q: want the offer to add it to %s, got %q %v", fix, tk.Number(), m.Text, buttonData(m))
			continue
		}
		f.press(t, resident, findData(t, m, "r:conv:"+itoa(tk.ID)+":y"))
		if got := residentMessagesOf(t, f, tk.ID); len(got) != 1 || got[0] != fix {
			t.Errorf("%q: %s got %q", fix, tk.Number(), got)
		}
		relayed := false
		for _, o := range f.deliver(t) {
			relayed = relayed || (o.ChatID == pmChat && strings.Contains(o.Text, fix))
		}
		if !relayed {
			t.Errorf("%q: staff were not told", fix)
		}
		if tks, _ := f.db.ResidentTickets(f.ctx, resident, 10); len(tks) != 1 {
			t.Errorf("%q: %d tickets, want 1", fix, len(tks))
		}
	}

	// an hour later the report is no longer "just sent": not offered
	g := newTicketFixture(t, nil)
	g.sendAskingPlace(t, "楼道灯坏了", "5号楼")
	g.now = g.now.Add(time.Hour)
	if m := g.say(t, resident, "刚才说错了，是6号楼不是5号楼"); strings.Contains(m.Text, "#1") {
		t.Errorf("a correction an hour later was offered to the report: %q", m.Text)
	}
}

// The openings "刚才", "不好意思" before "说错了" open a place correction
// at a preview too: the draft's place is replaced.
func TestAPlaceCorrectedAfterAnOpeningAtThePreview(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	f.say(t, resident, "楼道灯坏了")
	f.say(t, resident, "5号楼")
	m := f.say(t, resident, "刚才说错了，是6号楼不是5号楼")
	if !strings.Contains(m.Text, "位置：6号楼（已更正，不是5号楼）") || strings.Contains(m.Text, "刚才") || !hasData(m, "c:send:") {
		t.Errorf("want the preview at 6号楼, got %q %v", m.Text, buttonData(m))
	}
}

// "When?" just after a report asks after it: the resident's open tickets,
// not an estate project's FAQ entry; "两个事情现在怎么样了" asks after both.
func TestWhenJustAfterAReportShowsIt(t *testing.T) {
	t.Parallel()
	for _, ask := range []string{"啥时候修好", "When will it be fixed?", "how long will it take to fix?", "多久能修好"} {
		f := newTicketFixture(t, nil)
		tk := f.sendAskingPlace(t, "电梯坏了", "8号楼")
		if m := f.say(t, resident, ask); !strings.Contains(m.Text, tk.Number()) || strings.Contains(m.Text, "外墙") {
			t.Errorf("%q after a report: want %s shown, got %q", ask, tk.Number(), m.Text)
		}
	}

	f := newTicketFixture(t, nil)
	lift := f.sendAskingPlace(t, "电梯坏了", "8号楼")
	light, _ := f.fileTicket(t, resident, "3号楼1单元楼道灯坏了")
	if m := f.say(t, resident, "两个事情现在怎么样了"); !strings.Contains(m.Text, lift.Number()) || !strings.Contains(m.Text, light.Number()) {
		t.Errorf("two open reports asked after: want both, got %q", m.Text)
	}
}

// An estate project's "when" is the FAQ's, with or without a report open;
// a bare "when" with nothing open, or long after the report, is too.
func TestWhenAboutAnEstateProjectIsTheFAQs(t *testing.T) {
	t.Parallel()
	const wall = "外墙修缮分楼栋分批进行。"
	f := newTicketFixture(t, nil)
	if m := f.say(t, resident, "外墙啥时候修好"); m.Text != wall {
		t.Errorf("nothing open: want the FAQ's answer, got %q", m.Text)
	}
	if m := f.say(t, resident, "啥时候修好"); m.Text != wall {
		t.Errorf("a bare 'when' with nothing open: want the FAQ's answer, got %q", m.Text)
	}
	f.sendAskingPlace(t, "电梯坏了", "8号楼")
	if m := f.say(t, resident, "外墙啥时候修好"); m.Text != wall {
		t.Errorf("a lift report open: want the FAQ's answer about the walls, got %q", m.Text)
	}
	f.now = f.now.Add(3 * time.Hour)
	if m := f.say(t, resident, "啥时候修好"); m.Text != wall {
		t.Errorf("a bare 'when' hours after the report: want the FAQ's answer, got %q", m.Text)
	}
}

// "any news on ticket 1?" names the resident's own ticket: it is shown. A
// number not theirs shows only their own tickets, nothing of the other.
func TestAChaseNamingATicketNumber(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk := f.sendAskingPlace(t, "电梯坏了", "8号楼")
	if tk.ID != 1 {
		t.Fatalf("the first ticket is %s", tk.Number())
	}
	for _, ask := range []string{"any news on ticket 1?", "工单1怎么样了", "#1 有消息吗"} {
		if m := f.say(t, resident, ask); !strings.Contains(m.Text, tk.Number()) || !strings.Contains(m.Text, "8号楼") {
			t.Errorf("%q: want %s shown, got %q", ask, tk.Number(), m.Text)
		}
	}

	g := newTicketFixture(t, nil)
	other, _ := g.fileTicket(t, neighbour, "9号楼地下车库积水很深")
	own, _ := g.fileTicket(t, resident, "5号楼2单元楼道灯坏了")
	m := g.say(t, resident, "any news on ticket "+itoa(other.ID)+"?")
	if strings.Contains(m.Text, "积水") || strings.Contains(m.Text, other.Number()) || !strings.Contains(m.Text, own.Number()) {
		t.Errorf("another's ticket named: want only the resident's own, got %q", m.Text)
	}
}
