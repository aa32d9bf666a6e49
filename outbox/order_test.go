package outbox_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"codesk/outbox"
	"codesk/storage"
	"codesk/storage/storagetest"
)

// Two replicas share the outbox. Replica A's first row to a chat fails
// (502); A holds the chat's later rows back, and so must replica B (or A
// after a restart), which knows nothing of A's memory.
func TestAChatsLaterRowWaitsForAnEarlierRowsRetryOnEveryReplica(t *testing.T) {
	db := storagetest.Open(t)
	ctx := context.Background()
	const resident = 77
	enqueue(t, db,
		storage.OutboxMessage{Key: "1", ChatID: resident, Text: "staff reply: we will come at 9"},
		storage.OutboxMessage{Key: "2", ChatID: resident, Text: "ticket resolved — please rate 1-5"},
	)
	a := &flakyMessenger{failures: map[string][]error{"staff reply: we will come at 9": {errors.New("telegram: 502 Bad Gateway")}}}
	wa := &outbox.Worker{Store: db, Messenger: a, Log: quiet}
	if _, err := wa.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	b := &flakyMessenger{}
	wb := &outbox.Worker{Store: db, Messenger: b, Log: quiet}
	if _, err := wb.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	if got := append(a.texts(), b.texts()...); len(got) > 0 {
		t.Errorf("replica B sent %q while the chat's earlier row waits for its retry; want the chat's rows in order", got)
	}
}

// racedStore lists due rows, then lets another replica claim the first of
// them before the caller does, as happens when two replicas list at once.
type racedStore struct {
	*storage.DB
	raced bool
}

func (s *racedStore) DueOutboxExcept(ctx context.Context, now time.Time, limit int, skip []int64) ([]storage.OutboxMessage, error) {
	due, err := s.DB.DueOutboxExcept(ctx, now, limit, skip)
	if err == nil && len(due) > 0 && !s.raced {
		s.raced = true
		if _, err := s.DB.ClaimOutbox(ctx, due[0].ID, now, time.Minute); err != nil {
			return nil, err
		}
	}
	return due, err
}

func TestASenderDoesNotGoPastARowAnotherReplicaClaimed(t *testing.T) {
	db := storagetest.Open(t)
	ctx := context.Background()
	enqueue(t, db,
		storage.OutboxMessage{Key: "1", ChatID: 77, Text: "staff reply"},
		storage.OutboxMessage{Key: "2", ChatID: 77, Text: "resolved"},
	)
	m := &flakyMessenger{}
	w := &outbox.Worker{Store: &racedStore{DB: db}, Messenger: m, Log: quiet}
	if _, err := w.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	if got := m.texts(); len(got) > 0 {
		t.Errorf("sent %q while the other replica holds the chat's first row; want nothing before it", got)
	}
}
