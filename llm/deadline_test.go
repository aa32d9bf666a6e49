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
	if st := f.c.Stats(); st.Failures != 0 {
		t.Errorf("Failures = %d: the caller giving up is not the server failing", st.Failures)
	}
}
