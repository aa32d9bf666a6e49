package storage_test

import (
	"context"
	"testing"
	"time"

	"codesk/storage"
	"codesk/storage/storagetest"
)

// A card waiting in the outbox is pending for its chat until it is sent or
// given up; other chats, purposes and tickets are not.
func TestTicketMessagePendingIsTheUnsentCardOfThatChat(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		tk, _, err := db.CreateTicket(ctx, leakTicket("draft:pending"), nil)
		if err != nil {
			t.Fatal(err)
		}
		const partyChat, otherChat = -1001002, -1001003
		pending := func(purpose string, chat int64) bool {
			t.Helper()
			ok, err := db.TicketMessagePending(ctx, tk.ID, purpose, chat)
			if err != nil {
				t.Fatal(err)
			}
			return ok
		}
		if pending("card", partyChat) {
			t.Fatal("a card pending before any was queued")
		}
		if err := db.EnqueueOutbox(ctx,
			storage.OutboxMessage{Key: "card:a", ChatID: partyChat, Text: "card", TicketID: tk.ID, Purpose: "card"},
			storage.OutboxMessage{Key: "relay:a", ChatID: otherChat, Text: "words", TicketID: tk.ID, Purpose: "relay"},
		); err != nil {
			t.Fatal(err)
		}
		if !pending("card", partyChat) {
			t.Error("the queued card is not pending for its chat")
		}
		if pending("card", otherChat) || pending("relay", partyChat) {
			t.Error("pending reported for another chat or purpose")
		}
		queued, err := db.OutboxByKey(ctx, "card:a")
		if err != nil {
			t.Fatal(err)
		}
		if err := db.MarkOutboxSent(ctx, queued.ID, 77, time.Now()); err != nil {
			t.Fatal(err)
		}
		if pending("card", partyChat) {
			t.Error("a sent card still pending")
		}
		if err := db.EnqueueOutbox(ctx, storage.OutboxMessage{Key: "card:b", ChatID: partyChat, Text: "card", TicketID: tk.ID, Purpose: "card"}); err != nil {
			t.Fatal(err)
		}
		given, err := db.OutboxByKey(ctx, "card:b")
		if err != nil {
			t.Fatal(err)
		}
		if err := db.MarkOutboxFailed(ctx, given.ID, "chat not found"); err != nil {
			t.Fatal(err)
		}
		if pending("card", partyChat) {
			t.Error("a card given up still pending")
		}
	})
}
