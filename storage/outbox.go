package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
)

// Outbox message statuses.
const (
	OutboxPending = "pending" // waiting to be sent (or claimed by a sender until next_attempt_at)
	OutboxSent    = "sent"    // delivered once; SentMessageID is the transport's message id
	OutboxFailed  = "failed"  // given up (e.g. 400/403): never sent
)

// OutboxMessage is a message that matters (tickets, relays, notices): stored
// before it is sent, sent by the outbox worker, recorded as delivered once.
type OutboxMessage struct {
	ID       int64
	Key      string // unique idempotency key, e.g. "ticket:42:card"; enqueueing an existing key is a no-op
	ChatID   int64
	Text     string
	Buttons  [][]OutboxButton // inline keyboard rows; nil for none
	ReplyTo  int              // message id to reply to; 0 none
	PhotoID  string           // send as photo with Text as caption when set ("" = text message)
	TicketID int64            // 0 when not about a ticket
	Purpose  string           // "card" | "resident" | "relay" | "notice" ...: what the delivered message is (message refs)
	Status   string           // OutboxPending, OutboxSent or OutboxFailed
	Attempts int
	// NextAttemptAt is when the message is due; zero (as enqueued) means at
	// once, whatever the sender's clock. A claim moves it to the lease's end.
	NextAttemptAt time.Time
	SentMessageID int
	CreatedAt     time.Time
	SentAt        *time.Time
	LastError     string
	// EditMessageID, when set, makes delivery an edit of that message in
	// the chat (Text and Buttons replace its own) instead of a new message:
	// an edit repeated after a crash changes nothing, so it is never
	// delivered twice. SentMessageID is then this id.
	EditMessageID int
	// UnsettledAttempts counts claims since the last definite outcome (sent,
	// refused, or found by a probe). An attempt cut short — the process
	// died, the request timed out — leaves it above zero: the message may
	// be in the chat already.
	UnsettledAttempts int
	// ProbeAfter is the highest message id known in the chat when the first
	// unsettled attempt began: a message that attempt sent has a greater id.
	ProbeAfter int
}

// OutboxButton is an inline keyboard button: storage does not import the
// transport's types.
type OutboxButton struct {
	Text string `json:"text"`
	Data string `json:"data"`
}

const outboxColumns = `id, key, chat_id, text, buttons, reply_to, photo_id, ticket_id, purpose, status,
	attempts, next_attempt_at, sent_message_id, created_at, sent_at, last_error,
	edit_message_id, unsettled_attempts, probe_after`

// EnqueueOutbox stores msgs as pending in one transaction; a message whose
// key exists already is skipped. ID, Status, Attempts, SentMessageID, SentAt,
// LastError, UnsettledAttempts and ProbeAfter are ignored; a zero CreatedAt
// means now.
func (db *DB) EnqueueOutbox(ctx context.Context, msgs ...OutboxMessage) error {
	if len(msgs) == 0 {
		return nil
	}
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		return db.enqueueOutbox(ctx, tx, utc(db.now()), msgs)
	})
}

func (db *DB) enqueueOutbox(ctx context.Context, tx *sqlx.Tx, createdAt time.Time, msgs []OutboxMessage) error {
	query := db.db.Rebind(`
		INSERT INTO outbox_messages (key, chat_id, text, buttons, reply_to, photo_id, ticket_id, purpose,
			status, attempts, next_attempt_at, created_at, edit_message_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)
		ON CONFLICT (key) DO NOTHING`)
	for _, m := range msgs {
		if m.Key == "" {
			return fmt.Errorf("storage: enqueue message to chat %d: empty key", m.ChatID)
		}
		buttons, err := encodeButtons(m.Buttons)
		if err != nil {
			return fmt.Errorf("storage: encode buttons of %q: %w", m.Key, err)
		}
		created := createdAt
		if !m.CreatedAt.IsZero() {
			created = m.CreatedAt
		}
		_, err = tx.ExecContext(ctx, query, m.Key, m.ChatID, m.Text, buttons, m.ReplyTo, m.PhotoID,
			m.TicketID, m.Purpose, OutboxPending, utc(m.NextAttemptAt), utc(created), m.EditMessageID)
		if err != nil {
			return fmt.Errorf("storage: enqueue %q: %w", m.Key, err)
		}
	}
	return nil
}

// DueOutbox returns up to limit pending messages with next_attempt_at <= now,
// oldest first (by id). limit <= 0 means 100. Call ClaimOutbox before sending.
func (db *DB) DueOutbox(ctx context.Context, now time.Time, limit int) ([]OutboxMessage, error) {
	return db.DueOutboxExcept(ctx, now, limit, nil)
}

// OutboxByKey returns the message enqueued under key, or ErrNotFound.
func (db *DB) OutboxByKey(ctx context.Context, key string) (OutboxMessage, error) {
	query := `SELECT ` + outboxColumns + ` FROM outbox_messages WHERE key = ?`
	m, err := scanOutboxMessage(db.db.QueryRowContext(ctx, db.db.Rebind(query), key))
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return OutboxMessage{}, fmt.Errorf("storage: outbox %q: %w", key, ErrNotFound)
	case err != nil:
		return OutboxMessage{}, fmt.Errorf("storage: outbox %q: %w", key, err)
	}
	return m, nil
}

// ClaimOutbox leases message id to the caller until now+lease, if it is
// still pending and due. It is one compare-and-set UPDATE: of two replicas
// claiming the same row exactly one gets true. A sender that dies holding a
// claim lets the lease run out; the message is then due again, in doubt
// (see ClaimOutboxAttempt, which also says whether it is).
func (db *DB) ClaimOutbox(ctx context.Context, id int64, now time.Time, lease time.Duration) (bool, error) {
	_, ok, err := db.ClaimOutboxAttempt(ctx, id, now, lease)
	return ok, err
}

// MarkOutboxSent records that message id was delivered as messageID at at
// and, when the message is about a ticket, the message ref (chat, messageID)
// -> ticket, purpose. Marking a sent message again changes nothing;
// ErrNotFound for an unknown id.
func (db *DB) MarkOutboxSent(ctx context.Context, id int64, messageID int, at time.Time) error {
	at = utc(at)
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		query := `
			UPDATE outbox_messages SET status = ?, sent_message_id = ?, sent_at = ?, unsettled_attempts = 0
			WHERE id = ? AND status <> ?
			RETURNING chat_id, ticket_id, purpose`
		var chatID, ticketID int64
		var purpose string
		err := tx.QueryRowContext(ctx, db.db.Rebind(query), OutboxSent, messageID, at, id, OutboxSent).
			Scan(&chatID, &ticketID, &purpose)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return db.outboxExists(ctx, tx, id) // already sent: done
		case err != nil:
			return fmt.Errorf("storage: mark outbox %d sent: %w", id, err)
		}
		if ticketID == 0 {
			return nil
		}
		return db.refMessage(ctx, tx, chatID, messageID, ticketID, purpose, at)
	})
}

// MarkOutboxRetry records an attempt at message id that definitely did not
// deliver it (Telegram refused it: 429, 5xx, ...): attempts+1, the error,
// and the time to try again. The attempt is settled; earlier ones that were
// cut short stay in doubt. A message no longer pending (sent or failed
// meanwhile) is left alone; ErrNotFound for an unknown id.
func (db *DB) MarkOutboxRetry(ctx context.Context, id int64, errText string, next time.Time) error {
	query := `
		UPDATE outbox_messages SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?,
			unsettled_attempts = CASE WHEN unsettled_attempts > 0 THEN unsettled_attempts - 1 ELSE 0 END
		WHERE id = ? AND status = ?`
	return db.markOutbox(ctx, id, "retry", query, errText, utc(next), id, OutboxPending)
}

// MarkOutboxFailed gives message id up for good (attempts+1, the error): it
// is never due again. A message no longer pending is left alone;
// ErrNotFound for an unknown id.
func (db *DB) MarkOutboxFailed(ctx context.Context, id int64, errText string) error {
	query := `
		UPDATE outbox_messages SET status = ?, attempts = attempts + 1, last_error = ?, unsettled_attempts = 0
		WHERE id = ? AND status = ?`
	return db.markOutbox(ctx, id, "failed", query, OutboxFailed, errText, id, OutboxPending)
}

// PendingOutbox counts messages not yet sent nor given up.
func (db *DB) PendingOutbox(ctx context.Context) (int, error) {
	var n int
	query := `SELECT count(*) FROM outbox_messages WHERE status = ?`
	if err := db.db.QueryRowContext(ctx, db.db.Rebind(query), OutboxPending).Scan(&n); err != nil {
		return 0, fmt.Errorf("storage: pending outbox: %w", err)
	}
	return n, nil
}

func (db *DB) markOutbox(ctx context.Context, id int64, what, query string, args ...any) error {
	result, err := db.db.ExecContext(ctx, db.db.Rebind(query), args...)
	if err != nil {
		return fmt.Errorf("storage: mark outbox %d %s: %w", id, what, err)
	}
	n, err := result.RowsAffected()
	if err != nil {
		return fmt.Errorf("storage: mark outbox %d %s: rows affected: %w", id, what, err)
	}
	if n == 0 {
		return db.outboxExists(ctx, db.db, id)
	}
	return nil
}

// outboxExists is nil when message id exists, ErrNotFound otherwise.
func (db *DB) outboxExists(ctx context.Context, q queryer, id int64) error {
	var one int
	err := q.QueryRowContext(ctx, db.db.Rebind(`SELECT 1 FROM outbox_messages WHERE id = ?`), id).Scan(&one)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("storage: outbox %d: %w", id, ErrNotFound)
	case err != nil:
		return fmt.Errorf("storage: outbox %d: %w", id, err)
	}
	return nil
}

func scanOutboxMessage(row rowScanner) (OutboxMessage, error) {
	var m OutboxMessage
	var buttons string
	var sentAt sql.NullTime
	err := row.Scan(&m.ID, &m.Key, &m.ChatID, &m.Text, &buttons, &m.ReplyTo, &m.PhotoID, &m.TicketID, &m.Purpose,
		&m.Status, &m.Attempts, &m.NextAttemptAt, &m.SentMessageID, &m.CreatedAt, &sentAt, &m.LastError,
		&m.EditMessageID, &m.UnsettledAttempts, &m.ProbeAfter)
	if err != nil {
		return OutboxMessage{}, err
	}
	if err := json.Unmarshal([]byte(buttons), &m.Buttons); err != nil {
		return OutboxMessage{}, fmt.Errorf("outbox %d buttons: %w", m.ID, err)
	}
	m.Buttons = nilIfEmpty(m.Buttons)
	m.NextAttemptAt, m.CreatedAt = m.NextAttemptAt.UTC(), m.CreatedAt.UTC()
	if sentAt.Valid {
		t := sentAt.Time.UTC()
		m.SentAt = &t
	}
	return m, nil
}

func encodeButtons(rows [][]OutboxButton) (string, error) {
	if len(rows) == 0 {
		return "[]", nil
	}
	b, err := json.Marshal(rows)
	return string(b), err
}
