package storage

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

// ConfirmOutboxByPress records as delivered, as message messageID, the
// pending message of chatID whose send was attempted but not recorded and
// which carries a button with callbackData: a press on that button of
// message messageID proves the message arrived, whatever its sender knows
// (a send in doubt after a crash or timeout). Without this, the sender's
// search for it would no longer recognise a card staff have since changed,
// and would post it again. A message id already recorded for another
// message is left alone. It reports whether it recorded one.
func (db *DB) ConfirmOutboxByPress(ctx context.Context, chatID int64, messageID int, callbackData string, at time.Time) (bool, error) {
	if messageID == 0 || callbackData == "" {
		return false, nil
	}
	var rows []struct {
		ID      int64  `db:"id"`
		Buttons string `db:"buttons"`
	}
	err := db.db.SelectContext(ctx, &rows, db.db.Rebind(`
		SELECT id, buttons FROM outbox_messages
		WHERE chat_id = ? AND status = ? AND unsettled_attempts > 0 ORDER BY id`), chatID, OutboxPending)
	if err != nil {
		return false, fmt.Errorf("storage: attempted outbox messages of chat %d: %w", chatID, err)
	}
	for _, r := range rows {
		var buttons [][]OutboxButton
		if err := json.Unmarshal([]byte(r.Buttons), &buttons); err != nil {
			return false, fmt.Errorf("storage: outbox %d buttons: %w", r.ID, err)
		}
		if !slices.ContainsFunc(buttons, func(row []OutboxButton) bool {
			return slices.ContainsFunc(row, func(b OutboxButton) bool { return b.Data == callbackData })
		}) {
			continue
		}
		var known int
		err = db.db.GetContext(ctx, &known, db.db.Rebind(`
			SELECT (SELECT COUNT(*) FROM message_refs WHERE chat_id = ? AND message_id = ?)
			     + (SELECT COUNT(*) FROM outbox_messages WHERE chat_id = ? AND sent_message_id = ? AND status = ?)`),
			chatID, messageID, chatID, messageID, OutboxSent)
		if err != nil {
			return false, fmt.Errorf("storage: is message %d of chat %d known: %w", messageID, chatID, err)
		}
		if known > 0 {
			return false, nil // the pressed message is another one
		}
		if err := db.MarkOutboxSent(ctx, r.ID, messageID, at); err != nil {
			return false, err
		}
		return true, nil
	}
	return false, nil
}
