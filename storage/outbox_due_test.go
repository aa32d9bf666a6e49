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
