package outbox_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"codesk/handlers"
	"codesk/outbox"
	"codesk/storage"
	"codesk/storage/storagetest"
)

// flakyMessenger delivers messages, failing scripted sends first.
type flakyMessenger struct {
	mu        sync.Mutex
	delivered []handlers.OutMessage
	failures  map[string][]error // by text: errors to return, in order, before succeeding
	nextID    int
}

func (f *flakyMessenger) Send(_ context.Context, m handlers.OutMessage) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if errs := f.failures[m.Text]; len(errs) > 0 {
		f.failures[m.Text] = errs[1:]
		return 0, errs[0]
	}
	f.nextID++
	f.delivered = append(f.delivered, m)
	return f.nextID, nil
}

func (f *flakyMessenger) Edit(context.Context, int64, int, string, [][]handlers.Button) error {
	return nil
}
func (f *flakyMessenger) AnswerCallback(context.Context, string, string) error { return nil }

func (f *flakyMessenger) texts() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var t []string
	for _, m := range f.delivered {
		t = append(t, m.Text)
	}
	return t
}

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

func enqueue(t *testing.T, db *storage.DB, msgs ...storage.OutboxMessage) {
	t.Helper()
	if err := db.EnqueueOutbox(context.Background(), msgs...); err != nil {
		t.Fatal(err)
	}
}

func TestPendingMessagesAreSentAfterARestartExactlyOnce(t *testing.T) {
	db := storagetest.Open(t)
	ctx := context.Background()
	enqueue(t, db,
		storage.OutboxMessage{Key: "a", ChatID: 7, Text: "工单 #1 已受理", TicketID: 0},
		storage.OutboxMessage{Key: "b", ChatID: -100, Text: "card", Buttons: [][]storage.OutboxButton{{{Text: "认领", Data: "s:claim:1"}}}},
	)
	enqueue(t, db, storage.OutboxMessage{Key: "a", ChatID: 7, Text: "工单 #1 已受理"}) // same key: no second row

	// The first process never got to send (it "crashed"); a new worker
	// over the same database sends what is pending.
	m := &flakyMessenger{}
	w := &outbox.Worker{Store: db, Messenger: m, Log: quiet}
	if n, err := w.Drain(ctx); err != nil || n != 2 {
		t.Fatalf("drain: sent %d, err %v", n, err)
	}
	if n, _ := w.Drain(ctx); n != 0 {
		t.Errorf("a second drain must send nothing, sent %d", n)
	}
	if got := m.texts(); len(got) != 2 {
		t.Fatalf("delivered %v", got)
	}
	for _, d := range m.delivered {
		if d.Text == "card" && (len(d.Buttons) != 1 || d.Buttons[0][0].Data != "s:claim:1") {
			t.Errorf("buttons survive the round trip: %+v", d.Buttons)
		}
	}
	if n, _ := db.PendingOutbox(ctx); n != 0 {
		t.Errorf("%d rows still pending", n)
	}
}

func TestFailuresAreRetriedInOrderAndUndeliverableOnesGiveUp(t *testing.T) {
	db := storagetest.Open(t)
	ctx := context.Background()
	enqueue(t, db,
		storage.OutboxMessage{Key: "1", ChatID: 7, Text: "first"},
		storage.OutboxMessage{Key: "2", ChatID: 7, Text: "second"},
		storage.OutboxMessage{Key: "3", ChatID: 8, Text: "other chat"},
		storage.OutboxMessage{Key: "4", ChatID: 9, Text: "blocked user"},
	)
	now := time.Now()
	clock := func() time.Time { return now }
	m := &flakyMessenger{failures: map[string][]error{
		"first":        {errors.New("telegram: 502 Bad Gateway")},
		"blocked user": {fmt.Errorf("%w: forbidden: bot was blocked by the user", handlers.ErrUndeliverable)},
	}}
	var gaveUp []string // keys the Undeliverable hook heard of
	w := &outbox.Worker{Store: db, Messenger: m, Log: quiet, Now: clock,
		Undeliverable: func(_ context.Context, m storage.OutboxMessage, _ error) error {
			gaveUp = append(gaveUp, m.Key)
			return nil
		}}

	if _, err := w.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	if got := m.texts(); len(got) != 1 || got[0] != "other chat" {
		t.Fatalf("after the first round only the other chat's message goes (chat 7 waits behind its failed first message): %v", got)
	}
	now = now.Add(time.Minute) // past the backoff
	if _, err := w.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	want := []string{"other chat", "first", "second"}
	if got := m.texts(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("delivered %v, want %v", got, want)
	}
	failed, err := db.OutboxByKey(ctx, "4")
	if err != nil || failed.Status != storage.OutboxFailed {
		t.Errorf("an undeliverable message is marked failed, not retried forever: %+v %v", failed, err)
	}
	if fmt.Sprint(gaveUp) != "[4]" {
		t.Errorf("the Undeliverable hook hears of the row given up on, and of no retried one: %v", gaveUp)
	}
}

func TestTwoWorkersNeverSendTheSameRow(t *testing.T) {
	db := storagetest.Open(t)
	ctx := context.Background()
	for i := 0; i < 60; i++ {
		enqueue(t, db, storage.OutboxMessage{Key: fmt.Sprint(i), ChatID: int64(i % 6), Text: fmt.Sprint(i)})
	}
	m := &flakyMessenger{}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := &outbox.Worker{Store: db, Messenger: m, Log: quiet}
			if _, err := w.Drain(ctx); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	seen := map[string]int{}
	for _, text := range m.texts() {
		seen[text]++
	}
	for i := 0; i < 60; i++ {
		if seen[fmt.Sprint(i)] != 1 {
			t.Errorf("message %d delivered %d times", i, seen[fmt.Sprint(i)])
		}
	}
}

// slowMessenger takes its time over every send, as a send waiting on
// Telegram's per-group pace does.
type slowMessenger struct {
	flakyMessenger
	delay time.Duration
}

func (s *slowMessenger) Send(ctx context.Context, m handlers.OutMessage) (int, error) {
	time.Sleep(s.delay)
	return s.flakyMessenger.Send(ctx, m)
}

func TestALongSendKeepsItsLeaseAndADeadSendersLeaseLapses(t *testing.T) {
	db := storagetest.Open(t)
	ctx := context.Background()
	enqueue(t, db, storage.OutboxMessage{Key: "slow", ChatID: -5, Text: "card"})

	slow := &slowMessenger{delay: 300 * time.Millisecond}
	w1 := &outbox.Worker{Store: db, Messenger: slow, Log: quiet, Lease: 90 * time.Millisecond}
	other := &flakyMessenger{}
	w2 := &outbox.Worker{Store: db, Messenger: other, Log: quiet, Lease: 90 * time.Millisecond}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if _, err := w1.Drain(ctx); err != nil {
			t.Error(err)
		}
	}()
	// While w1's send is under way, well past one lease, w2 finds nothing due.
	for i := 0; i < 5; i++ {
		time.Sleep(40 * time.Millisecond)
		if _, err := w2.Drain(ctx); err != nil {
			t.Fatal(err)
		}
	}
	<-done
	if len(other.texts()) != 0 || len(slow.texts()) != 1 {
		t.Fatalf("the renewed lease must keep the row with its sender: w1 sent %v, w2 sent %v", slow.texts(), other.texts())
	}

	// A sender that claimed a row and died: the row is due again once the
	// lease lapses.
	enqueue(t, db, storage.OutboxMessage{Key: "orphan", ChatID: -6, Text: "orphan"})
	row, _ := db.OutboxByKey(ctx, "orphan")
	if ok, err := db.ClaimOutbox(ctx, row.ID, time.Now(), 90*time.Millisecond); err != nil || !ok {
		t.Fatalf("claim: %v %v", ok, err)
	}
	if n, _ := w2.Drain(ctx); n != 0 {
		t.Fatalf("a live lease must be respected, sent %d", n)
	}
	time.Sleep(120 * time.Millisecond)
	if n, _ := w2.Drain(ctx); n != 1 {
		t.Errorf("after the lease lapsed the orphan goes, sent %d", n)
	}
}

// forgetfulStore loses MarkOutboxSent calls, as a process killed right
// after a send does.
type forgetfulStore struct{ *storage.DB }

func (forgetfulStore) MarkOutboxSent(context.Context, int64, int, time.Time) error {
	return errors.New("killed before the database heard of it")
}

// ExtendOutboxLease: the process was killed, so nothing keeps its leases.
func (forgetfulStore) ExtendOutboxLease(context.Context, int64, time.Time) error {
	return errors.New("killed")
}

func TestTheJournalRemembersDeliveriesTheDatabaseMissed(t *testing.T) {
	db := storagetest.Open(t)
	ctx := context.Background()
	enqueue(t, db, storage.OutboxMessage{Key: "card", ChatID: -7, Text: "card"})
	journal, err := outbox.OpenJournal(t.TempDir() + "/outbox.journal")
	if err != nil {
		t.Fatal(err)
	}
	defer journal.Close()
	m := &flakyMessenger{}
	w := &outbox.Worker{Store: forgetfulStore{db}, Messenger: m, Log: quiet, Journal: journal, Lease: time.Millisecond, RecordRetry: time.Millisecond}
	if _, err := w.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	time.Sleep(5 * time.Millisecond) // the lease lapses: the row looks unsent

	// The restart: replay the journal, then send what is pending.
	if n, err := journal.Replay(ctx, db); err != nil || n != 1 {
		t.Fatalf("replay: %d, %v", n, err)
	}
	w2 := &outbox.Worker{Store: db, Messenger: m, Log: quiet}
	if n, _ := w2.Drain(ctx); n != 0 {
		t.Errorf("a journaled delivery must not go again, sent %d", n)
	}
	if got := m.texts(); len(got) != 1 {
		t.Errorf("delivered %v, want the card once", got)
	}
	if row, _ := db.OutboxByKey(ctx, "card"); row.Status != storage.OutboxSent || row.SentMessageID != 1 {
		t.Errorf("row after replay: %+v", row)
	}
}

// gatedMessenger holds every send to one chat until the gate opens (or the
// send's context ends), as a staff group's sends wait on Telegram's pace of
// 20 a minute; other chats' sends go at once.
type gatedMessenger struct {
	flakyMessenger
	chat    int64
	gate    chan struct{}
	entered chan struct{} // closed when the first held send starts
	once    sync.Once
}

func newGatedMessenger(chat int64) *gatedMessenger {
	return &gatedMessenger{chat: chat, gate: make(chan struct{}), entered: make(chan struct{})}
}

func (g *gatedMessenger) Send(ctx context.Context, m handlers.OutMessage) (int, error) {
	if m.ChatID == g.chat {
		g.once.Do(func() { close(g.entered) })
		select {
		case <-g.gate:
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	}
	return g.flakyMessenger.Send(ctx, m)
}

func (g *gatedMessenger) textsTo(chat int64) []string {
	g.mu.Lock()
	defer g.mu.Unlock()
	var t []string
	for _, m := range g.delivered {
		if m.ChatID == chat {
			t = append(t, m.Text)
		}
	}
	return t
}

// waitFor fails the test when cond does not hold within a generous time;
// the conditions waited on never hold under the defects they guard against.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	// a liveness bound, not a speed target: under -race on a loaded CI
	// machine 500 sends through SQLite took over 5 s
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting: %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// runWorker runs w until the test ends and returns a stop that cancels it
// and waits for Run to return.
func runWorker(t *testing.T, w *outbox.Worker) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("run: %v", err)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("Run did not return after its context ended")
			}
		})
	}
	t.Cleanup(stop)
	return stop
}

func inOrder(n int) string {
	var want []string
	for i := range n {
		want = append(want, fmt.Sprint(i))
	}
	return fmt.Sprint(want)
}

func TestASlowStaffGroupDoesNotHoldUpAResidentsConfirmation(t *testing.T) {
	db := storagetest.Open(t)
	const group, resident = -1, 7
	for i := range 100 {
		enqueue(t, db, storage.OutboxMessage{Key: fmt.Sprint("card:", i), ChatID: group, Text: fmt.Sprint(i)})
	}
	m := newGatedMessenger(group)
	w := &outbox.Worker{Store: db, Messenger: m, Log: quiet, Poll: 20 * time.Millisecond}
	runWorker(t, w)
	<-m.entered // the group's first card is under way, paced

	enqueue(t, db, storage.OutboxMessage{Key: "confirm", ChatID: resident, Text: "工单 #1 已受理"})
	w.Notify()
	waitFor(t, "the resident's confirmation while the group's cards wait", func() bool {
		return len(m.textsTo(resident)) == 1
	})
	if got := m.textsTo(group); len(got) != 0 {
		t.Fatalf("the group's send was held, yet it delivered %v", got)
	}

	close(m.gate)
	waitFor(t, "the group's cards once the pace allows", func() bool { return len(m.textsTo(group)) == 100 })
	if got := fmt.Sprint(m.textsTo(group)); got != inOrder(100) {
		t.Errorf("a chat's rows go in order, got %s", got)
	}
}

func TestAChatWithManyDueRowsDoesNotStarveAnother(t *testing.T) {
	db := storagetest.Open(t)
	const busy, other = -1, 8
	var rows []storage.OutboxMessage
	for i := range 500 {
		rows = append(rows, storage.OutboxMessage{Key: fmt.Sprint("busy:", i), ChatID: busy, Text: fmt.Sprint(i)})
	}
	enqueue(t, db, rows...)
	enqueue(t, db, storage.OutboxMessage{Key: "other", ChatID: other, Text: "relay"}) // the 501st row: beyond any batch

	m := newGatedMessenger(busy)
	w := &outbox.Worker{Store: db, Messenger: m, Log: quiet, Poll: time.Hour} // no poll: the first round must find it
	runWorker(t, w)
	waitFor(t, "the other chat's row while the busy chat's sends wait", func() bool {
		return len(m.textsTo(other)) == 1
	})

	close(m.gate)
	waitFor(t, "the busy chat's rows", func() bool { return len(m.textsTo(busy)) == 500 })
	if got := fmt.Sprint(m.textsTo(busy)); got != inOrder(500) {
		t.Errorf("a chat's rows go in order across rounds, got %s", got)
	}
}

func TestRunReturnsOnShutdownAfterReleasingTheRowInFlight(t *testing.T) {
	db := storagetest.Open(t)
	ctx := context.Background()
	enqueue(t, db, storage.OutboxMessage{Key: "card", ChatID: -1, Text: "card"})
	m := newGatedMessenger(-1)
	w := &outbox.Worker{Store: db, Messenger: m, Log: quiet, Lease: time.Hour, ShutdownGrace: 50 * time.Millisecond}
	stop := runWorker(t, w)
	<-m.entered

	stop() // Run must wait for the held send, past its grace, to give its row back
	row, err := db.OutboxByKey(ctx, "card")
	if err != nil {
		t.Fatal(err)
	}
	if row.Status != storage.OutboxPending || row.LastError != "interrupted by shutdown" {
		t.Fatalf("the row in flight is released before Run returns: %+v", row)
	}
	if due, _ := db.DueOutbox(ctx, time.Now(), 10); len(due) != 1 {
		t.Errorf("a released row is due at once for the next start, not after its hour-long lease: %+v", due)
	}
}

func TestDrainSendsEveryChatWhenFewerMaySendAtOnce(t *testing.T) {
	db := storagetest.Open(t)
	for i := range 6 {
		enqueue(t, db, storage.OutboxMessage{Key: fmt.Sprint(i), ChatID: int64(i % 3), Text: fmt.Sprint(i)})
	}
	m := &flakyMessenger{}
	w := &outbox.Worker{Store: db, Messenger: m, Log: quiet, MaxChats: 1}
	if n, err := w.Drain(context.Background()); err != nil || n != 6 {
		t.Fatalf("drain: sent %d, err %v", n, err)
	}
}
