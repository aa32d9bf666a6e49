// Package statetest is the behaviour contract every storage.SharedState
// implementation must pass; the in-memory and Redis implementations run the
// same tests.
package statetest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"codesk/storage"
)

// ttl is short so implementations backed by a real clock (Redis) can advance
// by sleeping; the in-memory state advances an injected clock.
const ttl = time.Second

// Run runs the contract. newState returns a fresh, isolated state (its own key
// prefix, say); advance makes every state created by newState observe d more
// time passing (a fake clock, miniredis FastForward, or a sleep).
func Run(t *testing.T, newState func(t *testing.T) storage.SharedState, advance func(time.Duration)) {
	t.Helper()
	ctx := context.Background()

	t.Run("GetMissing", func(t *testing.T) {
		s := newState(t)
		v, ok, err := s.Get(ctx, "missing")
		if err != nil || ok || v != nil {
			t.Fatalf("Get(missing) = %q, %v, %v; want nil, false, nil", v, ok, err)
		}
	})

	t.Run("SetGetOverwrite", func(t *testing.T) {
		s := newState(t)
		mustSet(t, s, "conv:42", []byte("step-1"))
		expectValue(t, s, "conv:42", "step-1")
		mustSet(t, s, "conv:42", []byte("step-2 住户"))
		expectValue(t, s, "conv:42", "step-2 住户")
		expectAbsent(t, s, "conv:43")
	})

	t.Run("EmptyValueIsPresent", func(t *testing.T) {
		s := newState(t)
		mustSet(t, s, "empty", []byte{})
		v, ok, err := s.Get(ctx, "empty")
		if err != nil || !ok || len(v) != 0 {
			t.Fatalf("Get(empty) = %q, %v, %v; want empty, true, nil", v, ok, err)
		}
	})

	t.Run("ValuesAreCopied", func(t *testing.T) {
		s := newState(t)
		in := []byte("abc")
		mustSet(t, s, "k", in)
		in[0] = 'X'
		out, _, err := s.Get(ctx, "k")
		if err != nil {
			t.Fatal(err)
		}
		if string(out) != "abc" {
			t.Fatalf("stored value changed with the caller's slice: %q", out)
		}
		out[0] = 'Y'
		expectValue(t, s, "k", "abc")
	})

	t.Run("Delete", func(t *testing.T) {
		s := newState(t)
		mustSet(t, s, "k", []byte("v"))
		if err := s.Delete(ctx, "k"); err != nil {
			t.Fatal(err)
		}
		expectAbsent(t, s, "k")
		if err := s.Delete(ctx, "never-set"); err != nil {
			t.Fatalf("Delete(absent) = %v; want nil", err)
		}
	})

	t.Run("SetExpires", func(t *testing.T) {
		s := newState(t)
		mustSet(t, s, "k", []byte("v"))
		advance(ttl * 6 / 10)
		expectValue(t, s, "k", "v")
		advance(ttl * 6 / 10)
		expectAbsent(t, s, "k")
	})

	t.Run("SetRenewsTTL", func(t *testing.T) {
		s := newState(t)
		mustSet(t, s, "k", []byte("v1"))
		advance(ttl * 6 / 10)
		mustSet(t, s, "k", []byte("v2"))
		advance(ttl * 6 / 10)
		expectValue(t, s, "k", "v2")
	})

	t.Run("ClaimOnce", func(t *testing.T) {
		s := newState(t)
		expectClaim(t, s, "update:1001", true)
		expectClaim(t, s, "update:1001", false)
		expectClaim(t, s, "update:1002", true)
	})

	t.Run("ClaimAgainAfterExpiry", func(t *testing.T) {
		s := newState(t)
		expectClaim(t, s, "lock:sla", true)
		advance(ttl * 6 / 10)
		expectClaim(t, s, "lock:sla", false)
		advance(ttl * 6 / 10)
		expectClaim(t, s, "lock:sla", true)
	})

	t.Run("ClaimAfterDelete", func(t *testing.T) {
		s := newState(t)
		expectClaim(t, s, "lock:x", true)
		if err := s.Delete(ctx, "lock:x"); err != nil {
			t.Fatal(err)
		}
		expectClaim(t, s, "lock:x", true)
	})

	t.Run("ClaimSeesSetKeys", func(t *testing.T) {
		s := newState(t)
		mustSet(t, s, "shared", []byte("v"))
		expectClaim(t, s, "shared", false)
		expectValue(t, s, "shared", "v")
	})

	t.Run("ClaimValueKeepsTheToken", func(t *testing.T) {
		s := newState(t)
		if ok, err := s.ClaimValue(ctx, "lock:v", []byte("me"), ttl); err != nil || !ok {
			t.Fatalf("ClaimValue = %v, %v", ok, err)
		}
		expectValue(t, s, "lock:v", "me")
		if ok, err := s.ClaimValue(ctx, "lock:v", []byte("you"), ttl); err != nil || ok {
			t.Fatalf("second ClaimValue = %v, %v", ok, err)
		}
		expectValue(t, s, "lock:v", "me")
	})

	t.Run("DeleteIfOnlyTheHoldersValue", func(t *testing.T) {
		s := newState(t)
		if ok, err := s.ClaimValue(ctx, "lock:d", []byte("first"), ttl); err != nil || !ok {
			t.Fatalf("ClaimValue = %v, %v", ok, err)
		}
		if ok, err := s.DeleteIf(ctx, "lock:d", []byte("second")); err != nil || ok {
			t.Fatalf("DeleteIf with another's token = %v, %v", ok, err)
		}
		expectValue(t, s, "lock:d", "first")
		if ok, err := s.DeleteIf(ctx, "lock:d", []byte("first")); err != nil || !ok {
			t.Fatalf("DeleteIf with the holder's token = %v, %v", ok, err)
		}
		expectAbsent(t, s, "lock:d")
		if ok, err := s.DeleteIf(ctx, "lock:d", []byte("first")); err != nil || ok {
			t.Fatalf("DeleteIf of an absent key = %v, %v", ok, err)
		}
	})

	t.Run("DeleteIfAfterExpiryLeavesTheNextHolder", func(t *testing.T) {
		s := newState(t)
		if ok, _ := s.ClaimValue(ctx, "lock:e", []byte("slow"), ttl); !ok {
			t.Fatal("first claim lost")
		}
		advance(ttl * 12 / 10)
		if ok, _ := s.ClaimValue(ctx, "lock:e", []byte("next"), ttl); !ok {
			t.Fatal("claim after expiry lost")
		}
		if ok, err := s.DeleteIf(ctx, "lock:e", []byte("slow")); err != nil || ok {
			t.Fatalf("the slow holder freed the next one's lock: %v, %v", ok, err)
		}
		expectValue(t, s, "lock:e", "next")
	})

	t.Run("ConcurrentClaimHasOneWinner", func(t *testing.T) {
		s := newState(t)
		const callers = 32
		var wg sync.WaitGroup
		var mu sync.Mutex
		wins, errs := 0, []error{}
		for range callers {
			wg.Go(func() {
				ok, err := s.Claim(ctx, "update:race", ttl)
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					errs = append(errs, err)
				}
				if ok {
					wins++
				}
			})
		}
		wg.Wait()
		if len(errs) > 0 || wins != 1 {
			t.Fatalf("%d concurrent claims: %d won, errors %v; want exactly 1 winner", callers, wins, errs)
		}
	})

	t.Run("KeysAreIndependent", func(t *testing.T) {
		s := newState(t)
		for i := range 20 {
			mustSet(t, s, fmt.Sprintf("k%d", i), []byte(fmt.Sprint(i)))
		}
		for i := range 20 {
			expectValue(t, s, fmt.Sprintf("k%d", i), fmt.Sprint(i))
		}
	})

	t.Run("NonPositiveTTLRejected", func(t *testing.T) {
		s := newState(t)
		for _, d := range []time.Duration{0, -time.Second} {
			if err := s.Set(ctx, "k", []byte("v"), d); !errors.Is(err, storage.ErrInvalidTTL) {
				t.Errorf("Set ttl %v: err = %v; want ErrInvalidTTL", d, err)
			}
			if ok, err := s.Claim(ctx, "c", d); ok || !errors.Is(err, storage.ErrInvalidTTL) {
				t.Errorf("Claim ttl %v = %v, %v; want false, ErrInvalidTTL", d, ok, err)
			}
		}
		expectAbsent(t, s, "k")
		expectClaim(t, s, "c", true)
	})

	t.Run("CanceledContext", func(t *testing.T) {
		s := newState(t)
		canceled, cancel := context.WithCancel(ctx)
		cancel()
		if err := s.Set(canceled, "k", []byte("v"), ttl); err == nil {
			t.Error("Set with canceled context succeeded")
		}
		if _, _, err := s.Get(canceled, "k"); err == nil {
			t.Error("Get with canceled context succeeded")
		}
		if ok, err := s.Claim(canceled, "c", ttl); err == nil || ok {
			t.Errorf("Claim with canceled context = %v, %v; want false, error", ok, err)
		}
	})
}

func mustSet(t *testing.T, s storage.SharedState, key string, value []byte) {
	t.Helper()
	if err := s.Set(context.Background(), key, value, ttl); err != nil {
		t.Fatalf("Set(%q): %v", key, err)
	}
}

func expectValue(t *testing.T, s storage.SharedState, key, want string) {
	t.Helper()
	v, ok, err := s.Get(context.Background(), key)
	if err != nil || !ok || !bytes.Equal(v, []byte(want)) {
		t.Fatalf("Get(%q) = %q, %v, %v; want %q, true, nil", key, v, ok, err, want)
	}
}

func expectAbsent(t *testing.T, s storage.SharedState, key string) {
	t.Helper()
	v, ok, err := s.Get(context.Background(), key)
	if err != nil || ok {
		t.Fatalf("Get(%q) = %q, %v, %v; want absent", key, v, ok, err)
	}
}

func expectClaim(t *testing.T, s storage.SharedState, key string, want bool) {
	t.Helper()
	ok, err := s.Claim(context.Background(), key, ttl)
	if err != nil || ok != want {
		t.Fatalf("Claim(%q) = %v, %v; want %v, nil", key, ok, err, want)
	}
}
