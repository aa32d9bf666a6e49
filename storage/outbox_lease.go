package storage

import (
	"context"
	"fmt"
	"time"
)

// ExtendOutboxLease keeps a claimed, still pending message reserved until
// until. A sender renews its lease while a send waits on Telegram's pace,
// so the lease can stay short: a sender that dies lets it lapse soon and
// the message goes again.
func (db *DB) ExtendOutboxLease(ctx context.Context, id int64, until time.Time) error {
	query := `UPDATE outbox_messages SET next_attempt_at = ? WHERE id = ? AND status = ?`
	if _, err := db.db.ExecContext(ctx, db.db.Rebind(query), utc(until), id, OutboxPending); err != nil {
		return fmt.Errorf("storage: extend outbox lease %d: %w", id, err)
	}
	return nil
}
