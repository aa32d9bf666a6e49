package handlers_test

import (
	"strings"
	"testing"
	"time"

	"codesk/parties"
	"codesk/storage"
	"codesk/tickets"
)

// A ticket whose card went to the desk's chat while its party had no chat
// gets a card in the party's chat once it has one: the first press there
// or on the old card posts it, and the ticket can be resolved from it.

// committeeTicketInTheDesksChat files a ticket for the neighbourhood
// committee while it has no chat (its card goes to the desk's), and
// returns the fixture, the chats (to give the committee one) and the card.
func committeeTicketInTheDesksChat(t *testing.T) (*ticketFixture, map[parties.ID]int64, storage.OutboxMessage) {
	t.Helper()
	chats := map[parties.ID]int64{parties.PropertyManagement: pmChat, parties.OwnersCommittee: ocChat, parties.CoOffice: coChat}
	f := newTicketFixture(t, chats)
	f.moveDraft(t, f.say(t, resident, "楼里最近总有陌生人发小广告，3号楼"), "nc")
	f.press(t, resident, findData(t, f.out.last(t), "c:send:"))
	old := onlyOne(t, byPurpose(f.deliver(t), "card"), "the committee's card in the desk's chat")
	if old.ChatID != coChat {
		t.Fatalf("the card went to chat %d; want the desk's", old.ChatID)
	}
	return f, chats, old
}

// resolvableIn checks that the delivered out holds one card of ticketID in
// chat whose resolve works for member.
func resolvableIn(t *testing.T, f *ticketFixture, out []storage.OutboxMessage, chat, member, ticketID int64) {
	t.Helper()
	card := onlyOne(t, byPurpose(out, "card"), "the card in the committee's chat")
	if card.ChatID != chat {
		t.Fatalf("the new card went to chat %d; want %d", card.ChatID, chat)
	}
	f.staffPress(t, chat, member, card.SentMessageID, "s:resolve:"+itoa(ticketID))
	if got := f.ticket(t, ticketID); got.Status != tickets.StatusResolved {
		t.Errorf("resolve from the new card: %+v (told %q)", got, f.lastNotice())
	}
}

func TestAClaimedTicketGetsACardWhenItsPartyGetsAChat(t *testing.T) {
	t.Parallel()
	f, chats, old := committeeTicketInTheDesksChat(t)
	id := itoa(old.TicketID)
	f.staffPress(t, coChat, coMember, old.SentMessageID, "s:claim:"+id)
	f.deliver(t)
	chats[parties.NeighborhoodCommittee] = ncChat

	f.staffPress(t, coChat, coMember, old.SentMessageID, "s:askresolve:"+id)
	if n := f.lastNotice(); !strings.Contains(n, "卡片已发到【居委会】的群") {
		t.Errorf("the press on the old card was told %q; want where the card is now", n)
	}
	if e, ok := f.out.lastEditOf(coChat, old.SentMessageID); !ok || len(e.buttons) != 0 || !strings.Contains(e.text, "居委会") {
		t.Errorf("the old card: %+v (edited %v); want a pointer and no buttons", e, ok)
	}
	out := f.deliver(t)
	f.staffPress(t, coChat, coMember, old.SentMessageID, "s:askresolve:"+id) // again: no second card
	out = append(out, f.deliver(t)...)
	resolvableIn(t, f, out, ncChat, ncMember, old.TicketID)
}

// Reminded in the committee's new chat: the card to act on comes with the
// reminder, and a claim from the reminder adds no second one.
func TestAReminderBringsTheCardToThePartysNewChat(t *testing.T) {
	t.Parallel()
	f, chats, old := committeeTicketInTheDesksChat(t)
	chats[parties.NeighborhoodCommittee] = ncChat
	f.now = f.now.Add(3 * time.Hour)
	f.checkSLA(t, 1, 0)
	out := f.deliver(t)
	reminder := onlyOne(t, byPurpose(out, "reminder"), "the reminder")
	if reminder.ChatID != ncChat {
		t.Fatalf("the reminder went to chat %d; want the committee's", reminder.ChatID)
	}
	f.staffPress(t, ncChat, ncMember, reminder.SentMessageID, "s:claim:"+itoa(old.TicketID))
	if got := f.ticket(t, old.TicketID); got.Status != tickets.StatusClaimed {
		t.Fatalf("claim from the reminder: %+v", got)
	}
	if cards := byPurpose(f.deliver(t), "card"); len(cards) != 0 {
		t.Errorf("the claim posted %d more cards; the reminder's came already", len(cards))
	}
	resolvableIn(t, f, out, ncChat, ncMember, old.TicketID)
}
