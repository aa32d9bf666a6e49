package bot

import (
	"context"
	"sort"
	"sync"
	"testing"
	"time"
)

func TestDbgPacerOnly(t *testing.T) {
	p := NewPacer(TelegramLimits().Scaled(scale), 50*time.Millisecond, quietLog)
	t0 := time.Now()
	var mu sync.Mutex
	var starts []time.Duration
	var wg sync.WaitGroup
	for i := range 100 {
		id := int64(1000 + i)
		for range 10 {
			wg.Go(func() {
				_ = p.Send(context.Background(), id, func(ctx context.Context) error { mu.Lock(); starts = append(starts, time.Since(t0)); mu.Unlock(); return nil })
			})
		}
	}
	wg.Wait()
	sort.Slice(starts, func(i, j int) bool { return starts[i] < starts[j] })
	for i := 0; i < len(starts); i += 30 {
		t.Logf("%d: %v .. %v", i, starts[i], starts[min(i+29, len(starts)-1)])
	}
}
