package storage_test

import (
	"sync"
	"testing"
	"time"

	"codesk/storage"
	"codesk/storage/statetest"
)

// fakeClock is a clock tests move by hand.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func TestMemoryStateContract(t *testing.T) {
	clock := &fakeClock{now: time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)}
	statetest.Run(t, func(t *testing.T) storage.SharedState {
		return storage.NewMemoryState(clock.Now)
	}, clock.Advance)
}
