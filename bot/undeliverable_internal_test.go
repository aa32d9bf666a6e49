package bot

import (
	"errors"
	"fmt"
	"testing"
	"time"

	tg "github.com/go-telegram/bot"

	"codesk/handlers"
)

// A chat that takes no messages (403, chat not found) is told apart from one
// message refused, so staff are not told "blocked" for a bad photo id.
func TestUndeliverableTellsAGoneRecipientFromARefusedMessage(t *testing.T) {
	policy := newRetryPolicy(time.Millisecond)
	for _, c := range []struct {
		err                 error
		undeliverable, gone bool
	}{
		{fmt.Errorf("%w, Forbidden: bot was blocked by the user", tg.ErrorForbidden), true, true},
		{fmt.Errorf("%w, Forbidden: user is deactivated", tg.ErrorForbidden), true, true},
		{fmt.Errorf("%w, Bad Request: chat not found", tg.ErrorBadRequest), true, true},
		{fmt.Errorf("%w, Bad Request: wrong file identifier", tg.ErrorBadRequest), true, false},
		{errors.New("connection reset"), false, false},
	} {
		err := undeliverable(c.err, policy)
		if errors.Is(err, handlers.ErrUndeliverable) != c.undeliverable || errors.Is(err, handlers.ErrRecipientGone) != c.gone {
			t.Errorf("%v: undeliverable %v gone %v; want %v %v", c.err, errors.Is(err, handlers.ErrUndeliverable),
				errors.Is(err, handlers.ErrRecipientGone), c.undeliverable, c.gone)
		}
	}
}
