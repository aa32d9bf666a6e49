package bot

import (
	"context"
	"testing"
	"time"

	"codesk/storage"
	"codesk/storage/storagetest"
)

// Two pollers on one database — `docker compose up --scale codesk=2`, or a
// rolling deploy starting the new container before the old one stops:
// Telegram answers only one getUpdates at a time, but both handle from the
// shared table, so each update must still be handled by one of them only.
func TestTwoPollersSharingADatabaseHandleEachUpdateOnce(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ids := []int64{501, 502, 503, 504}
		storeTextUpdates(t, db, ids...)
		gate := make(chan struct{})
		hs := []*gatedHandler{newGatedHandler(gate), newGatedHandler(gate)}
		var ds []*dispatcher
		ctx := context.Background()
		for _, h := range hs {
			d := newDispatcher(h, discardLog(), 2)
			ds = append(ds, d)
			if err := pollingProcessor(db, d, discardLog()).round(ctx); err != nil {
				t.Fatal(err)
			}
		}
		close(gate)
		for _, d := range ds {
			d.close()
		}
		for _, id := range ids {
			if n := hs[0].seen[id] + hs[1].seen[id]; n != 1 {
				t.Errorf("update %d handled %d times by two pollers (%d + %d); want once", id, n, hs[0].seen[id], hs[1].seen[id])
			}
		}
		assertAllHandled(t, db)
	})
}

// A poller killed mid-update (OOM, SIGKILL) leaves its claims behind; the
// restarted poller takes them over once the short polling lease lapses,
// not after the two minutes webhook replicas wait.
func TestARestartedPollerTakesOverTheDeadOnesUpdatesWithinTheShortLease(t *testing.T) {
	if pollingClaims.lease > 20*time.Second {
		t.Errorf("polling lease %v: after a crash, residents' messages would wait that long", pollingClaims.lease)
	}
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		storeTextUpdates(t, db, 7)
		crash := time.Now()
		if got, err := db.ClaimUpdates(ctx, []int64{7}, crash, pollingClaims.lease); err != nil || len(got) != 1 {
			t.Fatalf("the killed poller's claim = %v, %v", got, err)
		}
		gate := make(chan struct{})
		close(gate)
		h := newGatedHandler(gate)
		d := newDispatcher(h, discardLog(), 1)
		p := pollingProcessor(db, d, discardLog())
		clock := &fakeClock{t: crash.Add(pollingClaims.lease - time.Second)}
		p.now = clock.now
		if err := p.round(ctx); err != nil {
			t.Fatal(err)
		}
		if begun(p, 7) {
			t.Fatal("the restarted poller started an update still claimed")
		}
		clock.set(crash.Add(pollingClaims.lease + time.Second))
		if err := p.round(ctx); err != nil {
			t.Fatal(err)
		}
		d.close()
		if h.seen[7] != 1 {
			t.Errorf("update handled %d times once the lease lapsed; want once", h.seen[7])
		}
		assertAllHandled(t, db)
	})
}
