package bot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	tg "github.com/go-telegram/bot"

	"codesk/bot/botapitest"
	"codesk/handlers"
)

// scale shrinks Telegram's windows for tests: 50 ms per second, so a chat
// gets one message per 50 ms, a group 20 per 3 s, and all chats 30 per 50 ms.
const scale = 0.05

var quietLog = slog.New(slog.NewTextHandler(io.Discard, nil))

// pacedBot is a Messenger on the real client, talking to a fake that enforces
// fakeLimits while the Messenger paces for limits.
type pacedBot struct {
	fake *botapitest.Server
	m    *Messenger
}

func newPacedBot(tb testing.TB, fakeLimits botapitest.Limits, limits Limits) *pacedBot {
	tb.Helper()
	fake := botapitest.NewServer(tb, botapitest.WithLimits(fakeLimits))
	unit := fakeLimits.RetryUnit
	if unit == 0 {
		unit = time.Second
	}
	api := fake.NewClient(tb)
	return &pacedBot{fake: fake, m: NewMessenger(api, quietLog, WithLimits(limits), WithRetryUnit(unit))}
}

// scaledBot enforces and paces for Telegram's limits, scaled.
func scaledBot(tb testing.TB) *pacedBot {
	return newPacedBot(tb, botapitest.ScaledLimits(scale), TelegramLimits().Scaled(scale))
}

func (b *pacedBot) send(ctx context.Context, chatID int64, text string) error {
	_, err := b.m.Send(ctx, handlers.OutMessage{ChatID: chatID, Text: text})
	return err
}

func (b *pacedBot) texts(chatID int64) []string {
	var out []string
	for _, m := range b.fake.Sent(chatID) {
		out = append(out, m.Text)
	}
	return out
}

// assertNoFlood fails when the fake rejected any send for going too fast.
func (b *pacedBot) assertNoFlood(t *testing.T) {
	t.Helper()
	if v := b.fake.LimitViolations(); len(v) > 0 {
		t.Errorf("%d sends broke Telegram's limits, first: %+v", len(v), v[0])
	}
}

// waitQueued waits until the pacer holds n tickets for chatID (queued or sending).
func waitQueued(t *testing.T, p *Pacer, chatID int64, n int) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for time.Now().Before(deadline) {
		p.mu.Lock()
		c := p.chats[chatID]
		got := 0
		if c != nil {
			got = len(c.queue)
			if c.inFlight {
				got++
			}
		}
		p.mu.Unlock()
		if got >= n {
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatalf("chat %d never had %d sends queued", chatID, n)
}

// waitTickets waits until n Send calls have reached the pacer.
func waitTickets(t *testing.T, p *Pacer, n uint64) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for time.Now().Before(deadline) {
		p.mu.Lock()
		seq := p.seq
		p.mu.Unlock()
		if seq >= n {
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatalf("fewer than %d sends reached the pacer", n)
}

func TestBurstIsDeliveredInFullOnceInOrderWithoutFlood(t *testing.T) {
	b := scaledBot(t)
	const perChat = 5
	var chats []int64
	for i := range 60 {
		chats = append(chats, int64(1000+i)) // residents
	}
	for i := range 4 {
		chats = append(chats, int64(-2000-i)) // staff groups
	}
	ctx := context.Background()
	errs := make(chan error, len(chats)*perChat)
	var wg sync.WaitGroup
	for _, id := range chats {
		// One goroutine per chat, like the dispatcher's workers: every chat's
		// handler is sending at the same time.
		wg.Go(func() {
			for k := range perChat {
				errs <- b.send(ctx, id, fmt.Sprintf("chat %d reply %d", id, k))
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("send: %v", err)
		}
	}
	for _, id := range chats {
		var want []string
		for k := range perChat {
			want = append(want, fmt.Sprintf("chat %d reply %d", id, k))
		}
		if got := b.texts(id); !slices.Equal(got, want) {
			t.Errorf("chat %d received\n %q\nwant\n %q", id, got, want)
		}
	}
	b.assertNoFlood(t)
	if r := b.fake.Rejections(); len(r) > 0 {
		t.Errorf("fake rejected %d sends, first: %v", len(r), r[0])
	}
}

func TestFloodWaitIsHonouredAndTheRetryKeepsItsPlace(t *testing.T) {
	b := scaledBot(t)
	unit := botapitest.ScaledLimits(scale).RetryUnit
	const retryAfter = 3
	b.fake.FailNext("sendMessage", 1, http.StatusTooManyRequests, retryAfter)
	// The 429 takes a while to come back, so "second" queues behind "first"
	// while it is under way; the retry must not lose its place to it.
	b.fake.SetLatency("sendMessage", 30*time.Millisecond)
	ctx := context.Background()
	const chat = 77

	type result struct {
		err  error
		took time.Duration
	}
	first, second := make(chan result, 1), make(chan error, 1)
	start := time.Now()
	go func() {
		err := b.send(ctx, chat, "first")
		first <- result{err, time.Since(start)}
	}()
	waitQueued(t, b.m.pacer, chat, 1)
	go func() { second <- b.send(ctx, chat, "second") }()
	waitQueued(t, b.m.pacer, chat, 2)
	r := <-first
	if r.err != nil {
		t.Fatalf("first send: %v", r.err)
	}
	if err := <-second; err != nil {
		t.Fatalf("second send: %v", err)
	}
	if r.took < retryAfter*unit {
		t.Errorf("first message delivered after %v, before retry_after (%v) passed", r.took, retryAfter*unit)
	}
	if got, want := b.texts(chat), []string{"first", "second"}; !slices.Equal(got, want) {
		t.Errorf("chat received %q, want %q", got, want)
	}
	if n := b.fake.Requests("sendMessage"); n != 3 {
		t.Errorf("sendMessage requests = %d, want 3 (429, then each message once)", n)
	}
	b.assertNoFlood(t)
}

func TestOneWaitingChatDoesNotHoldUpOthers(t *testing.T) {
	// A long per-chat window (1 per second), or a long retry_after, makes chat
	// slow wait; chat quick must get through in the meantime.
	slowLimits := botapitest.Limits{Global: 30, GlobalWindow: 50 * time.Millisecond, PerChat: 1, ChatWindow: time.Second, RetryUnit: 50 * time.Millisecond}
	pace := Limits{Global: 30, GlobalWindow: 50 * time.Millisecond, PerChat: 1, ChatWindow: time.Second, Margin: 5 * time.Millisecond}
	const slow, quick = 1, 2
	for _, tc := range []struct {
		name  string
		block func(b *pacedBot) // makes the slow chat's next message wait about 1 s
	}{
		{"per-chat window", func(b *pacedBot) {
			if err := b.send(context.Background(), slow, "slow 0"); err != nil {
				t.Fatalf("slow 0: %v", err)
			}
		}},
		{"retry_after", func(b *pacedBot) {
			b.fake.FailNext("sendMessage", 1, http.StatusTooManyRequests, 20) // 20 x 50 ms
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newPacedBot(t, slowLimits, pace)
			tc.block(b)
			slowDone := make(chan error, 1)
			go func() { slowDone <- b.send(context.Background(), slow, "slow 1") }()
			waitQueued(t, b.m.pacer, slow, 1)
			if tc.name == "retry_after" { // the slow chat must have drawn the 429
				b.fake.WaitFor(t, 2*time.Second, func(s *botapitest.Server) bool { return len(s.Rejections()) == 1 })
			}

			start := time.Now()
			if err := b.send(context.Background(), quick, "quick"); err != nil {
				t.Fatalf("quick: %v", err)
			}
			took := time.Since(start)
			select {
			case err := <-slowDone:
				t.Fatalf("the slow chat's message went first (err %v); the quick chat waited %v", err, took)
			default:
			}
			// Bound: well under the slow chat's 1 s wait, above a global pause
			// (one 50 ms window) after a 429.
			if took > 400*time.Millisecond {
				t.Errorf("quick chat waited %v behind the slow one", took)
			}
			if err := <-slowDone; err != nil {
				t.Fatalf("slow 1: %v", err)
			}
			if got := b.texts(slow); got[len(got)-1] != "slow 1" {
				t.Errorf("slow chat received %q", got)
			}
			b.assertNoFlood(t)
		})
	}
}

func TestCancelledWaitLeavesNoTrace(t *testing.T) {
	b := newPacedBot(t,
		botapitest.Limits{PerChat: 1, ChatWindow: 300 * time.Millisecond},
		Limits{PerChat: 1, ChatWindow: 300 * time.Millisecond, Margin: 5 * time.Millisecond})
	const chat = 5
	if err := b.send(context.Background(), chat, "one"); err != nil {
		t.Fatalf("one: %v", err)
	}
	goroutines := runtime.NumGoroutine()

	// "two" waits for the window; "three" queues behind it and gives up first.
	ctxTwo, cancelTwo := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancelTwo()
	ctxThree, cancelThree := context.WithCancel(context.Background())
	twoErr, threeErr := make(chan error, 1), make(chan error, 1)
	go func() { twoErr <- b.send(ctxTwo, chat, "two") }()
	waitQueued(t, b.m.pacer, chat, 1)
	go func() { threeErr <- b.send(ctxThree, chat, "three") }()
	waitQueued(t, b.m.pacer, chat, 2)
	cancelThree()
	if err := <-threeErr; !errors.Is(err, context.Canceled) {
		t.Errorf("queued send after cancel: err = %v, want context.Canceled", err)
	}
	if err := <-twoErr; !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("waiting send after its deadline: err = %v, want context.DeadlineExceeded", err)
	}

	if err := b.send(context.Background(), chat, "four"); err != nil {
		t.Fatalf("four: %v", err)
	}
	if got, want := b.texts(chat), []string{"one", "four"}; !slices.Equal(got, want) {
		t.Errorf("chat received %q, want %q", got, want)
	}
	p := b.m.pacer
	p.mu.Lock()
	waiting := len(p.waiting)
	p.mu.Unlock()
	if waiting != 0 {
		t.Errorf("%d chats still have queued tickets", waiting)
	}
	// The pacer starts no goroutines; the withdrawn sends left none behind.
	deadline := time.Now().Add(time.Second)
	for runtime.NumGoroutine() > goroutines && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > goroutines {
		t.Errorf("goroutines: %d before the cancelled sends, %d after", goroutines, n)
	}
	b.assertNoFlood(t)
}

func TestServerErrorsAreRetriedAndClientErrorsAreNot(t *testing.T) {
	b := scaledBot(t)
	ctx := context.Background()

	b.fake.FailNext("sendMessage", 2, http.StatusBadGateway, 0)
	if err := b.send(ctx, 1, "after two 502s"); err != nil {
		t.Fatalf("send after 502s: %v", err)
	}
	if got := b.texts(1); !slices.Equal(got, []string{"after two 502s"}) {
		t.Errorf("chat 1 received %q", got)
	}

	b.fake.SetBlocked(2, true)
	before := b.fake.Requests("sendMessage")
	if err := b.send(ctx, 2, "blocked"); !errors.Is(err, tg.ErrorForbidden) {
		t.Fatalf("send to a chat that blocked the bot: err = %v, want ErrorForbidden", err)
	}
	if n := b.fake.Requests("sendMessage") - before; n != 1 {
		t.Errorf("a 403 was sent %d times, want once", n)
	}
	b.fake.SetBlocked(2, false)
	if err := b.send(ctx, 2, "unblocked"); err != nil {
		t.Fatalf("the chat is stuck after a final error: %v", err)
	}
	b.assertNoFlood(t)
}

// recordSends returns a send func for the pacer that logs its label in order.
func recordSends(mu *sync.Mutex, order *[]string, label string) func(context.Context) error {
	return func(context.Context) error {
		mu.Lock()
		defer mu.Unlock()
		*order = append(*order, label)
		return nil
	}
}

func TestPacerAdmitsInArrivalOrder(t *testing.T) {
	t.Run("one chat", func(t *testing.T) {
		p := NewPacer(Limits{PerChat: 1, ChatWindow: 20 * time.Millisecond}, time.Millisecond, quietLog)
		var mu sync.Mutex
		var order []string
		var wg sync.WaitGroup
		for i := range 5 {
			label := fmt.Sprint(i)
			wg.Go(func() {
				if err := p.Send(context.Background(), 9, recordSends(&mu, &order, label)); err != nil {
					t.Errorf("send %s: %v", label, err)
				}
			})
			waitTickets(t, p, uint64(i+1))
		}
		wg.Wait()
		if want := []string{"0", "1", "2", "3", "4"}; !slices.Equal(order, want) {
			t.Errorf("sent in order %q, want %q", order, want)
		}
	})
	t.Run("global slots", func(t *testing.T) {
		p := NewPacer(Limits{Global: 1, GlobalWindow: 20 * time.Millisecond}, time.Millisecond, quietLog)
		var mu sync.Mutex
		var order []string
		if err := p.Send(context.Background(), 100, recordSends(&mu, &order, "fill")); err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		for i, chat := range []int64{3, -1, 2, 1} {
			label := fmt.Sprint(chat)
			wg.Go(func() {
				if err := p.Send(context.Background(), chat, recordSends(&mu, &order, label)); err != nil {
					t.Errorf("send %s: %v", label, err)
				}
			})
			waitTickets(t, p, uint64(i+2))
		}
		wg.Wait()
		if want := []string{"fill", "3", "-1", "2", "1"}; !slices.Equal(order, want) {
			t.Errorf("sent in order %q, want %q", order, want)
		}
	})
}

func TestScopeFreesTheEarliestSlotOnlyOnceItsSendIsDone(t *testing.T) {
	var s scope
	t0 := time.Unix(0, 0)
	a, b := s.take(2, time.Second), s.take(2, time.Second)
	if _, ok := s.freeAt(2); ok {
		t.Fatal("both slots are held by sends under way, yet one is free")
	}
	s.release(b, t0.Add(3*time.Second))
	if at, ok := s.freeAt(2); !ok || !at.Equal(t0.Add(3*time.Second)) {
		t.Fatalf("freeAt = %v, %v; want 3s, true", at.Sub(t0), ok)
	}
	s.release(a, t0.Add(2*time.Second))
	if at, _ := s.freeAt(2); !at.Equal(t0.Add(2 * time.Second)) {
		t.Fatalf("freeAt = %v, want the earlier slot's 2s", at.Sub(t0))
	}
	if got := s.take(2, time.Second); got != a {
		t.Errorf("took slot %d, want the earliest-freeing %d", got, a)
	}
	if s.idle(t0.Add(10 * time.Second)) {
		t.Error("a held slot counts as idle")
	}
	if at, ok := s.freeAt(0); !ok || !at.IsZero() {
		t.Errorf("with the limit off freeAt = %v, %v; want now", at, ok)
	}
}

func TestRememberedSendsBeforeARestartCountInTheWindows(t *testing.T) {
	l := Limits{PerGroup: 2, GroupWindow: time.Minute, PerChat: 1, ChatWindow: time.Millisecond}
	p := NewPacer(l, time.Second, nil)
	now := time.Now()
	p.Remember(-100, now.Add(-10*time.Second))
	p.Remember(-100, now.Add(-5*time.Second))
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	sent := false
	err := p.Send(ctx, -100, func(context.Context) error { sent = true; return nil })
	if sent || err == nil {
		t.Fatalf("two sends in the last minute fill a group's window of 2: the third must wait (sent=%v err=%v)", sent, err)
	}
	if err := p.Send(context.Background(), -200, func(context.Context) error { return nil }); err != nil {
		t.Errorf("another group is not held up: %v", err)
	}
}
