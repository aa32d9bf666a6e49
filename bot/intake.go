package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/go-telegram/bot/models"

	"codesk/storage"
)

// UpdateStore keeps Telegram updates from the moment they arrive until they
// are handled, so a crash loses none and a redelivery handles none twice.
// Replicas sharing the store claim an update before handling it, so only
// one of them does.
type UpdateStore interface {
	StoreUpdates(ctx context.Context, updates []storage.StoredUpdate) error
	UnhandledUpdates(ctx context.Context, limit int) ([]storage.StoredUpdate, error)
	ClaimUpdate(ctx context.Context, id int64, now time.Time, lease time.Duration) (bool, error)
	ReleaseUpdate(ctx context.Context, id int64, claimedUntil time.Time) error
	MarkUpdateHandled(ctx context.Context, id int64, at time.Time) error
	LastStoredUpdateID(ctx context.Context) (int64, error)
}

// updateLease is how long a claim keeps other replicas off an update: far
// longer than a handler runs (the model's deadline, Telegram's pacing), so
// only a replica that died loses its updates to another.
const updateLease = 5 * time.Minute

// processor hands stored, unhandled updates it claimed to the dispatcher in
// update order and marks each handled when its handler returns. It is woken
// when intake stores updates, and also looks on its own every poll interval.
type processor struct {
	store UpdateStore
	d     *dispatcher
	log   *slog.Logger
	poll  time.Duration
	now   func() time.Time
	wake  chan struct{}
	mu    sync.Mutex
	// seen holds updates being handled (true) or handled by this process
	// (false). The handled ones stay until a listing no longer holds them:
	// a listing read just before a handled mark committed still shows the
	// update as unhandled, and must not start it again.
	seen map[int64]bool
}

func newProcessor(store UpdateStore, d *dispatcher, log *slog.Logger) *processor {
	return &processor{store: store, d: d, log: log, poll: 500 * time.Millisecond, now: time.Now,
		wake: make(chan struct{}, 1), seen: map[int64]bool{}}
}

// notify wakes the processor; it never blocks.
func (p *processor) notify() {
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

// run processes until ctx ends; updates left unhandled then are handled
// after the next start.
func (p *processor) run(ctx context.Context) {
	t := time.NewTicker(p.poll)
	defer t.Stop()
	for {
		if err := p.round(ctx); err != nil && ctx.Err() == nil {
			p.log.Error("process stored updates", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-p.wake:
		case <-t.C:
		}
	}
}

func (p *processor) round(ctx context.Context) error {
	for {
		ups, err := p.store.UnhandledUpdates(ctx, 500)
		if err != nil {
			return fmt.Errorf("list unhandled updates: %w", err)
		}
		p.forget(ups)
		fresh := 0
		for _, u := range ups {
			if !p.begin(u.ID) {
				continue
			}
			until, ok, err := p.claim(ctx, u.ID)
			if err != nil {
				return err // the store is failing: the next round tries again
			}
			if ok {
				fresh++
				p.handle(ctx, u, until)
			}
		}
		if fresh == 0 || len(ups) < 500 {
			return nil
		}
	}
}

// begin marks id in flight; false when it is in flight or was handled.
func (p *processor) begin(id int64) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, ok := p.seen[id]; ok {
		return false
	}
	p.seen[id] = true
	return true
}

// claim reserves id, begun here, in the store until the returned time. When
// another replica holds it, or the store fails, id is forgotten here: a
// later listing shows it again, and should its claimant die, its lease
// lapses and this process takes the update over.
func (p *processor) claim(ctx context.Context, id int64) (until time.Time, ok bool, err error) {
	now := p.now()
	until = now.Add(updateLease)
	ok, err = p.store.ClaimUpdate(ctx, id, now, updateLease)
	if err != nil {
		if ctx.Err() != nil {
			// Cut short, the claim may still have been made: undo it, or
			// the next start would wait for the lease.
			p.release(ctx, id, until)
		}
		p.end(id, false)
		return time.Time{}, false, fmt.Errorf("claim update %d: %w", id, err)
	}
	if !ok {
		p.end(id, false)
	}
	return until, ok, nil
}

// release gives up the claim on an update left unhandled, so the next start
// or another replica handles it now rather than when the lease ends.
func (p *processor) release(ctx context.Context, id int64, until time.Time) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := p.store.ReleaseUpdate(ctx, id, until); err != nil {
		p.log.Warn("release update claim; another replica takes it when the lease ends", "update_id", id, "err", err)
	}
}

// end records id as handled by this process (handled is false when a
// shutdown cut it short: then the next start handles it).
func (p *processor) end(id int64, handled bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if handled {
		p.seen[id] = false
	} else {
		delete(p.seen, id)
	}
}

// forget drops handled ids that a fresh listing no longer shows: their
// handled marks are committed, so no later listing will show them again.
func (p *processor) forget(listing []storage.StoredUpdate) {
	listed := make(map[int64]bool, len(listing))
	for _, u := range listing {
		listed[u.ID] = true
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for id, inFlight := range p.seen {
		if !inFlight && !listed[id] {
			delete(p.seen, id)
		}
	}
}

// handle dispatches u, claimed until until.
func (p *processor) handle(ctx context.Context, u storage.StoredUpdate, until time.Time) {
	var upd models.Update
	if err := json.Unmarshal(u.Payload, &upd); err != nil {
		p.log.Error("stored update is unreadable; skipping it", "update_id", u.ID, "err", err)
		p.finish(ctx, u.ID, until, nil)
		return
	}
	in, ok := toIncoming(&upd)
	if !ok {
		p.finish(ctx, u.ID, until, nil)
		return
	}
	p.d.dispatch(ctx, in, func(err error) { p.finish(ctx, u.ID, until, err) })
}

// finish records an update as handled — also when its handler failed: the
// resident has been told, and retrying a poison update forever would help
// nobody. Only a handler cut short by shutdown leaves it, released, for the
// next start.
func (p *processor) finish(ctx context.Context, id int64, until time.Time, err error) {
	if err != nil && ctx.Err() != nil {
		p.release(ctx, id, until)
		p.end(id, false)
		return
	}
	defer p.end(id, true)
	if mErr := p.store.MarkUpdateHandled(context.WithoutCancel(ctx), id, p.now()); mErr != nil {
		p.log.Error("mark update handled", "update_id", id, "err", mErr)
	}
}
