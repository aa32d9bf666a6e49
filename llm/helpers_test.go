package llm

import (
	"codesk/internal/logtest"
	"log/slog"
	"sync"
	"testing"
	"time"

	"codesk/faq"
	"codesk/llm/llmtest"
	"codesk/storage"
)

// fakeClock is a settable clock for quota days and the breaker cooldown.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

type fixture struct {
	srv   *llmtest.Server
	c     *Client
	clock *fakeClock
	state *storage.MemoryState
	logs  *logtest.Buffer
}

// newFixture starts a fake server and a client for it; edit adjusts the
// config before New.
func newFixture(t *testing.T, edit func(*Config)) *fixture {
	t.Helper()
	f := &fixture{
		srv:   llmtest.NewServer(t),
		clock: &fakeClock{t: time.Date(2025, 3, 14, 9, 0, 0, 0, quotaDay)},
		logs:  &logtest.Buffer{},
	}
	f.state = storage.NewMemoryState(f.clock.Now)
	cfg := Config{BaseURL: f.srv.BaseURL(), Model: "qwen2.5-7b-instruct", Timeout: 2 * time.Second, Now: f.clock.Now}
	if edit != nil {
		edit(&cfg)
	}
	log := slog.New(slog.NewTextHandler(f.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c, err := New(cfg, f.state, log)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	f.c = c
	return f
}

func (f *fixture) requests(t *testing.T, want int) []llmtest.Request {
	t.Helper()
	reqs := f.srv.Requests()
	if len(reqs) != want {
		t.Fatalf("server got %d requests, want %d", len(reqs), want)
	}
	return reqs
}

var testEntries = []faq.Entry{
	{
		ID: "parking-fee", Topic: "parking",
		Questions: []string{"How much is the parking fee?", "停车费多少钱？"},
		Answer:    faq.Answer{ZH: "地面车位每月300元，地下车位每月450元。", EN: "Surface spaces cost 300 yuan a month, underground 450."},
	},
	{
		ID: "garbage-sorting-times", Topic: "waste",
		Questions: []string{"When can I put out the garbage?", "几点可以扔垃圾？"},
		Answer:    faq.Answer{ZH: "每天7:00-9:00和18:00-20:00定时定点投放。", EN: "7-9 am and 6-8 pm daily at the sorting stations."},
	},
	{
		ID: "co-office-hours", Topic: "desk",
		Questions: []string{"When is the co-office open?"},
		Answer:    faq.Answer{ZH: "工作日9:00-17:00，周六上午。", EN: "Weekdays 9-17, Saturday mornings."},
	},
}
