package storage_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"codesk/storage"
	"codesk/storage/storagetest"
)

func TestDueOutboxExceptSkipsTheGivenChatsSoABusyChatHidesNoOther(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		var busy []storage.OutboxMessage
		for i := range 500 {
			busy = append(busy, storage.OutboxMessage{Key: fmt.Sprint("busy:", i), ChatID: -1001234567890, Text: fmt.Sprint(i)})
		}
		if err := db.EnqueueOutbox(ctx, busy...); err != nil {
			t.Fatal(err)
		}
		if err := db.EnqueueOutbox(ctx,
			storage.OutboxMessage{Key: "resident", ChatID: 7, Text: "已受理"},
			storage.OutboxMessage{Key: "later", ChatID: 8, Text: "later", NextAttemptAt: time.Now().Add(time.Hour)},
			storage.OutboxMessage{Key: "other", ChatID: -1001234567891, Text: "card"},
		); err != nil {
			t.Fatal(err)
		}
		now := time.Now()

		all, err := db.DueOutboxExcept(ctx, now, 10, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != 10 || all[0].Text != "0" || all[9].Text != "9" {
			t.Fatalf("with nothing skipped the oldest due rows come first: %d rows, %+v", len(all), all)
		}

		got, err := db.DueOutboxExcept(ctx, now, 10, []int64{-1001234567890})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[0].Key != "resident" || got[1].Key != "other" {
			t.Errorf("skipping the busy chat lists the others' due rows, oldest first; got %+v", got)
		}

		got, err = db.DueOutboxExcept(ctx, now, 10, []int64{-1001234567890, 7, -1001234567891})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 0 {
			t.Errorf("every due chat skipped, and chat 8's row not due yet: got %+v", got)
		}
	})
}

// Replicas and restarted processes list due rows from the database alone:
// a chat's later row must not be listed while an earlier one waits for its
// retry or is leased to another sender, or it would overtake it.
func TestDueOutboxLeavesOutAChatsRowsBehindAnEarlierRowNotDue(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		now := time.Now()
		if err := db.EnqueueOutbox(ctx,
			storage.OutboxMessage{Key: "retry:1", ChatID: 7, Text: "staff reply"},
			storage.OutboxMessage{Key: "retry:2", ChatID: 7, Text: "resolved, please rate"},
			storage.OutboxMessage{Key: "leased:1", ChatID: 8, Text: "card"},
			storage.OutboxMessage{Key: "leased:2", ChatID: 8, Text: "photo 2/2"},
			storage.OutboxMessage{Key: "free:1", ChatID: 9, Text: "ack"},
			storage.OutboxMessage{Key: "free:2", ChatID: 9, Text: "reply"},
		); err != nil {
			t.Fatal(err)
		}
		first, err := db.OutboxByKey(ctx, "retry:1")
		if err != nil {
			t.Fatal(err)
		}
		if err := db.MarkOutboxRetry(ctx, first.ID, "HTTP 502", now.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		card, err := db.OutboxByKey(ctx, "leased:1")
		if err != nil {
			t.Fatal(err)
		}
		if _, ok, err := db.ClaimOutboxAttempt(ctx, card.ID, now, 30*time.Second); err != nil || !ok {
			t.Fatalf("claim: %v %v", ok, err)
		}

		got, err := db.DueOutboxExcept(ctx, now, 10, nil)
		if err != nil {
			t.Fatal(err)
		}
		var keys []string
		for _, m := range got {
			keys = append(keys, m.Key)
		}
		if fmt.Sprint(keys) != "[free:1 free:2]" {
			t.Errorf("due rows %v; want only chat 9's, the others wait behind their first row", keys)
		}

		got, err = db.DueOutboxExcept(ctx, now.Add(2*time.Minute), 10, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 6 || got[0].Key != "retry:1" {
			t.Errorf("once the first rows are due again every row is listed, oldest first; got %d rows, %+v", len(got), got)
		}
	})
}
