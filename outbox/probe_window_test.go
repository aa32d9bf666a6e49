package outbox_test

import (
	"context"
	"testing"
	"time"

	"codesk/bot/botapitest"
	"codesk/handlers"
	"codesk/outbox"
	"codesk/storage/storagetest"
)

// Staff groups chat between cards: more members' messages than one probe
// window may lie between the last message the database knows and a card in
// doubt. A window full of other messages says nothing about the ids after
// it, so the search goes on rather than sending the card a second time.
func TestACardInDoubtBeyondAWindowOfStaffChatterIsFoundNotSentAgain(t *testing.T) {
	db := storagetest.Open(t)
	ctx := context.Background()
	fake, m := newTelegram(t, 5*time.Second)
	staff := botapitest.User{ID: 2102, FirstName: "李经理"}

	enqueue(t, db, cardRow("ticket:1:card", 1))
	w := &outbox.Worker{Store: db, Messenger: m, Log: quiet, ProbeWindow: 5}
	if _, err := w.Drain(ctx); err != nil { // card #1: the chat's last known message
		t.Fatal(err)
	}
	for range 12 {
		fake.UserSays(staffGroup, staff, "收到")
	}
	enqueue(t, db, cardRow("ticket:11:card", 11))
	row, _ := db.OutboxByKey(ctx, "ticket:11:card")
	if ok, err := db.ClaimOutbox(ctx, row.ID, time.Now(), 50*time.Millisecond); err != nil || !ok {
		t.Fatal(ok, err)
	}
	// The claimed send goes out; the process dies before recording it.
	if _, err := m.SendOnce(ctx, handlers.OutMessage{ChatID: staffGroup.ID, Text: row.Text, Buttons: [][]handlers.Button{
		{{Text: "认领 Claim", Data: "s:claim:11"}, {Text: "已解决", Data: "s:resolve:11"}}}}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(60 * time.Millisecond) // the lease lapses

	if n, err := w.Drain(ctx); err != nil || n != 1 {
		t.Fatalf("drain: %d, %v", n, err)
	}
	n, card := cards(fake, "🆕 工单 #11")
	if n != 1 {
		t.Fatalf("the staff group shows %d cards #11, want exactly 1", n)
	}
	if row, _ := db.OutboxByKey(ctx, "ticket:11:card"); row.SentMessageID != card.MessageID {
		t.Errorf("recorded as message %d, the card is %d", row.SentMessageID, card.MessageID)
	}
}
