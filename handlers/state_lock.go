package handlers

import (
	"context"
	"time"
)

// Short read-modify-write sections of shared state (the tickets staff wrote
// to a resident about) are serialised across replicas by a claimed key.
const (
	stateLockTTL   = 5 * time.Second // outlives any section; a crashed holder's lock expires
	stateLockWait  = 2 * time.Second // then go ahead unlocked: a lost entry beats a stuck reply
	stateLockRetry = 10 * time.Millisecond
)

// withStateLock runs fn holding the lock named key, best effort: when the
// lock cannot be had in time (a slow holder, a state store down) fn runs
// anyway and the miss is logged. The release is a plain delete: a section
// outliving stateLockTTL may free a later holder's lock, which costs no
// more than running unlocked.
func (h *Handler) withStateLock(ctx context.Context, key string, fn func()) {
	key = "lock:" + key
	if !h.claimStateLock(ctx, key) {
		h.Log.Warn("state lock not had; going on without it", "key", key)
		fn()
		return
	}
	fn()
	if err := h.State.Delete(context.WithoutCancel(ctx), key); err != nil {
		h.Log.Warn("release a state lock", "key", key, "err", err)
	}
}

// claimStateLock tries for the lock until stateLockWait has passed.
func (h *Handler) claimStateLock(ctx context.Context, key string) bool {
	deadline := time.Now().Add(stateLockWait)
	for {
		ok, err := h.State.Claim(ctx, key, stateLockTTL)
		switch {
		case err == nil && ok:
			return true
		case err != nil || time.Now().After(deadline):
			return false
		}
		select {
		case <-ctx.Done():
			return false
		case <-time.After(stateLockRetry):
		}
	}
}
