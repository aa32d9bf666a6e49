package bot_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"codesk/bot"
	"codesk/bot/botapitest"
	"codesk/handlers"
	"codesk/storage"
	"codesk/storage/storagetest"
)

// countingHandler records how often each update was handled.
type countingHandler struct {
	mu    sync.Mutex
	seen  map[int64]int
	delay time.Duration
}

func (c *countingHandler) Handle(ctx context.Context, in handlers.Incoming) error {
	time.Sleep(c.delay) // a slow handler that, like a real one, finishes what it started
	c.mu.Lock()
	defer c.mu.Unlock()
	c.seen[in.UpdateID]++
	return nil
}

func (c *countingHandler) count() (distinct, total int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, n := range c.seen {
		distinct++
		total += n
	}
	return distinct, total
}

func runBot(t *testing.T, tg *botapitest.Server, db *storage.DB, h bot.Handler) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	b, err := bot.New(ctx, bot.Options{Token: botapitest.Token, APIURL: tg.URL, PollTimeout: 200 * time.Millisecond,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = b.RunPolling(ctx, db, h)
	}()
	return func() {
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatal("bot did not stop")
		}
	}
}

func TestUpdatesSurviveARestartAndAreHandledOnce(t *testing.T) {
	tg := botapitest.NewServer(t)
	db := storagetest.Open(t)
	const residents, each = 10, 6
	for i := 0; i < residents; i++ {
		u := botapitest.User{ID: int64(5000 + i), FirstName: "R"}
		for j := 0; j < each; j++ {
			tg.UserSays(botapitest.PrivateChat(u), u, "电梯又坏了")
		}
	}

	first := &countingHandler{seen: map[int64]int{}, delay: 50 * time.Millisecond}
	stop := runBot(t, tg, db, first)
	time.Sleep(150 * time.Millisecond)
	stop() // mid-burst
	handledFirst, _ := first.count()
	if handledFirst == residents*each {
		t.Fatalf("the test wants the stop to come mid-burst; all %d were already handled", handledFirst)
	}
	if tg.Confirmed() == 0 {
		t.Fatal("intake should have stored and confirmed the burst before handling it")
	}

	second := &countingHandler{seen: map[int64]int{}}
	stop = runBot(t, tg, db, second)
	defer stop()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if a, _ := first.count(); a+func() int { b, _ := second.count(); return b }() >= residents*each {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	first.mu.Lock()
	second.mu.Lock()
	defer first.mu.Unlock()
	defer second.mu.Unlock()
	for id := range first.seen {
		if second.seen[id] > 0 {
			t.Errorf("update %d was handled before the restart and again after it", id)
		}
	}
	if total := len(first.seen) + len(second.seen); total != residents*each {
		t.Errorf("handled %d distinct updates, want all %d", total, residents*each)
	}
	for id, n := range second.seen {
		if n != 1 {
			t.Errorf("update %d handled %d times", id, n)
		}
	}
}

func TestWebhookStoresBeforeItAnswersAndChecksTheSecret(t *testing.T) {
	db := storagetest.Open(t)
	srv := httptest.NewServer(bot.WebhookHandlerForTest(db, "s3cret-s3cret-s3cret"))
	defer srv.Close()
	post := func(secret, body string) int {
		req, _ := http.NewRequest(http.MethodPost, srv.URL, strings.NewReader(body))
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	update := `{"update_id": 901, "message": {"message_id": 1, "date": 1, "chat": {"id": 5, "type": "private"}, "from": {"id": 5, "is_bot": false, "first_name": "A"}, "text": "电梯坏了"}}`
	cases := []struct {
		name, secret, body string
		want               int
	}{
		{"wrong secret", "guess", update, http.StatusUnauthorized},
		{"no secret", "", update, http.StatusUnauthorized},
		{"not an update", "s3cret-s3cret-s3cret", `{"hello": 1}`, http.StatusBadRequest},
		{"garbage", "s3cret-s3cret-s3cret", `{{{`, http.StatusBadRequest},
		{"too large", "s3cret-s3cret-s3cret", `{"update_id": 1, "x": "` + strings.Repeat("a", 2<<20) + `"}`, http.StatusRequestEntityTooLarge},
		{"good", "s3cret-s3cret-s3cret", update, http.StatusOK},
		{"redelivered", "s3cret-s3cret-s3cret", update, http.StatusOK},
	}
	for _, tc := range cases {
		if got := post(tc.secret, tc.body); got != tc.want {
			t.Errorf("%s: status %d, want %d", tc.name, got, tc.want)
		}
	}
	ups, err := db.UnhandledUpdates(context.Background(), 10)
	if err != nil || len(ups) != 1 || ups[0].ID != 901 {
		t.Errorf("want exactly update 901 stored once, got %+v (%v)", ups, err)
	}
}

func TestAnUndecodableUpdateDoesNotStallIntake(t *testing.T) {
	tg := botapitest.NewServer(t)
	db := storagetest.Open(t)
	// A message whose "date" is a string: this client cannot decode it.
	if _, err := tg.UserSendsUpdate(`{"message": {"message_id": 1, "date": "yesterday", "chat": {"id": 5, "type": "private"}, "text": "x"}}`); err != nil {
		t.Fatal(err)
	}
	u := botapitest.User{ID: 6, FirstName: "B"}
	tg.UserSays(botapitest.PrivateChat(u), u, "电梯坏了")
	h := &countingHandler{seen: map[int64]int{}}
	stop := runBot(t, tg, db, h)
	defer stop()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if n, _ := h.count(); n == 1 {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("the update after an undecodable one was never handled")
}
