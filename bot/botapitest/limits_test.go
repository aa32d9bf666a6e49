package botapitest

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot"
)

func TestLimitsSecondQuickSendToPrivateChatIs429(t *testing.T) {
	s := NewServer(t, WithLimits(Limits{PerChat: 1, ChatWindow: 200 * time.Millisecond}))
	b := newClient(t, s)
	ctx := context.Background()
	send := func(chat int64) error {
		_, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: chat, Text: "hi"})
		return err
	}
	if err := send(aliceDM.ID); err != nil {
		t.Fatal(err)
	}
	err := send(aliceDM.ID)
	var tooMany *bot.TooManyRequestsError
	if !errors.As(err, &tooMany) || tooMany.RetryAfter != 1 {
		t.Fatalf("second quick send: err = %v, want 429 with retry_after 1", err)
	}
	if err := send(bob.ID); err != nil {
		t.Errorf("another chat is not limited by alice's window: %v", err)
	}
	v := s.LimitViolations()
	if len(v) != 1 || v[0].Limit != "chat" || v[0].ChatID != aliceDM.ID {
		t.Errorf("violations = %+v", v)
	}
	time.Sleep(220 * time.Millisecond)
	if err := send(aliceDM.ID); err != nil {
		t.Errorf("after the window: %v", err)
	}
	if n := len(s.Sent(aliceDM.ID)); n != 2 {
		t.Errorf("recorded %d, want 2 (the rejected send is not delivered)", n)
	}
}

// fakeClock is a settable clock for window tests.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Set(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = time.Unix(1_700_000_000, 0).Add(d)
}

// A fixed "3 per 100 ms" bucket would reset at 100 ms and accept the sends at 110
// and 120 ms; the rolling window still holds the sends at 50 and 90 ms.
func TestGlobalLimitIsARollingWindow(t *testing.T) {
	clock := &fakeClock{}
	clock.Set(0)
	s := NewServer(t, WithClock(clock.Now), WithLimits(Limits{Global: 3, GlobalWindow: 100 * time.Millisecond}))
	b := newClient(t, s)
	steps := []struct {
		at     time.Duration
		chat   int64
		accept bool
	}{
		{0, 1, true}, {50 * time.Millisecond, 2, true}, {90 * time.Millisecond, 3, true},
		{99 * time.Millisecond, 4, false}, // 3 sends in (−1 ms, 99 ms]
		{110 * time.Millisecond, 5, true}, // the send at 0 left the window
		{120 * time.Millisecond, 6, false},
		{151 * time.Millisecond, 7, true},
	}
	for _, st := range steps {
		clock.Set(st.at)
		_, err := b.SendMessage(context.Background(), &bot.SendMessageParams{ChatID: st.chat, Text: "x"})
		if got := err == nil; got != st.accept {
			t.Errorf("send at %v: err = %v, want accepted=%v", st.at, err, st.accept)
		}
	}
	if v := s.LimitViolations(); len(v) != 2 || v[0].Limit != "global" {
		t.Errorf("violations = %+v", v)
	}
}

func TestGroupLimit(t *testing.T) {
	clock := &fakeClock{}
	clock.Set(0)
	s := NewServer(t, WithClock(clock.Now), WithLimits(TelegramLimits()))
	b := newClient(t, s)
	send := func(at time.Duration) error {
		clock.Set(at)
		_, err := b.SendMessage(context.Background(), &bot.SendMessageParams{ChatID: staffChat.ID, Text: "x"})
		return err
	}
	// 20 sends 1.5 s apart respect both the per-chat (1/s) and per-group (20/min) limits.
	for i := range 20 {
		if err := send(time.Duration(i) * 1500 * time.Millisecond); err != nil {
			t.Fatalf("send %d: %v", i, err)
		}
	}
	err := send(30 * time.Second)
	var tooMany *bot.TooManyRequestsError
	// The first send (at 0) leaves the minute window at 60 s: 30 s from now.
	if !errors.As(err, &tooMany) || tooMany.RetryAfter != 30 {
		t.Fatalf("21st send within a minute: err = %v, want 429 retry_after 30", err)
	}
	if v := s.LimitViolations(); len(v) != 1 || v[0].Limit != "group" {
		t.Errorf("violations = %+v", v)
	}
	if err := send(60*time.Second + time.Millisecond); err != nil {
		t.Errorf("after the oldest send left the window: %v", err)
	}
}

// With ScaledLimits(0.01) the group window is 600 ms and retry_after counts 10 ms units.
func TestRetryAfterInScaledUnits(t *testing.T) {
	clock := &fakeClock{}
	clock.Set(0)
	s := NewServer(t, WithClock(clock.Now), WithLimits(ScaledLimits(0.01)))
	b := newClient(t, s)
	send := func(at time.Duration) error {
		clock.Set(at)
		_, err := b.SendMessage(context.Background(), &bot.SendMessageParams{ChatID: staffChat.ID, Text: "x"})
		return err
	}
	for i := range 20 {
		if err := send(time.Duration(i) * 15 * time.Millisecond); err != nil {
			t.Fatalf("send %d: %v", i, err)
		}
	}
	err := send(300 * time.Millisecond) // the first send leaves the window at 600 ms: 30 units away
	var tooMany *bot.TooManyRequestsError
	if !errors.As(err, &tooMany) || tooMany.RetryAfter != 30 {
		t.Fatalf("err = %v, want retry_after 30 (10 ms units)", err)
	}
}

func TestEditsDoNotCountAgainstLimits(t *testing.T) {
	s := NewServer(t, WithLimits(Limits{PerChat: 1, ChatWindow: time.Minute}))
	b := newClient(t, s)
	ctx := context.Background()
	m, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: aliceDM.ID, Text: "v1"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: aliceDM.ID, MessageID: m.ID, Text: "v2"}); err != nil {
		t.Errorf("edit: %v", err)
	}
	if len(s.LimitViolations()) != 0 {
		t.Errorf("violations = %v", s.LimitViolations())
	}
}

func TestScaledLimits(t *testing.T) {
	l := ScaledLimits(0.1)
	if l.Global != 30 || l.GlobalWindow != 100*time.Millisecond || l.ChatWindow != 100*time.Millisecond || l.GroupWindow != 6*time.Second || l.RetryUnit != 100*time.Millisecond {
		t.Errorf("ScaledLimits(0.1) = %+v", l)
	}
}
