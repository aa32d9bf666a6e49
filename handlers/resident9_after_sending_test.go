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
