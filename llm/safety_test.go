package llm

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"codesk/llm/llmtest"
)

func TestBreakerOpensAndStopsCalling(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.BreakerFailures = 3; c.BreakerCooldown = time.Minute })
	ctx := context.Background()
	f.srv.Fail(429, 3)
	for i := range 3 {
		if _, err := f.c.Answer(ctx, 7, fmt.Sprintf("question %d", i), "en", testEntries); err == nil || errors.Is(err, ErrUnavailable) {
			t.Fatalf("call %d: err = %v, want the server's error", i, err)
		}
	}
	for i := range 5 {
		if _, err := f.c.Select(ctx, 7, fmt.Sprintf("later %d", i), "en", testEntries); !errors.Is(err, ErrUnavailable) {
			t.Fatalf("while open: err = %v, want ErrUnavailable", err)
		}
	}
	f.requests(t, 3)
	if st := f.c.Stats(); st.BreakerOpens != 1 || st.BreakerRejects != 5 {
		t.Errorf("Stats = %+v", st)
	}

	// After the cooldown one probe goes out; it fails, so the breaker re-opens.
	f.clock.Advance(time.Minute + time.Second)
	f.srv.Fail(500, 2)
	if _, err := f.c.Select(ctx, 7, "probe 1", "en", testEntries); err == nil || errors.Is(err, ErrUnavailable) {
		t.Fatalf("probe: err = %v, want the server's error", err)
	}
	if _, err := f.c.Select(ctx, 7, "after failed probe", "en", testEntries); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("after a failed probe: err = %v, want ErrUnavailable", err)
	}
	// A successful probe closes it.
	f.clock.Advance(time.Minute + time.Second)
	f.srv.Reply(`{"id": "parking-fee"}`)
	f.srv.Reply(`{"id": null}`)
	if id, err := f.c.Select(ctx, 7, "probe 2", "en", testEntries); err != nil || id != "parking-fee" {
		t.Fatalf("probe 2 = %q, %v", id, err)
	}
	if _, err := f.c.Select(ctx, 7, "closed again", "en", testEntries); err != nil {
		t.Fatalf("after a good probe: %v", err)
	}
	f.requests(t, 3+2+2)
	if st := f.c.Stats(); st.BreakerOpens != 2 {
		t.Errorf("BreakerOpens = %d, want 2", st.BreakerOpens)
	}
}

func TestBreakerLetsOneProbeThrough(t *testing.T) {
	now := time.Unix(0, 0)
	b := newBreaker(1, time.Second, func() time.Time { return now })
	ok, probe := b.allow()
	if !ok || probe {
		t.Fatal("closed breaker must allow, not as a probe")
	}
	b.done(probe, false)
	if ok, _ := b.allow(); ok {
		t.Fatal("open breaker allowed a call")
	}
	now = now.Add(2 * time.Second)
	var allowed atomic.Int32
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			if ok, _ := b.allow(); ok {
				allowed.Add(1)
			}
		})
	}
	wg.Wait()
	if allowed.Load() != 1 {
		t.Fatalf("half-open breaker allowed %d calls, want 1 probe", allowed.Load())
	}
	// A probe whose caller gave up frees the slot for another probe.
	b.release(true)
	if ok, probe := b.allow(); !ok || !probe {
		t.Fatal("after a released probe, the next call should probe")
	}
}

func TestQuotaExceededWithoutCalling(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.DailyQuota = 2 })
	ctx := context.Background()
	f.srv.Reply(`{"id": null}`)
	f.srv.Reply(`{"grounded": false, "answer": ""}`)
	if _, err := f.c.Select(ctx, 7, "first", "en", testEntries); err != nil {
		t.Fatal(err)
	}
	if _, err := f.c.Answer(ctx, 7, "second", "en", testEntries); err != nil {
		t.Fatal(err)
	}
	if _, err := f.c.Answer(ctx, 7, "third", "en", testEntries); !errors.Is(err, ErrQuotaExceeded) {
		t.Fatalf("third call: err = %v, want ErrQuotaExceeded", err)
	}
	f.requests(t, 2)

	// Another resident has their own quota; the next day (Shanghai time) resets it.
	f.srv.Reply(`{"id": null}`)
	if _, err := f.c.Select(ctx, 8, "other resident", "en", testEntries); err != nil {
		t.Fatalf("other resident: %v", err)
	}
	f.clock.Advance(15 * time.Hour) // 00:00 next day in Shanghai
	f.srv.Reply(`{"id": null}`)
	if _, err := f.c.Select(ctx, 7, "next day", "en", testEntries); err != nil {
		t.Fatalf("next day: %v", err)
	}
	if st := f.c.Stats(); st.QuotaRejects != 1 {
		t.Errorf("QuotaRejects = %d, want 1", st.QuotaRejects)
	}
}

func TestQuotaUnderConcurrency(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.DailyQuota = 20 })
	f.srv.ReplyFunc(func(_ llmtest.Request) string { return `{"id": null}` })
	var ok, rejected atomic.Int32
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Go(func() {
			_, err := f.c.Select(context.Background(), 7, fmt.Sprintf("question %d", i), "en", testEntries)
			switch {
			case err == nil:
				ok.Add(1)
			case errors.Is(err, ErrQuotaExceeded):
				rejected.Add(1)
			default:
				t.Errorf("unexpected error: %v", err)
			}
		})
	}
	wg.Wait()
	if ok.Load() != 20 || rejected.Load() != 30 {
		t.Fatalf("%d allowed, %d rejected; want exactly 20 allowed", ok.Load(), rejected.Load())
	}
	f.requests(t, 20)
}

func TestCacheHitMakesNoCall(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.DailyQuota = 1 })
	ctx := context.Background()
	f.srv.Reply(`{"grounded": true, "answer": "450 yuan a month."}`)
	first, err := f.c.Answer(ctx, 7, "How much is underground parking?", "en", testEntries)
	if err != nil || first.Cached {
		t.Fatalf("first = %+v, %v", first, err)
	}
	// Same question after normalisation, another resident too: served from
	// the cache, no call and no quota used (the quota is 1).
	for _, q := range []string{"how much is underground parking", "HOW MUCH IS UNDERGROUND PARKING？？"} {
		for _, user := range []int64{7, 8} {
			got, err := f.c.Answer(ctx, user, q, "en", testEntries)
			if err != nil || !got.Cached || got.Text != first.Text || !got.Grounded {
				t.Fatalf("%q by %d = %+v, %v; want the cached answer", q, user, got, err)
			}
		}
	}
	f.requests(t, 1)
	if st := f.c.Stats(); st.CacheHits != 4 || st.Calls != 1 {
		t.Errorf("Stats = %+v", st)
	}

	// Another language, or an edited FAQ entry, is a different answer.
	f.srv.Reply(`{"grounded": true, "answer": "每月450元。"}`)
	if got, err := f.c.Answer(ctx, 8, "How much is underground parking?", "zh", testEntries); err != nil || got.Cached {
		t.Fatalf("other language = %+v, %v; want a call", got, err)
	}
	edited := append(testEntries[:0:0], testEntries...)
	edited[0].Answer.EN = "Underground spaces now cost 500 yuan."
	f.srv.Reply(`{"grounded": true, "answer": "500 yuan a month."}`)
	if got, err := f.c.Answer(ctx, 9, "How much is underground parking?", "en", edited); err != nil || got.Cached {
		t.Fatalf("after an FAQ edit = %+v, %v; want a call", got, err)
	}
	f.requests(t, 3)
}

func TestCacheExpires(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.CacheTTL = time.Hour })
	ctx := context.Background()
	f.srv.Reply(`{"id": "parking-fee"}`)
	f.srv.Reply(`{"id": "parking-fee"}`)
	for range 2 {
		if _, err := f.c.Select(ctx, 7, "parking fee?", "en", testEntries); err != nil {
			t.Fatal(err)
		}
	}
	f.requests(t, 1)
	f.clock.Advance(time.Hour + time.Second)
	if _, err := f.c.Select(ctx, 7, "parking fee?", "en", testEntries); err != nil {
		t.Fatal(err)
	}
	f.requests(t, 2)
}
