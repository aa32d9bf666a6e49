package bot

import (
	"context"
	"time"
)

// Bounds of the handled mark's retries: a failed mark left alone would let
// the update be handled again (the resident answered twice) once its claim
// lapses, so the mark is repeated while the process runs.
const (
	markFirstRetry = 50 * time.Millisecond
	markMaxRetry   = 5 * time.Second
	markTimeout    = 10 * time.Second // one attempt; also the last one at shutdown
)

// markHandled records id, claimed here, as handled. A failing store is
// tried again, backing off up to markMaxRetry, until the mark is made or
// ctx ends; then one last attempt runs on a short context of its own, as
// shutdown must not leave a handled update to be handled again. The claim
// is held (and renewed) all the while.
func (p *processor) markHandled(ctx context.Context, id int64) {
	wait := markFirstRetry
	for attempt := 1; ; attempt++ {
		last := ctx.Err() != nil
		attemptCtx, cancel := context.WithTimeout(ctx, markTimeout)
		if last {
			attemptCtx, cancel = context.WithTimeout(context.WithoutCancel(ctx), markTimeout)
		}
		done, err := p.markOnce(attemptCtx, id)
		cancel()
		switch {
		case done:
			return
		case last:
			p.log.Error("mark update handled failed at shutdown; it may be handled again after the next start",
				"update_id", id, "attempts", attempt, "err", err)
			return
		}
		p.log.Warn("mark update handled failed; retrying", "update_id", id, "attempt", attempt, "delay", wait, "err", err)
		select {
		case <-ctx.Done():
		case <-time.After(wait):
		}
		wait = min(wait*2, markMaxRetry)
	}
}

// markOnce tries the handled mark once, under the claim's current end; done
// is true unless the store failed. Marks of different updates run at once
// (the claims are not locked during the store call): should a renewal move
// the claim's end meanwhile, the mark is made again under the new end.
func (p *processor) markOnce(ctx context.Context, id int64) (done bool, err error) {
	for {
		p.claimMu.Lock()
		until, held := p.claims[id]
		p.marking[id] = true
		p.claimMu.Unlock()
		if !held {
			// A renewal found the claim gone: another process took the
			// update over; marking under a lost claim cannot succeed.
			p.log.Error("update handled after its claim was lost; another process may handle it again", "update_id", id)
			return true, nil
		}
		ok, err := p.store.MarkClaimedUpdateHandled(ctx, id, until, p.now())
		if err != nil {
			return false, err
		}
		p.claimMu.Lock()
		now, still := p.claims[id]
		if !ok && still && !now.Equal(until) {
			p.claimMu.Unlock()
			continue // renewed meanwhile
		}
		delete(p.claims, id)
		delete(p.marking, id)
		p.claimMu.Unlock()
		if !ok {
			p.log.Error("update handled after its claim was lost; another process may handle it again", "update_id", id)
		}
		return true, nil
	}
}
