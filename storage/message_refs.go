package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"codesk/tickets"
)

// RefMessage records that the delivered message (chatID, messageID) belongs
// to ticket ticketID as purpose ("card", "resident", "relay", ...), for
// messages not sent through the outbox (MarkOutboxSent records its own). A
// message keeps the first ticket it was recorded with.
func (db *DB) RefMessage(ctx context.Context, chatID int64, messageID int, ticketID int64, purpose string, at time.Time) error {
	return db.refMessage(ctx, db.db, chatID, messageID, ticketID, purpose, utc(at))
}

// TicketByMessage returns the ticket the message (chatID, messageID) belongs
// to and the message's purpose — a staff reply to a card finds its ticket —
// or ErrNotFound.
func (db *DB) TicketByMessage(ctx context.Context, chatID int64, messageID int) (tickets.Ticket, string, error) {
	query := `
		SELECT r.purpose, ` + prefixed("t.", ticketColumns) + `
		FROM message_refs r JOIN tickets t ON t.id = r.ticket_id
		WHERE r.chat_id = ? AND r.message_id = ?`
	var purpose string
	row := db.db.QueryRowContext(ctx, db.db.Rebind(query), chatID, messageID)
	t, err := scanTicket(scannerWithPrefix{row: row, first: &purpose})
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return tickets.Ticket{}, "", fmt.Errorf("storage: message %d in chat %d: %w", messageID, chatID, ErrNotFound)
	case err != nil:
		return tickets.Ticket{}, "", fmt.Errorf("storage: message %d in chat %d: %w", messageID, chatID, err)
	}
	return t, purpose, nil
}

// TicketMessage returns the latest delivered message of ticket ticketID
// recorded with purpose (e.g. "card": the card staff act on and relays reply
// to), or ErrNotFound. Latest is the order the refs were recorded in, which
// is the order deliveries were marked, whatever the senders' clocks said.
func (db *DB) TicketMessage(ctx context.Context, ticketID int64, purpose string) (chatID int64, messageID int, err error) {
	order := "seq" // an identity column on PostgreSQL
	if db.dialect == DialectSQLite {
		order = "rowid" // grows with every insert; message_refs rows are never deleted
	}
	query := `SELECT chat_id, message_id FROM message_refs
		WHERE ticket_id = ? AND purpose = ? ORDER BY ` + order + ` DESC LIMIT 1`
	err = db.db.QueryRowContext(ctx, db.db.Rebind(query), ticketID, purpose).Scan(&chatID, &messageID)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return 0, 0, fmt.Errorf("storage: %s message of ticket %d: %w", purpose, ticketID, ErrNotFound)
	case err != nil:
		return 0, 0, fmt.Errorf("storage: %s message of ticket %d: %w", purpose, ticketID, err)
	}
	return chatID, messageID, nil
}

// MessageRef is a delivered message that belongs to a ticket.
type MessageRef struct {
	ChatID    int64
	MessageID int
	Purpose   string
}

// TicketMessages lists the ticket's delivered messages recorded with any of
// purposes, oldest first: every card a ticket ever had, to redraw the
// stale ones when it moves.
func (db *DB) TicketMessages(ctx context.Context, ticketID int64, purposes ...string) ([]MessageRef, error) {
	if len(purposes) == 0 {
		return nil, nil
	}
	order := "seq"
	if db.dialect == DialectSQLite {
		order = "rowid"
	}
	query, args, err := sqlx.In(`SELECT chat_id, message_id, purpose FROM message_refs
		WHERE ticket_id = ? AND purpose IN (?) ORDER BY `+order, ticketID, purposes)
	if err != nil {
		return nil, fmt.Errorf("storage: messages of ticket %d: %w", ticketID, err)
	}
	var refs []MessageRef
	rows, err := db.db.QueryContext(ctx, db.db.Rebind(query), args...)
	if err != nil {
		return nil, fmt.Errorf("storage: messages of ticket %d: %w", ticketID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var r MessageRef
		if err := rows.Scan(&r.ChatID, &r.MessageID, &r.Purpose); err != nil {
			return nil, fmt.Errorf("storage: messages of ticket %d: %w", ticketID, err)
		}
		refs = append(refs, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: messages of ticket %d: %w", ticketID, err)
	}
	return refs, nil
}

func (db *DB) refMessage(ctx context.Context, ex queryer, chatID int64, messageID int, ticketID int64, purpose string, at time.Time) error {
	query := `
		INSERT INTO message_refs (chat_id, message_id, ticket_id, purpose, created_at)
		VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (chat_id, message_id) DO NOTHING`
	if _, err := ex.ExecContext(ctx, db.db.Rebind(query), chatID, messageID, ticketID, purpose, at); err != nil {
		return fmt.Errorf("storage: ref message %d in chat %d to ticket %d: %w", messageID, chatID, ticketID, err)
	}
	return nil
}

// scannerWithPrefix scans one leading column into first, the rest into the
// caller's destinations: a joined row read by scanTicket.
type scannerWithPrefix struct {
	row   rowScanner
	first any
}

func (s scannerWithPrefix) Scan(dest ...any) error {
	return s.row.Scan(append([]any{s.first}, dest...)...)
}
