package storage_test

import (
	"context"
	"testing"
	"time"

	"codesk/storage"
	"codesk/storage/storagetest"
)

func TestPruneDropsOnlyFinishedOldRowsAndKeepsTheNewestUpdate(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
		old := now.Add(-10 * 24 * time.Hour)
		ups := []storage.StoredUpdate{
			{ID: 1, ChatID: 5, Payload: []byte(`{"update_id":1}`), ReceivedAt: old}, // handled, old: goes
			{ID: 2, ChatID: 5, Payload: []byte(`{"update_id":2}`), ReceivedAt: old}, // unhandled: stays
			{ID: 3, ChatID: 5, Payload: []byte(`{"update_id":3}`), ReceivedAt: old}, // newest: stays
		}
		if err := db.StoreUpdates(ctx, ups); err != nil {
			t.Fatal(err)
		}
		for _, id := range []int64{1, 3} {
			if err := db.MarkUpdateHandled(ctx, id, old); err != nil {
				t.Fatal(err)
			}
		}
		if err := db.EnqueueOutbox(ctx,
			storage.OutboxMessage{Key: "old-sent", ChatID: 5, Text: "a", CreatedAt: old},
			storage.OutboxMessage{Key: "old-pending", ChatID: 5, Text: "b", CreatedAt: old},
			storage.OutboxMessage{Key: "new-sent", ChatID: 5, Text: "c", CreatedAt: now}); err != nil {
			t.Fatal(err)
		}
		for _, key := range []string{"old-sent", "new-sent"} {
			m, _ := db.OutboxByKey(ctx, key)
			if err := db.MarkOutboxSent(ctx, m.ID, 1, now); err != nil {
				t.Fatal(err)
			}
		}
		p, err := db.Prune(ctx, now.Add(-7*24*time.Hour), now.Add(-7*24*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if p.Updates != 1 || p.Outbox != 1 {
			t.Errorf("pruned %+v, want 1 update and 1 outbox row", p)
		}
		if last, _ := db.LastStoredUpdateID(ctx); last != 3 {
			t.Errorf("the newest update must stay (polling resumes after it), last = %d", last)
		}
		if un, _ := db.UnhandledUpdates(ctx, 10); len(un) != 1 || un[0].ID != 2 {
			t.Errorf("unhandled updates are kept: %+v", un)
		}
		if _, err := db.OutboxByKey(ctx, "old-pending"); err != nil {
			t.Errorf("a pending message is never pruned: %v", err)
		}
		if _, err := db.OutboxByKey(ctx, "old-sent"); err == nil {
			t.Error("the old sent message should be gone")
		}
	})
}
