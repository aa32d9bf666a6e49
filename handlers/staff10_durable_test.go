package handlers_test

import (
	"testing"
	"time"
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
