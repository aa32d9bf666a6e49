// Package outbox delivers the messages that matter — ticket cards, relays
// between staff and residents, status notices. Handlers store them in the
// database (in the same transaction as the change they report) and the
// worker here sends them: after a crash or restart, whatever was pending is
// sent; a row is sent by one worker at a time and recorded as delivered once.
package outbox

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"codesk/handlers"
	"codesk/storage"
)

// Store is the durable queue.
type Store interface {
	DueOutboxExcept(ctx context.Context, now time.Time, limit int, skipChats []int64) ([]storage.OutboxMessage, error)
	ClaimOutboxAttempt(ctx context.Context, id int64, now time.Time, lease time.Duration) (storage.OutboxClaim, bool, error)
	MarkOutboxSent(ctx context.Context, id int64, messageID int, at time.Time) error
	MarkOutboxRetry(ctx context.Context, id int64, errText string, next time.Time) error
	MarkOutboxInDoubt(ctx context.Context, id int64, errText string, next time.Time) error
	MarkOutboxFailed(ctx context.Context, id int64, errText string) error
	ExtendOutboxLease(ctx context.Context, id int64, until time.Time) error
	// MoveOutboxChat readdresses a group's pending rows to the supergroup
	// it became (see staff_chat.go).
	MoveOutboxChat(ctx context.Context, from, to int64) (int, error)
	// For messages in doubt (see probe.go).
	KnownMessageIDs(ctx context.Context, chatID int64, after, upTo int) ([]int, error)
	SettleOutboxProbe(ctx context.Context, id int64, checked int) error
	AdvanceOutboxProbe(ctx context.Context, id int64, checked int) error
}

// Worker sends due outbox rows through a Messenger.
type Worker struct {
	Store     Store
	Messenger handlers.Messenger
	Log       *slog.Logger
	Now       func() time.Time
	// Poll is how often the queue is checked when nobody calls Notify.
	Poll time.Duration
	// Lease is how long a claimed row is reserved for its sender, renewed
	// while the send waits; a worker that dies mid-send leaves the row to
	// be sent again once it lapses.
	Lease time.Duration
	// Batch bounds the rows taken per listing.
	Batch int
	// MaxChats bounds the chats sent to at once: each holds a claimed row
	// whose lease is renewed while it waits on Telegram's pace.
	MaxChats int
	// Journal, when set, records deliveries before the database does
	// (see Journal); Replay it before Run.
	Journal *Journal
	// ProbeWindow is how many message ids after the last known one are
	// searched for a message in doubt (see CarefulMessenger); 0 means 10.
	ProbeWindow int
	// Undeliverable, when set, hears of each row that can never be sent
	// (after it is marked failed), so whoever queued it can be told. A
	// staff chat that refuses the bot is not such a row: it is retried.
	Undeliverable func(ctx context.Context, m storage.OutboxMessage, err error) error
	// ShutdownGrace is how long sends already under way may finish once
	// Run's or Drain's context ends (no new ones start): a send cut off
	// after Telegram took it is in doubt, and in a private chat it goes
	// again at the next start. 0 means 10 s.
	ShutdownGrace time.Duration
	// RecordRetry is the first wait before writing again a delivery the
	// store failed to record (see record.go); it doubles. 0 means 100 ms.
	RecordRetry time.Duration

	wake chan struct{}
	once sync.Once

	mu sync.Mutex
	// busy holds the chats a sender goroutine is working through; their
	// rows are left out of later listings until it is done, so a chat has
	// one sender at a time and its rows go in order.
	busy map[int64]bool
	// blocked holds chats whose oldest row failed, until its retry time, so
	// the chat's later rows do not overtake it.
	blocked map[int64]time.Time
	// unrecorded holds deliveries the store has not taken yet, by row id.
	unrecorded map[int64]delivery
	// staffWarned is when each refusing staff chat was last warned of.
	staffWarned map[int64]time.Time
}

func (w *Worker) init() {
	w.once.Do(func() {
		w.wake = make(chan struct{}, 1)
		w.busy = map[int64]bool{}
		w.blocked = map[int64]time.Time{}
		w.unrecorded = map[int64]delivery{}
		w.staffWarned = map[int64]time.Time{}
		if w.Now == nil {
			w.Now = time.Now
		}
		if w.Log == nil {
			w.Log = slog.Default()
		}
		if w.Poll <= 0 {
			w.Poll = time.Second
		}
		if w.Lease <= 0 {
			w.Lease = 30 * time.Second
		}
		if w.Batch <= 0 {
			w.Batch = 200
		}
		if w.MaxChats <= 0 {
			w.MaxChats = 200
		}
		if w.ProbeWindow <= 0 {
			w.ProbeWindow = 10
		}
		if w.ShutdownGrace <= 0 {
			w.ShutdownGrace = 10 * time.Second
		}
		if w.RecordRetry <= 0 {
			w.RecordRetry = 100 * time.Millisecond
		}
	})
}

// Notify tells the worker new rows may be due, so it does not wait for the
// next poll.
func (w *Worker) Notify() {
	w.init()
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

// Run delivers rows until ctx ends. Every poll or Notify starts a sender
// for each chat with due rows that has none under way, without waiting for
// the senders already running: a staff group paced to 20 messages a minute
// does not hold up a resident's confirmation. When ctx ends Run returns
// once its senders have finished or released their rows.
func (w *Worker) Run(ctx context.Context) error {
	w.init()
	var senders sync.WaitGroup
	defer senders.Wait()
	t := time.NewTicker(w.Poll)
	defer t.Stop()
	for {
		if _, err := w.dispatch(ctx, &senders, nil); err != nil && ctx.Err() == nil {
			w.Log.Error("outbox round failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		case <-w.wake:
		}
	}
}

// Drain sends every row that is due now, waits for the sends, and returns
// how many went. Rows of one chat go in order, one at a time; chats go in
// parallel, so a chat waiting on Telegram's per-chat limit does not hold up
// the others. Chats a concurrent Run is sending to are left to it.
func (w *Worker) Drain(ctx context.Context) (int, error) {
	w.init()
	var sent atomic.Int64
	for {
		var senders sync.WaitGroup
		more, err := w.dispatch(ctx, &senders, &sent)
		senders.Wait()
		if err != nil {
			return int(sent.Load()), err
		}
		if ctx.Err() != nil {
			return int(sent.Load()), ctx.Err()
		}
		if !more {
			return int(sent.Load()), nil
		}
	}
}

// dispatch starts a sender goroutine (counted in senders, adding what it
// sends to sent when that is not nil) for each chat with due rows that is
// neither busy nor blocked. Each listing leaves out the chats already
// taken, so one chat with a long queue cannot fill it and hide the others.
// more reports rows left for a later round: a listing cut at Batch, or
// chats left waiting for MaxChats.
func (w *Worker) dispatch(ctx context.Context, senders *sync.WaitGroup, sent *atomic.Int64) (more bool, err error) {
	w.recordPending(ctx)
	for ctx.Err() == nil {
		due, err := w.Store.DueOutboxExcept(ctx, w.Now(), w.Batch, w.skipped(w.Now()))
		if err != nil {
			return more, fmt.Errorf("list due outbox rows: %w", err)
		}
		started, leftOver := w.start(ctx, senders, due, sent)
		more = more || leftOver || len(due) >= w.Batch
		if len(due) < w.Batch || started == 0 {
			return more, nil
		}
	}
	return more, nil
}

// start groups due rows by chat, oldest first, and starts one sender per
// chat that is free, up to MaxChats busy at once. leftOver reports free
// chats it had no room for.
func (w *Worker) start(ctx context.Context, senders *sync.WaitGroup, due []storage.OutboxMessage, sent *atomic.Int64) (started int, leftOver bool) {
	var order []int64
	byChat := map[int64][]storage.OutboxMessage{}
	now := w.Now()
	w.mu.Lock()
	for _, m := range due {
		if w.busy[m.ChatID] || w.isBlocked(m.ChatID, now) {
			continue
		}
		if _, ok := byChat[m.ChatID]; !ok {
			if len(w.busy)+len(order) >= w.MaxChats {
				leftOver = true
				continue
			}
			order = append(order, m.ChatID)
		}
		byChat[m.ChatID] = append(byChat[m.ChatID], m)
	}
	for _, chat := range order {
		w.busy[chat] = true
	}
	w.mu.Unlock()
	for _, chat := range order {
		senders.Add(1)
		go func(chat int64, rows []storage.OutboxMessage) {
			defer senders.Done()
			n := w.sendChat(ctx, rows)
			if sent != nil {
				sent.Add(int64(n))
			}
			w.mu.Lock()
			delete(w.busy, chat)
			w.mu.Unlock()
			w.Notify() // rows it did not take, or that came meanwhile, may be due
		}(chat, byChat[chat])
	}
	return len(order), leftOver
}

// skipped lists the chats the next listing should leave out: busy, or
// blocked until after now.
func (w *Worker) skipped(now time.Time) []int64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := make([]int64, 0, len(w.busy)+len(w.blocked))
	for chat := range w.busy {
		out = append(out, chat)
	}
	for chat := range w.blocked {
		if !w.busy[chat] && w.isBlocked(chat, now) {
			out = append(out, chat)
		}
	}
	return out
}

// isBlocked reports whether chatID waits on a failed row at now, forgetting
// blocks that have run out. w.mu must be held.
func (w *Worker) isBlocked(chatID int64, now time.Time) bool {
	until, ok := w.blocked[chatID]
	if ok && !now.Before(until) {
		delete(w.blocked, chatID)
		return false
	}
	return ok
}

func (w *Worker) block(chatID int64, until time.Time) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.blocked[chatID] = until
}

// sendChat sends one chat's rows in order, stopping at the first that must
// wait so later rows do not overtake it.
func (w *Worker) sendChat(ctx context.Context, rows []storage.OutboxMessage) int {
	sent := 0
	for _, m := range rows {
		if ctx.Err() != nil {
			return sent // shutting down: the rest stay pending for the next start
		}
		claim, ok, err := w.Store.ClaimOutboxAttempt(ctx, m.ID, w.Now(), w.Lease)
		if err != nil {
			w.Log.Error("claim outbox row", "id", m.ID, "err", err)
			return sent
		}
		if !ok {
			// Another sender has it (or it went meanwhile): the chat's
			// later rows wait for it, or they could overtake it.
			return sent
		}
		if !w.deliver(ctx, m, claim) {
			return sent
		}
		sent++
	}
	return sent
}

// deliver makes one claimed row's attempt and records the outcome; it
// reports whether the chat may go on with its next row. A send under way
// when ctx ends is given ShutdownGrace to finish.
func (w *Worker) deliver(ctx context.Context, m storage.OutboxMessage, claim storage.OutboxClaim) bool {
	sendCtx, release := w.sendContext(ctx)
	defer release()
	stop := w.keepLease(sendCtx, m.ID)
	if d, ok := w.unrecordedDelivery(m.ID); ok {
		// Telegram took it earlier; only the database did not hear of it.
		w.Log.Info("outbox row already delivered; recording it, not sending again", "id", m.ID, "key", m.Key, "message_id", d.messageID)
		w.recordSent(context.WithoutCancel(ctx), m, d)
		stop()
		return true
	}
	msgID, err := w.attempt(sendCtx, m, claim)
	if to, ok := migratedTo(err); ok {
		if m, err = w.moveChat(sendCtx, m, to); err == nil {
			// the old group refused it outright: nothing is in doubt there
			msgID, err = w.attempt(sendCtx, m, storage.OutboxClaim{})
		}
	}
	if err == nil {
		// not sendCtx: a send that finished as its grace ran out is still
		// recorded (the writes are bounded; see recordTries)
		w.recordSent(context.WithoutCancel(ctx), m, delivery{messageID: msgID, at: w.Now()})
		stop()
		return true
	}
	stop() // before the row's next time is written: a renewal would overwrite it
	now := w.Now()
	switch {
	case staffChatRefuses(m.ChatID, err):
		next := now.Add(backoff(m.Attempts))
		w.warnStaffChat(m, err, next)
		w.retryAt(context.WithoutCancel(ctx), m, err, err.Error(), next)
		w.block(m.ChatID, next)
		return false
	case errors.Is(err, handlers.ErrUndeliverable):
		w.Log.Warn("outbox row undeliverable", "id", m.ID, "key", m.Key, "chat_id", m.ChatID, "err", err)
		if err := w.Store.MarkOutboxFailed(context.WithoutCancel(ctx), m.ID, err.Error()); err != nil {
			w.Log.Error("mark outbox row failed", "id", m.ID, "err", err)
		}
		if w.Undeliverable != nil {
			// bounded: a slow store must not hold up the chat's next rows
			rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), undeliverableReportTimeout)
			if rerr := w.Undeliverable(rctx, m, err); rerr != nil {
				w.Log.Error("report undeliverable outbox row", "id", m.ID, "key", m.Key, "err", rerr)
			}
			cancel()
		}
		return true // it will never go; the chat's next rows may
	case ctx.Err() != nil:
		// Shutting down: release the row for the next start right away.
		w.retryAt(context.WithoutCancel(ctx), m, err, "interrupted by shutdown", now)
		return false
	default:
		next := now.Add(backoff(m.Attempts))
		w.Log.Warn("outbox send failed; will retry", "id", m.ID, "key", m.Key, "attempt", m.Attempts+1,
			"next", next, "in_doubt", inDoubt(err), "err", err)
		w.retryAt(ctx, m, err, err.Error(), next)
		w.block(m.ChatID, next)
		return false
	}
}

// sendContext is ctx for one row's attempt, except that ctx ending does
// not cut off a send already on the wire: it gets ShutdownGrace more.
func (w *Worker) sendContext(ctx context.Context) (context.Context, context.CancelFunc) {
	sendCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	stopAfter := context.AfterFunc(ctx, func() { time.AfterFunc(w.ShutdownGrace, cancel) })
	return sendCtx, func() {
		stopAfter()
		cancel()
	}
}

// undeliverableReportTimeout bounds the Undeliverable hook.
const undeliverableReportTimeout = 10 * time.Second

// retryAt makes row m due again at next after a failed attempt, which stays
// unsettled when its outcome is unknown.
func (w *Worker) retryAt(ctx context.Context, m storage.OutboxMessage, err error, errText string, next time.Time) {
	mark, what := w.Store.MarkOutboxRetry, "mark outbox row for retry"
	if inDoubt(err) {
		mark, what = w.Store.MarkOutboxInDoubt, "mark outbox row in doubt"
	}
	if err := mark(ctx, m.ID, errText, next); err != nil {
		w.Log.Error(what, "id", m.ID, "err", err)
	}
}

// attempt delivers m and returns its message id: by editing the message
// named, else — after an attempt in doubt — by finding the message that
// attempt sent, else by sending it.
func (w *Worker) attempt(ctx context.Context, m storage.OutboxMessage, claim storage.OutboxClaim) (int, error) {
	careful, _ := w.Messenger.(CarefulMessenger)
	out := toOutMessage(m)
	if m.EditMessageID != 0 {
		err := w.edit(ctx, careful, m.ChatID, m.EditMessageID, out)
		if !errors.Is(err, handlers.ErrUndeliverable) {
			return m.EditMessageID, err
		}
		// The message is gone or cannot be edited: deliver a new one. It
		// may be this row's second try at that, after one in doubt.
		w.Log.Warn("outbox edit refused; sending a new message", "id", m.ID, "key", m.Key, "err", err)
	}
	if claim.InDoubt {
		if careful == nil || len(m.Buttons) == 0 {
			w.Log.Warn("sending again a message that may have arrived", "id", m.ID, "key", m.Key, "chat_id", m.ChatID)
		} else if id, err := w.probe(ctx, careful, m, claim.ProbeAfter); err != nil || id != 0 {
			return id, err
		}
	}
	if careful != nil {
		return careful.SendOnce(ctx, out)
	}
	return w.Messenger.Send(ctx, out)
}

func (w *Worker) edit(ctx context.Context, careful CarefulMessenger, chatID int64, messageID int, out handlers.OutMessage) error {
	if careful != nil {
		return careful.EditStrict(ctx, chatID, messageID, out.Text, out.Buttons)
	}
	return w.Messenger.Edit(ctx, chatID, messageID, out.Text, out.Buttons)
}

func isNotFound(err error) bool { return errors.Is(err, storage.ErrNotFound) }

// keepLease renews row id's lease every third of it until stop is called.
func (w *Worker) keepLease(ctx context.Context, id int64) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(w.Lease / 3)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if err := w.Store.ExtendOutboxLease(ctx, id, w.Now().Add(w.Lease)); err != nil && ctx.Err() == nil {
					w.Log.Warn("renew outbox lease", "id", id, "err", err)
				}
			}
		}
	}()
	return func() {
		cancel()
		<-done
	}
}

// backoff is the wait before attempt n+1: 2s, 4s, ... up to 5 minutes.
// Messages that matter are retried until delivered, never dropped.
func backoff(attempts int) time.Duration {
	d := 2 * time.Second
	for i := 0; i < attempts && d < 5*time.Minute; i++ {
		d *= 2
	}
	return min(d, 5*time.Minute)
}

func toOutMessage(m storage.OutboxMessage) handlers.OutMessage {
	out := handlers.OutMessage{ChatID: m.ChatID, Text: m.Text, ReplyTo: m.ReplyTo, PhotoID: m.PhotoID}
	for _, row := range m.Buttons {
		var r []handlers.Button
		for _, b := range row {
			r = append(r, handlers.Button{Text: b.Text, Data: b.Data})
		}
		out.Buttons = append(out.Buttons, r)
	}
	return out
}
