package bot

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"codesk/handlers"
	"codesk/storage"
	"codesk/storage/storagetest"
)

// orderHandler records the updates it handled, in order. The update with id
// held signals started and waits for gate: a slow handler occupying its
// worker.
type orderHandler struct {
	held    int64
	started chan struct{}
	gate    chan struct{}
	mu      sync.Mutex
	order   []int64
}

func newOrderHandler(held int64) *orderHandler {
	return &orderHandler{held: held, started: make(chan struct{}), gate: make(chan struct{})}
}

func (h *orderHandler) Handle(ctx context.Context, in handlers.Incoming) error {
	if in.UpdateID == h.held {
		close(h.started)
		select {
		case <-h.gate:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.order = append(h.order, in.UpdateID)
	return nil
}

func (h *orderHandler) handled() []int64 {
	h.mu.Lock()
	defer h.mu.Unlock()
	return slices.Clone(h.order)
}

// fakeClock is a processor's now, moved by the test while workers read it.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

type chatText struct {
	id, chat int64
	text     string
}

func storeChatTexts(t *testing.T, db *storage.DB, texts ...chatText) {
	t.Helper()
	var ups []storage.StoredUpdate
	for _, c := range texts {
		payload := fmt.Sprintf(`{"update_id":%d,"message":{"message_id":%d,"date":1,"chat":{"id":%d,"type":"private"},`+
			`"from":{"id":%d,"is_bot":false,"first_name":"R"},"text":%q}}`, c.id, c.id, c.chat, c.chat, c.text)
		ups = append(ups, storage.StoredUpdate{ID: c.id, ChatID: c.chat, Payload: []byte(payload), ReceivedAt: time.Now()})
	}
	if err := db.StoreUpdates(context.Background(), ups); err != nil {
		t.Fatal(err)
	}
}

func begun(p *processor, id int64) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	_, ok := p.seen[id]
	return ok
}

func discardLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// A resident's second message reaches replica B while replica A still
// handles the first: B leaves it until A is done, and meanwhile handles
// other chats.
func TestAChatsLaterUpdateWaitsWhileAnotherReplicaHandlesItsEarlierOne(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		storeChatTexts(t, db, chatText{1, 5001, "电梯坏了"})
		hA := newOrderHandler(1)
		dA := newDispatcher(hA, discardLog(), 1)
		pA := newProcessor(db, dA, discardLog(), webhookClaims)
		if err := pA.round(ctx); err != nil {
			t.Fatal(err)
		}
		<-hA.started

		storeChatTexts(t, db, chatText{2, 5001, "3号楼2单元"}, chatText{3, 5002, "停车场灯不亮"})
		hB := newOrderHandler(0)
		dB := newDispatcher(hB, discardLog(), 2)
		pB := newProcessor(db, dB, discardLog(), webhookClaims)
		if err := pB.round(ctx); err != nil {
			t.Fatal(err)
		}
		if begun(pB, 2) {
			t.Fatal("replica B started the chat's second update while replica A handles its first")
		}
		if !begun(pB, 3) {
			t.Fatal("replica B did not start another chat's update")
		}

		close(hA.gate)
		dA.close() // A handles and marks the first update
		if err := pB.round(ctx); err != nil {
			t.Fatal(err)
		}
		dB.close()
		if got := hA.handled(); !slices.Equal(got, []int64{1}) {
			t.Errorf("replica A handled %v; want [1]", got)
		}
		if got := hB.handled(); len(got) != 2 || !slices.Contains(got, 2) || !slices.Contains(got, 3) {
			t.Errorf("replica B handled %v; want 2 and 3 once each", got)
		}
		assertAllHandled(t, db)
	})
}

// After a crash, the dead instance's claim holds its update for the lease;
// the chat's later updates wait for it rather than overtake it.
func TestAChatsUpdatesStayInOrderWhileADeadClaimLapses(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		storeChatTexts(t, db, chatText{1, 5001, "电梯坏了"}, chatText{2, 5001, "3号楼2单元"}, chatText{3, 5002, "停车场灯不亮"})
		crash := time.Now()
		if ok, err := db.ClaimUpdate(ctx, 1, crash, webhookClaims.lease); err != nil || !ok {
			t.Fatalf("the crashed instance's claim = %v, %v", ok, err)
		}
		h := newOrderHandler(0)
		d := newDispatcher(h, discardLog(), 1) // one worker: handling order is dispatch order
		p := newProcessor(db, d, discardLog(), webhookClaims)
		clock := &fakeClock{t: crash.Add(time.Minute)}
		p.now = clock.now
		if err := p.round(ctx); err != nil {
			t.Fatal(err)
		}
		if begun(p, 2) {
			t.Fatal("the chat's second update started while its first is claimed by the crashed instance")
		}
		clock.set(crash.Add(webhookClaims.lease + time.Second))
		if err := p.round(ctx); err != nil {
			t.Fatal(err)
		}
		d.close()
		if got := h.handled(); !slices.Equal(got, []int64{3, 1, 2}) {
			t.Errorf("handled %v; want [3 1 2]: the other chat at once, this chat in order once the lease lapsed", got)
		}
		assertAllHandled(t, db)
	})
}

// lockedBuffer collects log output written by worker goroutines.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// queuedBehindASlowJob has replica A claim update 7 at start and queue it
// behind a slow job of another chat on A's only worker.
func queuedBehindASlowJob(t *testing.T, db *storage.DB, start time.Time, log *slog.Logger) (*orderHandler, *dispatcher, *processor, *fakeClock) {
	t.Helper()
	storeChatTexts(t, db, chatText{7, 5001, "电梯坏了"})
	h := newOrderHandler(-1)
	d := newDispatcher(h, log, 1)
	d.dispatch(context.Background(), handlers.Incoming{UpdateID: -1, ChatID: 9999}, nil, func(error) {})
	<-h.started
	p := newProcessor(db, d, log, webhookClaims)
	clock := &fakeClock{t: start}
	p.now = clock.now
	if err := p.round(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !begun(p, 7) {
		t.Fatal("replica A did not claim and queue the update")
	}
	return h, d, p, clock
}

// A claim that lapsed while its update waited in the queue (renewals
// failing) was taken over by replica B, which handled the update: when
// its turn comes, A does not handle it again.
func TestAnUpdateWhoseLeaseLapsedWhileQueuedIsNotHandledTwice(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		start := time.Now()
		logs := &lockedBuffer{}
		hA, dA, _, clockA := queuedBehindASlowJob(t, db, start, slog.New(slog.NewTextHandler(logs, nil)))
		later := start.Add(webhookClaims.lease + time.Minute)
		clockA.set(later)

		hB := newOrderHandler(0)
		dB := newDispatcher(hB, discardLog(), 1)
		pB := newProcessor(db, dB, discardLog(), webhookClaims)
		pB.now = func() time.Time { return later }
		if err := pB.round(ctx); err != nil {
			t.Fatal(err)
		}
		dB.close()
		close(hA.gate)
		dA.close()

		if got := hB.handled(); !slices.Equal(got, []int64{7}) {
			t.Errorf("replica B handled %v; want [7] (it took the lapsed claim over)", got)
		}
		if got := hA.handled(); slices.Contains(got, 7) {
			t.Errorf("replica A handled %v; want update 7 left to replica B", got)
		}
		if !strings.Contains(logs.String(), "claim lost") {
			t.Errorf("replica A did not log the lost claim; logs:\n%s", logs)
		}
		assertAllHandled(t, db)
	})
}

// A lapsed claim that nobody took over is still this replica's: it handles
// the update when its turn comes.
func TestAnUpdateWhoseLeaseLapsedUntakenWhileQueuedIsHandled(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		start := time.Now()
		h, d, _, clock := queuedBehindASlowJob(t, db, start, discardLog())
		clock.set(start.Add(webhookClaims.lease + time.Minute))
		close(h.gate)
		d.close()
		if got := h.handled(); !slices.Equal(got, []int64{-1, 7}) {
			t.Errorf("handled %v; want the slow job, then update 7", got)
		}
		assertAllHandled(t, db)
	})
}

// Renewal keeps a queued update's claim alive past its first lease, so
// another replica neither takes it over nor handles it.
func TestRenewalKeepsAQueuedUpdateFromBeingTakenOver(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		start := time.Now()
		hA, dA, pA, clockA := queuedBehindASlowJob(t, db, start, discardLog())
		clockA.set(start.Add(webhookClaims.lease - time.Minute))
		pA.renew(ctx)

		hB := newOrderHandler(0)
		dB := newDispatcher(hB, discardLog(), 1)
		pB := newProcessor(db, dB, discardLog(), webhookClaims)
		pB.now = func() time.Time { return start.Add(webhookClaims.lease + time.Minute) }
		if err := pB.round(ctx); err != nil {
			t.Fatal(err)
		}
		if begun(pB, 7) {
			t.Fatal("replica B took over an update whose claim replica A renewed")
		}
		close(hA.gate)
		dA.close()
		dB.close()
		if got := hA.handled(); !slices.Equal(got, []int64{-1, 7}) {
			t.Errorf("replica A handled %v; want the slow job, then update 7", got)
		}
		if got := hB.handled(); len(got) != 0 {
			t.Errorf("replica B handled %v; want nothing", got)
		}
		assertAllHandled(t, db)
	})
}
