package outbox_test

import (
	"context"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"

	tg "github.com/go-telegram/bot"

	"codesk/bot"
	"codesk/bot/botapitest"
	"codesk/handlers"
	"codesk/outbox"
	"codesk/storage"
	"codesk/storage/storagetest"
)

// These tests run the worker against the fake Bot API through the real
// Messenger: a message in doubt is looked for before it is sent again.

// staffGroup is a supergroup: it numbers its own messages, so a probe works there.
var staffGroup = botapitest.GroupChat(-1001000000077, "物业值班群")

// newTelegram starts a fake Bot API and a Messenger on it whose requests
// time out after timeout.
func newTelegram(t *testing.T, timeout time.Duration) (*botapitest.Server, *bot.Messenger) {
	t.Helper()
	fake := botapitest.NewServer(t)
	api := fake.NewClient(t, tg.WithHTTPClient(timeout, &http.Client{Timeout: timeout}))
	m := bot.NewMessenger(api, quiet, bot.WithLimits(bot.TelegramLimits().Scaled(0.001)), bot.WithRetryUnit(time.Millisecond))
	return fake, m
}

func cardRow(key string, ticket int64) storage.OutboxMessage {
	n := strconv.FormatInt(ticket, 10)
	return storage.OutboxMessage{Key: key, ChatID: staffGroup.ID, Text: "🆕 工单 #" + n, TicketID: ticket,
		Buttons: [][]storage.OutboxButton{{{Text: "认领 Claim", Data: "s:claim:" + n}, {Text: "已解决", Data: "s:resolve:" + n}}},
		Purpose: "card"}
}

// cards counts the bot's messages in the staff group that say text.
func cards(fake *botapitest.Server, text string) (n int, last botapitest.Message) {
	for _, m := range fake.Sent(staffGroup.ID) {
		if m.Text == text {
			n++
			last = m
		}
	}
	return n, last
}

// lostMark is a store that loses MarkOutboxSent, as a process killed between
// Telegram's answer and the database write does (no journal line either).
type lostMark struct{ *storage.DB }

func (lostMark) MarkOutboxSent(context.Context, int64, int, time.Time) error { return context.Canceled }

// ExtendOutboxLease: the process died, so nothing keeps its leases either.
func (lostMark) ExtendOutboxLease(context.Context, int64, time.Time) error { return context.Canceled }

// sendAndDie has a worker send the row with key, losing the record of it,
// then lets its lease lapse: the row is due again, in doubt.
func sendAndDie(t *testing.T, db *storage.DB, m *bot.Messenger) {
	t.Helper()
	w := &outbox.Worker{Store: lostMark{db}, Messenger: m, Log: quiet, Lease: 50 * time.Millisecond, RecordRetry: time.Millisecond}
	if _, err := w.Drain(context.Background()); err != nil {
		t.Fatal(err)
	}
	time.Sleep(60 * time.Millisecond)
}

func TestACardThatReachedTelegramBeforeTheCrashIsFoundNotSentAgain(t *testing.T) {
	db := storagetest.Open(t)
	ctx := context.Background()
	fake, m := newTelegram(t, 5*time.Second)
	enqueue(t, db, cardRow("ticket:7:card", 7))
	sendAndDie(t, db, m)
	if n, _ := cards(fake, "🆕 工单 #7"); n != 1 {
		t.Fatalf("the first process sent %d cards, want 1", n)
	}

	w := &outbox.Worker{Store: db, Messenger: m, Log: quiet}
	if n, err := w.Drain(ctx); err != nil || n != 1 {
		t.Fatalf("drain after the restart: %d, %v; want the row settled", n, err)
	}
	n, card := cards(fake, "🆕 工单 #7")
	if n != 1 {
		t.Fatalf("the staff group shows %d cards, want exactly 1", n)
	}
	row, _ := db.OutboxByKey(ctx, "ticket:7:card")
	if row.Status != storage.OutboxSent || row.SentMessageID != card.MessageID {
		t.Errorf("row = %+v; want sent as message %d", row, card.MessageID)
	}
	if chat, id, err := db.TicketMessage(ctx, 7, "card"); err != nil || chat != staffGroup.ID || id != card.MessageID {
		t.Errorf("the found card is recorded as the ticket's card: %d/%d, %v", chat, id, err)
	}
	if card.Edits != 0 {
		t.Errorf("the probe must not change our card, edited %d times", card.Edits)
	}
}

func TestACardInDoubtThatNeverReachedTelegramIsSentOnce(t *testing.T) {
	db := storagetest.Open(t)
	ctx := context.Background()
	fake, m := newTelegram(t, 5*time.Second)
	enqueue(t, db, cardRow("ticket:8:card", 8))
	// Claimed, then the process died before its request left.
	row, _ := db.OutboxByKey(ctx, "ticket:8:card")
	if ok, err := db.ClaimOutbox(ctx, row.ID, time.Now(), 10*time.Millisecond); err != nil || !ok {
		t.Fatal(ok, err)
	}
	time.Sleep(20 * time.Millisecond)

	w := &outbox.Worker{Store: db, Messenger: m, Log: quiet}
	if n, err := w.Drain(ctx); err != nil || n != 1 {
		t.Fatalf("drain: %d, %v", n, err)
	}
	if n, _ := cards(fake, "🆕 工单 #8"); n != 1 {
		t.Fatalf("the staff group shows %d cards, want exactly 1", n)
	}
	if fake.Requests("editMessageReplyMarkup") == 0 {
		t.Error("a card in doubt is looked for before it is sent again")
	}
}

// The probe passes over members' messages and leaves alone the bot messages
// the database knows, even inside its window.
func TestTheProbeSkipsOtherPeoplesMessagesAndLeavesKnownBotMessagesAlone(t *testing.T) {
	db := storagetest.Open(t)
	ctx := context.Background()
	fake, m := newTelegram(t, 5*time.Second)
	staff := botapitest.User{ID: 2101, FirstName: "王师傅"}

	enqueue(t, db, cardRow("ticket:1:card", 1))
	w := &outbox.Worker{Store: db, Messenger: m, Log: quiet}
	if _, err := w.Drain(ctx); err != nil { // card #1: the chat's last known message
		t.Fatal(err)
	}
	fake.UserSays(staffGroup, staff, "收到")
	enqueue(t, db, cardRow("ticket:9:card", 9))
	row, _ := db.OutboxByKey(ctx, "ticket:9:card")
	if ok, err := db.ClaimOutbox(ctx, row.ID, time.Now(), 50*time.Millisecond); err != nil || !ok {
		t.Fatal(ok, err)
	}
	// While the claim is under way another replica sends (and records) a
	// bot message with other buttons, then the claimed send goes out and
	// the process dies before recording it.
	other, err := m.Send(ctx, handlers.OutMessage{ChatID: staffGroup.ID, Text: "提醒", Buttons: [][]handlers.Button{{{Text: "查看", Data: "r:show:3"}}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.RefMessage(ctx, staffGroup.ID, other, 3, "notice", time.Now()); err != nil {
		t.Fatal(err)
	}
	fake.UserSays(staffGroup, staff, "我去看看")
	if _, err := m.SendOnce(ctx, handlers.OutMessage{ChatID: staffGroup.ID, Text: row.Text, Buttons: [][]handlers.Button{
		{{Text: "认领 Claim", Data: "s:claim:9"}, {Text: "已解决", Data: "s:resolve:9"}}}}); err != nil {
		t.Fatal(err)
	}
	fake.UserSays(staffGroup, staff, "好的")
	time.Sleep(60 * time.Millisecond) // the lease lapses

	if n, err := w.Drain(ctx); err != nil || n != 1 {
		t.Fatalf("drain: %d, %v", n, err)
	}
	n, card := cards(fake, "🆕 工单 #9")
	if n != 1 {
		t.Fatalf("the staff group shows %d cards #9, want exactly 1", n)
	}
	if row, _ := db.OutboxByKey(ctx, "ticket:9:card"); row.SentMessageID != card.MessageID {
		t.Errorf("recorded as message %d, the card is %d", row.SentMessageID, card.MessageID)
	}
	for _, msg := range fake.Messages(staffGroup.ID) {
		if msg.Edits != 0 {
			t.Errorf("message %d (%q) was changed by the probe", msg.MessageID, msg.Text)
		}
	}
	if kb, _ := fake.Message(staffGroup.ID, other); len(kb.Keyboard) != 1 || kb.Keyboard[0][0].CallbackData != "r:show:3" {
		t.Errorf("the known bot message keeps its own buttons: %+v", kb.Keyboard)
	}
}

// A request that times out after Telegram took it has sent the card: the
// worker does not repeat it, and finds it on its next attempt.
func TestASendThatTimedOutAfterTelegramTookItIsNotDuplicated(t *testing.T) {
	db := storagetest.Open(t)
	ctx := context.Background()
	fake, m := newTelegram(t, 150*time.Millisecond)
	fake.SetLatencyAfter("sendMessage", 400*time.Millisecond)
	enqueue(t, db, cardRow("ticket:5:card", 5))
	var mu sync.Mutex
	now := time.Now()
	clock := func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		return now
	}
	w := &outbox.Worker{Store: db, Messenger: m, Log: quiet, Now: clock}
	if n, err := w.Drain(ctx); err != nil || n != 0 {
		t.Fatalf("drain with a timeout: %d, %v; want nothing recorded as sent", n, err)
	}
	row, _ := db.OutboxByKey(ctx, "ticket:5:card")
	if row.Status != storage.OutboxPending || row.UnsettledAttempts != 1 {
		t.Fatalf("after the timeout the row is pending and in doubt: %+v", row)
	}
	if n, _ := cards(fake, "🆕 工单 #5"); n != 1 {
		t.Fatalf("the timed-out request delivered %d cards and must not have been repeated", n)
	}

	fake.SetLatencyAfter("sendMessage", 0)
	mu.Lock()
	now = now.Add(time.Minute) // past the backoff
	mu.Unlock()
	if n, err := w.Drain(ctx); err != nil || n != 1 {
		t.Fatalf("drain after the backoff: %d, %v", n, err)
	}
	n, card := cards(fake, "🆕 工单 #5")
	if n != 1 {
		t.Fatalf("the staff group shows %d cards, want exactly 1", n)
	}
	if row, _ := db.OutboxByKey(ctx, "ticket:5:card"); row.Status != storage.OutboxSent || row.SentMessageID != card.MessageID {
		t.Errorf("row = %+v; want sent as message %d", row, card.MessageID)
	}
}

// plainMessenger hides the Messenger's careful side: the worker behaves as
// it did before messages could be in doubt.
type plainMessenger struct{ handlers.Messenger }

// Why SendOnce: Send repeats a request that timed out, and a request that
// timed out after Telegram took it then arrives twice.
func TestAPlainSendRepeatsATimedOutRequestAndDuplicates(t *testing.T) {
	db := storagetest.Open(t)
	fake, m := newTelegram(t, 150*time.Millisecond)
	fake.SetLatencyAfter("sendMessage", 400*time.Millisecond)
	enqueue(t, db, cardRow("ticket:6:card", 6))
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	w := &outbox.Worker{Store: db, Messenger: plainMessenger{m}, Log: quiet}
	go func() {
		time.Sleep(250 * time.Millisecond)
		fake.SetLatencyAfter("sendMessage", 0) // the retry gets its answer
	}()
	if _, err := w.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	if n, _ := cards(fake, "🆕 工单 #6"); n < 2 {
		t.Fatalf("a plain Send delivered %d cards; this test expects the duplicate SendOnce prevents", n)
	}
}
