package outbox_test

import (
	"context"
	"testing"
	"time"

	"codesk/bot/botapitest"
	"codesk/outbox"
	"codesk/storage"
	"codesk/storage/storagetest"
)

// Replica A delivers a row but its database will not record it (its
// connections reset): A keeps the row's lease while it holds the delivery
// in memory, so replica B, whose connection works, does not list the row
// and send it again.
func TestAnUnrecordedDeliveryIsNotSentAgainByAnotherReplica(t *testing.T) {
	fake := botapitest.NewServer(t)
	db := storagetest.Open(t)
	ctx := context.Background()
	const resident = 4545
	enqueue(t, db, storage.OutboxMessage{Key: "ticket:3:ev:u79:reply", ChatID: resident, Text: "物业回复：已修好。", Purpose: "resident"})
	storeA := &markFails{DB: db}
	storeA.failures.Store(1000)
	a := &outbox.Worker{Store: storeA, Messenger: messengerOn(t, fake.URL), Log: quiet, Lease: 100 * time.Millisecond, RecordRetry: time.Millisecond}
	b := &outbox.Worker{Store: db, Messenger: messengerOn(t, fake.URL), Log: quiet, Lease: 100 * time.Millisecond}
	if _, err := a.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond) // A's lease lapses
	if _, err := b.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	if n := len(fake.Sent(resident)); n != 1 {
		t.Errorf("resident received the reply %d times; want once", n)
	}
}
