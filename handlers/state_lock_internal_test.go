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
