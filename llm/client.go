package llm

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"codesk/storage"
)

// Defaults for zero Config fields.
const (
	DefaultTimeout         = 10 * time.Second
	DefaultDailyQuota      = 20
	DefaultCacheTTL        = 24 * time.Hour
	DefaultBreakerFailures = 5
	DefaultBreakerCooldown = time.Minute
)

var (
	// ErrDisabled is returned by New when neither a key nor a base URL is
	// configured: run without the model.
	ErrDisabled = errors.New("llm: no OPENAI_API_KEY or OPENAI_BASE_URL: model disabled")
	// ErrUnavailable: the circuit breaker is open (or the client is nil).
	ErrUnavailable = errors.New("llm: model unavailable")
	// ErrQuotaExceeded: the resident used up today's model calls.
	ErrQuotaExceeded = errors.New("llm: daily quota of model calls exceeded")
	// ErrMalformed: the model's reply was not the JSON asked for.
	ErrMalformed = errors.New("llm: malformed model reply")
)

// Config configures the client; zero fields take the defaults above.
type Config struct {
	APIKey  string // empty is fine for local servers
	BaseURL string // e.g. http://127.0.0.1:8080/v1; "" = api.openai.com
	Model   string // required
	// Timeout bounds each operation (a 5xx retry included) from start to end.
	Timeout time.Duration
	// DailyQuota is model calls per resident per day (Asia/Shanghai); 0 = 20,
	// negative = unlimited.
	DailyQuota int
	// CacheTTL is how long Select/Answer/Route results are reused; 0 = 24h,
	// negative = no cache.
	CacheTTL time.Duration
	// BreakerFailures consecutive failures open the breaker for
	// BreakerCooldown; then one probe call decides whether it closes.
	BreakerFailures int
	BreakerCooldown time.Duration
	// Now is the clock for quota days and the breaker; nil = time.Now.
	Now func() time.Time
}

// Client talks to the model. It is safe for concurrent use; a nil *Client
// answers every call with ErrUnavailable, so callers may hold one without
// checking whether the model is configured.
type Client struct {
	api     *openai.Client
	model   string
	timeout time.Duration
	quota   int
	ttl     time.Duration
	state   storage.SharedState
	log     *slog.Logger
	now     func() time.Time
	// breakers: one for the residents' questions (select, answer) and one
	// for routing, whose callers wait less: a model too slow for routing's
	// 5 s may still answer questions within their 12 s.
	breakers map[string]*breaker
	stats    counters
	apiKey   string // only to scrub it from error texts
}

// New returns a client for cfg. It returns (nil, ErrDisabled) when both
// APIKey and BaseURL are empty, and an error when Model is empty or BaseURL
// is not an http(s) URL. state holds the cache and quotas (Redis with
// several replicas); log gets one info line per call, never resident text.
func New(cfg Config, state storage.SharedState, log *slog.Logger) (*Client, error) {
	if cfg.APIKey == "" && cfg.BaseURL == "" {
		return nil, ErrDisabled
	}
	if strings.TrimSpace(cfg.Model) == "" {
		return nil, errors.New("llm: OPENAI_MODEL is required when the model is enabled")
	}
	if state == nil {
		return nil, errors.New("llm: shared state is required (cache and quotas)")
	}
	oc := openai.DefaultConfig(cfg.APIKey)
	if cfg.BaseURL != "" {
		u, err := url.Parse(cfg.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, errors.New("llm: OPENAI_BASE_URL: want an http(s) URL such as http://127.0.0.1:8080/v1")
		}
		oc.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	}
	c := &Client{
		apiKey:  cfg.APIKey,
		model:   cfg.Model,
		timeout: orDuration(cfg.Timeout, DefaultTimeout),
		quota:   cfg.DailyQuota,
		ttl:     orDuration(cfg.CacheTTL, DefaultCacheTTL),
		state:   state,
		log:     log,
		now:     cfg.Now,
	}
	if c.quota == 0 {
		c.quota = DefaultDailyQuota
	}
	if c.now == nil {
		c.now = time.Now
	}
	if c.log == nil {
		c.log = slog.New(slog.DiscardHandler)
	}
	failures := cfg.BreakerFailures
	if failures <= 0 {
		failures = DefaultBreakerFailures
	}
	cooldown := orDuration(cfg.BreakerCooldown, DefaultBreakerCooldown)
	c.breakers = map[string]*breaker{
		"question":  newBreaker(failures, cooldown, c.now),
		"route":     newBreaker(failures, cooldown, c.now),
		"translate": newBreaker(failures, cooldown, c.now),
	}
	// The library's default http.Client has no timeout; the context deadline
	// bounds each operation too, this guards anything that forgets one.
	oc.HTTPClient = &http.Client{Timeout: c.timeout}
	c.api = openai.NewClientWithConfig(oc)
	return c, nil
}

func orDuration(d, def time.Duration) time.Duration {
	if d == 0 {
		return def
	}
	return d
}

// String describes the client for logs (model and nothing secret).
func (c *Client) String() string {
	if c == nil {
		return "llm(disabled)"
	}
	return fmt.Sprintf("llm(model=%s)", c.model)
}

// breakerFor is the breaker of an operation: routing and translating have
// their own, so a model too slow for one does not shut out the others.
func (c *Client) breakerFor(op string) *breaker {
	if br, ok := c.breakers[op]; ok {
		return br
	}
	return c.breakers["question"]
}
