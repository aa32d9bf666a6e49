package outbox_test

import (
	"context"
	"errors"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"codesk/bot/botapitest"
	"codesk/outbox"
	"codesk/storage"
	"codesk/storage/storagetest"
)

// markFails is the database failing the writes that record deliveries (a
// connection blip, a failover) while the process lives on: the first
// failures of them.
type markFails struct {
	*storage.DB
	failures atomic.Int32
}

func (s *markFails) MarkOutboxSent(ctx context.Context, id int64, messageID int, at time.Time) error {
	if s.failures.Add(-1) >= 0 {
		return errors.New("storage: mark outbox sent: connection reset by peer")
	}
	return s.DB.MarkOutboxSent(ctx, id, messageID, at)
}

func TestADeliveryTheDatabaseFailedToRecordOnceIsRecordedNotSentAgain(t *testing.T) {
	fake := botapitest.NewServer(t)
	db := storagetest.Open(t)
	ctx := context.Background()
	const resident = 4242
	enqueue(t, db, storage.OutboxMessage{Key: "ticket:1:ev:u77:reply", ChatID: resident,
		Text: "物业回复：明天上午派人来修。", Purpose: "resident"})
	journal, err := outbox.OpenJournal(filepath.Join(t.TempDir(), "j"))
	if err != nil {
		t.Fatal(err)
	}
	defer journal.Close()
	store := &markFails{DB: db}
	store.failures.Store(1)
	w := &outbox.Worker{Store: store, Messenger: messengerOn(t, fake.URL), Log: quiet,
		Lease: 150 * time.Millisecond, Journal: journal, RecordRetry: time.Millisecond}
	if _, err := w.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond) // a lease's time: the process is still up
	if _, err := w.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	if n := len(fake.Sent(resident)); n != 1 {
		t.Errorf("resident received the reply %d times; want exactly once", n)
	}
	if row, _ := db.OutboxByKey(ctx, "ticket:1:ev:u77:reply"); row.Status != storage.OutboxSent || row.SentMessageID == 0 {
		t.Errorf("the delivery is recorded: %+v", row)
	}
}

func TestADeliveryTheDatabaseWouldNotTakeForAWhileIsRecordedWhenTheRowComesBack(t *testing.T) {
	fake := botapitest.NewServer(t)
	db := storagetest.Open(t)
	ctx := context.Background()
	const resident = 4343
	enqueue(t, db, storage.OutboxMessage{Key: "ticket:2:ev:u78:reply", ChatID: resident,
		Text: "居委会回复：已联系志愿者。", Purpose: "resident"})
	store := &markFails{DB: db}
	store.failures.Store(1000) // down for longer than the repeated writes
	w := &outbox.Worker{Store: store, Messenger: messengerOn(t, fake.URL), Log: quiet,
		Lease: 100 * time.Millisecond, RecordRetry: time.Millisecond}
	if _, err := w.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	if row, _ := db.OutboxByKey(ctx, "ticket:2:ev:u78:reply"); row.Status != storage.OutboxPending {
		t.Fatalf("the store took no write, yet the row is %s", row.Status)
	}
	store.failures.Store(0) // the database is back
	time.Sleep(200 * time.Millisecond)
	// the delivery is recorded (the lease was held meanwhile), not sent again
	if _, err := w.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	if n := len(fake.Sent(resident)); n != 1 {
		t.Errorf("resident received the reply %d times; want exactly once", n)
	}
	if row, _ := db.OutboxByKey(ctx, "ticket:2:ev:u78:reply"); row.Status != storage.OutboxSent || row.SentMessageID == 0 {
		t.Errorf("the delivery kept in memory is recorded: %+v", row)
	}
}
