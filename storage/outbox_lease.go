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

// SentMessage is when a message went to a chat.
type SentMessage struct {
	ChatID int64     `db:"chat_id"`
	SentAt time.Time `db:"sent_at"`
}

// SentOutboxSince lists outbox messages delivered at or after since, oldest
// first: a restarted sender seeds its rate windows with them.
func (db *DB) SentOutboxSince(ctx context.Context, since time.Time) ([]SentMessage, error) {
	query := `SELECT chat_id, sent_at FROM outbox_messages WHERE status = ? AND sent_at >= ? ORDER BY sent_at`
	rows, err := db.db.QueryContext(ctx, db.db.Rebind(query), OutboxSent, utc(since))
	if err != nil {
		return nil, fmt.Errorf("storage: recently sent outbox: %w", err)
	}
	defer rows.Close()
	var out []SentMessage
	for rows.Next() {
		var m SentMessage
		if err := rows.Scan(&m.ChatID, &m.SentAt); err != nil {
			return nil, fmt.Errorf("storage: recently sent outbox: %w", err)
		}
		m.SentAt = m.SentAt.UTC()
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: recently sent outbox: %w", err)
	}
	return out, nil
}
