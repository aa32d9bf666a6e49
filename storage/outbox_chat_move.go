package storage

import (
	"context"
	"fmt"
)

// MoveOutboxChat readdresses every pending message to chat from to chat to,
// and reports how many it moved: Telegram upgraded the basic group from to
// the supergroup to, and refuses messages to the old id. Messages already
// sent or given up keep the chat they went to.
func (db *DB) MoveOutboxChat(ctx context.Context, from, to int64) (int, error) {
	query := `UPDATE outbox_messages SET chat_id = ? WHERE chat_id = ? AND status = 'pending'`
	result, err := db.db.ExecContext(ctx, db.db.Rebind(query), to, from)
	if err != nil {
		return 0, fmt.Errorf("storage: move outbox from chat %d to %d: %w", from, to, err)
	}
	n, err := result.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("storage: move outbox from chat %d to %d: rows affected: %w", from, to, err)
	}
	return int(n), nil
}
