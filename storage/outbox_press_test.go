package storage_test

import (
	"context"
	"testing"

	"codesk/storage"
	"codesk/storage/storagetest"
)

// A staff press on a card whose send was cut short proves the card arrived:
// it is recorded as delivered with the pressed message's id, and a press on
// a message already known, or with data no attempted message carries,
// records nothing.
func TestAPressOnACardInDoubtRecordsItAsDelivered(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		const group int64 = -1001000000001
		sendKnown(t, db, "old card", group, 40, 1)
		card := storage.OutboxMessage{Key: "ticket:7:card", ChatID: group, Text: "card", TicketID: 7, Purpose: "card",
			Buttons: [][]storage.OutboxButton{{{Text: "Claim", Data: "s:claim:7"}, {Text: "Resolve", Data: "s:resolve:7"}}}}
		if err := db.EnqueueOutbox(ctx, card); err != nil {
			t.Fatal(err)
		}
		row := outboxByKey(t, db, card.Key)

		// Not attempted yet: a press cannot be on it.
		if ok, err := db.ConfirmOutboxByPress(ctx, group, 41, "s:claim:7", testTime); err != nil || ok {
			t.Fatalf("press before any attempt = %v, %v; want nothing recorded", ok, err)
		}
		claimAttempt(t, db, row.ID, testTime) // the process dies mid-send

		for _, press := range []struct {
			msg  int
			data string
		}{{40, "s:claim:7"}, {41, "s:claim:8"}, {41, ""}} {
			if ok, err := db.ConfirmOutboxByPress(ctx, group, press.msg, press.data, testTime); err != nil || ok {
				t.Errorf("press %+v = %v, %v; want nothing recorded", press, ok, err)
			}
		}
		if ok, err := db.ConfirmOutboxByPress(ctx, group, 41, "s:resolve:7", testTime); err != nil || !ok {
			t.Fatalf("press on the card = %v, %v; want it recorded", ok, err)
		}
		got := outboxByKey(t, db, card.Key)
		if got.Status != storage.OutboxSent || got.SentMessageID != 41 {
			t.Fatalf("card after the press = %+v; want sent as message 41", got)
		}
	})
}
