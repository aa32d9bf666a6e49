package bot_test

import (
	"bytes"
	"context"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"codesk/bot"
	"codesk/handlers"
	"codesk/storage/storagetest"
)

const leakyToken = "777000:SECRETreviewTokenValue_x-y"

// syncBuffer is a log sink written by several goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// A proxy or gateway answering with an HTML error page that echoes the
// request path puts /bot<token>/... into the library's errors: start-up,
// polling, retries and sends are logged and returned without it, by a
// logger that has not been told the token.
func TestNoLogLineOrErrorCarriesTheToken(t *testing.T) {
	logs := &syncBuffer{}
	log := slog.New(slog.NewTextHandler(logs, nil))
	fast := []bot.MessengerOption{bot.WithRetryUnit(40 * time.Millisecond), bot.WithLimits(bot.TelegramLimits().Scaled(0.04))}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := l.Addr().String()
	l.Close()
	_, err = bot.New(context.Background(), bot.Options{Token: leakyToken, APIURL: "http://" + closed, Log: log, Messenger: fast})
	if err == nil || strings.Contains(err.Error(), "SECRET") {
		t.Errorf("bot.New against a closed port: %v; want an error without the token", err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasSuffix(r.URL.Path, "/getMe"):
			_, _ = w.Write([]byte(`{"ok":true,"result":{"id":1,"is_bot":true,"first_name":"b","username":"b"}}`))
		case strings.HasSuffix(r.URL.Path, "/getUpdates"):
			http.Redirect(w, r, "http://"+closed+r.URL.Path, http.StatusTemporaryRedirect)
		default:
			w.WriteHeader(http.StatusBadGateway)
			_, _ = w.Write([]byte("<html>bad gateway " + r.URL.Path + "</html>"))
		}
	}))
	defer srv.Close()
	b, err := bot.New(context.Background(), bot.Options{Token: leakyToken, APIURL: srv.URL, PollTimeout: time.Second, Log: log, Messenger: fast})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := b.RunPolling(ctx, storagetest.Open(t), nil); err == nil || strings.Contains(err.Error(), "SECRET") {
		t.Errorf("RunPolling behind a failing gateway: %v; want an error without the token", err)
	}
	_, err = b.Messenger().Send(context.Background(), handlers.OutMessage{ChatID: 1, Text: "hi"})
	if err == nil || strings.Contains(err.Error(), "SECRET") {
		t.Errorf("Send behind a failing gateway: %v; want an error without the token", err)
	}
	out := logs.String()
	for _, retried := range []string{"telegram call failed; retrying", "telegram send failed; retrying"} {
		if !strings.Contains(out, retried) {
			t.Errorf("want %q logged (the lines that quoted the error page):\n%s", retried, out)
		}
	}
	if strings.Contains(out, "SECRET") {
		t.Errorf("token in logs:\n%s", out)
	}
}
