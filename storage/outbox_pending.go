package storage

import (
	"context"
	"fmt"
)

// TicketMessagePending reports whether a message of ticket ticketID with
// purpose waits in the outbox for chatID (not yet sent nor given up): a
// card on its way, which TicketMessage cannot know of until it is sent.
func (db *DB) TicketMessagePending(ctx context.Context, ticketID int64, purpose string, chatID int64) (bool, error) {
	// the partial index on pending messages keeps this to the few unsent rows
	query := `SELECT COUNT(*) FROM outbox_messages
		WHERE status = ? AND ticket_id = ? AND purpose = ? AND chat_id = ?`
	var n int
	if err := db.db.QueryRowContext(ctx, db.db.Rebind(query), OutboxPending, ticketID, purpose, chatID).Scan(&n); err != nil {
		return false, fmt.Errorf("storage: pending %s message of ticket %d: %w", purpose, ticketID, err)
	}
	return n > 0, nil
}
