package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	tg "github.com/go-telegram/bot"

	"codesk/handlers"
)

// The outbox's side of the Messenger. Telegram has no idempotency key: a
// send that timed out or lost its connection may have reached the chat, and
// sending it again makes a duplicate. These methods never repeat such a
// request, say when an outcome is unknown, and can look for a message that
// may have gone.

// inDoubtError is a send whose outcome is unknown: the request may have
// reached Telegram. The outbox asks for InDoubt() through errors.As.
type inDoubtError struct{ err error }

func (e *inDoubtError) Error() string { return "outcome unknown: " + e.err.Error() }
func (e *inDoubtError) Unwrap() error { return e.err }
func (e *inDoubtError) InDoubt() bool { return true }

// SendOnce is Send for messages that must not arrive twice. Send repeats a
// request that timed out or lost its connection; SendOnce does not: it
// returns an error whose InDoubt method reports true, and the caller looks
// for the message (FindOwnMessage) before sending it again. Refusals (429,
// 5xx) are repeated as Send repeats them, since Telegram sent nothing.
// Errors that retrying cannot cure wrap handlers.ErrUndeliverable.
func (m *Messenger) SendOnce(ctx context.Context, msg handlers.OutMessage) (int, error) {
	id, err := m.deliver(ctx, msg, m.paceOnce)
	var doubt *inDoubtError
	if err != nil && !errors.As(err, &doubt) {
		err = undeliverable(err, m.policy)
	}
	return id, m.scrub(err)
}

// paceOnce runs send through the pacer, which repeats it after refusals. A
// request whose outcome is unknown is not repeated: the pacer is told it
// went (it may count against Telegram's limits) and the caller gets an
// inDoubtError.
func (m *Messenger) paceOnce(ctx context.Context, chatID int64, send func(context.Context) (int, error)) (int, error) {
	var id int
	var unknown error
	err := m.pacer.Send(ctx, chatID, func(ctx context.Context) error {
		sentID, err := send(ctx)
		if err != nil && outcomeUnknown(err) {
			unknown = err
			return nil
		}
		id = sentID
		return err
	})
	if unknown != nil {
		return 0, &inDoubtError{err: unknown}
	}
	return id, err
}

// outcomeUnknown reports whether a failed call may nonetheless have taken
// effect: no answer came from Telegram (timeout, lost connection, cancelled
// context) or the answer was unreadable. Every answer Telegram gave —
// 4xx, 429, 5xx — means nothing was done.
func outcomeUnknown(err error) bool {
	var tooMany *tg.TooManyRequestsError
	var migrated *tg.MigrateError
	switch {
	case errors.As(err, &tooMany), errors.As(err, &migrated),
		errors.Is(err, tg.ErrorBadRequest), errors.Is(err, tg.ErrorForbidden), errors.Is(err, tg.ErrorUnauthorized),
		errors.Is(err, tg.ErrorNotFound), errors.Is(err, tg.ErrorConflict):
		return false
	}
	// Other error codes come as an untyped error with this text
	// (go-telegram/bot raw_request.go).
	return !strings.Contains(err.Error(), "error response from telegram")
}

// EditStrict is Edit for deliveries: refusals that retrying cannot cure
// (the message was deleted, or cannot be edited) wrap
// handlers.ErrUndeliverable, as Send's do, so the caller can deliver another
// way. "Message is not modified" is success: the message already says this.
func (m *Messenger) EditStrict(ctx context.Context, chatID int64, messageID int, text string, buttons [][]handlers.Button) error {
	return undeliverable(m.Edit(ctx, chatID, messageID, text, buttons), m.policy)
}

// IsSupergroup reports whether chatID is a supergroup or channel: only
// there can a ticket card whose send was cut short be looked for.
func IsSupergroup(chatID int64) bool { return ownNumbering(chatID) }

// ownNumbering reports whether chatID numbers its messages itself:
// supergroups and channels (ids -100…). Elsewhere (private chats, basic
// groups) a message id comes from each account's own counter, which every
// chat of the bot advances, so ids after the last known one say nothing
// about this chat — and there the bot's unrecorded replies (previews,
// answers) would be in reach of a probe's edit.
func ownNumbering(chatID int64) bool { return chatID <= -1_000_000_000_000 }

// FindOwnMessage looks for a message the bot may have sent to chatID with
// exactly buttons, trying ids in the order given (ascending, after the last
// id known before the send). It asks Telegram to set each message's inline
// keyboard to buttons: "message is not modified" means the message already
// has them — it is ours, since callback data names the ticket — and own is
// its id; "can't be edited" (someone else's message) and "not found" rule
// the id out. checked is the highest id found to hold a message that is not
// ours, every id before it in ids ruled out too: a message sent from now on
// gets a greater id, so a later search may start after it. In chats that do
// not number their own messages (ownNumbering) it finds nothing.
//
// Residual risk: an edit that succeeds has replaced the keyboard of a bot
// message that is not ours. Callers leave out every id recorded as
// delivered, so only a bot message the database does not know — sent
// outside the outbox into the same chat within the window — can be hit.
// The id is then ruled out, never taken for ours. Edits are repeated only
// after refusals: an edit whose outcome is unknown, repeated, would find
// its own keyboard and take another message for ours. Such an id counts
// as checked, which can at worst send our message twice, never lose it.
func (m *Messenger) FindOwnMessage(ctx context.Context, chatID int64, ids []int, buttons [][]handlers.Button) (own, checked int, err error) {
	if len(buttons) == 0 || !ownNumbering(chatID) {
		return 0, 0, nil
	}
	markup := keyboard(buttons)
	for _, id := range ids {
		err := m.probeEdit(ctx, &tg.EditMessageReplyMarkupParams{ChatID: chatID, MessageID: id, ReplyMarkup: markup})
		switch {
		case err == nil:
			m.log.Error("probe changed the keyboard of a bot message the database does not know", "chat_id", chatID, "message_id", id)
			checked = id
		case strings.Contains(err.Error(), "message is not modified"):
			return id, checked, nil
		case errors.Is(err, tg.ErrorBadRequest):
			// Someone else's message ("can't be edited"), or none ("not
			// found": it may yet be the id of the next message).
			if strings.Contains(err.Error(), "can't be edited") {
				checked = id
			}
		case outcomeUnknown(err):
			return 0, id, m.scrub(fmt.Errorf("probe message %d in chat %d: %w", id, chatID, err))
		case m.policy.judge(err).final:
			return 0, checked, m.scrub(fmt.Errorf("%w: probe message %d in chat %d: %w", handlers.ErrUndeliverable, id, chatID, err))
		default:
			return 0, checked, m.scrub(fmt.Errorf("probe message %d in chat %d: %w", id, chatID, err))
		}
	}
	return 0, checked, nil
}

// probeEdit sends one probe, repeating it after refusals (429: when
// retry_after has passed; 5xx: with backoff) as retry does, but not after a
// failure whose outcome is unknown.
func (m *Messenger) probeEdit(ctx context.Context, params *tg.EditMessageReplyMarkupParams) error {
	wait := m.policy.backoff
	var floods, transient int
	for {
		_, err := m.api.EditMessageReplyMarkup(ctx, params)
		if err == nil || outcomeUnknown(err) {
			return err
		}
		v := m.policy.judge(err)
		var delay time.Duration
		switch {
		case v.final:
			return err
		case v.flood:
			if floods++; floods > m.policy.maxFloods {
				return err
			}
			delay = v.wait
		default:
			if transient++; transient > m.policy.maxRetries {
				return err
			}
			delay = wait
			wait *= 2
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("editMessageReplyMarkup: %w (last error: %w)", ctx.Err(), err)
		case <-time.After(delay):
		}
	}
}
