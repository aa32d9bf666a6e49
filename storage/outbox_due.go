package storage

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// DueOutboxExcept is DueOutbox without the messages to the chats in
// skipChats: a sender passes the chats it is already sending to (or that
// wait out a failure), so one chat's long queue cannot fill the listing and
// hide every other chat's messages. Up to limit rows, oldest first (by id);
// limit <= 0 means 100. Call ClaimOutbox before sending.
//
// A chat's messages go in order, whichever sender lists them: a message is
// left out while an earlier pending message of its chat is not due (it
// waits for its retry, or another sender holds its lease), so a replica
// or a restarted process cannot send it ahead of that one.
func (db *DB) DueOutboxExcept(ctx context.Context, now time.Time, limit int, skipChats []int64) ([]OutboxMessage, error) {
	if limit <= 0 {
		limit = 100
	}
	if skipChats == nil {
		skipChats = []int64{}
	}
	// The chat ids go as one JSON array parameter: any number of them, no
	// statement text built per call.
	skip, err := json.Marshal(skipChats)
	if err != nil {
		return nil, fmt.Errorf("storage: due outbox: encode skipped chats: %w", err)
	}
	skipped := `SELECT value FROM json_each(?)`
	if db.dialect == DialectPostgres {
		skipped = `SELECT jsonb_array_elements_text(CAST(? AS jsonb))::bigint`
	}
	// The literal 'pending' lets SQLite use the partial indexes.
	query := `SELECT ` + outboxColumns + ` FROM outbox_messages o
		WHERE status = 'pending' AND next_attempt_at <= ? AND chat_id NOT IN (` + skipped + `)
			AND NOT EXISTS (SELECT 1 FROM outbox_messages earlier
				WHERE earlier.status = 'pending' AND earlier.chat_id = o.chat_id
					AND earlier.id < o.id AND earlier.next_attempt_at > ?)
		ORDER BY id
		LIMIT ?`
	at := utc(now)
	rows, err := db.db.QueryContext(ctx, db.db.Rebind(query), at, string(skip), at, limit)
	if err != nil {
		return nil, fmt.Errorf("storage: due outbox: %w", err)
	}
	defer rows.Close()
	var out []OutboxMessage
	for rows.Next() {
		m, err := scanOutboxMessage(rows)
		if err != nil {
			return nil, fmt.Errorf("storage: due outbox: %w", err)
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: due outbox rows: %w", err)
	}
	return out, nil
}
