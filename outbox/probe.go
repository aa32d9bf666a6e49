package outbox

import (
	"context"
	"errors"
	"fmt"

	"codesk/handlers"
	"codesk/storage"
)

// Telegram has no idempotency key. A send cut short — the process killed
// after Telegram accepted it but before the delivery was recorded, or a
// request that timed out after reaching Telegram — leaves its row in doubt:
// the message may be in the chat. Sending it again could make a second
// staff card. So each claim is recorded as an attempt (with the highest
// message id the chat was known to hold), settled once its outcome is
// known; a row claimed while an earlier attempt is unsettled is in doubt,
// and before sending it again the worker looks for it.

// CarefulMessenger is a Messenger that tells a message that was not sent
// from one that may have been, and can look for the latter. bot.Messenger
// is one. With a plain Messenger the worker sends a row in doubt again.
type CarefulMessenger interface {
	// SendOnce sends msg like Send, but never repeats a request whose
	// outcome is unknown: it returns an error with an InDoubt method that
	// reports true.
	SendOnce(ctx context.Context, msg handlers.OutMessage) (int, error)
	// EditStrict edits like Edit; refusals retrying cannot cure (the
	// message is gone) wrap handlers.ErrUndeliverable.
	EditStrict(ctx context.Context, chatID int64, messageID int, text string, buttons [][]handlers.Button) error
	// FindOwnMessage looks among ids (ascending) in chatID for a message
	// the bot sent with exactly buttons, and returns its id (0: none) and
	// checked, the highest id found to hold another message, all ids
	// before it ruled out too. Refusals that retrying cannot cure wrap
	// handlers.ErrUndeliverable.
	FindOwnMessage(ctx context.Context, chatID int64, ids []int, buttons [][]handlers.Button) (own, checked int, err error)
}

// inDoubt reports whether err says the attempt's outcome is unknown.
func inDoubt(err error) bool {
	var d interface{ InDoubt() bool }
	return errors.As(err, &d) && d.InDoubt()
}

// probeError is a search that could not finish: the row stays in doubt.
type probeError struct{ err error }

func (e *probeError) Error() string { return "looking for the message in doubt: " + e.err.Error() }
func (e *probeError) Unwrap() error { return e.err }
func (e *probeError) InDoubt() bool { return true }

// probe looks for the message an attempt in doubt may have sent, among the
// ids after probeAfter, ProbeWindow at a time. Its inline keyboard makes it
// unique: the callback data names the ticket. Ids recorded as delivered are
// other messages and are left alone. A window whose last id holds another
// message says nothing about the ids after it (members may have written
// more than a window's worth since the last known message), so the search
// goes on to the next. It returns the message's id, or 0 when it is not
// there — the earlier attempts are then settled and the row is sent.
func (w *Worker) probe(ctx context.Context, careful CarefulMessenger, m storage.OutboxMessage, probeAfter int) (int, error) {
	out := toOutMessage(m)
	var checked int
	for {
		upTo := probeAfter + w.ProbeWindow
		known, err := w.Store.KnownMessageIDs(ctx, m.ChatID, probeAfter, upTo)
		if err != nil {
			return 0, &probeError{err}
		}
		ids := make([]int, 0, w.ProbeWindow)
		for id, k := probeAfter+1, 0; id <= upTo; id++ {
			if k < len(known) && known[k] == id {
				k++
				continue
			}
			ids = append(ids, id)
		}
		var own int
		own, checked, err = careful.FindOwnMessage(ctx, m.ChatID, ids, out.Buttons)
		switch {
		case errors.Is(err, handlers.ErrUndeliverable):
			return 0, err
		case err != nil:
			if err := w.Store.AdvanceOutboxProbe(context.WithoutCancel(ctx), m.ID, checked); err != nil {
				w.Log.Error("record outbox probe", "id", m.ID, "err", err)
			}
			return 0, &probeError{err}
		case own != 0:
			w.Log.Info("message in doubt found in the chat; not sent again", "id", m.ID, "key", m.Key, "chat_id", m.ChatID, "message_id", own)
			return own, nil
		}
		if len(known) > 0 {
			checked = max(checked, known[len(known)-1])
		}
		if checked < upTo {
			break
		}
		// The window ends on another message: the chat goes on past it.
		if err := w.Store.AdvanceOutboxProbe(ctx, m.ID, checked); err != nil {
			return 0, &probeError{fmt.Errorf("advance: %w", err)}
		}
		probeAfter = checked
	}
	// Not there: only the attempt under way is unsettled now, and a message
	// it sends lands after every message that exists.
	if err := w.Store.SettleOutboxProbe(ctx, m.ID, checked); err != nil {
		return 0, &probeError{fmt.Errorf("settle: %w", err)}
	}
	w.Log.Info("message in doubt not found in the chat; sending it", "id", m.ID, "key", m.Key, "chat_id", m.ChatID, "searched_after", probeAfter)
	return 0, nil
}
