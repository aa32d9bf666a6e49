package outbox

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"codesk/handlers"
	"codesk/storage"
)

// A staff chat (a group: negative id) that refuses the bot is an operator's
// problem, not a lost recipient: the bot was removed and will be added
// back, or the group became a supergroup under a new id. Its cards and
// relays must not be given up like a resident who blocked the bot.

// migratedTo reports the supergroup Telegram says a basic group became
// (the Messenger's handlers.ChatMovedError).
func migratedTo(err error) (int64, bool) {
	var moved *handlers.ChatMovedError
	if errors.As(err, &moved) && moved.To != 0 {
		return moved.To, true
	}
	return 0, false
}

// staffChatRefuses reports whether err is a staff chat refusing the bot:
// removed from it (403), not found, or the bot's right to post taken away.
func staffChatRefuses(chatID int64, err error) bool {
	if chatID >= 0 || err == nil {
		return false
	}
	if errors.Is(err, handlers.ErrRecipientGone) {
		return true
	}
	// removed, or no longer allowed to post there (an admin took the
	// bot's right away): the operator puts it right, the card waits
	text := strings.ToLower(err.Error())
	for _, refusal := range []string{"chat not found", "not enough rights", "have no rights to send", "chat_write_forbidden", "need administrator rights", "bot is not a member"} {
		if strings.Contains(text, refusal) {
			return true
		}
	}
	return false
}

// staffChatWarnEvery bounds the warnings about one staff chat refusing the
// bot: its rows are retried every few minutes for as long as it lasts.
const staffChatWarnEvery = time.Hour

// moveChat readdresses m, and every other pending row to its chat, to the
// supergroup its group became, and warns the operator to update the
// configuration (new rows still name the old id until then; each is moved
// when Telegram refuses it).
func (w *Worker) moveChat(ctx context.Context, m storage.OutboxMessage, to int64) (storage.OutboxMessage, error) {
	w.Log.Warn("staff group was upgraded to a supergroup: set its new chat id in the configuration; sending there",
		"chat_id", m.ChatID, "new_chat_id", to, "id", m.ID, "key", m.Key)
	if _, err := w.Store.MoveOutboxChat(ctx, m.ChatID, to); err != nil {
		return m, fmt.Errorf("move the group's outbox to its supergroup: %w", err)
	}
	m.ChatID = to
	return m, nil
}

// warnStaffChat tells the operator, at most hourly per chat, that a staff
// chat refuses the bot and its messages wait until it is added back.
func (w *Worker) warnStaffChat(m storage.OutboxMessage, err error, next time.Time) {
	now := w.Now()
	w.mu.Lock()
	last, warned := w.staffWarned[m.ChatID]
	due := !warned || now.Sub(last) >= staffChatWarnEvery
	if due {
		w.staffWarned[m.ChatID] = now
	}
	w.mu.Unlock()
	if !due {
		w.Log.Debug("staff chat still refuses the bot", "chat_id", m.ChatID, "id", m.ID, "next", next, "err", err)
		return
	}
	w.Log.Warn("staff chat refuses the bot (removed from the group, or a wrong chat id): its messages wait and are retried; add the bot back or fix the configuration",
		"chat_id", m.ChatID, "id", m.ID, "key", m.Key, "next", next, "err", err)
}
