package botapitest

import (
	"testing"

	"github.com/go-telegram/bot"
)

// NewClient is the real go-telegram/bot client pointed at s, without the
// getMe call at start; its errors go to the test log. opts come after the
// defaults, so they can override them.
func (s *Server) NewClient(tb testing.TB, opts ...bot.Option) *bot.Bot {
	tb.Helper()
	opts = append([]bot.Option{
		bot.WithServerURL(s.URL),
		bot.WithSkipGetMe(),
		bot.WithErrorsHandler(func(err error) { tb.Logf("bot error: %v", err) }),
	}, opts...)
	b, err := bot.New(Token, opts...)
	if err != nil {
		tb.Fatalf("telegram client: %v", err)
	}
	return b
}
