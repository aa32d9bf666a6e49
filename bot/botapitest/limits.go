package botapitest

import (
	"fmt"
	"math"
	"net/http"
	"time"
)

// Limits are Telegram's flood limits, enforced on ROLLING windows: a send is
// rejected with 429 when the window ending now already holds Count accepted sends.
// A zero Count disables that limit. Only sends (sendMessage, sendPhoto) count;
// edits, callback answers and reads do not. Rejected sends are not recorded and
// do not fill the windows.
type Limits struct {
	Global       int           // sends per GlobalWindow across all chats (Telegram: 30/s)
	GlobalWindow time.Duration //
	PerChat      int           // sends per PerChatWindow to any one chat (Telegram: 1/s)
	ChatWindow   time.Duration //
	PerGroup     int           // sends per GroupWindow to one group (chat id < 0) (Telegram: 20/min)
	GroupWindow  time.Duration //

	// RetryUnit is the unit of the retry_after the 429 carries (default: a second,
	// as on Telegram): retry_after = ceil(wait / RetryUnit), at least 1. With
	// shrunken windows, a shrunken unit keeps a sender that sleeps
	// retry_after × (its own unit) fast; ScaledLimits sets it.
	RetryUnit time.Duration
}

// TelegramLimits are the published limits: 30 messages/s overall, 1/s per chat,
// 20/min per group. Tests usually shrink the windows (ScaledLimits) to stay fast.
func TelegramLimits() Limits {
	return Limits{
		Global: 30, GlobalWindow: time.Second,
		PerChat: 1, ChatWindow: time.Second,
		PerGroup: 20, GroupWindow: time.Minute,
	}
}

// ScaledLimits are TelegramLimits with every window multiplied by factor
// and retry_after counted in units of factor seconds (e.g. 0.1: 30 per 100 ms,
// 1 per 100 ms per chat, 20 per 6 s per group, retry_after in 100 ms units).
func ScaledLimits(factor float64) Limits {
	l := TelegramLimits()
	scale := func(d time.Duration) time.Duration { return time.Duration(float64(d) * factor) }
	l.GlobalWindow, l.ChatWindow, l.GroupWindow = scale(l.GlobalWindow), scale(l.ChatWindow), scale(l.GroupWindow)
	l.RetryUnit = scale(time.Second)
	return l
}

// LimitViolations are the sends rejected by Limits, in order.
func (s *Server) LimitViolations() []Violation {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Violation(nil), s.violations...)
}

// admitSendLocked checks every limit for a send to chatID and, when all pass,
// records it in the windows. It returns the 429 to answer otherwise.
func (s *Server) admitSendLocked(method string, chatID int64) *apiError {
	if s.limits == nil {
		return nil
	}
	l := s.limits
	now := s.now()
	type check struct {
		name, key string
		count     int
		window    time.Duration
	}
	checks := []check{
		{"global", "global", l.Global, l.GlobalWindow},
		{"chat", fmt.Sprintf("chat:%d", chatID), l.PerChat, l.ChatWindow},
	}
	if chatID < 0 {
		checks = append(checks, check{"group", fmt.Sprintf("group:%d", chatID), l.PerGroup, l.GroupWindow})
	}
	for _, c := range checks {
		if c.count <= 0 || c.window <= 0 {
			continue
		}
		win := pruneWindow(s.windows[c.key], now.Add(-c.window))
		s.windows[c.key] = win
		if len(win) < c.count {
			continue
		}
		// The send becomes possible when the oldest send in the window leaves it.
		wait := win[len(win)-c.count].Add(c.window).Sub(now)
		unit := l.RetryUnit
		if unit <= 0 {
			unit = time.Second
		}
		retry := max(1, int(math.Ceil(float64(wait)/float64(unit))))
		s.violations = append(s.violations, Violation{Method: method, ChatID: chatID, Limit: c.name, RetryAfter: retry, At: now})
		return &apiError{
			code:       http.StatusTooManyRequests,
			desc:       fmt.Sprintf("Too Many Requests: retry after %d", retry),
			retryAfter: retry,
		}
	}
	for _, c := range checks {
		if c.count > 0 && c.window > 0 {
			s.windows[c.key] = append(s.windows[c.key], now)
		}
	}
	return nil
}

// pruneWindow drops times at or before cutoff; times are in ascending order.
func pruneWindow(times []time.Time, cutoff time.Time) []time.Time {
	i := 0
	for i < len(times) && !times[i].After(cutoff) {
		i++
	}
	return times[i:]
}
