package botapitest

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// pollEvery is how often WaitFor re-checks its condition.
const pollEvery = 5 * time.Millisecond

// WaitFor polls cond until it holds; after timeout it fails the test with a dump of
// recent activity. Call it from the test goroutine (it uses t.Fatalf). cond runs
// without the server's lock, so it may call any Server method.
func (s *Server) WaitFor(t testing.TB, timeout time.Duration, cond func(*Server) bool) {
	t.Helper()
	if !s.poll(timeout, func() bool { return cond(s) }) {
		t.Fatalf("botapitest: condition not met within %v\n%s", timeout, s.Dump())
	}
}

// WaitMessage waits for a bot message in chatID that match accepts (nil: any) and
// returns the oldest such message, as it is now.
func (s *Server) WaitMessage(t testing.TB, chatID int64, timeout time.Duration, match func(Message) bool) Message {
	t.Helper()
	var found Message
	ok := s.poll(timeout, func() bool {
		for _, m := range s.Sent(chatID) {
			if match == nil || match(m) {
				found = m
				return true
			}
		}
		return false
	})
	if !ok {
		t.Fatalf("botapitest: no matching bot message in chat %d within %v\n%s", chatID, timeout, s.Dump())
	}
	return found
}

// WaitReply waits for the first bot message in chatID with a message_id above
// after (use the id UserSays' message got, or 0) and returns it.
func (s *Server) WaitReply(t testing.TB, chatID int64, after int, timeout time.Duration) Message {
	t.Helper()
	return s.WaitMessage(t, chatID, timeout, func(m Message) bool { return m.MessageID > after })
}

func (s *Server) poll(timeout time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(timeout)
	for {
		if cond() {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(pollEvery)
	}
}

// Dump describes recent activity (messages, presses, answers, rejected requests)
// and the server's counters, for failure messages.
func (s *Server) Dump() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	const show = 40
	var b strings.Builder
	events := s.events
	if len(events) > show {
		fmt.Fprintf(&b, "... %d earlier events\n", len(events)-show)
		events = events[len(events)-show:]
	}
	b.WriteString("recent botapitest activity:\n")
	for _, e := range events {
		b.WriteString("  " + e + "\n")
	}
	fmt.Fprintf(&b, "pending updates: %d, confirmed up to update %d, limit violations: %d, rejections: %d\n",
		len(s.queue), s.confirmed, len(s.violations), len(s.rejections))
	return b.String()
}
