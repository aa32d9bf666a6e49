package storage_test

import (
	"context"
	"testing"
	"time"

	"codesk/storage"
	"codesk/storage/storagetest"
)

func TestRecentlySentMessagesAreListedForARestartedSender(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		if err := db.EnqueueOutbox(ctx,
			storage.OutboxMessage{Key: "old", ChatID: -1, Text: "a"},
			storage.OutboxMessage{Key: "new", ChatID: -2, Text: "b"},
			storage.OutboxMessage{Key: "pending", ChatID: -3, Text: "c"}); err != nil {
			t.Fatal(err)
		}
		base := time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)
		for key, at := range map[string]time.Time{"old": base.Add(-2 * time.Minute), "new": base.Add(-10 * time.Second)} {
			m, err := db.OutboxByKey(ctx, key)
			if err != nil {
				t.Fatal(err)
			}
			if err := db.MarkOutboxSent(ctx, m.ID, 1, at); err != nil {
				t.Fatal(err)
			}
		}
		got, err := db.SentOutboxSince(ctx, base.Add(-time.Minute))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].ChatID != -2 || !got[0].SentAt.Equal(base.Add(-10*time.Second)) {
			t.Errorf("want only the message sent 10s ago, got %+v", got)
		}

		m, _ := db.OutboxByKey(ctx, "pending")
		if ok, err := db.ClaimOutbox(ctx, m.ID, base, time.Second); err != nil || !ok {
			t.Fatal(ok, err)
		}
		if err := db.ExtendOutboxLease(ctx, m.ID, base.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if due, _ := db.DueOutbox(ctx, base.Add(time.Minute), 10); len(due) != 0 {
			t.Errorf("an extended lease keeps the row from being due: %+v", due)
		}
		if due, _ := db.DueOutbox(ctx, base.Add(2*time.Hour), 10); len(due) != 1 {
			t.Errorf("after the extended lease the row is due again: %+v", due)
		}
	})
}
