package handlers_test

import (
	"strings"
	"testing"
	"time"
)

// lastEditOf is the last edit of message msg in chat, and whether there was one.
func (m *ticketMessenger) lastEditOf(chat int64, msg int) (edit, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for i := len(m.edits) - 1; i >= 0; i-- {
		if e := m.edits[i]; e.chat == chat && e.msg == msg {
			return e, true
		}
	}
	return edit{}, false
}

// escalatedTicket files a ticket and lets it go unclaimed past the
// escalation: its card and the desk's escalation card.
func escalatedTicket(t *testing.T, f *ticketFixture) (ticketID int64, id string, card, esc int) {
	t.Helper()
	filed := f.now
	tk, c := f.fileTicket(t, resident, "5号楼2单元楼道灯坏了一个星期了")
	f.now = filed.Add(3 * time.Hour)
	f.checkSLA(t, 1, 0)
	f.deliver(t)
	f.now = filed.Add(8*time.Hour + time.Minute)
	f.checkSLA(t, 0, 1)
	e := onlyOne(t, byPurpose(f.deliver(t), "escalation"), "escalation card")
	return tk.ID, itoa(tk.ID), c.SentMessageID, e.SentMessageID
}

// Moving a ticket retires every card it had: the one not pressed loses its
// buttons too, and the desk, whose escalation was about the old party's
// delay, may no longer act on it.
func TestAMoveRetiresTheTicketsOtherCardsAndEndsTheDesksEscalation(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	ticketID, id, card, esc := escalatedTicket(t, f)
	f.staffPress(t, pmChat, pmMember, card, "s:to:"+id+":oc")
	f.deliver(t)

	e, ok := f.out.lastEditOf(coChat, esc)
	if !ok || len(e.buttons) != 0 || !strings.Contains(e.text, "已转派给【业委会】") {
		t.Errorf("the desk's escalation card after the move: %+v (edited %v); want the moved note and no buttons", e, ok)
	}
	f.staffPress(t, coChat, coMember, esc, "s:claim:"+id)
	if tk := f.ticket(t, ticketID); tk.AssigneeID == coMember || tk.EscalatedAt != nil {
		t.Errorf("the desk acted on a ticket moved to another party: %+v", tk)
	}
}

func TestTheDesksMoveRetiresThePartysCard(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	_, id, card, esc := escalatedTicket(t, f)
	f.staffPress(t, coChat, coMember, esc, "s:to:"+id+":oc")
	f.deliver(t)
	e, ok := f.out.lastEditOf(pmChat, card)
	if !ok || len(e.buttons) != 0 || !strings.Contains(e.text, "已转派给【业委会】") {
		t.Errorf("the party's card after the desk moved the ticket: %+v (edited %v)", e, ok)
	}
}

// A reply under an old card of a ticket that moved away and back goes to
// the resident, but does not bring that card back to life beside the
// current one.
func TestAReplyUnderAnOldCardLeavesItRetired(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, first := f.fileTicket(t, resident, "5号楼门口的共享单车堆满了人行道，走不过去")
	id := itoa(tk.ID)
	f.staffPress(t, pmChat, pmMember, first.SentMessageID, "s:to:"+id+":oc")
	ocCard := onlyOne(t, byPurpose(f.deliver(t), "card"), "card in the committee's chat")
	f.staffPress(t, ocChat, ocMember, ocCard.SentMessageID, "s:to:"+id+":pm")
	f.deliver(t)

	before, _ := f.out.lastEditOf(pmChat, first.SentMessageID)
	f.staffWrites(t, pmChat, pmMember, 300, first.SentMessageID, "我们来处理")
	onlyOne(t, residentMessages(f.deliver(t), resident), "relayed reply")
	if after, _ := f.out.lastEditOf(pmChat, first.SentMessageID); len(after.buttons) != 0 || after.text != before.text {
		t.Errorf("the old card was redrawn live: %+v", after)
	}
}
