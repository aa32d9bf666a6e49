package bot

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"codesk/storage"
)

// updateLease is how long a claim keeps other replicas off an update. Claims
// of updates queued or running here are renewed well before it ends, so only
// a replica that died (or lost the store for that long) loses its updates.
// Two minutes bound how long a dead replica's updates wait for another.
const updateLease = 2 * time.Minute

// claimRenewal is how often claims held here are renewed; a claim then
// always has more than updateLease-2*claimRenewal left.
const claimRenewal = 30 * time.Second

// errNotStarted is what a job's start hook returns when the update's claim
// was lost (or could not be confirmed) while it waited in its queue.
var errNotStarted = errors.New("update not started: its claim was lost or could not be confirmed")

// claim reserves u, begun here, in the store until the returned time. When
// another replica holds it, or the store fails, u is forgotten here: a later
// listing shows it again, and should its claimant die, its lease lapses and
// this process takes the update over.
func (p *processor) claim(ctx context.Context, u storage.StoredUpdate) (until time.Time, ok bool, err error) {
	if !p.shared {
		return time.Time{}, true, nil // alone: nothing to claim against
	}
	now := p.now()
	if u.ClaimedUntil.After(now) {
		// Held elsewhere (claims made here are in flight and never get
		// here): the claim would fail, so spare the store the attempt.
		p.end(u.ID, false)
		return time.Time{}, false, nil
	}
	until = now.Add(updateLease)
	ok, err = p.store.ClaimUpdate(ctx, u.ID, now, updateLease)
	if err != nil {
		if ctx.Err() != nil {
			// Cut short, the claim may still have been made: undo it, or
			// the next start would wait for the lease.
			p.release(ctx, u.ID, until)
		}
		p.end(u.ID, false)
		return time.Time{}, false, fmt.Errorf("claim update %d: %w", u.ID, err)
	}
	if !ok {
		p.end(u.ID, false)
	}
	return until, ok, nil
}

// start runs when the update's turn in its queue comes, and confirms in the
// store that the claim is still this process's, renewing it for the
// handler's run. Renewals keep a waiting claim alive, but should they have
// failed for a whole lease and another replica have taken the update over,
// it must not be handled a second time here.
func (p *processor) start(ctx context.Context, id int64) error {
	p.claimMu.Lock()
	defer p.claimMu.Unlock()
	until, held := p.claims[id]
	if !held {
		return errNotStarted // a renewal found the claim lost and logged it
	}
	now := p.now()
	ok, err := p.store.RenewUpdateClaim(ctx, id, until, now, updateLease)
	if err != nil {
		p.log.Warn("confirm update claim before handling; leaving the update for a later round", "update_id", id, "err", err)
		return fmt.Errorf("%w: %w", errNotStarted, err)
	}
	if !ok {
		delete(p.claims, id)
		p.log.Warn("update claim lost while queued; another replica handles the update", "update_id", id)
		return errNotStarted
	}
	p.claims[id] = now.Add(updateLease)
	return nil
}

// renewLoop renews the claims held here every renewEvery until ctx ends.
func (p *processor) renewLoop(ctx context.Context) {
	t := time.NewTicker(p.renewEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			p.renew(ctx)
		}
	}
}

// renew extends each claim held here that was made or renewed at least
// renewEvery ago, so an update waiting behind a slow chat's queue is not
// taken over by another replica, which would handle it twice, or handle
// its chat's later updates first.
func (p *processor) renew(ctx context.Context) {
	p.claimMu.Lock()
	ids := slices.Sorted(maps.Keys(p.claims))
	p.claimMu.Unlock()
	for _, id := range ids {
		if ctx.Err() != nil {
			return
		}
		p.renewClaim(ctx, id)
	}
}

func (p *processor) renewClaim(ctx context.Context, id int64) {
	p.claimMu.Lock()
	defer p.claimMu.Unlock()
	until, held := p.claims[id]
	now := p.now()
	if !held || until.Sub(now) > updateLease-p.renewEvery {
		return // finished meanwhile, or claimed or renewed lately
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	ok, err := p.store.RenewUpdateClaim(ctx, id, until, now, updateLease)
	switch {
	case err != nil:
		p.log.Warn("renew update claim; retrying at the next renewal", "update_id", id, "err", err)
	case !ok:
		delete(p.claims, id) // its start hook skips it
		p.log.Warn("update claim lost while queued; another replica handles the update", "update_id", id)
	default:
		p.claims[id] = now.Add(updateLease)
	}
}

// dropClaim forgets id's claim here, returning when it ends in the store;
// held is false when it was found lost.
func (p *processor) dropClaim(id int64) (until time.Time, held bool) {
	p.claimMu.Lock()
	defer p.claimMu.Unlock()
	until, held = p.claims[id]
	delete(p.claims, id)
	return until, held
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
