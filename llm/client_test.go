package llm

import (
	"context"
	"errors"
	"strings"
	"testing"

	"codesk/storage"
)

func TestNew(t *testing.T) {
	state := storage.NewMemoryState(nil)
	if c, err := New(Config{Model: "m"}, state, nil); c != nil || !errors.Is(err, ErrDisabled) {
		t.Errorf("no key, no URL: New = %v, %v; want nil, ErrDisabled", c, err)
	}
	for name, cfg := range map[string]Config{
		"no model":    {APIKey: "sk-test"},
		"bad scheme":  {BaseURL: "ftp://host/v1", Model: "m"},
		"no host":     {BaseURL: "http:///v1", Model: "m"},
		"not a URL":   {BaseURL: "::::", Model: "m"},
		"blank model": {BaseURL: "http://127.0.0.1:1/v1", Model: "  "},
	} {
		if c, err := New(cfg, state, nil); c != nil || err == nil || errors.Is(err, ErrDisabled) {
			t.Errorf("%s: New = %v, %v; want an error", name, c, err)
		}
	}
	if _, err := New(Config{APIKey: "sk-test", Model: "m"}, nil, nil); err == nil {
		t.Error("nil state: want an error")
	}
	if _, err := New(Config{BaseURL: "http://127.0.0.1:8080/v1", Model: "m"}, state, nil); err != nil {
		t.Errorf("local server without key: %v", err)
	}
}

func TestKeySentAsBearer(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.APIKey = "sk-local-test" })
	f.srv.Reply(`{"id": null}`)
	if _, err := f.c.Select(context.Background(), 7, "parking?", "en", testEntries); err != nil {
		t.Fatal(err)
	}
	if got := f.requests(t, 1)[0].Authorization; got != "Bearer sk-local-test" {
		t.Errorf("Authorization = %q", got)
	}
}

// A server that repeats the key in its error message does not put it in
// the client's log line (cut to 200 bytes, a key split at the cut would
// slip past the log's own redaction).
func TestAKeyEchoedByTheServerStaysOutOfTheLog(t *testing.T) {
	const key = "sk-live-0123456789abcdef"
	f := newFixture(t, func(c *Config) { c.APIKey = key })
	f.srv.RejectKey()
	if _, err := f.c.Select(context.Background(), 7, "parking?", "en", testEntries); err == nil {
		t.Fatal("a rejected key must fail the call")
	}
	logged := f.logs.String()
	if !strings.Contains(logged, "Incorrect API key provided") {
		t.Fatalf("the failure was not logged: %s", logged)
	}
	if strings.Contains(logged, key) || strings.Contains(logged, key[:12]) {
		t.Errorf("the key reached the log: %s", logged)
	}
}

func TestNilClientIsUnavailable(t *testing.T) {
	var c *Client
	ctx := context.Background()
	if _, err := c.Select(ctx, 7, "q", "en", testEntries); !errors.Is(err, ErrUnavailable) {
		t.Errorf("Select: %v", err)
	}
	if _, err := c.Answer(ctx, 7, "q", "en", testEntries); !errors.Is(err, ErrUnavailable) {
		t.Errorf("Answer: %v", err)
	}
	if _, err := c.Route(ctx, "q", testCategories); !errors.Is(err, ErrUnavailable) {
		t.Errorf("Route: %v", err)
	}
	if c.Stats() != (Stats{}) {
		t.Error("Stats of nil client")
	}
}

func TestReasoningModelRequest(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.Model = "gpt-5-mini" })
	f.srv.Reply(`{"id": null}`)
	if _, err := f.c.Select(context.Background(), 7, "parking?", "en", testEntries); err != nil {
		t.Fatalf("a reasoning model's request must pass the library's checks: %v", err)
	}
	req := f.requests(t, 1)[0]
	if req.Temperature != nil || req.MaxTokens != 0 {
		t.Errorf("temperature %v, max_tokens %d: want both omitted", req.Temperature, req.MaxTokens)
	}
}
