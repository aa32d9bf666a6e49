package bot

import (
	"codesk/internal/logtest"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"codesk/storage"
)

// fakeBudget is a SendBudget whose answers a test scripts; by default it
// grants everything.
type fakeBudget struct {
	mu       sync.Mutex
	answer   func(chatID int64) (storage.SendGrant, error) // nil: grant
	reserves []int64                                       // chats asked for, in order
	settled  []storage.SendGrant
	seq      int
}

func (f *fakeBudget) Reserve(ctx context.Context, chatID int64) (storage.SendGrant, error) {
	f.mu.Lock()
	f.reserves = append(f.reserves, chatID)
	answer := f.answer
	f.seq++
	id := fmt.Sprint(f.seq)
	f.mu.Unlock()
	if answer != nil {
		return answer(chatID)
	}
	return storage.SendGrant{ID: id, ChatID: chatID, Room: -1}, nil
}

func (f *fakeBudget) Settle(_ context.Context, g storage.SendGrant) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.settled = append(f.settled, g)
	return nil
}

func (f *fakeBudget) asked() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.reserves)
}

// budgetPacer is a Pacer with no local limits on top of budget, so that
// only the budget's answers hold sends back.
func budgetPacer(budget SendBudget, log *slog.Logger) *Pacer {
	if log == nil {
		log = quietLog
	}
	p := NewPacer(Limits{}, time.Millisecond, log)
	p.useBudget(newSharedBudget(budget, log))
	return p
}

// refuseOnce refuses the first reservation for chat with the given waits
// and grants everything else.
func refuseOnce(f *fakeBudget, chat int64, refusal storage.SendGrant) {
	var once sync.Once
	f.answer = func(chatID int64) (storage.SendGrant, error) {
		refused := false
		if chatID == chat {
			once.Do(func() { refused = true })
		}
		if refused {
			refusal.ChatID = chatID
			return refusal, nil
		}
		return storage.SendGrant{ID: "ok", ChatID: chatID, Room: -1}, nil
	}
}

// timedSends records when each labelled send went out.
type timedSends struct {
	mu    sync.Mutex
	order []string
	at    map[string]time.Time
}

func (s *timedSends) send(label string) func(context.Context) error {
	return func(context.Context) error {
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.at == nil {
			s.at = map[string]time.Time{}
		}
		s.order = append(s.order, label)
		s.at[label] = time.Now()
		return nil
	}
}

func TestBudgetRefusalPausesTheChatKeepingItsOrder(t *testing.T) {
	budget := &fakeBudget{}
	const wait = 150 * time.Millisecond
	refuseOnce(budget, 1, storage.SendGrant{ChatWait: wait, Room: -1})
	p := budgetPacer(budget, nil)
	var sends timedSends
	start := time.Now()
	var wg sync.WaitGroup
	for i, s := range []struct {
		chat  int64
		label string
	}{{1, "a1"}, {1, "a2"}, {2, "b"}} {
		wg.Go(func() {
			if err := p.Send(context.Background(), s.chat, sends.send(s.label)); err != nil {
				t.Errorf("send %s: %v", s.label, err)
			}
		})
		waitTickets(t, p, uint64(i+1))
	}
	wg.Wait()
	if want := []string{"b", "a1", "a2"}; !slices.Equal(sends.order, want) {
		t.Errorf("sent in order %q, want %q: the refused chat waits, keeping its order, and others go on", sends.order, want)
	}
	if took := sends.at["a1"].Sub(start); took < wait {
		t.Errorf("a1 went %v after the budget said to wait %v", took, wait)
	}
	if took := sends.at["b"].Sub(start); took > wait/2 {
		t.Errorf("chat 2 waited %v behind chat 1's refusal", took)
	}
	if len(budget.settled) != 3 {
		t.Errorf("settled %d reservations, want one per granted send (3)", len(budget.settled))
	}
}

func TestBudgetGlobalRefusalHoldsBackEveryChat(t *testing.T) {
	budget := &fakeBudget{}
	const wait = 150 * time.Millisecond
	refuseOnce(budget, 1, storage.SendGrant{GlobalWait: wait})
	// chat 1's refusal arrives only once chat 2 has queued: the later
	// arrival is waiting when the earlier one is requeued
	refuse, queued := budget.answer, make(chan struct{})
	budget.answer = func(chatID int64) (storage.SendGrant, error) {
		if chatID == 1 {
			<-queued
		}
		return refuse(chatID)
	}
	p := budgetPacer(budget, nil)
	var sends timedSends
	start := time.Now()
	done := make(chan error, 2)
	go func() { done <- p.Send(context.Background(), 1, sends.send("a")) }()
	deadline := time.Now().Add(2 * time.Second)
	for budget.asked() < 1 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	go func() { done <- p.Send(context.Background(), 2, sends.send("b")) }()
	waitTickets(t, p, 2)
	close(queued)
	for range 2 {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	if took := sends.at["b"].Sub(start); took < wait {
		t.Errorf("chat 2 went %v after the overall window was reported full for %v", took, wait)
	}
	// the earlier arrival asks first once the window has room; the order in
	// which two granted sends then reach Telegram is their goroutines' (a
	// loaded machine once ran b's before a's)
	budget.mu.Lock()
	asked := slices.Clone(budget.reserves)
	budget.mu.Unlock()
	if want := []int64{1, 1, 2}; !slices.Equal(asked, want) {
		t.Errorf("budget asked for chats %v, want %v (chat 1 refused, then the earlier arrival first)", asked, want)
	}
}

func TestBudgetFailureFallsBackToLocalPacingAndRecovers(t *testing.T) {
	budget := &fakeBudget{}
	var failing sync.Mutex // held: Redis is down
	down := true
	budget.answer = func(chatID int64) (storage.SendGrant, error) {
		failing.Lock()
		defer failing.Unlock()
		if down {
			return storage.SendGrant{}, errors.New("dial tcp 127.0.0.1:6379: connection refused")
		}
		return storage.SendGrant{ID: "ok", ChatID: chatID, Room: -1}, nil
	}
	logged := &logtest.Buffer{}
	p := budgetPacer(budget, slog.New(slog.NewTextHandler(logged, nil)))
	p.shared.retryAfter = 200 * time.Millisecond
	ctx := context.Background()
	var sends timedSends
	for i := range 5 {
		if err := p.Send(ctx, int64(i), sends.send(fmt.Sprint(i))); err != nil {
			t.Fatalf("send %d with the budget down: %v", i, err)
		}
	}
	if len(sends.order) != 5 {
		t.Fatalf("sent %d of 5 with the budget down", len(sends.order))
	}
	if n := budget.asked(); n != 1 {
		t.Errorf("the failing budget was asked %d times within its retry delay; want once", n)
	}
	if n := strings.Count(logged.String(), "shared send budget unavailable"); n != 1 {
		t.Errorf("logged the outage %d times, want once:\n%s", n, logged)
	}

	failing.Lock()
	down = false
	failing.Unlock()
	time.Sleep(p.shared.retryAfter)
	if err := p.Send(ctx, 9, sends.send("after")); err != nil {
		t.Fatal(err)
	}
	if n := budget.asked(); n != 2 {
		t.Errorf("budget asked %d times; want it asked again after the retry delay", n)
	}
	if !strings.Contains(logged.String(), "shared send budget answers again") {
		t.Errorf("the recovery is not logged:\n%s", logged)
	}
	if len(budget.settled) != 1 {
		t.Errorf("settled %d reservations; want only the one granted", len(budget.settled))
	}
}

// blockingBudget never answers before its caller gives up: a Redis that
// hangs.
type blockingBudget struct{}

func (blockingBudget) Reserve(ctx context.Context, _ int64) (storage.SendGrant, error) {
	<-ctx.Done()
	return storage.SendGrant{}, ctx.Err()
}

func (blockingBudget) Settle(ctx context.Context, _ storage.SendGrant) error {
	<-ctx.Done()
	return ctx.Err()
}

func TestHangingBudgetCostsOneTimeoutThenIsLeftAlone(t *testing.T) {
	p := budgetPacer(blockingBudget{}, nil)
	p.shared.timeout = 100 * time.Millisecond
	send := func(chat int64) time.Duration {
		start := time.Now()
		if err := p.Send(context.Background(), chat, func(context.Context) error { return nil }); err != nil {
			t.Fatalf("send to chat %d: %v", chat, err)
		}
		return time.Since(start)
	}
	if took := send(1); took < p.shared.timeout || took > 10*p.shared.timeout {
		t.Errorf("the first send took %v; want it to go after the %v timeout", took, p.shared.timeout)
	}
	var rest time.Duration
	for chat := range int64(10) {
		rest += send(chat + 2)
	}
	if rest > p.shared.timeout {
		t.Errorf("10 more sends took %v: a hung budget must not be waited on for each", rest)
	}
}

func TestCallerGivingUpWhileTheBudgetIsAskedSendsNothing(t *testing.T) {
	p := budgetPacer(blockingBudget{}, nil)
	p.shared.timeout = time.Minute
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	sent := false
	err := p.Send(ctx, 1, func(context.Context) error { sent = true; return nil })
	if sent || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("sent=%v err=%v; want nothing sent and the deadline's error", sent, err)
	}
	if p.shared.resting() {
		t.Error("the caller's deadline was taken for a budget outage")
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if c := p.chats[1]; c != nil && (c.inFlight || len(c.queue) > 0) {
		t.Errorf("the abandoned send left chat 1 busy: inFlight=%v queued=%d", c.inFlight, len(c.queue))
	}
}

func TestSettleFollowsEveryGrantedSendWhateverItsOutcome(t *testing.T) {
	budget := &fakeBudget{}
	p := budgetPacer(budget, nil)
	if err := p.Send(context.Background(), 1, func(context.Context) error { return nil }); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	err := p.Send(ctx, 2, func(context.Context) error { cancel(); return context.Canceled })
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	budget.mu.Lock()
	defer budget.mu.Unlock()
	if got := len(budget.settled); got != 2 {
		t.Fatalf("settled %d of 2 granted sends (the cancelled one was attempted and must count)", got)
	}
	for i, g := range budget.settled {
		if want := int64(i + 1); g.ChatID != want || !g.Granted() {
			t.Errorf("settle %d: %+v; want chat %d's grant", i, g, want)
		}
	}
}

func TestRememberStillHoldsWithASharedBudget(t *testing.T) {
	p := NewPacer(Limits{PerGroup: 1, GroupWindow: time.Minute}, time.Second, quietLog)
	p.useBudget(newSharedBudget(&fakeBudget{}, quietLog))
	p.Remember(-100, time.Now().Add(-time.Second))
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	sent := false
	if err := p.Send(ctx, -100, func(context.Context) error { sent = true; return nil }); sent || err == nil {
		t.Fatalf("a send remembered from before a restart fills the group's window of 1, yet the next went (err %v)", err)
	}
}

// windowBudget is an in-process stand-in for the Redis budget's overall
// window: limit sends per hold, each counting from its reservation until a
// hold after its settlement; it counts the questions asked.
type windowBudget struct {
	limit int
	hold  time.Duration

	mu       sync.Mutex
	freeAt   map[string]time.Time // reservation -> when it stops counting
	seq      int
	asked    int
	refusals int
}

func (w *windowBudget) Reserve(_ context.Context, chatID int64) (storage.SendGrant, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.asked++
	now := time.Now()
	var ends []time.Time
	for id, at := range w.freeAt {
		if !at.After(now) {
			delete(w.freeAt, id)
			continue
		}
		ends = append(ends, at)
	}
	slices.SortFunc(ends, func(a, b time.Time) int { return a.Compare(b) })
	untilRoom := func(n int) time.Duration { return min(ends[n-w.limit].Sub(now), w.hold) }
	if n := len(ends); n >= w.limit {
		w.refusals++
		return storage.SendGrant{ChatID: chatID, GlobalWait: untilRoom(n), Room: 0}, nil
	}
	w.seq++
	id := fmt.Sprint(w.seq)
	w.freeAt[id] = now.Add(time.Hour) // under way
	ends = append(ends, now.Add(time.Hour))
	g := storage.SendGrant{ID: id, ChatID: chatID, Room: w.limit - len(ends)}
	if g.Room == 0 {
		g.GlobalWait = untilRoom(len(ends))
	}
	return g, nil
}

func (w *windowBudget) Settle(_ context.Context, g storage.SendGrant) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.freeAt[g.ID] = time.Now().Add(w.hold)
	return nil
}

// TestBudgetGateAsksAboutTheRoomThereIs: with the shared window full, a
// replica must not ask about every waiting send each time a slot frees (a
// refusal, a round trip and a re-admission each), only about the room left.
func TestBudgetGateAsksAboutTheRoomThereIs(t *testing.T) {
	budget := &windowBudget{limit: 5, hold: 30 * time.Millisecond, freeAt: map[string]time.Time{}}
	p := budgetPacer(budget, nil)
	const chats = 40
	var wg sync.WaitGroup
	for i := range chats {
		wg.Go(func() {
			if err := p.Send(context.Background(), int64(i), func(context.Context) error { return nil }); err != nil {
				t.Errorf("send %d: %v", i, err)
			}
		})
	}
	wg.Wait()
	budget.mu.Lock()
	defer budget.mu.Unlock()
	if budget.seq != chats {
		t.Fatalf("granted %d of %d sends", budget.seq, chats)
	}
	// 8 windows of 5: about one refused probe per window at most (without
	// the gate: about 100).
	if budget.refusals > chats/4 {
		t.Errorf("the budget refused %d questions for %d sends: waiting sends ask regardless of room", budget.refusals, chats)
	}
}
