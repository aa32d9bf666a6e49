package bot

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"time"
)

// Limits are the send rates the Pacer keeps to, each on a rolling window: no
// window of that length may hold more than the count of sends. A zero count
// (or window) switches that limit off.
type Limits struct {
	Global       int           // sends per GlobalWindow across all chats
	GlobalWindow time.Duration //
	PerChat      int           // sends per ChatWindow to any one chat, groups included
	ChatWindow   time.Duration //
	PerGroup     int           // sends per GroupWindow to one group (chat id < 0)
	GroupWindow  time.Duration //

	// Margin lengthens every window, for what the Pacer cannot see: timer
	// and clock granularity, and Telegram counting a little differently from
	// its documentation. Round-trip times need none (see Pacer).
	Margin time.Duration
}

// TelegramLimits are Telegram's published limits (30 messages/s overall,
// 1/s per chat, 20/min per group) with a 20 ms margin.
func TelegramLimits() Limits {
	return Limits{
		Global: 30, GlobalWindow: time.Second,
		PerChat: 1, ChatWindow: time.Second,
		PerGroup: 20, GroupWindow: time.Minute,
		Margin: 20 * time.Millisecond,
	}
}

// Scaled multiplies every window and the margin by factor; tests use it
// with botapitest.ScaledLimits(factor) and a retry unit of factor seconds.
func (l Limits) Scaled(factor float64) Limits {
	scale := func(d time.Duration) time.Duration { return time.Duration(float64(d) * factor) }
	l.GlobalWindow, l.ChatWindow, l.GroupWindow = scale(l.GlobalWindow), scale(l.ChatWindow), scale(l.GroupWindow)
	l.Margin = scale(l.Margin)
	return l
}

// Pacer admits sends so that they keep within Limits, and retries them (429:
// after retry_after; 5xx and network errors: with backoff) without giving up
// their place. Callers for many chats call Send at once; each blocks until
// its message is sent. One chat's messages go out one at a time, in the order
// their Send calls arrived. Between chats, free slots go first to the send
// that has been ready longest: ready means arrived and allowed by its chat's
// own limits and pauses. So a chat waiting out its window (or a retry_after)
// never holds up the others, a burst of one message per resident is answered
// in arrival order, and a resident with several queued messages takes turns
// with the others rather than going first with all of them.
//
// Each limit is a set of slots (30 overall, 1 per chat, 20 per group). A send
// holds one slot of each scope it falls in from the moment its request starts
// until a window (plus margin) after its answer came back. Telegram counts it
// at some moment in between, and the next send in that slot is counted no
// earlier than its own start, so however long or uneven the round trips, no
// window-long stretch sees more sends counted than there are slots. (Counting
// from the start instead loses that guarantee whenever latency varies by more
// than the margin, as it does under load or on fresh connections.)
//
// Replicas sending for one bot share a budget (SendBudget): a send the local
// windows grant also reserves a slot in the shared windows before it goes;
// refused, it waits like a chat after a retry_after, keeping its place. The
// local windows stay, as the fallback when the budget cannot answer.
//
// Nothing runs in the background except a timer armed while sends wait.
type Pacer struct {
	limits Limits
	policy retryPolicy
	log    *slog.Logger
	now    func() time.Time

	mu          sync.Mutex
	seq         uint64               // arrival order of tickets
	global      scope                // every chat
	globalPause time.Time            // no send starts before this (after a 429)
	chats       map[int64]*chatState // chats with recent sends or waiting tickets
	waiting     map[*chatState]bool  // chats whose queue is not empty
	timer       *time.Timer          // wakes admission when the next send may start
	lastSweep   time.Time            // when idle chats were last dropped
	heads       []head               // scratch for admitLocked
	sweepEvery  time.Duration        // how long a chat's history can matter

	shared *sharedBudget // windows shared with other replicas; nil: none
	gate   budgetGate    // how many granted sends may ask shared at once
}

// chatState is one chat's queue and send history.
type chatState struct {
	id       int64
	queue    []*ticket // waiting sends, oldest first; queue[0] goes next
	inFlight bool      // a send to this chat is under way: the next waits (order)
	chat     scope     // per-chat limit
	group    scope     // per-group limit (groups only)
	pause    time.Time // no send to this chat before this (retry_after, backoff)
}

// ticket is one Send call's place in its chat's queue.
type ticket struct {
	seq     uint64    // breaks ties in readiness
	arrived time.Time // when Send was called
	chat    *chatState
	granted chan struct{} // closed when the send may start
	started bool          // granted and not yet finished
	start   time.Time     // when it was granted
	slots   [3]int        // the global, chat and group slots it holds; -1: none
	asking  bool          // granted; the shared budget is yet to answer for it
}

// NewPacer returns a Pacer keeping to l. retryUnit is the length of one
// retry_after unit: a second against Telegram, shorter against a fake whose
// windows are scaled down.
func NewPacer(l Limits, retryUnit time.Duration, log *slog.Logger) *Pacer {
	if log == nil {
		log = slog.Default()
	}
	sweep := max(l.GlobalWindow, l.ChatWindow, l.GroupWindow) + l.Margin
	return &Pacer{
		limits:     l,
		policy:     newRetryPolicy(retryUnit),
		log:        log,
		now:        time.Now,
		chats:      map[int64]*chatState{},
		waiting:    map[*chatState]bool{},
		sweepEvery: max(sweep, time.Second),
	}
}

// Send waits for chatID's turn, then calls send, repeating it after a 429
// (when retry_after has passed) or a server or network error (with backoff).
// It returns nil once send succeeds, send's error when it is final (400,
// 403, ...), or the context's error when ctx ends first.
func (p *Pacer) Send(ctx context.Context, chatID int64, send func(context.Context) error) error {
	tk := p.enqueue(chatID)
	var granted <-chan struct{} = tk.granted
	backoff := p.policy.backoff
	var transient, floods int
	for {
		select {
		case <-granted:
		case <-ctx.Done():
			p.cancel(tk)
			return fmt.Errorf("chat %d: waiting to send: %w", chatID, ctx.Err())
		}
		reservation, refused := p.reserveShared(ctx, tk)
		if refused != nil {
			granted = refused
			continue
		}
		if ctx.Err() != nil { // gave up while the budget was asked
			p.shared.settle(ctx, reservation)
			p.cancel(tk)
			return fmt.Errorf("chat %d: waiting to send: %w", chatID, ctx.Err())
		}
		err := p.attempt(ctx, tk, send)
		p.shared.settle(ctx, reservation)
		if err == nil {
			p.finish(tk, 0, 0)
			return nil
		}
		v := p.policy.judge(err)
		switch {
		case ctx.Err() != nil:
			p.finish(tk, 0, 0)
			return fmt.Errorf("chat %d: %w (last error: %v)", chatID, ctx.Err(), err)
		case v.final:
			p.finish(tk, 0, 0)
			return err
		case v.flood:
			floods++
			if floods > p.policy.maxFloods {
				p.finish(tk, 0, 0)
				return fmt.Errorf("chat %d: still rate-limited after %d tries: %w", chatID, floods, err)
			}
			p.log.Warn("telegram rate limit hit; pausing chat", "chat_id", chatID, "retry_after", v.wait, "err", err)
			// Which limit was hit is not said: the chat waits what Telegram
			// asks, the others one global window, after which it is empty.
			granted = p.finish(tk, v.wait, min(v.wait, p.limits.GlobalWindow+p.limits.Margin))
		default:
			transient++
			if transient > p.policy.maxRetries {
				p.finish(tk, 0, 0)
				return fmt.Errorf("chat %d: giving up after %d attempts: %w", chatID, transient, err)
			}
			p.log.Warn("telegram send failed; retrying", "chat_id", chatID, "attempt", transient, "delay", backoff, "err", err)
			granted = p.finish(tk, backoff, 0)
			backoff *= 2
		}
	}
}

// attempt runs send; should send panic, the chat is released first so that
// its later messages are not stuck behind a send that will never finish.
func (p *Pacer) attempt(ctx context.Context, tk *ticket, send func(context.Context) error) error {
	done := false
	defer func() {
		if !done {
			p.finish(tk, 0, 0)
		}
	}()
	err := send(ctx)
	done = true
	return err
}

// enqueue puts a ticket at the tail of chatID's queue.
func (p *Pacer) enqueue(chatID int64) *ticket {
	p.mu.Lock()
	defer p.mu.Unlock()
	c := p.chats[chatID]
	if c == nil {
		c = &chatState{id: chatID}
		p.chats[chatID] = c
	}
	p.seq++
	tk := &ticket{seq: p.seq, arrived: p.now(), chat: c, granted: make(chan struct{})}
	c.queue = append(c.queue, tk)
	p.waiting[c] = true
	p.admitLocked()
	return tk
}

// cancel withdraws a ticket whose caller stopped waiting. A ticket granted in
// the meantime sent nothing, but keeps its slots for a window (conservative).
func (p *Pacer) cancel(tk *ticket) {
	p.mu.Lock()
	defer p.mu.Unlock()
	c := tk.chat
	if tk.asking { // granted, but gave up before asking the shared budget
		tk.asking = false
		p.gate.withdrawn()
	}
	if tk.started {
		p.releaseLocked(tk, tk.start)
	} else if i := slices.Index(c.queue, tk); i >= 0 {
		c.queue = slices.Delete(c.queue, i, i+1)
		if len(c.queue) == 0 {
			delete(p.waiting, c)
		}
	}
	p.admitLocked()
}

// finish ends a started send. With a chat pause it puts the ticket back at
// the head of its chat's queue (a retry keeps its place and its chat's order) and
// returns the channel that will announce its next turn; a global pause also
// holds back every other chat.
func (p *Pacer) finish(tk *ticket, chatPause, globalPause time.Duration) <-chan struct{} {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !tk.started {
		return nil
	}
	now := p.now()
	p.releaseLocked(tk, now)
	var next chan struct{}
	if chatPause > 0 {
		next = p.requeueLocked(tk, now, chatPause, globalPause)
	}
	if now.Sub(p.lastSweep) > p.sweepEvery {
		p.sweepLocked(now)
	}
	p.admitLocked()
	return next
}

// requeueLocked puts a ticket that must wait back at the head of its chat's
// queue, pausing its chat (and with globalPause every chat), and returns the
// channel that will announce its next turn.
func (p *Pacer) requeueLocked(tk *ticket, now time.Time, chatPause, globalPause time.Duration) chan struct{} {
	c := tk.chat
	if chatPause > 0 {
		c.pause = later(c.pause, now.Add(chatPause))
	}
	if globalPause > 0 {
		p.globalPause = later(p.globalPause, now.Add(globalPause))
	}
	tk.granted = make(chan struct{})
	c.queue = slices.Insert(c.queue, 0, tk)
	p.waiting[c] = true
	return tk.granted
}

// releaseLocked frees tk's chat and hands its slots back, each to be free a
// window after reached, the latest moment Telegram can have counted the send.
func (p *Pacer) releaseLocked(tk *ticket, reached time.Time) {
	l, c := p.limits, tk.chat
	tk.started = false
	c.inFlight = false
	p.global.release(tk.slots[0], reached.Add(l.GlobalWindow+l.Margin))
	c.chat.release(tk.slots[1], reached.Add(l.ChatWindow+l.Margin))
	c.group.release(tk.slots[2], reached.Add(l.GroupWindow+l.Margin))
}

// admitLocked starts every send that may start now, earliest arrival first,
// and arms the timer for the moment the next one may. A scope with every
// slot taken by sends under way has no such moment: their finish admits.
func (p *Pacer) admitLocked() {
	if len(p.waiting) == 0 {
		p.stopTimerLocked()
		return
	}
	now := p.now()
	l := p.limits
	globalAt, ok := p.global.freeAt(l.Global)
	if !ok {
		p.stopTimerLocked()
		return
	}
	if globalAt = later(globalAt, p.globalPause); globalAt.After(now) {
		p.armTimerLocked(globalAt.Sub(now))
		return
	}
	heads := p.heads[:0]
	for c := range p.waiting {
		if c.inFlight {
			continue
		}
		if at, ok := p.chatFreeAt(c); ok {
			tk := c.queue[0]
			heads = append(heads, head{chat: c, readyAt: later(at, tk.arrived), seq: tk.seq})
		}
	}
	slices.SortFunc(heads, func(a, b head) int {
		if c := a.readyAt.Compare(b.readyAt); c != 0 {
			return c
		}
		return cmp.Compare(a.seq, b.seq)
	})
	var next time.Time // earliest moment a waiting chat may start
	for _, h := range heads {
		c := h.chat
		if h.readyAt.After(now) {
			if next.IsZero() || h.readyAt.Before(next) {
				next = h.readyAt
			}
			continue
		}
		if globalAt, ok = p.global.freeAt(l.Global); !ok {
			break // every global slot is under way; a finish admits
		}
		if p.shared != nil && !p.gate.allows() {
			break // the shared budget has no room; an answer admits
		}
		if globalAt.After(now) { // the last free global slot went to an earlier chat
			if next.IsZero() || globalAt.Before(next) {
				next = globalAt
			}
			break
		}
		p.grantLocked(c, now)
	}
	clear(heads)
	p.heads = heads[:0]
	if next.IsZero() {
		p.stopTimerLocked()
		return
	}
	p.armTimerLocked(next.Sub(now))
}

// head is a chat's next send, as admission weighs it.
type head struct {
	chat    *chatState
	readyAt time.Time // when its chat's limits and pauses let it go
	seq     uint64
}

// chatFreeAt is when chat c may next receive a send; false while one of its
// scopes is all under way.
func (p *Pacer) chatFreeAt(c *chatState) (time.Time, bool) {
	l := p.limits
	at, ok := c.chat.freeAt(l.PerChat)
	if c.id < 0 && ok {
		var groupAt time.Time
		groupAt, ok = c.group.freeAt(l.PerGroup)
		at = later(at, groupAt)
	}
	return later(at, c.pause), ok
}

// grantLocked starts c's head ticket now, holding a slot in every scope.
func (p *Pacer) grantLocked(c *chatState, now time.Time) {
	tk := c.queue[0]
	c.queue = slices.Delete(c.queue, 0, 1)
	if len(c.queue) == 0 {
		delete(p.waiting, c)
	}
	l := p.limits
	tk.slots = [3]int{p.global.take(l.Global, l.GlobalWindow), c.chat.take(l.PerChat, l.ChatWindow), -1}
	if c.id < 0 {
		tk.slots[2] = c.group.take(l.PerGroup, l.GroupWindow)
	}
	tk.start = now
	tk.started = true
	c.inFlight = true
	if p.shared != nil {
		p.gate.granted()
		tk.asking = true
	}
	close(tk.granted)
}

func (p *Pacer) armTimerLocked(d time.Duration) {
	if p.timer == nil {
		p.timer = time.AfterFunc(d, p.wake)
		return
	}
	p.timer.Reset(d)
}

func (p *Pacer) stopTimerLocked() {
	if p.timer != nil {
		p.timer.Stop()
	}
}

func (p *Pacer) wake() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.admitLocked()
}

// sweepLocked forgets chats with nothing queued or under way and nothing
// that can hold a send back any more, so the map does not grow with every
// chat the bot ever wrote to.
func (p *Pacer) sweepLocked(now time.Time) {
	p.lastSweep = now
	for id, c := range p.chats {
		if len(c.queue) == 0 && !c.inFlight && !c.pause.After(now) && c.chat.idle(now) && c.group.idle(now) {
			delete(p.chats, id)
		}
	}
}

// scope is the slots of one limit: a send takes a free one and holds it until
// a window after it reached Telegram.
type scope struct {
	until []time.Time // when each slot frees (once not busy)
	busy  []bool      // the slot's send is under way
}

// freeAt is when a slot frees: zero (now) with the limit off, false while
// every slot is held by a send under way.
func (s *scope) freeAt(limit int) (time.Time, bool) {
	if limit <= 0 || len(s.until) < limit {
		return time.Time{}, true
	}
	var at time.Time
	ok := false
	for i, u := range s.until {
		if !s.busy[i] && (!ok || u.Before(at)) {
			at, ok = u, true
		}
	}
	return at, ok
}

// take holds the earliest-freeing slot (free now: the caller checked) and
// returns its index, or -1 with the limit off.
func (s *scope) take(limit int, window time.Duration) int {
	if limit <= 0 || window <= 0 {
		return -1
	}
	if len(s.until) < limit {
		s.until = append(s.until, time.Time{})
		s.busy = append(s.busy, true)
		return len(s.until) - 1
	}
	best := -1
	for i, u := range s.until {
		if !s.busy[i] && (best < 0 || u.Before(s.until[best])) {
			best = i
		}
	}
	s.busy[best] = true
	return best
}

func (s *scope) release(slot int, until time.Time) {
	if slot < 0 {
		return
	}
	s.busy[slot] = false
	s.until[slot] = until
}

// idle reports that no slot is held or still cooling down.
func (s *scope) idle(now time.Time) bool {
	for i, u := range s.until {
		if s.busy[i] || u.After(now) {
			return false
		}
	}
	return true
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
