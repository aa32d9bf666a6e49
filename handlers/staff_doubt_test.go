package handlers_test

import (
	"testing"
	"time"

	"codesk/storage"
)

// A card whose send was cut short (claimed by a sender that died) may well
// have arrived: a staff press on it proves it did, so it is recorded as
// delivered and never posted again, even though the claim changes it.
func TestAStaffPressOnACardInDoubtRecordsItSoItIsNotPostedAgain(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	preview := f.say(t, resident, "3号楼2单元电梯又坏了")
	f.press(t, resident, findData(t, preview, "c:send:"))
	due, err := f.db.DueOutbox(f.ctx, f.now, 100)
	if err != nil {
		t.Fatal(err)
	}
	var card storage.OutboxMessage
	for _, m := range due {
		if m.Purpose == "card" {
			card = m
		}
	}
	if card.ID == 0 {
		t.Fatalf("no card queued: %+v", due)
	}
	// The sender claims the card, Telegram posts it as message 777, and the
	// process dies before recording that.
	if _, ok, err := f.db.ClaimOutboxAttempt(f.ctx, card.ID, f.now, time.Second); err != nil || !ok {
		t.Fatalf("claim = %v, %v", ok, err)
	}
	f.staffPress(t, pmChat, pmMember, 777, "s:claim:"+itoa(card.TicketID))

	f.now = f.now.Add(time.Minute) // the lease has lapsed
	due, err = f.db.DueOutbox(f.ctx, f.now, 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range due {
		if m.ID == card.ID {
			t.Fatalf("the pressed card is due to be posted again: %+v", m)
		}
	}
	if got := outboxRow(t, f, card.Key); got.Status != storage.OutboxSent || got.SentMessageID != 777 {
		t.Errorf("card row = %+v; want sent as message 777", got)
	}
	if tk, purpose, err := f.db.TicketByMessage(f.ctx, pmChat, 777); err != nil || tk.ID != card.TicketID || purpose != "card" {
		t.Errorf("message 777 is not known as the ticket's card: %+v %q %v", tk, purpose, err)
	}
}

func outboxRow(t *testing.T, f *ticketFixture, key string) storage.OutboxMessage {
	t.Helper()
	m, err := f.db.OutboxByKey(f.ctx, key)
	if err != nil {
		t.Fatal(err)
	}
	return m
}
