package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/go-telegram/bot/models"

	"codesk/storage"
)

// UpdateStore keeps Telegram updates from the moment they arrive until they
// are handled, so a crash loses none and a redelivery handles none twice.
// Every process claims an update before handling it, so that of processes
// sharing the store (webhook replicas, or pollers overlapping in a rolling
// deploy) only one handles it.
type UpdateStore interface {
	StoreUpdates(ctx context.Context, updates []storage.StoredUpdate) error
	UnhandledUpdates(ctx context.Context, limit int) ([]storage.StoredUpdate, error)
	ClaimUpdates(ctx context.Context, ids []int64, now time.Time, lease time.Duration) ([]int64, error)
	RenewUpdateClaim(ctx context.Context, id int64, claimedUntil, now time.Time, lease time.Duration) (bool, error)
	RenewUpdateClaims(ctx context.Context, claims map[int64]time.Time, now time.Time, lease time.Duration) ([]int64, error)
	ReleaseUpdate(ctx context.Context, id int64, claimedUntil time.Time) error
	MarkClaimedUpdateHandled(ctx context.Context, id int64, claimedUntil, at time.Time) (bool, error)
	LastStoredUpdateID(ctx context.Context) (int64, error)
}

// processor hands stored, unhandled updates it claimed to the dispatcher in
// update order and marks each handled when its handler returns. It is woken
// when intake stores updates, and also looks on its own every poll interval.
type processor struct {
	store UpdateStore
	d     *dispatcher
	log   *slog.Logger
	poll  time.Duration
	terms claimTerms
	now   func() time.Time
	wake  chan struct{}
	mu    sync.Mutex
	// seen holds updates being handled (true) or handled by this process
	// (false). The handled ones stay until a listing no longer holds them:
	// a listing read just before a handled mark committed still shows the
	// update as unhandled, and must not start it again.
	seen map[int64]bool

	// claimMu guards claims and serialises the store calls on them, so a
	// renewal never moves a claim's end between another call reading it
	// and using it.
	claimMu sync.Mutex
	// claims holds when the store's claim on each update in flight here
	// ends; an update whose claim was found lost is left out.
	claims map[int64]time.Time
	// marking holds the updates whose handled mark is under way.
	marking map[int64]bool
}

func newProcessor(store UpdateStore, d *dispatcher, log *slog.Logger, terms claimTerms) *processor {
	return &processor{store: store, d: d, log: log, poll: 500 * time.Millisecond, terms: terms,
		now: time.Now, wake: make(chan struct{}, 1), seen: map[int64]bool{}, claims: map[int64]time.Time{}, marking: map[int64]bool{}}
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
	var renewing sync.WaitGroup
	renewing.Add(1)
	go func() {
		defer renewing.Done()
		p.renewLoop(ctx)
	}()
	defer renewing.Wait()
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

// round claims and dispatches the listed updates it may handle now. A
// chat's updates are handled in order: once one of them is held elsewhere
// (by another process, or by a dead one until its lease lapses), the chat's
// later updates wait for a later round. Updates in flight here need no such
// wait: the dispatcher queues a chat's updates behind each other.
func (p *processor) round(ctx context.Context) error {
	for {
		ups, err := p.store.UnhandledUpdates(ctx, 500)
		if err != nil {
			return fmt.Errorf("list unhandled updates: %w", err)
		}
		p.forget(ups)
		now := p.now()
		waiting := map[int64]bool{} // chats with an earlier update held elsewhere
		var wanted []storage.StoredUpdate
		for _, u := range ups {
			if u.ChatID != 0 && waiting[u.ChatID] {
				continue
			}
			if !p.begin(u.ID) {
				continue // in flight or handled here
			}
			if u.ClaimedUntil.After(now) {
				// Held elsewhere (claims made here are in flight and never
				// get here): spare the store a claim that would fail.
				p.end(u.ID, false)
				if u.ChatID != 0 {
					waiting[u.ChatID] = true
				}
				continue
			}
			wanted = append(wanted, u)
		}
		claimed, err := p.claim(ctx, wanted, now)
		if err != nil {
			return err // the store is failing: the next round tries again
		}
		fresh := 0
		for _, u := range wanted {
			switch {
			case !claimed[u.ID]:
				p.end(u.ID, false) // another process claimed it first
				if u.ChatID != 0 {
					waiting[u.ChatID] = true
				}
			case u.ChatID != 0 && waiting[u.ChatID]:
				// An earlier update of its chat went to another process
				// between listing and claiming: let that one go first.
				if until, held := p.dropClaim(u.ID); held {
					p.release(ctx, u.ID, until)
				}
				p.end(u.ID, false)
			default:
				fresh++
				p.handle(ctx, u)
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

// end records id as handled by this process (handled is false when a
// shutdown cut it short or it was never started: then a later listing
// shows it again).
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

// handle dispatches u, claimed here.
func (p *processor) handle(ctx context.Context, u storage.StoredUpdate) {
	var upd models.Update
	if err := json.Unmarshal(u.Payload, &upd); err != nil {
		p.log.Error("stored update is unreadable; skipping it", "update_id", u.ID, "err", err)
		p.finish(ctx, u.ID, nil)
		return
	}
	in, ok := toIncoming(&upd)
	if !ok {
		p.finish(ctx, u.ID, nil)
		return
	}
	start := func(jobCtx context.Context) error { return p.start(jobCtx, u.ID) }
	p.d.dispatch(ctx, in, start, func(err error) { p.finish(ctx, u.ID, err) })
}

// finish records an update as handled — also when its handler failed: the
// resident has been told, and retrying a poison update forever would help
// nobody. An update never started (its claim was lost, or could not be
// confirmed) or cut short by shutdown is released for whoever lists it next.
func (p *processor) finish(ctx context.Context, id int64, err error) {
	if errors.Is(err, errNotStarted) || (err != nil && ctx.Err() != nil) {
		if until, held := p.dropClaim(id); held {
			p.release(ctx, id, until)
		}
		p.end(id, false)
		return
	}
	defer p.end(id, true)
	// The claim stays held (and renewed) while the mark is retried, so no
	// other process takes the handled update over meanwhile.
	defer p.dropClaim(id)
	p.markHandled(ctx, id)
}
