package storage_test

import (
	"context"
	"testing"
	"time"

	"codesk/storage"
	"codesk/storage/storagetest"
)

func TestMoveOutboxChatReaddressesOnlyTheMessagesNotYetSent(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		const group, supergroup = -4001, -1004001
		if err := db.EnqueueOutbox(ctx,
			storage.OutboxMessage{Key: "sent", ChatID: group, Text: "old card"},
			storage.OutboxMessage{Key: "card", ChatID: group, Text: "card"},
			storage.OutboxMessage{Key: "photo", ChatID: group, Text: "photo 2/2"},
			storage.OutboxMessage{Key: "other", ChatID: -4002, Text: "other party"},
		); err != nil {
			t.Fatal(err)
		}
		sent, err := db.OutboxByKey(ctx, "sent")
		if err != nil {
			t.Fatal(err)
		}
		if err := db.MarkOutboxSent(ctx, sent.ID, 5, time.Now()); err != nil {
			t.Fatal(err)
		}
		n, err := db.MoveOutboxChat(ctx, group, supergroup)
		if err != nil || n != 2 {
			t.Fatalf("moved %d, %v; want the 2 pending rows", n, err)
		}
		want := map[string]int64{"sent": group, "card": supergroup, "photo": supergroup, "other": -4002}
		for key, chat := range want {
			m, err := db.OutboxByKey(ctx, key)
			if err != nil {
				t.Fatal(err)
			}
			if m.ChatID != chat {
				t.Errorf("%s: chat %d, want %d", key, m.ChatID, chat)
			}
		}
	})
}
