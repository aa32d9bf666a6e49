package handlers_test

import (
	"strings"
	"testing"

	"codesk/handlers"
	"codesk/tickets"
)

// Every resident button names a ticket id in its data, which anyone can
// forge: pressed by another resident, each one must be refused before it
// reveals, changes or relays anything — including on a resolved ticket
// (where rate and reopen would otherwise act) and on a held follow-up.
func TestAnotherResidentsTicketIsRefusedOnEveryResidentButton(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	theirs, card := f.fileTicket(t, neighbour, "5号楼1单元电梯坏了，困了人")
	id := itoa(theirs.ID)
	if card.ChatID != pmChat {
		t.Fatalf("card in chat %d, want property management's", card.ChatID)
	}
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:claim:"+id)
	f.deliver(t)
	// Staff ask the neighbour something; the neighbour answers without
	// Telegram's reply, so codesk holds it and asks "for the ticket?".
	staff := handlers.Incoming{ChatID: pmChat, Chat: handlers.GroupChat, UserID: pmMember, UserName: "王师傅",
		MessageID: 77, ReplyTo: card.SentMessageID, Kind: handlers.TextMessage, Text: "请问是几楼？"}
	if err := f.h.Handle(f.ctx, staff); err != nil {
		t.Fatal(err)
	}
	f.deliver(t)
	ask := f.send(t, handlers.Incoming{UserID: neighbour, UpdateID: 9101, MessageID: 41, Kind: handlers.TextMessage, Text: "是1202室"})
	conv := findData(t, ask, "r:conv:"+id+":y")

	sent := f.out.count()
	for _, data := range []string{
		"r:show:" + id, "r:add:" + id, "r:rate:" + id + ":1", "r:reopen:" + id, "r:nocomment:" + id,
		conv, "r:conv:" + id + ":n:41",
	} {
		f.press(t, resident, data)
		if n := f.lastNotice(); !strings.Contains(n, "失效") {
			t.Errorf("%s pressed by another resident: want the expired-button refusal, got %q", data, n)
		}
	}
	// And once the ticket is resolved, rating and reopening are still theirs alone.
	if n := f.out.count() - sent; n != 0 {
		t.Errorf("refused presses sent %d messages", n)
	}
	if due, _ := f.db.DueOutbox(f.ctx, f.now, 10); len(due) != 0 {
		t.Errorf("refused presses enqueued %+v", due)
	}
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:resolve:"+id)
	f.deliver(t)
	sent = f.out.count()
	for _, data := range []string{"r:rate:" + id + ":1", "r:reopen:" + id, "r:show:" + id} {
		f.press(t, resident, data)
		if n := f.lastNotice(); !strings.Contains(n, "失效") {
			t.Errorf("%s on a resolved ticket pressed by another resident: got %q", data, n)
		}
	}
	if n := f.out.count() - sent; n != 0 {
		t.Errorf("refused presses sent %d messages", n)
	}
	if due, _ := f.db.DueOutbox(f.ctx, f.now, 10); len(due) != 0 {
		t.Errorf("refused presses enqueued %+v", due)
	}
	if got := f.ticket(t, theirs.ID); got.Rating != 0 || got.Status != tickets.StatusResolved {
		t.Errorf("refused presses changed the ticket: %+v", got)
	}
	// The "details" text the resident typed next is not added to the
	// neighbour's ticket (r:add was refused, so nothing is awaited).
	f.say(t, resident, "我家也很吵")
	events, err := f.db.TicketEvents(f.ctx, theirs.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range events {
		if e.ActorID == resident {
			t.Errorf("another resident left an event on the ticket: %+v", e)
		}
	}
}

// Staff buttons (s:*) pressed by a resident in their private chat — on
// their own ticket or anyone's — are refused and change nothing: only the
// ticket's party chat may act on it.
func TestStaffButtonsFromAResidentInAPrivateChatAreRefused(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	mine, _ := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	id := itoa(mine.ID)
	sent := f.out.count()
	for _, data := range []string{"s:claim:" + id, "s:resolve:" + id, "s:askresolve:" + id, "s:reassign:" + id, "s:to:" + id + ":oc", "s:back:" + id, "s:claim:x", "s:"} {
		f.press(t, resident, data)
		if n := f.lastNotice(); !strings.Contains(n, "无效") {
			t.Errorf("%q from a resident's private chat: want the invalid-action refusal, got %q", data, n)
		}
		// A press on an inaccessible message arrives with the presser's own id
		// as the chat; even a party chat member is refused there.
		f.press(t, pmMember, data)
		if n := f.lastNotice(); !strings.Contains(n, "无效") {
			t.Errorf("%q from a staff member's private chat: want the invalid-action refusal, got %q", data, n)
		}
	}
	if got := f.ticket(t, mine.ID); got.Status != tickets.StatusNew || got.AssigneeID != 0 || got.Party != mine.Party {
		t.Errorf("refused presses changed the ticket: %+v", got)
	}
	if n := f.out.count() - sent; n != 0 {
		t.Errorf("refused presses sent %d messages", n)
	}
	if due, _ := f.db.DueOutbox(f.ctx, f.now, 10); len(due) != 0 {
		t.Errorf("refused presses enqueued %+v", due)
	}
}
