// Package llmtest is a fake OpenAI-compatible chat-completions server for
// tests: it plays scripted responses (replies, HTTP failures, delays,
// garbage) and records every request so tests can assert what the bot sent.
package llmtest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// Usage reported with every scripted reply, so token counters can be checked.
const (
	PromptTokens     = 42
	CompletionTokens = 7
)

// Message is one chat message as the server received it.
type Message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

// Request is one recorded /v1/chat/completions request.
type Request struct {
	Model          string          `json:"model"`
	Messages       []Message       `json:"messages"`
	Temperature    *float64        `json:"temperature"`
	MaxTokens      int             `json:"max_tokens"`
	ResponseFormat json.RawMessage `json:"response_format"`
	// Authorization is the request's Authorization header ("" without a key).
	Authorization string `json:"-"`
	// Body is the raw request body, for assertions on everything sent.
	Body []byte `json:"-"`
}

// ResponseFormatType is response_format.type, or "" when none was sent.
func (r Request) ResponseFormatType() string {
	var f struct {
		Type string `json:"type"`
	}
	_ = json.Unmarshal(r.ResponseFormat, &f)
	return f.Type
}

// Contents returns the messages' contents with the given role.
func (r Request) Contents(role string) []string {
	var out []string
	for _, m := range r.Messages {
		if m.Role == role {
			out = append(out, m.Content)
		}
	}
	return out
}

type step struct {
	status  int    // HTTP status; 200 for replies
	content string // reply content (status 200)
	garbage bool   // 200 with a body that is not JSON
	echoKey bool   // the error message repeats the request's bearer key
}

// Server is the fake. Scripted steps are consumed one per request, in order;
// when none is left the ReplyFunc answers, else the request fails with 500.
type Server struct {
	*httptest.Server

	mu        sync.Mutex
	steps     []step
	delay     time.Duration
	replyFunc func(Request) string
	requests  []Request
}

// NewServer starts a fake closed at the end of the test.
func NewServer(t testing.TB) *Server {
	s := &Server{}
	s.Server = httptest.NewServer(http.HandlerFunc(s.handle))
	t.Cleanup(s.Close)
	return s
}

// BaseURL is the URL to configure as OPENAI_BASE_URL (with the /v1 suffix).
func (s *Server) BaseURL() string { return s.URL + "/v1" }

// Reply scripts one successful response whose message content is content.
func (s *Server) Reply(content string) { s.push(step{status: http.StatusOK, content: content}) }

// Fail scripts n responses with the HTTP status and an OpenAI-style JSON error body.
func (s *Server) Fail(status, n int) {
	for range n {
		s.push(step{status: status})
	}
}

// RejectKey scripts one 401 response whose message repeats the API key
// the request carried, as some servers do.
func (s *Server) RejectKey() { s.push(step{status: http.StatusUnauthorized, echoKey: true}) }

// Garbage scripts one 200 response whose body is not JSON.
func (s *Server) Garbage() { s.push(step{status: http.StatusOK, garbage: true}) }

// Delay makes every following response wait d first (0 turns it off); a
// request whose client gives up stops waiting.
func (s *Server) Delay(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.delay = d
}

// ReplyFunc answers every request once the scripted steps are used up.
func (s *Server) ReplyFunc(f func(Request) string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.replyFunc = f
}

// Requests returns the requests received so far, in order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Last returns the most recent request; ok is false when there was none.
func (s *Server) Last() (req Request, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.requests) == 0 {
		return Request{}, false
	}
	return s.requests[len(s.requests)-1], true
}

func (s *Server) push(st step) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.steps = append(s.steps, st)
}

func (s *Server) handle(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.URL.Path != "/v1/chat/completions" {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	var req Request
	if err := json.Unmarshal(body, &req); err != nil {
		writeError(w, http.StatusBadRequest, "llmtest: request is not JSON: "+err.Error())
		return
	}
	req.Body = body
	req.Authorization = r.Header.Get("Authorization")

	s.mu.Lock()
	s.requests = append(s.requests, req)
	delay := s.delay
	var st step
	switch {
	case len(s.steps) > 0:
		st = s.steps[0]
		s.steps = s.steps[1:]
	case s.replyFunc != nil:
		st = step{status: http.StatusOK, content: s.replyFunc(req)}
	default:
		st = step{status: http.StatusInternalServerError}
	}
	s.mu.Unlock()

	if delay > 0 {
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return
		}
	}
	switch {
	case st.garbage:
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, "<html>502 upstream hiccup{{{")
	case st.status != http.StatusOK && st.echoKey:
		// as some servers do: "Incorrect API key provided: sk-..."
		writeError(w, st.status, "Incorrect API key provided: "+strings.TrimPrefix(req.Authorization, "Bearer "))
	case st.status != http.StatusOK:
		writeError(w, st.status, fmt.Sprintf("llmtest: scripted status %d", st.status))
	default:
		writeReply(w, req.Model, st.content)
	}
}

func writeReply(w http.ResponseWriter, model, content string) {
	resp := map[string]any{
		"id":      "chatcmpl-llmtest",
		"object":  "chat.completion",
		"created": time.Now().Unix(),
		"model":   model,
		"choices": []map[string]any{{
			"index":         0,
			"message":       map[string]any{"role": "assistant", "content": content},
			"finish_reason": "stop",
		}},
		"usage": map[string]any{
			"prompt_tokens":     PromptTokens,
			"completion_tokens": CompletionTokens,
			"total_tokens":      PromptTokens + CompletionTokens,
		},
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(resp)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{
		"error": map[string]any{"message": msg, "type": "llmtest_error", "code": status},
	})
}
