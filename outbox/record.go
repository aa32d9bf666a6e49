package outbox

import (
	"context"
	"time"

	"codesk/storage"
)

// A message Telegram accepted must be recorded as sent, or its row falls
// due again when its lease lapses and the message goes twice. A failed
// write (a connection reset, a failover) is repeated a few times while the
// lease is kept; if the database still does not take it, the delivery is
// kept in memory, and this worker records it — instead of sending — when
// it meets the row again, and tries again at every round meanwhile. (The
// Journal covers a process that dies meanwhile.)

// delivery is a message Telegram accepted for a row.
type delivery struct {
	messageID int
	at        time.Time
}

// recordTries bounds the writes of one delivery before it is left to
// memory; the waits between them start at Worker.RecordRetry and double.
const recordTries = 5

// recordSent records row m as delivered as messageID at at: in the journal,
// in memory until stored, and in the store. It reports whether the store
// has it.
func (w *Worker) recordSent(ctx context.Context, m storage.OutboxMessage, d delivery) bool {
	if w.Journal != nil {
		if err := w.Journal.record(m.ID, d.messageID, d.at); err != nil {
			w.Log.Error("journal outbox delivery", "id", m.ID, "err", err)
		}
	}
	w.mu.Lock()
	w.unrecorded[m.ID] = d
	w.mu.Unlock()
	wait := w.RecordRetry
	for try := 1; ; try++ {
		err := w.Store.MarkOutboxSent(ctx, m.ID, d.messageID, d.at)
		if err == nil || isNotFound(err) {
			w.forgetDelivery(m.ID)
			return true
		}
		if try == recordTries {
			w.Log.Error("outbox row sent but not recorded; kept in memory: it is recorded, not sent again, when next met",
				"id", m.ID, "key", m.Key, "message_id", d.messageID, "err", err)
			w.holdUnrecorded(m, d)
			return false
		}
		w.Log.Warn("record outbox delivery; retrying", "id", m.ID, "try", try, "in", wait, "err", err)
		time.Sleep(wait)
		wait *= 2
	}
}

// holdUnrecordedLeases bounds, in leases, how long a delivery kept in
// memory keeps its row's lease: the database is back by then, or the
// process is likely to go (the Journal then covers it).
const holdUnrecordedLeases = 10

// holdUnrecorded keeps row m's lease, and tries to record its delivery,
// until the store takes it: meanwhile no other sender (another replica)
// lists the row that only this worker knows was delivered.
func (w *Worker) holdUnrecorded(m storage.OutboxMessage, d delivery) {
	go func() {
		ctx := context.Background() // not the round's: the hold outlives it
		until := w.Now().Add(holdUnrecordedLeases * w.Lease)
		t := time.NewTicker(w.Lease / 3)
		defer t.Stop()
		for range t.C {
			if _, held := w.unrecordedDelivery(m.ID); !held {
				return // recorded by a round meanwhile
			}
			err := w.Store.MarkOutboxSent(ctx, m.ID, d.messageID, d.at)
			if err == nil || isNotFound(err) {
				w.forgetDelivery(m.ID)
				return
			}
			if w.Now().After(until) {
				w.Log.Error("outbox delivery still not recorded; its lease is let go", "id", m.ID, "key", m.Key, "err", err)
				return
			}
			if err := w.Store.ExtendOutboxLease(ctx, m.ID, w.Now().Add(w.Lease)); err != nil {
				w.Log.Warn("hold the lease of an unrecorded delivery", "id", m.ID, "err", err)
			}
		}
	}()
}

// unrecordedDelivery is the delivery of row id that the store has not
// taken yet, if any.
func (w *Worker) unrecordedDelivery(id int64) (delivery, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	d, ok := w.unrecorded[id]
	return d, ok
}

func (w *Worker) forgetDelivery(id int64) {
	w.mu.Lock()
	defer w.mu.Unlock()
	delete(w.unrecorded, id)
}

// recordPending stores the deliveries kept in memory, once each per round.
func (w *Worker) recordPending(ctx context.Context) {
	w.mu.Lock()
	pending := make(map[int64]delivery, len(w.unrecorded))
	for id, d := range w.unrecorded {
		pending[id] = d
	}
	w.mu.Unlock()
	for id, d := range pending {
		err := w.Store.MarkOutboxSent(ctx, id, d.messageID, d.at)
		if err == nil || isNotFound(err) {
			w.forgetDelivery(id)
			continue
		}
		if ctx.Err() == nil {
			w.Log.Warn("record outbox delivery kept in memory", "id", id, "err", err)
		}
	}
}
