package llm

import (
	"sync"
	"sync/atomic"
	"time"
)

// breaker stops calling a failing server: after `threshold` consecutive
// failures it opens for `cooldown`; then one probe is let through (half-open)
// and its outcome closes or re-opens it. It is per process: each replica
// learns on its own, which costs at most `threshold` failed calls each.
type breaker struct {
	threshold int
	cooldown  time.Duration
	now       func() time.Time
	opens     atomic.Int64

	mu        sync.Mutex
	failures  int
	openUntil time.Time // zero when closed
	probing   bool      // a half-open probe is in flight
}

func newBreaker(threshold int, cooldown time.Duration, now func() time.Time) *breaker {
	return &breaker{threshold: threshold, cooldown: cooldown, now: now}
}

// allow reports whether a call may go out now, and whether it is the
// half-open probe. An allowed call must end with exactly one done or release.
func (b *breaker) allow() (ok, probe bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.openUntil.IsZero() {
		return true, false
	}
	if b.now().Before(b.openUntil) || b.probing {
		return false, false
	}
	b.probing = true
	return true, true
}

// done records the outcome of an allowed call.
func (b *breaker) done(probe, ok bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if probe {
		b.probing = false
	}
	if ok {
		b.failures = 0
		b.openUntil = time.Time{}
		return
	}
	b.failures++
	// A call that was in flight when the breaker opened does not re-open it.
	if probe || (b.openUntil.IsZero() && b.failures >= b.threshold) {
		b.openUntil = b.now().Add(b.cooldown)
		b.opens.Add(1)
	}
}

// release ends an allowed call that says nothing about the server (the
// caller gave up first): it counts neither way.
func (b *breaker) release(probe bool) {
	if !probe {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.probing = false
}
