package storage_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"codesk/storage"
	"codesk/storage/storagetest"
)

func TestOutboxRoundTripAndDedupe(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		msgs := []storage.OutboxMessage{
			{Key: "ticket:1:card", ChatID: -1001001, Text: "#1 电梯又坏了\n3号楼2单元",
				Buttons: [][]storage.OutboxButton{
					{{Text: "认领", Data: "s:claim:1"}, {Text: "转交", Data: "s:reassign:1"}},
					{{Text: "已解决", Data: "s:resolve:1"}},
				},
				ReplyTo: 77, PhotoID: "AgACAgUAAxkBAAIBZ2", TicketID: 1, Purpose: "card", CreatedAt: testTime},
			{Key: "notice:water", ChatID: 501, CreatedAt: testTime}, // empty text, no buttons, no ticket
		}
		if err := db.EnqueueOutbox(ctx, msgs...); err != nil {
			t.Fatal(err)
		}
		// The same key again is a no-op, not an error, and keeps the first.
		if err := db.EnqueueOutbox(ctx, storage.OutboxMessage{Key: "ticket:1:card", ChatID: 1, Text: "dup"}); err != nil {
			t.Fatalf("enqueue of an existing key: %v; want a no-op", err)
		}
		due, err := db.DueOutbox(ctx, testTime, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(due) != 2 {
			t.Fatalf("DueOutbox = %d messages; want 2: %+v", len(due), due)
		}
		for i := range msgs {
			want := msgs[i]
			want.ID, want.Status = due[i].ID, storage.OutboxPending
			if !reflect.DeepEqual(due[i], want) {
				t.Errorf("message %d:\n got  %+v\n want %+v", i, due[i], want)
			}
		}
		if due[1].ID <= due[0].ID {
			t.Fatalf("ids %d, %d: not in enqueue order", due[0].ID, due[1].ID)
		}
		if err := db.EnqueueOutbox(ctx, storage.OutboxMessage{ChatID: 1, Text: "no key"}); err == nil {
			t.Fatal("enqueue without a key succeeded; want an error")
		}
		if n, err := db.PendingOutbox(ctx); err != nil || n != 2 {
			t.Fatalf("PendingOutbox = %d, %v; want 2", n, err)
		}
	})
}

func TestDueOutboxOrderAndTime(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		later := testTime.Add(time.Minute)
		err := db.EnqueueOutbox(ctx,
			storage.OutboxMessage{Key: "a", ChatID: 1, NextAttemptAt: later},
			// another chat: chat 1's later rows wait behind "a" (see
			// TestDueOutboxLeavesOutAChatsRowsBehindAnEarlierRowNotDue)
			storage.OutboxMessage{Key: "b", ChatID: 3}, // zero: due at once, whatever the clock
			storage.OutboxMessage{Key: "c", ChatID: 2, NextAttemptAt: testTime},
		)
		if err != nil {
			t.Fatal(err)
		}
		keys := func(now time.Time, limit int) []string {
			t.Helper()
			due, err := db.DueOutbox(ctx, now, limit)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, m := range due {
				out = append(out, m.Key)
			}
			return out
		}
		if got := keys(testTime, 10); !reflect.DeepEqual(got, []string{"b", "c"}) {
			t.Fatalf("due at testTime: %v; want [b c]", got)
		}
		if got := keys(later, 10); !reflect.DeepEqual(got, []string{"a", "b", "c"}) {
			t.Fatalf("due later: %v; want [a b c] (by id)", got)
		}
		if got := keys(later, 2); !reflect.DeepEqual(got, []string{"a", "b"}) {
			t.Fatalf("due later, limit 2: %v; want [a b]", got)
		}
	})
}

// pending -> claimed -> retry -> claimed -> sent, with the message ref
// recorded once; and pending -> failed.
func TestOutboxLifecycle(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		tk, _, err := db.CreateTicket(ctx, leakTicket("draft:1"), cardMessages(nil))
		if err != nil {
			t.Fatal(err)
		}
		card := outboxByKey(t, db, "ticket:1:card")
		now := testTime.Add(time.Second)
		lease := 30 * time.Second

		if ok, err := db.ClaimOutbox(ctx, card.ID, now, lease); err != nil || !ok {
			t.Fatalf("first claim = %v, %v; want true", ok, err)
		}
		if ok, err := db.ClaimOutbox(ctx, card.ID, now, lease); err != nil || ok {
			t.Fatalf("second claim = %v, %v; want false while leased", ok, err)
		}
		if due := dueKeys(t, db, now.Add(lease-time.Millisecond)); slices.Contains(due, card.Key) {
			t.Fatalf("claimed card due before its lease ends: %v", due)
		}

		retryAt := now.Add(5 * time.Second)
		if err := db.MarkOutboxRetry(ctx, card.ID, "HTTP 502", retryAt); err != nil {
			t.Fatal(err)
		}
		card = outboxByKey(t, db, card.Key)
		if card.Status != storage.OutboxPending || card.Attempts != 1 || card.LastError != "HTTP 502" || !card.NextAttemptAt.Equal(retryAt) {
			t.Fatalf("after retry: %+v", card)
		}
		if ok, err := db.ClaimOutbox(ctx, card.ID, retryAt.Add(-time.Millisecond), lease); err != nil || ok {
			t.Fatalf("claim before the retry time = %v, %v; want false", ok, err)
		}
		if ok, err := db.ClaimOutbox(ctx, card.ID, retryAt, lease); err != nil || !ok {
			t.Fatalf("claim at the retry time = %v, %v; want true", ok, err)
		}

		sentAt := retryAt.Add(time.Second)
		if err := db.MarkOutboxSent(ctx, card.ID, 9001, sentAt); err != nil {
			t.Fatal(err)
		}
		// Marking again (a retried call) changes nothing.
		if err := db.MarkOutboxSent(ctx, card.ID, 9002, sentAt.Add(time.Minute)); err != nil {
			t.Fatalf("second MarkOutboxSent: %v; want idempotent", err)
		}
		card = outboxByKey(t, db, card.Key)
		if card.Status != storage.OutboxSent || card.SentMessageID != 9001 || card.SentAt == nil || !card.SentAt.Equal(sentAt) || card.Attempts != 1 {
			t.Fatalf("after sent: %+v", card)
		}
		got, purpose, err := db.TicketByMessage(ctx, card.ChatID, 9001)
		if err != nil || purpose != "card" || !reflect.DeepEqual(got, tk) {
			t.Fatalf("TicketByMessage(card) = %+v, %q, %v; want ticket %d, card", got, purpose, err, tk.ID)
		}
		if _, _, err := db.TicketByMessage(ctx, card.ChatID, 9002); !errors.Is(err, storage.ErrNotFound) {
			t.Fatalf("second mark recorded message 9002 (%v); want ErrNotFound", err)
		}
		if ok, err := db.ClaimOutbox(ctx, card.ID, sentAt.Add(time.Hour), lease); err != nil || ok {
			t.Fatalf("claim of a sent message = %v, %v; want false", ok, err)
		}
		// A late retry mark from a confused sender does not resurrect it.
		if err := db.MarkOutboxRetry(ctx, card.ID, "late", sentAt); err != nil {
			t.Fatal(err)
		}
		if c := outboxByKey(t, db, card.Key); c.Status != storage.OutboxSent || c.Attempts != 1 {
			t.Fatalf("retry after sent changed it: %+v", c)
		}

		confirm := outboxByKey(t, db, "ticket:1:confirm")
		if err := db.MarkOutboxFailed(ctx, confirm.ID, "Forbidden: bot was blocked by the user"); err != nil {
			t.Fatal(err)
		}
		confirm = outboxByKey(t, db, confirm.Key)
		if confirm.Status != storage.OutboxFailed || confirm.Attempts != 1 || confirm.LastError == "" || confirm.SentAt != nil {
			t.Fatalf("after failed: %+v", confirm)
		}
		if due := dueKeys(t, db, sentAt.Add(time.Hour)); len(due) != 0 {
			t.Fatalf("due after sent and failed: %v; want none", due)
		}
		if n, err := db.PendingOutbox(ctx); err != nil || n != 0 {
			t.Fatalf("PendingOutbox = %d, %v; want 0", n, err)
		}

		for name, err := range map[string]error{
			"sent":   db.MarkOutboxSent(ctx, 999, 1, now),
			"retry":  db.MarkOutboxRetry(ctx, 999, "x", now),
			"failed": db.MarkOutboxFailed(ctx, 999, "x"),
		} {
			if !errors.Is(err, storage.ErrNotFound) {
				t.Errorf("mark %s of an unknown message: %v; want ErrNotFound", name, err)
			}
		}
		if _, err := db.OutboxByKey(ctx, "nope"); !errors.Is(err, storage.ErrNotFound) {
			t.Fatalf("OutboxByKey(nope): %v; want ErrNotFound", err)
		}
	})
}

// Replicas race for the same due rows: each row is claimed exactly once.
func TestClaimOutboxConcurrent(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		const rows, replicas = 20, 8
		var msgs []storage.OutboxMessage
		for i := range rows {
			msgs = append(msgs, storage.OutboxMessage{Key: fmt.Sprintf("notice:%d", i), ChatID: int64(i)})
		}
		if err := db.EnqueueOutbox(ctx, msgs...); err != nil {
			t.Fatal(err)
		}
		due, err := db.DueOutbox(ctx, testTime, rows)
		if err != nil || len(due) != rows {
			t.Fatalf("DueOutbox = %d, %v; want %d", len(due), err, rows)
		}
		claims := make([]int, rows)
		var mu sync.Mutex
		var wg sync.WaitGroup
		for range replicas {
			wg.Go(func() {
				for i, m := range due {
					ok, err := db.ClaimOutbox(ctx, m.ID, testTime, time.Minute)
					if err != nil {
						t.Error(err)
						return
					}
					if ok {
						mu.Lock()
						claims[i]++
						mu.Unlock()
					}
				}
			})
		}
		wg.Wait()
		for i, n := range claims {
			if n != 1 {
				t.Errorf("row %d claimed %d times; want 1", i, n)
			}
		}
	})
}

// Pending messages are rows: a process that stops and starts again finds
// them due.
func TestOutboxSurvivesRestart(t *testing.T) {
	ctx := context.Background()
	path := "sqlite:" + filepath.Join(t.TempDir(), "restart.db")
	open := func() *storage.DB {
		db, err := storage.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		return db
	}
	db := open()
	if err := db.EnqueueOutbox(ctx, storage.OutboxMessage{Key: "ticket:1:card", ChatID: -1001001, Text: "卡片"}); err != nil {
		t.Fatal(err)
	}
	due, err := db.DueOutbox(ctx, testTime, 10)
	if err != nil || len(due) != 1 {
		t.Fatalf("DueOutbox = %v, %v", due, err)
	}
	// Claimed and then the process dies: the lease runs out and it is due again.
	if ok, err := db.ClaimOutbox(ctx, due[0].ID, testTime, time.Minute); err != nil || !ok {
		t.Fatalf("claim = %v, %v", ok, err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db = open()
	defer db.Close()
	if got := dueKeys(t, db, testTime.Add(time.Minute)); !reflect.DeepEqual(got, []string{"ticket:1:card"}) {
		t.Fatalf("due after restart: %v; want the card", got)
	}
}

func outboxByKey(t *testing.T, db *storage.DB, key string) storage.OutboxMessage {
	t.Helper()
	m, err := db.OutboxByKey(context.Background(), key)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func dueKeys(t *testing.T, db *storage.DB, now time.Time) []string {
	t.Helper()
	due, err := db.DueOutbox(context.Background(), now, 100)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, m := range due {
		keys = append(keys, m.Key)
	}
	return keys
}
