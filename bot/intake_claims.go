package bot

import (
	"context"
	"errors"
	"fmt"
	"time"

	"codesk/storage"
)

// claimTerms say how long a claim keeps other processes off an update
// (lease), and how often the claims held here are renewed (renewEvery):
// a claim then always has more than lease-2*renewEvery left while the
// store answers, and only a process that died, or lost the store for about
// a lease, loses its updates to another.
type claimTerms struct {
	lease      time.Duration
	renewEvery time.Duration
}

// webhookClaims: webhook replicas run side by side for good, and a dead
// one's updates wait two minutes at most for another.
var webhookClaims = claimTerms{lease: 2 * time.Minute, renewEvery: 30 * time.Second}

// pollingClaims: a poller mostly runs alone and shares the store only while
// a rolling deploy (or a scaled service) overlaps two of them; after a
// crash, its successor must take what the dead one held over soon, so the
// lease is short, and renewals come often (one transaction for all claims).
var pollingClaims = claimTerms{lease: 15 * time.Second, renewEvery: 4 * time.Second}

// errNotStarted is what a job's start hook returns when the update's claim
// was lost (or could not be confirmed) while it waited in its queue.
var errNotStarted = errors.New("update not started: its claim was lost or could not be confirmed")

// claim reserves the updates ups, begun here, in the store, all until
// now+lease, and returns the ids it got; their claims are held here from
// then on (and renewed). An update another process got first is not
// returned. When the store fails, all of ups are forgotten here: a later
// listing shows them again.
func (p *processor) claim(ctx context.Context, ups []storage.StoredUpdate, now time.Time) (map[int64]bool, error) {
	if len(ups) == 0 {
		return nil, nil
	}
	ids := make([]int64, len(ups))
	for i, u := range ups {
		ids[i] = u.ID
	}
	until := now.Add(p.terms.lease)
	got, err := p.store.ClaimUpdates(ctx, ids, now, p.terms.lease)
	if err != nil {
		for _, id := range ids {
			if ctx.Err() != nil {
				// Cut short, the claims may still have been made: undo
				// them, or the next start would wait for the lease.
				p.release(ctx, id, until)
			}
			p.end(id, false)
		}
		return nil, fmt.Errorf("claim %d updates: %w", len(ids), err)
	}
	claimed := make(map[int64]bool, len(got))
	p.claimMu.Lock()
	defer p.claimMu.Unlock()
	for _, id := range got {
		claimed[id] = true
		p.claims[id] = until
	}
	return claimed, nil
}

// start runs when the update's turn in its queue comes, and makes sure the
// claim is still this process's for the handler's run. While renewals
// succeed, the claim has well over lease-2*renewEvery left, and nobody can
// have taken it: that is checked here without the store. Otherwise
// (renewals failing) the store confirms and renews the claim: should
// another process have taken the update over, it must not be handled a
// second time here.
func (p *processor) start(ctx context.Context, id int64) error {
	p.claimMu.Lock()
	defer p.claimMu.Unlock()
	until, held := p.claims[id]
	if !held {
		return errNotStarted // a renewal found the claim lost and logged it
	}
	now := p.now()
	if until.Sub(now) >= p.terms.lease-2*p.terms.renewEvery {
		return nil
	}
	ok, err := p.store.RenewUpdateClaim(ctx, id, until, now, p.terms.lease)
	if err != nil {
		p.log.Warn("confirm update claim before handling; leaving the update for a later round", "update_id", id, "err", err)
		return fmt.Errorf("%w: %w", errNotStarted, err)
	}
	if !ok {
		delete(p.claims, id)
		p.log.Warn("update claim lost while queued; another process handles the update", "update_id", id)
		return errNotStarted
	}
	p.claims[id] = now.Add(p.terms.lease)
	return nil
}

// renewLoop renews the claims held here every renewEvery until ctx ends.
func (p *processor) renewLoop(ctx context.Context) {
	t := time.NewTicker(p.terms.renewEvery)
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

// renew extends, in one transaction, each claim held here that was made or
// renewed at least renewEvery ago, so an update waiting behind a slow
// chat's queue (or a handler running long) is not taken over by another
// process, which would handle it twice, or handle its chat's later updates
// first. The claims stay locked meanwhile: a start must not use a claim's
// end that the renewal is moving (a handled mark finds out, see markOnce).
func (p *processor) renew(ctx context.Context) {
	p.claimMu.Lock()
	defer p.claimMu.Unlock()
	now := p.now()
	due := map[int64]time.Time{}
	for id, until := range p.claims {
		if until.Sub(now) <= p.terms.lease-p.terms.renewEvery {
			due[id] = until
		}
	}
	if len(due) == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	renewed, err := p.store.RenewUpdateClaims(ctx, due, now, p.terms.lease)
	if err != nil {
		p.log.Warn("renew update claims; retrying at the next renewal", "claims", len(due), "err", err)
		return
	}
	for _, id := range renewed {
		p.claims[id] = now.Add(p.terms.lease)
		delete(due, id)
	}
	for id := range due {
		if p.marking[id] {
			continue // handled and maybe marked meanwhile: the mark tells
		}
		delete(p.claims, id) // its start hook skips it; a handled mark finds it lost
		p.log.Warn("update claim lost; another process handles the update", "update_id", id)
	}
}

// dropClaim forgets id's claim here, returning when it ends in the store;
// held is false when it was found lost.
func (p *processor) dropClaim(id int64) (until time.Time, held bool) {
	p.claimMu.Lock()
	defer p.claimMu.Unlock()
	until, held = p.claims[id]
	delete(p.claims, id)
	delete(p.marking, id)
	return until, held
}

// release gives up the claim on an update left unhandled, so the next start
// or another process handles it now rather than when the lease ends.
func (p *processor) release(ctx context.Context, id int64, until time.Time) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := p.store.ReleaseUpdate(ctx, id, until); err != nil {
		p.log.Warn("release update claim; another process takes it when the lease ends", "update_id", id, "err", err)
	}
}
