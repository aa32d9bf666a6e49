package bot

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"codesk/storage"
)

// SendBudget is a send allowance shared with the other processes sending
// for the same bot token (storage.RedisSendBudget). Each process's Pacer
// keeps its own order and windows; before a granted send goes out it also
// reserves a slot in the shared windows, so that replicas together stay
// within Telegram's limits.
type SendBudget interface {
	// Reserve takes a slot in every window a send to chatID falls in, or
	// takes none and says how long to wait.
	Reserve(ctx context.Context, chatID int64) (storage.SendGrant, error)
	// Settle records that a granted send was answered: its slots count for a
	// window from now.
	Settle(ctx context.Context, g storage.SendGrant) error
}

// WithSendBudget makes the Messenger's pacer share b with other replicas
// (default: none; this process alone paces the bot).
func WithSendBudget(b SendBudget) MessengerOption {
	return func(c *messengerConfig) { c.budget = b }
}

// Failure handling of the shared budget. When it errs or is slow, sends go
// on under this process's own Pacer, which still keeps this replica within
// the limits; replicas together may then exceed them and draw 429s, which
// every Pacer honours (retry_after, and a global pause), so nothing is lost
// and the excess stops itself. Waiting for the budget instead would leave
// residents unanswered for as long as Redis is out. After a failure the
// budget is left alone for budgetRetryAfter, so a dead Redis costs one
// timeout, not one per send.
const (
	budgetTimeout    = 500 * time.Millisecond // per call: a healthy Redis answers in about a millisecond
	budgetRetryAfter = 5 * time.Second
)

// sharedBudget is a SendBudget with timeouts and the local fallback.
type sharedBudget struct {
	budget     SendBudget
	log        *slog.Logger
	timeout    time.Duration
	retryAfter time.Duration
	now        func() time.Time

	mu        sync.Mutex
	down      bool      // a call failed: pacing alone
	downSince time.Time // when the last call failed
	downUntil time.Time // no calls before this while down
}

func newSharedBudget(b SendBudget, log *slog.Logger) *sharedBudget {
	return &sharedBudget{budget: b, log: log, timeout: budgetTimeout, retryAfter: budgetRetryAfter, now: time.Now}
}

// reserve asks the budget for a send to chatID. shared is false when the
// budget could not answer (or is resting after a failure): the send goes on
// under the local Pacer alone.
func (s *sharedBudget) reserve(ctx context.Context, chatID int64) (g storage.SendGrant, shared bool) {
	if s.resting() {
		return storage.SendGrant{}, false
	}
	started := s.now()
	callCtx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	g, err := s.budget.Reserve(callCtx, chatID)
	if err != nil {
		if ctx.Err() == nil { // the caller giving up says nothing about Redis
			s.failed(err)
		}
		return storage.SendGrant{}, false
	}
	s.answered(started)
	return g, true
}

// settle records g's send as answered. It runs after the send whatever the
// caller's context says: the send happened and must be counted. A failure
// leaves the reservation to expire after its lease (conservative).
func (s *sharedBudget) settle(ctx context.Context, g storage.SendGrant) {
	if s == nil || !g.Granted() {
		return
	}
	callCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.timeout)
	defer cancel()
	if err := s.budget.Settle(callCtx, g); err != nil {
		s.failed(err)
	}
}

// resting reports whether a recent failure keeps the budget unused.
func (s *sharedBudget) resting() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.down && s.now().Before(s.downUntil)
}

func (s *sharedBudget) failed(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.downSince = s.now()
	s.downUntil = s.downSince.Add(s.retryAfter)
	if !s.down {
		s.down = true
		s.log.Error("shared send budget unavailable; this replica paces alone (replicas together may draw 429s) and retries it later",
			"err", err, "retry_in", s.retryAfter)
	}
}

// answered notes a call started at started has succeeded. Only a call
// started after the last failure shows the budget is back: one answered
// just as Redis went away says nothing.
func (s *sharedBudget) answered(started time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.down && started.After(s.downSince) {
		s.down = false
		s.log.Info("shared send budget answers again; replicas pace together")
	}
}

// useBudget makes p ask s before every send. Until the first answer says
// how much room the shared windows have, one send asks at a time.
func (p *Pacer) useBudget(s *sharedBudget) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.shared = s
	p.gate = budgetGate{on: true, credit: 1}
}

// reserveShared asks the shared budget, if any, for tk's send, which the
// local windows have just granted. Refused, the ticket gives its local slots
// back unused, returns to the head of its chat's queue with its chat paused
// (or every chat, when the overall window is full) for as long as the budget
// says, and refused announces its next turn. The local order is kept: the
// pause is the same one a retry_after causes.
func (p *Pacer) reserveShared(ctx context.Context, tk *ticket) (g storage.SendGrant, refused <-chan struct{}) {
	if p.shared == nil {
		return storage.SendGrant{}, nil
	}
	g, shared := p.shared.reserve(ctx, tk.chat.id)
	p.mu.Lock()
	defer p.mu.Unlock()
	tk.asking = false
	if !shared {
		p.gate.answered(-1)
		return storage.SendGrant{}, nil
	}
	p.gate.answered(g.Room)
	now := p.now()
	if g.Granted() {
		if g.GlobalWait > 0 { // this send took the last slot
			p.globalPause = later(p.globalPause, now.Add(g.GlobalWait))
		}
		p.admitLocked()
		return g, nil
	}
	tk.started = false
	tk.chat.inFlight = false
	for i, s := range []*scope{&p.global, &tk.chat.chat, &tk.chat.group} {
		s.release(tk.slots[i], time.Time{}) // nothing was sent: free at once
	}
	next := p.requeueLocked(tk, now, g.ChatWait, g.GlobalWait)
	p.admitLocked()
	return g, next
}

// budgetGate keeps a replica from asking the shared budget about many more
// sends than it has room for. Without it, every time a slot of a full
// overall window frees, each replica would grant all its waiting chats at
// once and all but one would be refused: a round trip and a re-admission
// each, several per message sent. The budget's answers say how much room is
// left; while that is little, only that many sends ask, and when none is
// left, one asks once the window is due to have room again.
type budgetGate struct {
	on        bool // the overall window's room is known
	credit    int  // while on: grants that may still ask before an answer
	reserving int  // granted sends whose question is unanswered
}

// allows reports whether one more granted send may ask the budget.
func (g *budgetGate) allows() bool { return !g.on || g.credit > 0 }

// granted counts a send about to ask.
func (g *budgetGate) granted() {
	g.reserving++
	if g.on {
		g.credit--
	}
}

// answered takes in an answer with room left in the overall window (-1:
// unknown, no overall limit or the budget did not answer: ungated).
func (g *budgetGate) answered(room int) {
	g.reserving--
	if room < 0 {
		g.on = false
		return
	}
	g.on = true
	g.credit = room - g.reserving // the others asking will take some of it
	g.probeIfIdle()
}

// withdrawn forgets a granted send that never asked (its caller gave up).
func (g *budgetGate) withdrawn() {
	g.reserving--
	g.probeIfIdle()
}

// probeIfIdle lets one send ask when none is asking, so that a gate shut by
// a full window opens again: its pause (the window's wait) times that ask.
func (g *budgetGate) probeIfIdle() {
	if g.on && g.credit <= 0 && g.reserving == 0 {
		g.credit = 1
	}
}
