package storage

import (
	"context"
	"fmt"
	"time"

	"codesk/parties"
	"codesk/tickets"

	"github.com/jmoiron/sqlx"
)

// TicketEvents returns the ticket's history, oldest first.
func (db *DB) TicketEvents(ctx context.Context, ticketID int64) ([]tickets.Event, error) {
	query := `
		SELECT id, ticket_id, kind, actor_id, actor, from_status, to_status, from_party, to_party,
			text, photo_ids, at
		FROM ticket_events
		WHERE ticket_id = ?
		ORDER BY id`
	rows, err := db.db.QueryContext(ctx, db.db.Rebind(query), ticketID)
	if err != nil {
		return nil, fmt.Errorf("storage: ticket %d events: %w", ticketID, err)
	}
	defer rows.Close()
	var out []tickets.Event
	for rows.Next() {
		var e tickets.Event
		var kind, fromStatus, toStatus, fromParty, toParty, photos string
		err := rows.Scan(&e.ID, &e.TicketID, &kind, &e.ActorID, &e.Actor, &fromStatus, &toStatus,
			&fromParty, &toParty, &e.Text, &photos, &e.At)
		if err != nil {
			return nil, fmt.Errorf("storage: scan ticket %d event: %w", ticketID, err)
		}
		e.Kind = tickets.EventKind(kind)
		e.FromStatus, e.ToStatus = tickets.Status(fromStatus), tickets.Status(toStatus)
		e.FromParty, e.ToParty = parties.ID(fromParty), parties.ID(toParty)
		if e.PhotoIDs, err = decodeStrings(photos); err != nil {
			return nil, fmt.Errorf("storage: ticket %d event %d photos: %w", ticketID, e.ID, err)
		}
		e.At = e.At.UTC()
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: ticket %d events rows: %w", ticketID, err)
	}
	return out, nil
}

// insertTicketEvents appends events to ticket ticketID's history; an event
// without a time gets at. The events' own ID and TicketID are ignored.
func (db *DB) insertTicketEvents(ctx context.Context, tx *sqlx.Tx, ticketID int64, at time.Time, events []tickets.Event) error {
	query := db.db.Rebind(`
		INSERT INTO ticket_events (ticket_id, kind, actor_id, actor, from_status, to_status, from_party,
			to_party, text, photo_ids, at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	for _, e := range events {
		if e.Kind == "" {
			return fmt.Errorf("storage: ticket %d event without a kind", ticketID)
		}
		photos, err := encodeStrings(e.PhotoIDs)
		if err != nil {
			return err
		}
		eventAt := e.At
		if eventAt.IsZero() {
			eventAt = at
		}
		_, err = tx.ExecContext(ctx, query, ticketID, string(e.Kind), e.ActorID, e.Actor, string(e.FromStatus),
			string(e.ToStatus), string(e.FromParty), string(e.ToParty), e.Text, photos, utc(eventAt))
		if err != nil {
			return fmt.Errorf("storage: insert ticket %d %s event: %w", ticketID, e.Kind, err)
		}
	}
	return nil
}
