package handlers_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"codesk/parties"
	"codesk/tickets"
)

// A card is live only in the chat that owns its ticket now, or as the
// desk's live escalation card: a press on any other card of the ticket is
// refused, and no redraw brings such a card back.

// The desk moves its own ticket to property management, which leaves it
// unclaimed until it escalates back to the desk. A press on the desk's old,
// retired card (a client still showing its buttons) claims nothing, and the
// desk's chat keeps one live card of the ticket: the escalation card.
func TestAPressOnTheDesksRetiredCardOfAnEscalatedTicketIsRefused(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	v := &chatView{f: f}
	f.moveDraft(t, f.say(t, resident, "楼里最近总有陌生人发小广告，3号楼"), "co")
	f.press(t, resident, findData(t, f.out.last(t), "c:send:"))
	old := onlyOne(t, byPurpose(v.deliver(t), "card"), "the desk's card")
	id := itoa(old.TicketID)
	f.staffPress(t, coChat, coMember, old.SentMessageID, "s:to:"+id+":pm")
	onlyOne(t, byPurpose(v.deliver(t), "card"), "property management's card")
	moved := f.now
	f.now = moved.Add(3 * time.Hour)
	f.checkSLA(t, 1, 0)
	v.deliver(t)
	f.now = moved.Add(8*time.Hour + time.Minute)
	f.checkSLA(t, 0, 1)
	esc := onlyOne(t, byPurpose(v.deliver(t), "escalation"), "the desk's escalation card")

	f.staffPress(t, coChat, coMember, old.SentMessageID, "s:claim:"+id)
	if got := f.ticket(t, old.TicketID); got.Status != tickets.StatusNew {
		t.Fatalf("a press on the desk's retired card claimed the ticket: %+v", got)
	}
	if n := f.lastNotice(); !strings.Contains(n, "旧卡片") {
		t.Errorf("the press on the retired card was told %q; want the older-card notice", n)
	}
	if e, ok := f.out.lastEditOf(coChat, old.SentMessageID); ok && len(e.buttons) != 0 {
		t.Errorf("the retired card got buttons back: %v", editData(e))
	}
	if live := v.liveCards(coChat, id); !slices.Equal(live, []int{esc.SentMessageID}) {
		t.Errorf("live cards in the desk's chat: %v; want only the escalation card %d", live, esc.SentMessageID)
	}

	// the escalation card acts, and the old card stays retired
	f.staffPress(t, coChat, coMember, esc.SentMessageID, "s:claim:"+id)
	if got := f.ticket(t, old.TicketID); got.Status != tickets.StatusClaimed || got.AssigneeID != coMember {
		t.Fatalf("claim from the escalation card: %+v", got)
	}
	if live := v.liveCards(coChat, id); !slices.Equal(live, []int{esc.SentMessageID}) {
		t.Errorf("after the claim, live cards in the desk's chat: %v; want only %d", live, esc.SentMessageID)
	}
}

// The neighbourhood committee had no chat, so its ticket's card went to the
// desk's chat; then the committee's chat is configured, and the ticket
// escalates. The escalation card is the desk's live card: the claim from it
// redraws it, not the old card, and a press on the old card is refused.
func TestAPartysCardInTheDesksChatIsOldOnceThePartyHasAChat(t *testing.T) {
	t.Parallel()
	chats := map[parties.ID]int64{parties.PropertyManagement: pmChat, parties.OwnersCommittee: ocChat, parties.CoOffice: coChat}
	f := newTicketFixture(t, chats)
	v := &chatView{f: f}
	f.moveDraft(t, f.say(t, resident, "楼里最近总有陌生人发小广告，3号楼"), "nc")
	f.press(t, resident, findData(t, f.out.last(t), "c:send:"))
	old := onlyOne(t, byPurpose(v.deliver(t), "card"), "the committee's card in the desk's chat")
	if old.ChatID != coChat {
		t.Fatalf("the committee's card went to chat %d; want the desk's", old.ChatID)
	}
	id := itoa(old.TicketID)
	chats[parties.NeighborhoodCommittee] = ncChat
	filed := f.now
	f.now = filed.Add(3 * time.Hour)
	f.checkSLA(t, 1, 0)
	v.deliver(t)
	f.now = filed.Add(8*time.Hour + time.Minute)
	f.checkSLA(t, 0, 1)
	esc := onlyOne(t, byPurpose(v.deliver(t), "escalation"), "the desk's escalation card")

	f.staffPress(t, coChat, coMember, esc.SentMessageID, "s:claim:"+id)
	if got := f.ticket(t, old.TicketID); got.Status != tickets.StatusClaimed {
		t.Fatalf("claim from the escalation card: %+v", got)
	}
	if e, ok := f.out.lastEditOf(coChat, old.SentMessageID); ok && len(e.buttons) != 0 {
		t.Errorf("the claim redrew the old card with buttons: %v", editData(e))
	}
	f.staffPress(t, coChat, coMember, old.SentMessageID, "s:askresolve:"+id)
	if n := f.lastNotice(); !strings.Contains(n, "旧卡片") {
		t.Errorf("a press on the old card was told %q; want the older-card notice", n)
	}
	if live := v.liveCards(coChat, id); !slices.Equal(live, []int{esc.SentMessageID}) {
		t.Errorf("live cards in the desk's chat: %v; want only the escalation card %d", live, esc.SentMessageID)
	}
}
