package bot_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"testing"
	"time"

	tg "github.com/go-telegram/bot"

	"codesk/bot"
	"codesk/bot/botapitest"
	"codesk/handlers"
	"codesk/outbox"
)

// The outbox relies on the Messenger's careful side; a renamed method would
// silently turn it off.
var _ outbox.CarefulMessenger = (*bot.Messenger)(nil)

func probeMessenger(t *testing.T, timeout time.Duration) (*botapitest.Server, *bot.Messenger) {
	t.Helper()
	fake := botapitest.NewServer(t)
	api := fake.NewClient(t, tg.WithHTTPClient(timeout, &http.Client{Timeout: timeout}))
	return fake, bot.NewMessenger(api, slog.New(slog.NewTextHandler(io.Discard, nil)), bot.WithLimits(bot.TelegramLimits().Scaled(0.001)), bot.WithRetryUnit(time.Millisecond))
}

var claim9 = [][]handlers.Button{{{Text: "认领 Claim", Data: "s:claim:9"}}}

func TestFindOwnMessageFindsTheMessageWithItsButtonsAndChangesNothing(t *testing.T) {
	fake, m := probeMessenger(t, 5*time.Second)
	ctx := context.Background()
	group := botapitest.GroupChat(-1001000000055, "staff")
	staff := botapitest.User{ID: 2101, FirstName: "王"}
	card8 := [][]handlers.Button{{{Text: "认领 Claim", Data: "s:claim:8"}}}
	fake.UserSays(group, staff, "早") // message 1
	if _, err := m.Send(ctx, handlers.OutMessage{ChatID: group.ID, Text: "card 8", Buttons: card8}); err != nil {
		t.Fatal(err) // message 2
	}
	fake.UserSays(group, staff, "收到") // message 3
	own, err := m.SendOnce(ctx, handlers.OutMessage{ChatID: group.ID, Text: "card 9", Buttons: claim9})
	if err != nil || own != 4 {
		t.Fatalf("SendOnce = %d, %v; want message 4", own, err)
	}

	// Probing 1, 3 (members' messages), then 4; 2 is known and left out.
	got, checked, err := m.FindOwnMessage(ctx, group.ID, []int{1, 3, 4, 5}, claim9)
	if err != nil || got != own || checked != 3 {
		t.Fatalf("FindOwnMessage = %d (checked %d), %v; want %d (checked 3)", got, checked, err, own)
	}
	// Not there: ids that hold no message yet do not count as checked (the
	// next message may take them).
	got, checked, err = m.FindOwnMessage(ctx, group.ID, []int{1, 3, 5, 6}, [][]handlers.Button{{{Text: "认领 Claim", Data: "s:claim:10"}}})
	if err != nil || got != 0 || checked != 3 {
		t.Fatalf("FindOwnMessage(absent) = %d (checked %d), %v; want 0 (checked 3)", got, checked, err)
	}
	for _, msg := range fake.Messages(group.ID) {
		if msg.Edits != 0 {
			t.Errorf("message %d was changed by the probe", msg.MessageID)
		}
	}
}

// Private chats take message ids from the bot's account-wide counter: no
// window after a known id means anything there, and the bot's unrecorded
// messages (previews) must not be touched.
func TestFindOwnMessageDoesNotProbePrivateChats(t *testing.T) {
	fake, m := probeMessenger(t, 5*time.Second)
	ctx := context.Background()
	if _, err := m.SendOnce(ctx, handlers.OutMessage{ChatID: 501, Text: "ack", Buttons: claim9}); err != nil {
		t.Fatal(err)
	}
	if got, _, err := m.FindOwnMessage(ctx, 501, []int{1, 2}, claim9); err != nil || got != 0 {
		t.Fatalf("FindOwnMessage in a private chat = %d, %v; want nothing", got, err)
	}
	if n := fake.Requests("editMessageReplyMarkup"); n != 0 {
		t.Errorf("%d probe edits in a private chat", n)
	}
}

func TestFindOwnMessageWaitsOutRateLimits(t *testing.T) {
	fake, m := probeMessenger(t, 5*time.Second)
	ctx := context.Background()
	group := int64(-1001000000056)
	own, err := m.SendOnce(ctx, handlers.OutMessage{ChatID: group, Text: "card 9", Buttons: claim9})
	if err != nil {
		t.Fatal(err)
	}
	fake.FailNext("editMessageReplyMarkup", 2, http.StatusTooManyRequests, 1)
	if got, _, err := m.FindOwnMessage(ctx, group, []int{own}, claim9); err != nil || got != own {
		t.Fatalf("FindOwnMessage through 429s = %d, %v; want %d", got, err, own)
	}
}

// A refusal (5xx) is repeated — Telegram sent nothing — but a request that
// timed out is not: it may have been sent.
func TestSendOnceRepeatsRefusalsButNotTimeouts(t *testing.T) {
	fake, m := probeMessenger(t, 150*time.Millisecond)
	ctx := context.Background()
	fake.FailNext("sendMessage", 2, http.StatusBadGateway, 0)
	if _, err := m.SendOnce(ctx, handlers.OutMessage{ChatID: 501, Text: "一"}); err != nil {
		t.Fatalf("SendOnce after two 502s: %v", err)
	}
	fake.SetLatencyAfter("sendMessage", 400*time.Millisecond)
	_, err := m.SendOnce(ctx, handlers.OutMessage{ChatID: 501, Text: "二"})
	var doubt interface{ InDoubt() bool }
	if !errors.As(err, &doubt) || !doubt.InDoubt() || errors.Is(err, handlers.ErrUndeliverable) {
		t.Fatalf("SendOnce that timed out: %v; want an error in doubt", err)
	}
	time.Sleep(300 * time.Millisecond) // the fake's late answers are done
	if n := len(fake.Sent(501)); n != 2 {
		t.Fatalf("the chat holds %d messages; want 2 (nothing repeated)", n)
	}
	if n := fake.Requests("sendMessage"); n != 4 {
		t.Errorf("%d sendMessage requests; want 4 (two refused, two that went)", n)
	}
}

func TestEditStrictMarksAMessageThatIsGoneUndeliverable(t *testing.T) {
	_, m := probeMessenger(t, 5*time.Second)
	err := m.EditStrict(context.Background(), 501, 4242, "已收到", nil)
	if !errors.Is(err, handlers.ErrUndeliverable) {
		t.Fatalf("EditStrict of a missing message: %v; want undeliverable", err)
	}
}
