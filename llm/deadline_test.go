package llm

import (
	"context"
	"errors"
	"testing"
	"time"
)

// The resident's reply must not wait for a slow model: these assert the
// call returns near its deadline, with a wide margin (the server would
// otherwise hold it for 5 s).
const slowServer = 5 * time.Second

func TestTimeoutEndsTheCall(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.Timeout = 300 * time.Millisecond })
	f.srv.Delay(slowServer)
	f.srv.Reply(`{"grounded": true, "answer": "too late"}`)
	start := time.Now()
	_, err := f.c.Answer(context.Background(), 7, "parking fee?", "en", testEntries)
	elapsed := time.Since(start)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want a deadline error", err)
	}
	if elapsed > 2*time.Second {
		t.Errorf("took %v with a 300ms timeout", elapsed)
	}
	if st := f.c.Stats(); st.Failures != 1 {
		t.Errorf("Failures = %d: our own timeout is the server's failure", st.Failures)
	}
}

func TestCallerDeadlineObeyed(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.Timeout = 10 * time.Second })
	f.srv.Delay(slowServer)
	f.srv.Reply(`{"id": "parking-fee"}`)
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := f.c.Select(ctx, 7, "parking fee?", "en", testEntries)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want a deadline error", err)
	}
	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Errorf("took %v with a 300ms caller deadline", elapsed)
	}
	if st := f.c.Stats(); st.Failures != 1 {
		t.Errorf("Failures = %d: a server slower than the caller can wait has failed it", st.Failures)
	}
}

// A caller that cancels (a shutdown) says nothing about the server.
func TestCallerCancelIsNoFailure(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.Timeout = 10 * time.Second })
	f.srv.Delay(slowServer)
	f.srv.Reply(`{"id": "parking-fee"}`)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(300*time.Millisecond, cancel)
	if _, err := f.c.Select(ctx, 7, "parking fee?", "en", testEntries); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if st := f.c.Stats(); st.Failures != 0 {
		t.Errorf("Failures = %d: a cancelled caller is not the server failing", st.Failures)
	}
}

// A model too slow for every caller's deadline opens the breaker: after
// that, residents get their fallback at once instead of waiting each time.
func TestAModelTooSlowForItsCallersOpensTheBreaker(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.Timeout = 10 * time.Second; c.BreakerFailures = 3 })
	f.srv.Delay(slowServer)
	for i := range 3 {
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		_, err := f.c.Select(ctx, int64(10+i), "parking fee?", "en", testEntries)
		cancel()
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("call %d: err = %v, want a deadline error", i, err)
		}
	}
	start := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := f.c.Select(ctx, 20, "parking fee?", "en", testEntries); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("after three slow calls: err = %v, want ErrUnavailable", err)
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("the open breaker took %v to refuse", took)
	}
}

// Routing waits less than a resident's question: a model too slow for
// routing opens routing's breaker only, and questions still reach it.
func TestSlowRoutingLeavesQuestionsToTheModel(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.Timeout = 10 * time.Second; c.BreakerFailures = 3 })
	f.srv.Delay(slowServer)
	for range 3 {
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		_, _ = f.c.Route(ctx, "楼道灯坏了", testCategories)
		cancel()
	}
	if _, err := f.c.Route(context.Background(), "楼道灯坏了", testCategories); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("routing after three slow calls: %v, want ErrUnavailable", err)
	}
	f.srv.Delay(0)
	f.srv.Reply(`{"id": "parking-fee"}`)
	if id, err := f.c.Select(context.Background(), 7, "parking fee?", "en", testEntries); err != nil || id != "parking-fee" {
		t.Errorf("a question after routing's breaker opened: %q, %v", id, err)
	}
}
