package handlers_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"codesk/tickets"
)

// A ticket of the desk's own goes unclaimed past the escalation: the desk's
// chat, which has its card already, is told so under that card, and keeps
// one card offering to act on it.
func TestADeskTicketsEscalationLeavesOneLiveCardInTheDesksChat(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	v := &chatView{f: f}
	filed := f.now
	f.moveDraft(t, f.say(t, resident, "楼里最近总有陌生人发小广告，3号楼"), "co")
	f.press(t, resident, findData(t, f.out.last(t), "c:send:"))
	card := onlyOne(t, byPurpose(v.deliver(t), "card"), "the desk's card")
	id := itoa(card.TicketID)
	f.now = filed.Add(3 * time.Hour)
	f.checkSLA(t, 1, 0)
	v.deliver(t)
	f.now = filed.Add(8*time.Hour + time.Minute)
	f.checkSLA(t, 0, 1)
	out := v.deliver(t)

	if live := v.liveCards(coChat, id); !slices.Equal(live, []int{card.SentMessageID}) {
		t.Errorf("live cards of the ticket in the desk's chat: %v; want only its card %d", live, card.SentMessageID)
	}
	var marked bool
	for _, m := range out {
		if m.ChatID == coChat && m.ReplyTo == card.SentMessageID && strings.Contains(m.Text, "🚨") && strings.Contains(m.Text, "#"+id) {
			marked = true
		}
	}
	if !marked {
		t.Errorf("the escalation was not marked under the desk's card: %+v", out)
	}
	if n := escalations(t, f, card.TicketID); n != 1 {
		t.Errorf("escalated events = %d; want 1", n)
	}

	// the claim leaves the card the only message with buttons
	f.staffPress(t, coChat, coMember, card.SentMessageID, "s:claim:"+id)
	if got := f.ticket(t, card.TicketID); got.Status != tickets.StatusClaimed {
		t.Fatalf("claim from the desk's card: %+v", got)
	}
	for _, m := range v.sent {
		if m.ChatID == coChat && m.SentMessageID != card.SentMessageID && len(v.buttons(m)) != 0 {
			t.Errorf("after the claim, message %d (%s) still has buttons %v", m.SentMessageID, m.Purpose, v.buttons(m))
		}
	}
}

// The desk takes an escalated ticket on itself: its escalation card is
// retired beside the desk's new card, and stays so when the ticket is
// claimed from the new card; a press on it is refused.
func TestARetiredEscalationCardStaysRetired(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	v := &chatView{f: f}
	ticketID, id, card, esc := escalatedTicket(t, f)
	f.staffPress(t, coChat, coMember, esc, "s:to:"+id+":co")
	newCard := onlyOne(t, byPurpose(v.deliver(t), "card"), "the desk's own card")
	if e, _ := f.out.lastEditOf(coChat, esc); len(e.buttons) != 0 {
		t.Fatalf("the escalation card after the move: %+v", e)
	}

	f.staffPress(t, coChat, coMember, newCard.SentMessageID, "s:claim:"+id)
	if got := f.ticket(t, ticketID); got.Status != tickets.StatusClaimed || got.AssigneeID != coMember {
		t.Fatalf("claim from the desk's new card: %+v", got)
	}
	if e, _ := f.out.lastEditOf(coChat, esc); len(e.buttons) != 0 || !strings.Contains(e.text, "请在下方的新卡片上操作") {
		t.Errorf("the retired escalation card came back: %+v", e)
	}
	if e, _ := f.out.lastEditOf(pmChat, card); len(e.buttons) != 0 {
		t.Errorf("the party's retired card came back: %+v", e)
	}

	// a client still showing its old buttons: refused, the card unchanged
	f.staffPress(t, coChat, coMember, esc, "s:reassign:"+id)
	if n := f.lastNotice(); !strings.Contains(n, "旧卡片") {
		t.Errorf("a press on the retired escalation card: %q; want it called an older card", n)
	}
	if e, _ := f.out.lastEditOf(coChat, esc); len(e.buttons) != 0 {
		t.Errorf("a press revived the retired escalation card: %+v", e)
	}
}

// An escalation card a desk ticket got before the desk's own escalations
// stopped posting one (stored data) is not brought back by a claim.
func TestAnOldEscalationCardOfADeskTicketIsNotRevived(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	f.moveDraft(t, f.say(t, resident, "楼里最近总有陌生人发小广告，3号楼"), "co")
	f.press(t, resident, findData(t, f.out.last(t), "c:send:"))
	card := onlyOne(t, byPurpose(f.deliver(t), "card"), "the desk's card")
	const oldEscalation = 4242
	if err := f.db.RefMessage(f.ctx, coChat, oldEscalation, card.TicketID, "escalation", f.now); err != nil {
		t.Fatal(err)
	}
	id := itoa(card.TicketID)
	f.staffPress(t, coChat, coMember, card.SentMessageID, "s:claim:"+id)
	if e, ok := f.out.lastEditOf(coChat, oldEscalation); ok && len(e.buttons) != 0 {
		t.Errorf("the old escalation card was redrawn live beside the card: %+v", e)
	}
}
