package handlers_test

import (
	"slices"
	"strings"
	"testing"
)

// The desk takes an escalated ticket on itself from its escalation card:
// its chat keeps one live card, the new one, and the escalation card says
// the ticket is now the desk's own, to be acted on below, not that it was
// "reassigned to" the chat it is in.
func TestTheDeskTakingAnEscalatedTicketOnLeavesOneLiveCard(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	v := &chatView{f: f}
	_, id, card, esc := escalatedTicket(t, f)
	f.staffPress(t, coChat, coMember, esc, "s:to:"+id+":co")
	newCard := onlyOne(t, byPurpose(v.deliver(t), "card"), "the desk's own card")
	if live := v.liveCards(coChat, id); !slices.Equal(live, []int{newCard.SentMessageID}) {
		t.Errorf("live cards in the desk's chat: %v; want only %d", live, newCard.SentMessageID)
	}
	e, _ := f.out.lastEditOf(coChat, esc)
	if len(e.buttons) != 0 || strings.Contains(e.text, "已转派给【三方联合办公室】") || !strings.Contains(e.text, "请在下方的新卡片上操作") {
		t.Errorf("the escalation card after the desk took the ticket on: %+v", e)
	}
	if e, _ := f.out.lastEditOf(pmChat, card); !strings.Contains(e.text, "已转派给【三方联合办公室】") {
		t.Errorf("the party's card after the move: %+v; want where it went", e)
	}
}

// The party passes its escalated ticket to the desk: the same, from the
// party's card.
func TestThePartyPassingAnEscalatedTicketToTheDeskRetiresTheEscalationCard(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	v := &chatView{f: f}
	_, id, card, esc := escalatedTicket(t, f)
	f.staffPress(t, pmChat, pmMember, card, "s:to:"+id+":co")
	newCard := onlyOne(t, byPurpose(v.deliver(t), "card"), "the desk's own card")
	if live := v.liveCards(coChat, id); !slices.Equal(live, []int{newCard.SentMessageID}) {
		t.Errorf("live cards in the desk's chat: %v; want only %d", live, newCard.SentMessageID)
	}
	if e, _ := f.out.lastEditOf(coChat, esc); strings.Contains(e.text, "已转派给【三方联合办公室】") || !strings.Contains(e.text, "新卡片") {
		t.Errorf("the escalation card after the party passed the ticket to the desk: %+v", e)
	}
}
