package bot

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"strings"
	"testing"
	"time"

	tg "github.com/go-telegram/bot"

	"codesk/handlers"
)

func TestMessengerErrorsNeverCarryTheToken(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing answers there: every call fails with a network error quoting the URL
	const token = "424242:SECRETtokenValueThatMustNotLeak"
	api, err := tg.New(token, tg.WithServerURL("http://"+addr), tg.WithSkipGetMe())
	if err != nil {
		t.Fatal(err)
	}
	m := NewMessenger(api, slog.New(slog.NewTextHandler(io.Discard, nil)), WithRetryUnit(time.Millisecond))
	ctx := context.Background()
	_, sendErr := m.Send(ctx, handlers.OutMessage{ChatID: 1, Text: "hi"})
	editErr := m.Edit(ctx, 1, 1, "hi", nil)
	ackErr := m.AnswerCallback(ctx, "cb", "")
	_, memberErr := m.IsMember(ctx, -1, 2)
	for name, err := range map[string]error{"send": sendErr, "edit": editErr, "answer": ackErr, "member": memberErr} {
		if err == nil {
			t.Errorf("%s: want an error from an unreachable server", name)
			continue
		}
		if strings.Contains(err.Error(), "SECRETtoken") {
			t.Errorf("%s: the error text holds the token: %v", name, err)
		}
	}
	var opErr *net.OpError
	if !errors.As(sendErr, &opErr) {
		t.Errorf("scrubbing must keep the error chain for errors.As: %v", sendErr)
	}
}
