package outbox_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	tg "github.com/go-telegram/bot"

	"codesk/bot"
	"codesk/bot/botapitest"
	"codesk/outbox"
	"codesk/storage"
	"codesk/storage/storagetest"
)

// messengerOn is the real Messenger on the Bot API at url.
func messengerOn(t *testing.T, url string) *bot.Messenger {
	t.Helper()
	api, err := tg.New(botapitest.Token, tg.WithServerURL(url), tg.WithSkipGetMe(),
		tg.WithHTTPClient(5*time.Second, &http.Client{Timeout: 5 * time.Second}))
	if err != nil {
		t.Fatal(err)
	}
	return bot.NewMessenger(api, quiet, bot.WithRetryUnit(10*time.Millisecond),
		bot.WithLimits(bot.TelegramLimits().Scaled(0.01)))
}

// migratingAPI is a Bot API whose basic group -4001 became the supergroup
// -1004001: Telegram refuses messages to the old id with 400 and
// parameters.migrate_to_chat_id. It counts the messages each chat got.
func migratingAPI(t *testing.T) (*httptest.Server, func() map[string]int) {
	var mu sync.Mutex
	sent := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseMultipartForm(1 << 20)
		chat := r.FormValue("chat_id")
		w.Header().Set("Content-Type", "application/json")
		if chat == "-4001" {
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprint(w, `{"ok":false,"error_code":400,"description":"Bad Request: group chat was upgraded to a supergroup chat","parameters":{"migrate_to_chat_id":-1004001}}`)
			return
		}
		mu.Lock()
		sent[chat]++
		n := sent[chat]
		mu.Unlock()
		fmt.Fprintf(w, `{"ok":true,"result":{"message_id":%d,"date":1,"chat":{"id":%s,"type":"supergroup"}}}`, n, chat)
	}))
	t.Cleanup(srv.Close)
	return srv, func() map[string]int {
		mu.Lock()
		defer mu.Unlock()
		out := map[string]int{}
		for k, v := range sent {
			out[k] = v
		}
		return out
	}
}

// logCounter counts log records at or above a level whose message holds a
// phrase.
type logCounter struct {
	mu     sync.Mutex
	phrase string
	level  slog.Level
	n      int
	attrs  []string
}

func (c *logCounter) Enabled(_ context.Context, l slog.Level) bool { return l >= c.level }
func (c *logCounter) Handle(_ context.Context, r slog.Record) error {
	if !strings.Contains(r.Message, c.phrase) {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
	r.Attrs(func(a slog.Attr) bool {
		c.attrs = append(c.attrs, a.String())
		return true
	})
	return nil
}
func (c *logCounter) WithAttrs([]slog.Attr) slog.Handler { return c }
func (c *logCounter) WithGroup(string) slog.Handler      { return c }

func (c *logCounter) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

func TestACardToAGroupThatBecameASupergroupGoesToTheSupergroup(t *testing.T) {
	srv, sent := migratingAPI(t)
	db := storagetest.Open(t)
	ctx := context.Background()
	enqueue(t, db,
		storage.OutboxMessage{Key: "ticket:9:card:property_management", ChatID: -4001, TicketID: 9,
			Text: "工单 #9 电梯困人", Buttons: [][]storage.OutboxButton{{{Text: "认领", Data: "s:claim:9"}}}, Purpose: "card"},
		storage.OutboxMessage{Key: "ticket:9:card:property_management:photo2", ChatID: -4001, TicketID: 9,
			Text: "工单 #9 照片 2/2", Purpose: "relay"},
	)
	warned := &logCounter{phrase: "supergroup", level: slog.LevelWarn}
	var heard []string
	w := &outbox.Worker{Store: db, Messenger: messengerOn(t, srv.URL), Log: slog.New(warned),
		Undeliverable: func(_ context.Context, m storage.OutboxMessage, _ error) error {
			heard = append(heard, m.Key)
			return nil
		}}
	for range 2 {
		if _, err := w.Drain(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if got := sent()["-1004001"]; got != 2 {
		t.Errorf("the supergroup Telegram named got %d messages; want the card and its photo, once each", got)
	}
	card, err := db.OutboxByKey(ctx, "ticket:9:card:property_management")
	if err != nil {
		t.Fatal(err)
	}
	if card.Status != storage.OutboxSent || card.ChatID != -1004001 {
		t.Errorf("the card row is recorded as sent to the supergroup: status %s, chat %d, error %q", card.Status, card.ChatID, card.LastError)
	}
	if chat, msg, err := db.TicketMessage(ctx, 9, "card"); err != nil || chat != -1004001 || msg != card.SentMessageID {
		t.Errorf("the card is known as message %d of chat %d (%v), where staff reply to it; want %d of -1004001",
			msg, chat, err, card.SentMessageID)
	}
	if len(heard) != 0 {
		t.Errorf("nothing was given up, yet the Undeliverable hook heard of %v", heard)
	}
	if warned.count() == 0 || !strings.Contains(fmt.Sprint(warned.attrs), "new_chat_id=-1004001") {
		t.Errorf("the operator is warned of the new chat id to configure: %d warnings, %v", warned.count(), warned.attrs)
	}
}

func TestCardsWaitForAStaffGroupThatRemovedTheBotAndGoOnceItIsBack(t *testing.T) {
	fake := botapitest.NewServer(t)
	db := storagetest.Open(t)
	ctx := context.Background()
	const staff = -1001001
	enqueue(t, db,
		storage.OutboxMessage{Key: "ticket:10:card:property_management", ChatID: staff, TicketID: 10,
			Text: "工单 #10 漏水", Buttons: [][]storage.OutboxButton{{{Text: "认领", Data: "s:claim:10"}}}, Purpose: "card"},
		storage.OutboxMessage{Key: "ticket:11:card:property_management", ChatID: staff, TicketID: 11,
			Text: "工单 #11 路灯不亮", Purpose: "card"},
	)
	fake.SetBlocked(staff, true)
	now := time.Now()
	var clock sync.Mutex
	warned := &logCounter{phrase: "staff chat refuses the bot", level: slog.LevelWarn}
	var heard []string
	w := &outbox.Worker{Store: db, Messenger: messengerOn(t, fake.URL), Log: slog.New(warned),
		Now: func() time.Time { clock.Lock(); defer clock.Unlock(); return now },
		Undeliverable: func(_ context.Context, m storage.OutboxMessage, _ error) error {
			heard = append(heard, m.Key)
			return nil
		}}
	advance := func(d time.Duration) { clock.Lock(); now = now.Add(d); clock.Unlock() }

	// Refused for a while: kept, retried every few minutes, warned of hourly.
	for range 6 {
		if _, err := w.Drain(ctx); err != nil {
			t.Fatal(err)
		}
		advance(6 * time.Minute)
	}
	row, err := db.OutboxByKey(ctx, "ticket:10:card:property_management")
	if err != nil {
		t.Fatal(err)
	}
	if row.Status != storage.OutboxPending || row.Attempts != 6 {
		t.Fatalf("a card to a staff group that refuses the bot is kept and retried: status %s after %d attempts", row.Status, row.Attempts)
	}
	if n := warned.count(); n != 1 {
		t.Errorf("warned %d times within the first hour; want once", n)
	}
	advance(time.Hour)
	if _, err := w.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	if n := warned.count(); n != 2 {
		t.Errorf("warned %d times after more than an hour; want a second warning", n)
	}

	fake.SetBlocked(staff, false) // an admin adds the bot back
	advance(10 * time.Minute)
	if _, err := w.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, m := range fake.Sent(staff) {
		texts = append(texts, m.Text)
	}
	if fmt.Sprint(texts) != "[工单 #10 漏水 工单 #11 路灯不亮]" {
		t.Errorf("once the bot is back the cards go, once each and in order: %q", texts)
	}
	if len(heard) != 0 {
		t.Errorf("nothing was given up, yet the Undeliverable hook heard of %v", heard)
	}
}

func TestAResidentWhoBlockedTheBotIsStillGivenUpOn(t *testing.T) {
	fake := botapitest.NewServer(t)
	db := storagetest.Open(t)
	ctx := context.Background()
	const resident = 4242
	enqueue(t, db, storage.OutboxMessage{Key: "ticket:12:ev:u1:reply", ChatID: resident, TicketID: 12,
		Text: "物业回复：已处理。", Purpose: "resident"})
	fake.SetBlocked(resident, true)
	var heard []string
	w := &outbox.Worker{Store: db, Messenger: messengerOn(t, fake.URL), Log: quiet,
		Undeliverable: func(_ context.Context, m storage.OutboxMessage, _ error) error {
			heard = append(heard, m.Key)
			return nil
		}}
	if _, err := w.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	row, err := db.OutboxByKey(ctx, "ticket:12:ev:u1:reply")
	if err != nil {
		t.Fatal(err)
	}
	if row.Status != storage.OutboxFailed || fmt.Sprint(heard) != "[ticket:12:ev:u1:reply]" {
		t.Errorf("a resident's 403 is final and reported: status %s, heard %v", row.Status, heard)
	}
}
