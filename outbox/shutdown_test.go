package outbox_test

import (
	"context"
	"testing"
	"time"

	"codesk/bot/botapitest"
	"codesk/outbox"
	"codesk/storage"
	"codesk/storage/storagetest"
)

// SIGTERM during a burst: a send already on the wire is let finish, so
// Telegram's answer is recorded; cut off, it would be in doubt, and in a
// private chat (no probe) the next start would send it again.
func TestAGracefulShutdownLetsASendOnTheWireFinish(t *testing.T) {
	fake := botapitest.NewServer(t)
	db := storagetest.Open(t)
	const resident = 4343
	enqueue(t, db, storage.OutboxMessage{Key: "ticket:2:ev:u55:reply", ChatID: resident,
		Text: "物业回复：水管已关闭，师傅十分钟后到。", Purpose: "resident"})
	fake.SetLatencyAfter("sendMessage", 400*time.Millisecond) // delivered at once, answered late
	m := messengerOn(t, fake.URL)

	w := &outbox.Worker{Store: db, Messenger: m, Log: quiet, Lease: 5 * time.Second, Poll: 20 * time.Millisecond}
	stop := runWorker(t, w)
	fake.WaitFor(t, 2*time.Second, func(s *botapitest.Server) bool { return len(s.Sent(resident)) == 1 })
	stop() // SIGTERM while Telegram's answer is on its way

	row, err := db.OutboxByKey(context.Background(), "ticket:2:ev:u55:reply")
	if err != nil {
		t.Fatal(err)
	}
	if row.Status != storage.OutboxSent {
		t.Errorf("the send finished before Run returned and is recorded: status %s, error %q", row.Status, row.LastError)
	}
	fake.SetLatencyAfter("sendMessage", 0)
	w2 := &outbox.Worker{Store: db, Messenger: m, Log: quiet, Lease: 5 * time.Second}
	if _, err := w2.Drain(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := len(fake.Sent(resident)); n != 1 {
		t.Errorf("after a graceful restart the resident holds %d copies of the staff reply; want 1", n)
	}
}
