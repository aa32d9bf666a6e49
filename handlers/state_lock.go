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
// anyway and the miss is logged. The lock holds a token of its holder's,
// so a section outliving stateLockTTL never frees a later holder's lock.
func (h *Handler) withStateLock(ctx context.Context, key string, fn func()) {
	key = "lock:" + key
	token := []byte(randomHex(8))
	if !h.claimStateLock(ctx, key, token) {
		h.Log.Warn("state lock not had; going on without it", "key", key)
		fn()
		return
	}
	fn()
	if _, err := h.State.DeleteIf(context.WithoutCancel(ctx), key, token); err != nil {
		h.Log.Warn("release a state lock", "key", key, "err", err)
	}
}

// claimStateLock tries for the lock until stateLockWait has passed.
func (h *Handler) claimStateLock(ctx context.Context, key string, token []byte) bool {
	deadline := time.Now().Add(stateLockWait)
	for {
		ok, err := h.State.ClaimValue(ctx, key, token, stateLockTTL)
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
