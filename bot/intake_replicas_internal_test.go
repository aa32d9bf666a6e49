package bot

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"codesk/handlers"
	"codesk/storage"
	"codesk/storage/storagetest"
)

// gatedHandler counts handlings per update; each waits until gate closes,
// so nothing is marked handled while the replicas list and claim.
type gatedHandler struct {
	gate chan struct{}
	mu   sync.Mutex
	seen map[int64]int
}

func newGatedHandler(gate chan struct{}) *gatedHandler {
	return &gatedHandler{gate: gate, seen: map[int64]int{}}
}

func (g *gatedHandler) Handle(ctx context.Context, in handlers.Incoming) error {
	select {
	case <-g.gate:
	case <-ctx.Done():
		return ctx.Err()
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	g.seen[in.UpdateID]++
	return nil
}

func storeTextUpdates(t testing.TB, db *storage.DB, ids ...int64) {
	t.Helper()
	var ups []storage.StoredUpdate
	for _, id := range ids {
		chat := 5000 + id%3
		payload := fmt.Sprintf(`{"update_id":%d,"message":{"message_id":%d,"date":1,"chat":{"id":%d,"type":"private"},`+
			`"from":{"id":%d,"is_bot":false,"first_name":"R"},"text":"电梯又坏了"}}`, id, id, chat, chat)
		ups = append(ups, storage.StoredUpdate{ID: id, ChatID: chat, Payload: []byte(payload), ReceivedAt: time.Now()})
	}
	if err := db.StoreUpdates(context.Background(), ups); err != nil {
		t.Fatal(err)
	}
}

func assertAllHandled(t *testing.T, db *storage.DB) {
	t.Helper()
	if left, err := db.UnhandledUpdates(context.Background(), 100); err != nil || len(left) != 0 {
		t.Errorf("unhandled updates left: %d, %v; want none", len(left), err)
	}
}

// Webhook replicas share one database and each lists every unhandled
// update; the claim lets exactly one of them handle it.
func TestReplicasSharingADatabaseHandleEachUpdateOnce(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		const updates = 12
		ids := make([]int64, updates)
		for i := range ids {
			ids[i] = int64(100 + i)
		}
		storeTextUpdates(t, db, ids...)

		log := slog.New(slog.NewTextHandler(io.Discard, nil))
		gate := make(chan struct{})
		hs := []*gatedHandler{newGatedHandler(gate), newGatedHandler(gate)}
		var ds []*dispatcher
		var ps []*processor
		for _, h := range hs {
			d := newDispatcher(h, log, 2)
			ds = append(ds, d)
			ps = append(ps, newProcessor(db, d, log, webhookClaims))
		}

		// Both replicas list, claim and dispatch at the same time; no
		// handler finishes meanwhile, so every update is unhandled in both
		// listings.
		ctx := context.Background()
		start := make(chan struct{})
		errs := make(chan error, len(ps))
		for _, p := range ps {
			go func() {
				<-start
				errs <- p.round(ctx)
			}()
		}
		close(start)
		for range ps {
			if err := <-errs; err != nil {
				t.Fatal(err)
			}
		}
		close(gate)
		for _, d := range ds {
			d.close() // waits for the handlers and their handled marks
		}

		for _, id := range ids {
			if n := hs[0].seen[id] + hs[1].seen[id]; n != 1 {
				t.Errorf("update %d handled %d times (%d + %d); want once", id, n, hs[0].seen[id], hs[1].seen[id])
			}
		}
		assertAllHandled(t, db)
	})
}

// An update another replica holds is skipped, not forgotten for good: when
// that replica dies and its lease lapses, this one takes the update over.
func TestAnUpdateOfADeadReplicaIsTakenOverWhenItsLeaseLapses(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		storeTextUpdates(t, db, 7)
		now := time.Now()
		if ok, err := db.ClaimUpdate(ctx, 7, now, webhookClaims.lease); err != nil || !ok {
			t.Fatalf("the other replica's claim = %v, %v", ok, err)
		}

		log := slog.New(slog.NewTextHandler(io.Discard, nil))
		gate := make(chan struct{})
		close(gate)
		h := newGatedHandler(gate)
		d := newDispatcher(h, log, 1)
		p := newProcessor(db, d, log, webhookClaims)
		p.now = func() time.Time { return now.Add(time.Minute) }
		if err := p.round(ctx); err != nil {
			t.Fatal(err)
		}
		p.mu.Lock()
		_, begun := p.seen[7]
		p.mu.Unlock()
		if begun {
			t.Fatal("an update claimed by another live replica was dispatched")
		}

		p.now = func() time.Time { return now.Add(webhookClaims.lease + time.Second) }
		if err := p.round(ctx); err != nil {
			t.Fatal(err)
		}
		d.close()
		if h.seen[7] != 1 {
			t.Errorf("update handled %d times after the lease lapsed; want once", h.seen[7])
		}
		assertAllHandled(t, db)
	})
}
