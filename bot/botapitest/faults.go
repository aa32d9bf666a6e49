package botapitest

import (
	"fmt"
	"net/http"
	"strings"
	"time"
)

// AnyMethod makes FailNext / SetLatency apply to every method.
const AnyMethod = "*"

// FailNext makes the next n calls of method (or AnyMethod) fail with status:
// 429 carries parameters.retry_after = retryAfter; 400, 401, 403 and 409 get
// Telegram's usual descriptions; 5xx get the plain status text. Injected failures
// happen before the method runs (nothing is sent) and do not count against Limits.
func (s *Server) FailNext(method string, n, status, retryAfter int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	key := strings.ToLower(method)
	for range n {
		s.faults[key] = append(s.faults[key], fault{status: status, retryAfter: retryAfter})
	}
}

// SetLatency delays method's handling by d (0 removes the delay). A request
// cancelled while waiting has no effect, like one that never reached Telegram.
func (s *Server) SetLatency(method string, d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.latency[strings.ToLower(method)] = d
}

// SetLatencyAfter lets method take effect at once and delays its answer by d, so a
// client that times out has in fact sent the message (the duplicate-send case).
func (s *Server) SetLatencyAfter(method string, d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lateAnswer[strings.ToLower(method)] = d
}

// SetBlocked makes sends to chatID fail with 403 "bot was blocked by the user".
func (s *Server) SetBlocked(chatID int64, blocked bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.blocked[chatID] = blocked
}

func (s *Server) takeFault(method string) (fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, key := range []string{method, AnyMethod} {
		if q := s.faults[key]; len(q) > 0 {
			s.faults[key] = q[1:]
			return q[0], true
		}
	}
	return fault{}, false
}

func (s *Server) delay(table map[string]time.Duration, method string) time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	if d, ok := table[method]; ok {
		return d
	}
	return table[AnyMethod]
}

func (f fault) apiError() *apiError {
	desc := http.StatusText(f.status)
	switch f.status {
	case http.StatusTooManyRequests:
		desc = fmt.Sprintf("Too Many Requests: retry after %d", f.retryAfter)
	case http.StatusBadRequest:
		desc = "Bad Request: injected failure"
	case http.StatusForbidden:
		desc = "Forbidden: bot was blocked by the user"
	case http.StatusConflict:
		desc = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
	}
	if desc == "" {
		desc = fmt.Sprintf("Error %d", f.status)
	}
	e := &apiError{code: f.status, desc: desc}
	if f.status == http.StatusTooManyRequests {
		e.retryAfter = f.retryAfter
	}
	return e
}
