package storage

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// Update ids are claimed once and never looked at again: without pruning the
// map would grow with every update ever received.
func TestMemoryStatePrunesExpiredKeys(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	s := NewMemoryState(func() time.Time { return now })
	peak := 0
	for i := range 100_000 {
		if ok, err := s.Claim(ctx, fmt.Sprintf("update:%d", i), time.Minute); err != nil || !ok {
			t.Fatalf("Claim %d = %v, %v", i, ok, err)
		}
		now = now.Add(time.Second) // ~60 keys live at any time
		peak = max(peak, s.size())
	}
	if peak > 4*minSweepInterval {
		t.Fatalf("map peaked at %d keys with ~60 live; expired keys are not pruned", peak)
	}
}
