package botapitest

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

const testWait = 3 * time.Second

func TestFailNext429SurfacesAsTooManyRequestsError(t *testing.T) {
	s := NewServer(t)
	b := newClient(t, s)
	ctx := context.Background()
	s.FailNext("sendMessage", 1, 429, 7)

	_, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: aliceDM.ID, Text: "hi"})
	var tooMany *bot.TooManyRequestsError
	if !errors.As(err, &tooMany) || tooMany.RetryAfter != 7 {
		t.Fatalf("err = %v, want *bot.TooManyRequestsError with RetryAfter 7", err)
	}
	if _, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: aliceDM.ID, Text: "hi"}); err != nil {
		t.Fatalf("the send after the injected failure: %v", err)
	}
	if n := len(s.Sent(aliceDM.ID)); n != 1 {
		t.Errorf("recorded %d messages, want 1 (the failed one is not sent)", n)
	}
	if s.Requests("sendMessage") != 2 || s.Requests("SENDMESSAGE") != 2 {
		t.Errorf("Requests = %d", s.Requests("sendMessage"))
	}
	if r := s.Rejections(); len(r) != 1 || r[0].Code != 429 || r[0].ChatID != aliceDM.ID {
		t.Errorf("rejections = %v", r)
	}
	if len(s.LimitViolations()) != 0 {
		t.Errorf("an injected 429 is not a limit violation: %v", s.LimitViolations())
	}
}

func TestFailNextServerErrorsAndForbidden(t *testing.T) {
	s := NewServer(t)
	b := newClient(t, s)
	ctx := context.Background()
	s.FailNext(AnyMethod, 1, 502, 0)
	_, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: aliceDM.ID, Text: "hi"})
	if err == nil || !strings.Contains(err.Error(), "502 Bad Gateway") {
		t.Errorf("502: err = %v", err)
	}
	s.SetBlocked(aliceDM.ID, true)
	_, err = b.SendMessage(ctx, &bot.SendMessageParams{ChatID: aliceDM.ID, Text: "hi"})
	if !errors.Is(err, bot.ErrorForbidden) {
		t.Errorf("blocked: err = %v, want forbidden", err)
	}
	if len(s.Sent(aliceDM.ID)) != 0 {
		t.Errorf("nothing should be recorded: %v", s.Sent(aliceDM.ID))
	}
}

func TestLatencyHonoursCancellation(t *testing.T) {
	s := NewServer(t)
	b := newClient(t, s)
	s.SetLatency("sendMessage", time.Minute)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: aliceDM.ID, Text: "slow"})
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 2*time.Second {
		t.Fatalf("err = %v after %v, want a prompt deadline error", err, time.Since(start))
	}
	time.Sleep(20 * time.Millisecond) // let the handler notice the cancellation
	if n := len(s.Sent(aliceDM.ID)); n != 0 {
		t.Errorf("a request cancelled during latency was recorded (%d)", n)
	}
	s.SetLatency("sendMessage", 0)
	if _, err := b.SendMessage(context.Background(), &bot.SendMessageParams{ChatID: aliceDM.ID, Text: "fast"}); err != nil {
		t.Fatal(err)
	}
}

func TestLatencyAfterSendsThoughClientTimesOut(t *testing.T) {
	s := NewServer(t)
	b := newClient(t, s)
	s.SetLatencyAfter("sendMessage", time.Minute)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: aliceDM.ID, Text: "did it go?"}); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want deadline", err)
	}
	if got := s.Sent(aliceDM.ID); len(got) != 1 || got[0].Text != "did it go?" {
		t.Errorf("sent = %v, want the message delivered despite the client's timeout", got)
	}
}

func TestConcurrentUseIsSafe(t *testing.T) {
	s := NewServer(t)
	b, updates := startPolling(t, s)
	ctx := context.Background()
	const senders, each = 8, 10
	var wg sync.WaitGroup
	for g := range senders {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := range each {
				if _, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: int64(1000 + g), Text: "msg",
					ReplyMarkup: keyboard([]models.InlineKeyboardButton{{Text: "b", CallbackData: "d"}})}); err != nil {
					t.Errorf("send %d/%d: %v", g, i, err)
				}
			}
		}()
		go func() {
			defer wg.Done()
			u := User{ID: int64(1000 + g)}
			for range each {
				s.UserSays(PrivateChat(u), u, "hello")
				_ = s.Sent(u.ID)
				_ = s.Dump()
			}
		}()
	}
	wg.Wait()
	for range senders * each {
		nextUpdate(t, updates)
	}
	if got := s.SentTotal(); got != senders*each {
		t.Errorf("SentTotal = %d, want %d", got, senders*each)
	}
}
