package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// OutboxClaim is what a claim tells its sender about earlier attempts.
type OutboxClaim struct {
	// InDoubt: an earlier attempt was cut short (the process died, the
	// request timed out), so the message may be in the chat already.
	InDoubt bool
	// ProbeAfter is the highest message id known in the chat before the
	// first attempt in doubt: a message it sent has a greater id.
	ProbeAfter int
}

// knownMessageMax is the highest message id recorded in the chat of outbox
// row ? (its one parameter): delivered outbox rows and message refs. The
// literal 'sent' lets SQLite use the partial index.
const knownMessageMax = `(SELECT COALESCE(MAX(known.message_id), 0) FROM (
		SELECT MAX(sent_message_id) AS message_id FROM outbox_messages
		WHERE status = 'sent' AND chat_id = (SELECT chat_id FROM outbox_messages WHERE id = ?)
		UNION ALL
		SELECT MAX(message_id) FROM message_refs
		WHERE chat_id = (SELECT chat_id FROM outbox_messages WHERE id = ?)
	) known)`

// ClaimOutboxAttempt is ClaimOutbox, reporting whether an earlier attempt
// is in doubt. The claim counts as an attempt whose outcome is unknown
// until the sender records one; the first such attempt also records the
// highest message id the chat is known to hold, in the same statement, so
// a process killed right after the claim leaves all a later sender needs
// to look for the message.
func (db *DB) ClaimOutboxAttempt(ctx context.Context, id int64, now time.Time, lease time.Duration) (OutboxClaim, bool, error) {
	query := `
		UPDATE outbox_messages SET next_attempt_at = ?,
			probe_after = CASE WHEN unsettled_attempts = 0 THEN ` + knownMessageMax + ` ELSE probe_after END,
			unsettled_attempts = unsettled_attempts + 1
		WHERE id = ? AND status = ? AND next_attempt_at <= ?
		RETURNING unsettled_attempts, probe_after`
	var unsettled, probeAfter int
	err := db.db.QueryRowContext(ctx, db.db.Rebind(query), utc(now.Add(lease)), id, id, id, OutboxPending, utc(now)).
		Scan(&unsettled, &probeAfter)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return OutboxClaim{}, false, nil
	case err != nil:
		return OutboxClaim{}, false, fmt.Errorf("storage: claim outbox %d: %w", id, err)
	}
	return OutboxClaim{InDoubt: unsettled > 1, ProbeAfter: probeAfter}, true, nil
}

// MarkOutboxInDoubt records an attempt at message id whose outcome is
// unknown (the request timed out or lost its connection after it may have
// reached Telegram): attempts+1, the error, and the time to try again. The
// attempt stays unsettled, so the next claim reports the message in doubt.
// A message no longer pending is left alone; ErrNotFound for an unknown id.
func (db *DB) MarkOutboxInDoubt(ctx context.Context, id int64, errText string, next time.Time) error {
	query := `
		UPDATE outbox_messages SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?
		WHERE id = ? AND status = ?`
	return db.markOutbox(ctx, id, "in doubt", query, errText, utc(next), id, OutboxPending)
}

// SettleOutboxProbe records that a search of the chat found no message from
// message id's earlier attempts among the ids up to checked: only the
// attempt under way is unsettled, and a message it sends will have an id
// above checked. A message no longer pending is left alone; ErrNotFound for
// an unknown id.
func (db *DB) SettleOutboxProbe(ctx context.Context, id int64, checked int) error {
	query := `
		UPDATE outbox_messages SET unsettled_attempts = 1,
			probe_after = CASE WHEN probe_after < ? THEN ? ELSE probe_after END
		WHERE id = ? AND status = ?`
	return db.markOutbox(ctx, id, "probed", query, checked, checked, id, OutboxPending)
}

// AdvanceOutboxProbe records that a search cut short (Telegram did not
// answer) ruled out the ids up to checked: the next search starts after it.
// The message stays in doubt. A message no longer pending is left alone;
// ErrNotFound for an unknown id.
func (db *DB) AdvanceOutboxProbe(ctx context.Context, id int64, checked int) error {
	query := `
		UPDATE outbox_messages SET probe_after = CASE WHEN probe_after < ? THEN ? ELSE probe_after END
		WHERE id = ? AND status = ? AND unsettled_attempts > 0`
	return db.markOutbox(ctx, id, "probe advanced", query, checked, checked, id, OutboxPending)
}

// KnownMessageIDs lists the message ids in chatID above after and at most
// upTo that are recorded as delivered (outbox rows, message refs),
// ascending: a search for a message in doubt must leave them alone.
func (db *DB) KnownMessageIDs(ctx context.Context, chatID int64, after, upTo int) ([]int, error) {
	query := `
		SELECT sent_message_id FROM outbox_messages
		WHERE status = 'sent' AND chat_id = ? AND sent_message_id > ? AND sent_message_id <= ?
		UNION
		SELECT message_id FROM message_refs WHERE chat_id = ? AND message_id > ? AND message_id <= ?
		ORDER BY 1`
	rows, err := db.db.QueryContext(ctx, db.db.Rebind(query), chatID, after, upTo, chatID, after, upTo)
	if err != nil {
		return nil, fmt.Errorf("storage: known messages of chat %d: %w", chatID, err)
	}
	defer rows.Close()
	var ids []int
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("storage: known messages of chat %d: %w", chatID, err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: known messages of chat %d: %w", chatID, err)
	}
	return ids, nil
}
