package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"reflect"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"codesk/bot/botapitest"
	"codesk/llm/llmtest"
	"codesk/redact"
)

// openAIKey is distinctive so any trace of it in a log is found.
const openAIKey = "sk-test-DoNotLogMe-7f3a9c21e4b8"

// keyEchoingServer is an OpenAI-compatible server that refuses every
// request and, like real ones do, quotes the key it was given in the error.
func keyEchoingServer(t *testing.T) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var calls atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		key := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		_ = json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{
			"message": "Incorrect API key provided: " + key, "type": "invalid_request_error", "code": "invalid_api_key",
		}})
	}))
	t.Cleanup(srv.Close)
	return srv, &calls
}

func TestServeNeverLogsTheOpenAIKey(t *testing.T) {
	tg := botapitest.NewServer(t)
	model, calls := keyEchoingServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	type result struct {
		stderr string
		err    error
	}
	done := make(chan result, 1)
	go func() {
		_, stderr, err := codesk(t, ctx, map[string]string{
			"TELEGRAM_BOT_TOKEN": botapitest.Token, "TELEGRAM_API_URL": tg.URL, "LOG_LEVEL": "debug",
			"OPENAI_API_KEY": openAIKey, "OPENAI_BASE_URL": model.URL + "/v1", "OPENAI_MODEL": "test-model",
		}, "", "serve")
		done <- result{stderr, err}
	}()
	resident := botapitest.User{ID: 7001, FirstName: "Li", LanguageCode: "en"}
	// an estate question the FAQ has no sure answer for: the model is asked
	// to choose among the close entries (a question about the metro would
	// not reach it: no estate FAQ answers that)
	tg.UserSays(botapitest.PrivateChat(resident), resident, "Can I keep bees on the roof of our building?")
	reply := tg.WaitReply(t, resident.ID, 0, 10*time.Second)
	cancel()
	r := <-done
	if r.err != nil {
		t.Fatalf("serve: %v\n%s", r.err, r.stderr)
	}
	if calls.Load() == 0 {
		t.Fatalf("the model was never called, so the test proves nothing; reply %q\n%s", reply.Text, r.stderr)
	}
	if strings.Contains(r.stderr, openAIKey) || strings.Contains(r.stderr, "DoNotLogMe") {
		t.Fatalf("the OpenAI key reached the log:\n%s", r.stderr)
	}
	if !strings.Contains(r.stderr, "llm call") || !strings.Contains(r.stderr, "401") {
		t.Errorf("the failing model call should be logged (without the key):\n%s", r.stderr)
	}
	if !strings.Contains(r.stderr, redact.Mask) {
		t.Errorf("the server's error quoted the key, so the log should show it masked:\n%s", r.stderr)
	}
	if !strings.Contains(reply.Text, "Did you mean") {
		t.Errorf("with the model failing the resident still gets the close entries to choose from, got %q", reply.Text)
	}
}

func TestRouteWithLLMNeedsAModel(t *testing.T) {
	_, stderr, err := codesk(t, context.Background(), nil, "投诉一下，问题一直没解决\n", "route", "--llm")
	if err == nil {
		t.Fatal("route --llm without OPENAI configuration must fail")
	}
	if !strings.Contains(stderr, "--llm") || !strings.Contains(stderr, "OPENAI_BASE_URL") {
		t.Errorf("the error should say what is missing:\n%s", stderr)
	}
}

func TestRouteWithLLMAsksTheModelOnlyWhenTheRulesAreUnsure(t *testing.T) {
	model := llmtest.NewServer(t)
	model.Reply(`{"party": "owners_committee", "category": "maintenance_fund"}`)
	concerns := "5号楼电梯又坏了，困了人\n投诉一下，问题一直没解决\n"
	stdout, stderr, err := codesk(t, context.Background(), map[string]string{
		"OPENAI_BASE_URL": model.BaseURL(), "OPENAI_MODEL": "test-model",
	}, concerns, "route", "--llm")
	if err != nil {
		t.Fatalf("route --llm: %v\n%s", err, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 2 {
		t.Fatalf("want 2 lines, got %d:\n%s", len(lines), stdout)
	}
	wantParty := []string{"property_management", "owners_committee"}
	for i, line := range lines {
		var raw map[string]any
		if err := json.Unmarshal([]byte(line), &raw); err != nil {
			t.Fatal(err)
		}
		var keys []string
		for k := range raw {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		if !reflect.DeepEqual(keys, []string{"category", "confidence", "party", "text"}) {
			t.Errorf("line %d has keys %v; design.md fixes text, party, category, confidence", i, keys)
		}
		if raw["party"] != wantParty[i] {
			t.Errorf("line %d party %v; want %s", i, raw["party"], wantParty[i])
		}
	}
	if n := len(model.Requests()); n != 1 {
		t.Errorf("model got %d requests; want 1, for the concern the rules were unsure of", n)
	}
}
