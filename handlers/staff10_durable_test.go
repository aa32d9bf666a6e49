package handlers_test

import (
	"strings"
	"testing"
	"time"

	"codesk/tickets"
)

// A move's card that Telegram has not taken yet (the outbox stalled for
// longer than any grace period) is on its way, not missing: the resident
// writing more or the SLA check meanwhile queues no second card, so the new
// party sees one card when the outbox drains.
func TestAMovesStalledCardIsNotPostedTwice(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "5号楼门口的共享单车堆满了人行道，走不过去")
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:to:"+itoa(tk.ID)+":oc")

	f.now = f.now.Add(20 * time.Minute) // Telegram unreachable all along
	f.press(t, resident, "r:add:"+itoa(tk.ID))
	f.say(t, resident, "现在连轮椅都推不过去了")
	f.now = f.now.Add(3 * time.Hour)
	f.checkSLA(t, 1, 0)

	out := f.deliver(t)
	cards := byPurpose(out, "card")
	if len(cards) != 1 || cards[0].ChatID != ocChat {
		for _, c := range cards {
			t.Logf("card in chat %d: %q", c.ChatID, c.Text)
		}
		t.Fatalf("%d cards delivered after the stall; want the move's one, in the owners' committee's chat", len(cards))
	}
	relay := onlyOne(t, byPurpose(out, "relay"), "the resident's words")
	if relay.ChatID != ocChat {
		t.Errorf("the resident's words went to chat %d; want the owners' committee's", relay.ChatID)
	}
}

// Where a round began is kept with the tickets, not in shared state: after
// a restart without Redis, the desk's reply under the resident's answer
// from before the move still reaches the resident.
func TestWhereARoundBeganSurvivesARestart(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	ticketID, id, _, esc := escalatedTicket(t, f)
	f.staffWrites(t, coChat, coMember, 300, esc, "请问是几楼的灯？")
	f.deliver(t)
	f.press(t, resident, "r:add:"+id)
	f.say(t, resident, "3楼，另外楼梯扶手也松了")
	var answer int
	for _, m := range byPurpose(f.deliver(t), "relay") {
		if m.ChatID == coChat {
			answer = m.SentMessageID
		}
	}
	if answer == 0 {
		t.Fatal("the resident's answer was not relayed to the desk")
	}
	f.staffPress(t, coChat, coMember, esc, "s:to:"+id+":co")
	onlyOne(t, byPurpose(f.deliver(t), "card"), "the desk's new card")

	f.startHandler(t) // restarted; the in-memory state is gone
	f.staffWrites(t, coChat, coMember, 301, answer, "扶手我们也一起安排")
	got := residentMessages(f.deliver(t), resident)
	if len(got) != 1 || !strings.Contains(got[0].Text, "扶手我们也一起安排") {
		t.Errorf("after a restart the desk's reply under the resident's answer reached the resident %d times; want once", len(got))
	}
	if tk := f.ticket(t, ticketID); tk.Status == tickets.StatusNew {
		t.Errorf("the relayed reply left the ticket new: %+v", tk)
	}
}
