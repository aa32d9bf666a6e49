package bot

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"codesk/handlers"
	"codesk/storage"
)

// staleStore lists an update as unhandled once more after it was marked,
// as a listing read just before the mark committed does.
type staleStore struct {
	mu         sync.Mutex
	handled    map[int64]bool
	stale      int // listings that still show handled updates
	failClaims int // claims that fail before claims succeed
}

func (s *staleStore) StoreUpdates(context.Context, []storage.StoredUpdate) error { return nil }
func (s *staleStore) LastStoredUpdateID(context.Context) (int64, error)          { return 0, nil }
func (s *staleStore) ReleaseUpdate(context.Context, int64, time.Time) error      { return nil }

// ClaimUpdates grants every claim on an unhandled update: this store has a
// single reader, so a second claim only comes from the processor's own
// mistakes, which the tests count as handlings.
func (s *staleStore) ClaimUpdates(_ context.Context, ids []int64, _ time.Time, _ time.Duration) ([]int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failClaims > 0 {
		s.failClaims--
		return nil, errors.New("database is down")
	}
	var got []int64
	for _, id := range ids {
		if !s.handled[id] {
			got = append(got, id)
		}
	}
	return got, nil
}
func (s *staleStore) RenewUpdateClaim(_ context.Context, id int64, _, _ time.Time, _ time.Duration) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return !s.handled[id], nil
}
func (s *staleStore) RenewUpdateClaims(_ context.Context, claims map[int64]time.Time, _ time.Time, _ time.Duration) ([]int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var got []int64
	for id := range claims {
		if !s.handled[id] {
			got = append(got, id)
		}
	}
	return got, nil
}
func (s *staleStore) MarkClaimedUpdateHandled(_ context.Context, id int64, _, _ time.Time) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.handled[id] = true
	return true, nil
}
func (s *staleStore) UnhandledUpdates(context.Context, int) ([]storage.StoredUpdate, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.handled[1] && s.stale == 0 {
		return nil, nil
	}
	if s.handled[1] {
		s.stale--
	}
	payload := `{"update_id":1,"message":{"message_id":1,"date":1,"chat":{"id":5,"type":"private"},"from":{"id":5,"is_bot":false,"first_name":"A"},"text":"hi"}}`
	return []storage.StoredUpdate{{ID: 1, ChatID: 5, Payload: []byte(payload)}}, nil
}

type countHandler struct {
	mu sync.Mutex
	n  int
}

func (c *countHandler) Handle(context.Context, handlers.Incoming) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
	return nil
}

func TestAStaleListingDoesNotHandleAnUpdateTwice(t *testing.T) {
	store := &staleStore{handled: map[int64]bool{}, stale: 3}
	h := &countHandler{}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	d := newDispatcher(h, log, 2)
	p := newProcessor(store, d, log, webhookClaims)
	ctx := context.Background()
	for i := 0; i < 6; i++ {
		if err := p.round(ctx); err != nil {
			t.Fatal(err)
		}
		time.Sleep(10 * time.Millisecond) // let the handler finish and mark
	}
	d.close()
	if h.n != 1 {
		t.Errorf("update handled %d times, want once", h.n)
	}
}

func TestAFailedClaimLeavesTheUpdateForTheNextRound(t *testing.T) {
	store := &staleStore{handled: map[int64]bool{}, failClaims: 1}
	h := &countHandler{}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	d := newDispatcher(h, log, 1)
	p := newProcessor(store, d, log, webhookClaims)
	ctx := context.Background()
	if err := p.round(ctx); err == nil {
		t.Fatal("round with a failing claim reported no error")
	}
	p.mu.Lock()
	_, begun := p.seen[1]
	p.mu.Unlock()
	if begun {
		t.Fatal("update begun (dispatched or handled) although its claim failed")
	}
	if err := p.round(ctx); err != nil {
		t.Fatal(err)
	}
	d.close() // waits for the handler
	if h.n != 1 {
		t.Errorf("update handled %d times, want once, in the round after the failed claim", h.n)
	}
}
