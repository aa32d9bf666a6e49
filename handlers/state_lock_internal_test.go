package handlers

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"codesk/storage"
)

// Staff of different parties writing to one resident at the same moment
// (on different replicas, sharing the state) each add their ticket to the
// resident's conversation list; none is written over.
func TestConcurrentStaffRepliesKeepEveryTicketInTheConversation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	now := time.Date(2025, 3, 3, 10, 0, 0, 0, time.UTC)
	state := storage.NewMemoryState(func() time.Time { return now })
	for round := 0; round < 50; round++ {
		resident := int64(1000 + round)
		var wg sync.WaitGroup
		for ticket := int64(1); ticket <= maxConversations; ticket++ {
			// a Handler each: one per replica
			h := New(Deps{State: slowState{state}, Now: func() time.Time { return now }})
			wg.Go(func() { h.noteConversation(ctx, resident, ticket) })
		}
		wg.Wait()
		data, _, err := state.Get(ctx, conversationKey(resident))
		if err != nil {
			t.Fatal(err)
		}
		if n := len(strings.Fields(string(data))); n != maxConversations {
			t.Fatalf("round %d: the list holds %q; want all %d tickets", round, data, maxConversations)
		}
	}
}

// slowState widens the window between a read and the write after it, as a
// network round trip to Redis does.
type slowState struct{ storage.SharedState }

func (s slowState) Get(ctx context.Context, key string) ([]byte, bool, error) {
	time.Sleep(time.Millisecond)
	return s.SharedState.Get(ctx, key)
}

// A section that outlived its lock does not, on leaving, free the lock a
// later holder has taken since.
func TestAStateLockOutlivedIsNotFreedForItsNextHolder(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	var mu sync.Mutex
	now := time.Date(2025, 3, 3, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	state := storage.NewMemoryState(clock)
	slow, next := New(Deps{State: state, Now: clock}), New(Deps{State: state, Now: clock})
	nextHeld := false
	slow.withStateLock(ctx, "conv:1", func() {
		mu.Lock()
		now = now.Add(stateLockTTL + time.Second) // the slow section's lock expires
		mu.Unlock()
		nextHeld = next.claimStateLock(ctx, "lock:conv:1", []byte("next"))
	})
	if !nextHeld {
		t.Fatal("the next holder could not take the expired lock")
	}
	if v, ok, _ := state.Get(ctx, "lock:conv:1"); !ok || string(v) != "next" {
		t.Errorf("the slow section freed the next holder's lock (now %q, %v)", v, ok)
	}
}
