package storage

import (
	"context"
	"errors"
	"time"
)

// ErrInvalidTTL is returned by SharedState writes given a ttl <= 0: every
// shared key must expire, or de-duplication keys would pile up forever.
var ErrInvalidTTL = errors.New("storage: shared state ttl must be positive")

// SharedState holds short-lived state that every replica must see alike:
// conversation steps, update de-duplication, locks. Redis in production with
// several replicas; MemoryState on one machine.
type SharedState interface {
	// Get returns the value of key; ok is false when it is absent or expired.
	Get(ctx context.Context, key string) (value []byte, ok bool, err error)
	// Set stores value under key for ttl, replacing any earlier value.
	Set(ctx context.Context, key string, value []byte, ttl time.Duration) error
	// Delete removes key; deleting an absent key is not an error.
	Delete(ctx context.Context, key string) error
	// Claim records key for ttl and reports true only for the first caller
	// (update de-duplication, locks); it returns false while key exists.
	Claim(ctx context.Context, key string, ttl time.Duration) (bool, error)
	// ClaimValue is Claim that stores value under key: the holder's token,
	// for a lock released with DeleteIf.
	ClaimValue(ctx context.Context, key string, value []byte, ttl time.Duration) (bool, error)
	// DeleteIf removes key only while it holds value, in one atomic step,
	// and reports whether it did: a lock's holder frees its own lock, never
	// a later holder's after its own expired.
	DeleteIf(ctx context.Context, key string, value []byte) (bool, error)
}
