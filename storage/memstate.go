package storage

import (
	"bytes"
	"context"
	"sync"
	"time"
)

// minSweepInterval bounds how often MemoryState scans for expired keys: it
// sweeps after half as many writes as there are keys (amortised O(1) per
// write), but never more often than every minSweepInterval writes.
const minSweepInterval = 64

// MemoryState is SharedState for a single process. Expiry follows the
// injected clock; expired keys are pruned as writes happen, so the map holds
// at most about twice the live keys.
type MemoryState struct {
	now func() time.Time

	mu               sync.Mutex
	items            map[string]memItem
	writesSinceSweep int
}

type memItem struct {
	value   []byte
	expires time.Time
}

var _ SharedState = (*MemoryState)(nil)

// NewMemoryState returns an empty MemoryState; now is the clock (time.Now
// when nil).
func NewMemoryState(now func() time.Time) *MemoryState {
	if now == nil {
		now = time.Now
	}
	return &MemoryState{now: now, items: map[string]memItem{}}
}

// Get implements SharedState.
func (m *MemoryState) Get(ctx context.Context, key string) ([]byte, bool, error) {
	if err := ctx.Err(); err != nil {
		return nil, false, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	item, ok := m.live(key, m.now())
	if !ok {
		return nil, false, nil
	}
	return append([]byte{}, item.value...), true, nil
}

// Set implements SharedState.
func (m *MemoryState) Set(ctx context.Context, key string, value []byte, ttl time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if ttl <= 0 {
		return ErrInvalidTTL
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	m.items[key] = memItem{value: append([]byte{}, value...), expires: now.Add(ttl)}
	m.wrote(now)
	return nil
}

// Delete implements SharedState.
func (m *MemoryState) Delete(ctx context.Context, key string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.items, key)
	return nil
}

// Claim implements SharedState.
func (m *MemoryState) Claim(ctx context.Context, key string, ttl time.Duration) (bool, error) {
	return m.ClaimValue(ctx, key, nil, ttl)
}

// DeleteIf implements SharedState.
func (m *MemoryState) DeleteIf(ctx context.Context, key string, value []byte) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	item, ok := m.live(key, m.now())
	if !ok || !bytes.Equal(item.value, value) {
		return false, nil
	}
	delete(m.items, key)
	return true, nil
}

// ClaimValue implements SharedState.
func (m *MemoryState) ClaimValue(ctx context.Context, key string, value []byte, ttl time.Duration) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	if ttl <= 0 {
		return false, ErrInvalidTTL
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	if _, ok := m.live(key, now); ok {
		return false, nil
	}
	m.items[key] = memItem{value: append([]byte{}, value...), expires: now.Add(ttl)}
	m.wrote(now)
	return true, nil
}

// live returns key's item unless it has expired (then it is dropped).
// Callers hold m.mu.
func (m *MemoryState) live(key string, now time.Time) (memItem, bool) {
	item, ok := m.items[key]
	if !ok {
		return memItem{}, false
	}
	if !now.Before(item.expires) {
		delete(m.items, key)
		return memItem{}, false
	}
	return item, true
}

// wrote counts a write and sweeps expired keys once enough writes happened.
// Callers hold m.mu.
func (m *MemoryState) wrote(now time.Time) {
	m.writesSinceSweep++
	if m.writesSinceSweep < max(minSweepInterval, len(m.items)/2) {
		return
	}
	m.writesSinceSweep = 0
	for key, item := range m.items {
		if !now.Before(item.expires) {
			delete(m.items, key)
		}
	}
}

// size reports the number of stored keys, expired or not (for tests).
func (m *MemoryState) size() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.items)
}
