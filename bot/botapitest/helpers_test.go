package botapitest

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

var (
	alice     = User{ID: 42, FirstName: "Alice", Username: "alice", LanguageCode: "zh-hans"}
	bob       = User{ID: 43, FirstName: "Bob"}
	aliceDM   = PrivateChat(alice)
	staffChat = GroupChat(-1001001, "物业 staff")
)

// newClient is the real go-telegram/bot client pointed at s.
func newClient(t *testing.T, s *Server, opts ...bot.Option) *bot.Bot {
	t.Helper()
	return s.NewClient(t, opts...)
}

// startPolling runs the client's polling loop until the test ends and returns the
// updates its default handler receives.
func startPolling(t *testing.T, s *Server) (*bot.Bot, <-chan *models.Update) {
	t.Helper()
	got := make(chan *models.Update, 100)
	b := newClient(t, s, bot.WithDefaultHandler(func(_ context.Context, _ *bot.Bot, u *models.Update) {
		got <- u
	}))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		b.Start(ctx)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	return b, got
}

func nextUpdate(t *testing.T, updates <-chan *models.Update) *models.Update {
	t.Helper()
	select {
	case u := <-updates:
		return u
	case <-time.After(3 * time.Second):
		t.Fatal("no update reached the client within 3s")
		return nil
	}
}

// apiAnswer is the response envelope, decoded for raw HTTP tests.
type apiAnswer struct {
	OK          bool            `json:"ok"`
	Result      json.RawMessage `json:"result"`
	ErrorCode   int             `json:"error_code"`
	Description string          `json:"description"`
	Parameters  struct {
		RetryAfter int `json:"retry_after"`
	} `json:"parameters"`
}

// call makes a raw Bot API request with the given content type and body.
func call(t *testing.T, ctx context.Context, s *Server, method, contentType, body string) (int, apiAnswer) {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.URL+"/bot"+Token+"/"+method, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s: %v", method, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var a apiAnswer
	if err := json.Unmarshal(data, &a); err != nil {
		t.Fatalf("%s: response is not JSON: %s", method, data)
	}
	return resp.StatusCode, a
}

func callForm(t *testing.T, s *Server, method string, form url.Values) (int, apiAnswer) {
	t.Helper()
	return call(t, context.Background(), s, method, "application/x-www-form-urlencoded", form.Encode())
}

func updateIDs(t *testing.T, raw json.RawMessage) []int64 {
	t.Helper()
	var ups []models.Update
	if err := json.Unmarshal(raw, &ups); err != nil {
		t.Fatalf("decode updates: %v: %s", err, raw)
	}
	ids := make([]int64, len(ups))
	for i, u := range ups {
		ids[i] = u.ID
	}
	return ids
}

func keyboard(rows ...[]models.InlineKeyboardButton) *models.InlineKeyboardMarkup {
	return &models.InlineKeyboardMarkup{InlineKeyboard: rows}
}
