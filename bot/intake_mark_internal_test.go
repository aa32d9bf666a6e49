package bot

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"codesk/storage"
	"codesk/storage/storagetest"
)

// flakyMarks is a store whose handled marks fail while failing is set (a
// connection blip, a failover); before each mark, beforeMark runs if set.
type flakyMarks struct {
	*storage.DB
	mu         sync.Mutex
	failing    int // marks to fail; -1: all
	attempts   int
	lastCtxErr error // the context error of the last attempt
	beforeMark func()
}

func (s *flakyMarks) MarkClaimedUpdateHandled(ctx context.Context, id int64, claimedUntil, at time.Time) (bool, error) {
	s.mu.Lock()
	s.attempts++
	s.lastCtxErr = ctx.Err()
	fail := s.failing != 0
	if s.failing > 0 {
		s.failing--
	}
	before := s.beforeMark
	s.beforeMark = nil
	s.mu.Unlock()
	if before != nil {
		before()
	}
	if fail {
		return false, errors.New("storage: mark claimed update handled: connection reset by peer")
	}
	return s.DB.MarkClaimedUpdateHandled(ctx, id, claimedUntil, at)
}

func (s *flakyMarks) heal() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failing = 0
}

// Replica A handles an update but its handled mark fails once. Were the
// mark not made again, A's claim would lapse and replica B would handle the
// update a second time: the resident answered twice.
func TestAFailedHandledMarkIsMadeAgainSoTheUpdateIsHandledOnce(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		storeTextUpdates(t, db, 601)
		gate := make(chan struct{})
		close(gate)
		ctx := context.Background()

		ha := newGatedHandler(gate)
		da := newDispatcher(ha, discardLog(), 1)
		pa := newProcessor(&flakyMarks{DB: db, failing: 1}, da, discardLog(), webhookClaims)
		if err := pa.round(ctx); err != nil {
			t.Fatal(err)
		}
		da.close()

		hb := newGatedHandler(gate)
		db2 := newDispatcher(hb, discardLog(), 1)
		pb := newProcessor(db, db2, discardLog(), webhookClaims)
		pb.now = func() time.Time { return time.Now().Add(webhookClaims.lease + time.Second) }
		if err := pb.round(ctx); err != nil {
			t.Fatal(err)
		}
		db2.close()
		if n := ha.seen[601] + hb.seen[601]; n != 1 {
			t.Errorf("update handled %d times (A %d, B %d); want once", n, ha.seen[601], hb.seen[601])
		}
		assertAllHandled(t, db)
	})
}

// The store fails every handled mark until the process is stopped: the
// retries end with the shutdown, and one last attempt, on a context the
// shutdown did not cancel, still records the update as handled.
func TestAHandledMarkFailingUntilShutdownGetsALastAttempt(t *testing.T) {
	db := storagetest.Open(t)
	storeTextUpdates(t, db, 701)
	gate := make(chan struct{})
	close(gate)
	store := &flakyMarks{DB: db, failing: -1}
	d := newDispatcher(newGatedHandler(gate), discardLog(), 1)
	p := pollingProcessor(store, d, discardLog())
	ctx, cancel := context.WithCancel(context.Background())
	if err := p.round(ctx); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		store.mu.Lock()
		n := store.attempts
		store.mu.Unlock()
		if n >= 3 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the failed mark was tried %d times in 5s; want it repeated", n)
		}
	}
	store.heal()
	cancel() // shutdown
	closed := make(chan struct{})
	go func() { d.close(); close(closed) }()
	select {
	case <-closed:
	case <-time.After(3 * time.Second):
		t.Fatal("the mark's retries held the shutdown up")
	}
	if store.lastCtxErr != nil {
		t.Errorf("the last attempt ran on a cancelled context: %v", store.lastCtxErr)
	}
	assertAllHandled(t, db)
}

// A renewal moving the claim's end while the handled mark is under way
// makes that mark miss the claim: it is made again under the new end, not
// taken for a claim lost to another process.
func TestARenewalDuringTheHandledMarkDoesNotLoseTheMark(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		storeTextUpdates(t, db, 801)
		gate := make(chan struct{})
		close(gate)
		start := time.Now()
		clock := &fakeClock{t: start}
		store := &flakyMarks{DB: db}
		d := newDispatcher(newGatedHandler(gate), discardLog(), 1)
		p := newProcessor(store, d, discardLog(), webhookClaims)
		p.now = clock.now
		store.beforeMark = func() {
			clock.set(start.Add(webhookClaims.renewEvery + time.Second))
			p.renew(context.Background())
		}
		if err := p.round(context.Background()); err != nil {
			t.Fatal(err)
		}
		d.close()
		if store.attempts != 2 {
			t.Errorf("marked in %d attempts; want a second one under the renewed claim", store.attempts)
		}
		assertAllHandled(t, db)
	})
}
