package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// NoteRoundStart records messageID as where round of ticket ticketID began
// in chatID, unless a start is recorded there for that round already: the
// first card of a round stays its start however often the ticket moves.
func (db *DB) NoteRoundStart(ctx context.Context, ticketID, chatID int64, round string, messageID int) error {
	query := `INSERT INTO ticket_round_starts (ticket_id, chat_id, round, message_id) VALUES (?, ?, ?, ?)
		ON CONFLICT (ticket_id, chat_id, round) DO NOTHING`
	if _, err := db.db.ExecContext(ctx, db.db.Rebind(query), ticketID, chatID, round, messageID); err != nil {
		return fmt.Errorf("storage: note round %s of ticket %d in chat %d: %w", round, ticketID, chatID, err)
	}
	return nil
}

// RoundStart is the message NoteRoundStart recorded for round of ticket
// ticketID in chatID, or 0 when none was.
func (db *DB) RoundStart(ctx context.Context, ticketID, chatID int64, round string) (int, error) {
	query := `SELECT message_id FROM ticket_round_starts WHERE ticket_id = ? AND chat_id = ? AND round = ?`
	var id int
	err := db.db.QueryRowContext(ctx, db.db.Rebind(query), ticketID, chatID, round).Scan(&id)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return 0, nil
	case err != nil:
		return 0, fmt.Errorf("storage: round %s of ticket %d in chat %d: %w", round, ticketID, chatID, err)
	}
	return id, nil
}
