package botapitest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// Server is a fake Telegram Bot API. All methods are safe for concurrent use.
type Server struct {
	// URL is the base URL to give the client (bot.WithServerURL(s.URL)).
	URL string
	// Token is the token the server accepts (the Token constant).
	Token string

	http    *httptest.Server
	closing chan struct{}
	now     func() time.Time
	limits  *Limits
	botUser User

	mu sync.Mutex

	// updates
	queue        []queuedUpdate
	nextUpdateID int64
	confirmed    int64
	signal       chan struct{} // closed (and replaced) when pollers must look again
	pollGen      int64
	webhookURL   string
	webhookCalls []WebhookCall

	// chats and users
	chats    map[int64]*chatState
	users    map[int64]User
	members  map[memberKey]string
	blocked  map[int64]bool
	files    map[string]*fileRecord
	nextFile int

	// callbacks
	presses    map[string]*press
	nextPress  int
	answers    []CallbackAnswer
	violations []Violation
	windows    map[string][]time.Time // rolling windows of accepted sends, by limit key

	// requests and faults
	requests   map[string]int
	faults     map[string][]fault
	latency    map[string]time.Duration
	lateAnswer map[string]time.Duration
	rejections []Rejection
	events     []string // recent activity, for failure dumps
}

type queuedUpdate struct {
	id  int64
	raw json.RawMessage
}

type chatState struct {
	info   Chat
	nextID int
	msgs   []*stored
	byID   map[int]*stored
}

// stored is a message plus the inline keyboard JSON echoed back in its wire form.
type stored struct {
	msg    Message
	inline json.RawMessage
}

type memberKey struct{ chatID, userID int64 }

type fileRecord struct {
	path    string
	content []byte
}

type press struct {
	chatID    int64
	messageID int
	userID    int64
	data      string
	answered  bool
}

type fault struct {
	status     int
	retryAfter int
}

// Option configures a Server.
type Option func(*Server)

// WithLimits turns on Telegram's rate limits (see Limits).
func WithLimits(l Limits) Option { return func(s *Server) { s.limits = &l } }

// WithClock replaces time.Now for message dates and rate-limit windows. Long-poll
// timeouts and latencies still use real time.
func WithClock(now func() time.Time) Option { return func(s *Server) { s.now = now } }

// WithBotUsername sets the bot's username returned by getMe (default "codesk_test_bot").
func WithBotUsername(name string) Option { return func(s *Server) { s.botUser.Username = name } }

// NewServer starts a fake Bot API server; it is closed when the test ends.
func NewServer(t testing.TB, opts ...Option) *Server {
	t.Helper()
	s := &Server{
		Token:        Token,
		closing:      make(chan struct{}),
		now:          time.Now,
		botUser:      User{ID: BotID, FirstName: "Codesk Test", Username: "codesk_test_bot"},
		nextUpdateID: 1000,
		signal:       make(chan struct{}),
		chats:        map[int64]*chatState{},
		users:        map[int64]User{},
		members:      map[memberKey]string{},
		blocked:      map[int64]bool{},
		files:        map[string]*fileRecord{},
		presses:      map[string]*press{},
		windows:      map[string][]time.Time{},
		requests:     map[string]int{},
		faults:       map[string][]fault{},
		latency:      map[string]time.Duration{},
		lateAnswer:   map[string]time.Duration{},
	}
	for _, o := range opts {
		o(s)
	}
	s.http = httptest.NewServer(http.HandlerFunc(s.serveHTTP))
	s.URL = s.http.URL
	t.Cleanup(func() {
		close(s.closing) // release long polls and latencies so Close does not wait for them
		s.http.Close()
	})
	return s
}

// apiError is an ok=false answer.
type apiError struct {
	code       int
	desc       string
	retryAfter int
}

func badRequest(format string, args ...any) *apiError {
	return &apiError{code: http.StatusBadRequest, desc: "Bad Request: " + fmt.Sprintf(format, args...)}
}

// errAborted: the client went away; nothing is written.
var errAborted = &apiError{code: -1}

type handlerFunc func(s *Server, ctx context.Context, p params) (any, *apiError)

// handlers by lower-case method name (Telegram's method names are case-insensitive).
var handlers = map[string]handlerFunc{
	"getme":                  (*Server).getMe,
	"getupdates":             (*Server).getUpdates,
	"setwebhook":             (*Server).setWebhook,
	"deletewebhook":          (*Server).deleteWebhook,
	"sendmessage":            (*Server).sendMessage,
	"sendphoto":              (*Server).sendPhoto,
	"editmessagetext":        (*Server).editMessageText,
	"editmessagereplymarkup": (*Server).editMessageReplyMarkup,
	"editmessagecaption":     (*Server).editMessageCaption,
	"answercallbackquery":    (*Server).answerCallbackQuery,
	"getfile":                (*Server).getFile,
	"getchatmember":          (*Server).getChatMember,
}

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	path := r.URL.Path
	if strings.HasPrefix(path, "/file/bot") {
		s.serveFile(w, r)
		return
	}
	rest, ok := strings.CutPrefix(path, "/bot")
	if !ok {
		writeJSON(w, http.StatusNotFound, map[string]any{"ok": false, "error_code": 404, "description": "Not Found"})
		return
	}
	token, method, _ := strings.Cut(rest, "/")
	method = strings.TrimPrefix(method, "test/") // bot.UseTestEnvironment()
	if token != s.Token {
		writeJSON(w, http.StatusUnauthorized, map[string]any{"ok": false, "error_code": 401, "description": "Unauthorized"})
		return
	}
	key := strings.ToLower(method)
	s.mu.Lock()
	s.requests[key]++
	s.mu.Unlock()

	h, ok := handlers[key]
	if !ok {
		s.answer(w, method, 0, nil, &apiError{code: http.StatusNotFound, desc: "Not Found"})
		return
	}
	p, err := readParams(r)
	if err != nil {
		s.answer(w, method, 0, nil, badRequest("%v", err))
		return
	}
	chatID, _, _ := p.int64("chat_id")
	if !s.sleep(r.Context(), s.delay(s.latency, key)) {
		return
	}
	if f, ok := s.takeFault(key); ok {
		s.answer(w, method, chatID, nil, f.apiError())
		return
	}
	result, aerr := h(s, r.Context(), p)
	if aerr == errAborted {
		return
	}
	if !s.sleep(r.Context(), s.delay(s.lateAnswer, key)) {
		return
	}
	s.answer(w, method, chatID, result, aerr)
}

// answer writes Telegram's response envelope and records rejections.
func (s *Server) answer(w http.ResponseWriter, method string, chatID int64, result any, aerr *apiError) {
	if aerr == nil {
		writeJSON(w, http.StatusOK, map[string]any{"ok": true, "result": result})
		return
	}
	s.mu.Lock()
	s.rejections = append(s.rejections, Rejection{Method: method, ChatID: chatID, Code: aerr.code, Description: aerr.desc, At: s.now()})
	s.logLocked("REJECTED %s chat %d -> %d %s", method, chatID, aerr.code, aerr.desc)
	s.mu.Unlock()
	body := map[string]any{"ok": false, "error_code": aerr.code, "description": aerr.desc}
	if aerr.retryAfter > 0 {
		body["parameters"] = map[string]any{"retry_after": aerr.retryAfter}
	}
	writeJSON(w, aerr.code, body)
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	data, err := json.Marshal(body)
	if err != nil {
		status = http.StatusInternalServerError
		data = []byte(`{"ok":false,"error_code":500,"description":"botapitest: ` + strings.ReplaceAll(err.Error(), `"`, `'`) + `"}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(data)
}

// sleep waits d; false when the request was cancelled or the server is closing.
func (s *Server) sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-ctx.Done():
		return false
	case <-s.closing:
		return false
	}
}

// logLocked appends to the recent-activity log kept for failure dumps.
func (s *Server) logLocked(format string, args ...any) {
	const keep = 200
	s.events = append(s.events, s.now().Format("15:04:05.000")+" "+fmt.Sprintf(format, args...))
	if len(s.events) > 2*keep { // compact now and then, not on every event
		s.events = append([]string(nil), s.events[len(s.events)-keep:]...)
	}
}

// broadcastLocked wakes every waiting getUpdates.
func (s *Server) broadcastLocked() {
	close(s.signal)
	s.signal = make(chan struct{})
}

var errNoChatID = errors.New("chat_id is empty")

// chatIDParam reads chat_id; usernames (@name) are not supported and give "chat not found".
func chatIDParam(p params) (int64, *apiError) {
	if p.str("chat_id") == "" {
		return 0, badRequest("%v", errNoChatID)
	}
	id, _, err := p.int64("chat_id")
	if err != nil || id == 0 {
		return 0, badRequest("chat not found")
	}
	return id, nil
}
