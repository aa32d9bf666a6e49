package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"codesk/parties"
	"codesk/tickets"

	"github.com/jmoiron/sqlx"
)

// NewTicket is a resident's concern ready to be stored.
type NewTicket struct {
	// Key makes creation idempotent (e.g. "draft:<id>"): a second CreateTicket
	// with the same key returns the first ticket. Required.
	Key          string
	ResidentID   int64
	ChatID       int64
	Lang         string
	Text         string
	PhotoIDs     []string
	Location     string
	Category     string
	Party        parties.ID
	ResidentName string
	Translation  string    // machine translation of Text for staff; "" when none
	At           time.Time // creation time; zero means now
}

// ticketsLockID keys the PostgreSQL advisory lock that serialises ticket
// creation, so numbers are MAX+1 without gaps and one key makes one ticket.
const ticketsLockID = 0x636f64657374 // "codest"

const ticketColumns = `id, resident_id, chat_id, lang, text, photo_ids, location, category, party,
	status, assignee_id, assignee, rating, created_at, updated_at, resolved_at,
	status_changed_at, reminded_at, escalated_at, translation`

// CreateTicket stores the ticket, its "created" event and the outbox messages
// built by messages(ticket) in one transaction. If a ticket with nt.Key
// exists it returns that ticket, created=false, and enqueues nothing.
// messages runs inside the transaction: it must only build values.
func (db *DB) CreateTicket(ctx context.Context, nt NewTicket, messages func(tickets.Ticket) []OutboxMessage) (t tickets.Ticket, created bool, err error) {
	if nt.Key == "" {
		return tickets.Ticket{}, false, errors.New("storage: create ticket: empty key")
	}
	photos, err := encodeStrings(nt.PhotoIDs)
	if err != nil {
		return tickets.Ticket{}, false, err
	}
	at := nt.At
	if at.IsZero() {
		at = db.now()
	}
	at = utc(at)
	err = db.inTx(ctx, func(tx *sqlx.Tx) error {
		created = false
		if db.dialect == DialectPostgres {
			// SQLite's immediate transaction already excludes other writers.
			if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(ticketsLockID)); err != nil {
				return fmt.Errorf("storage: lock tickets: %w", err)
			}
		}
		existing, err := db.ticketWhere(ctx, tx, `key = ?`, nt.Key)
		switch {
		case err == nil:
			t = existing
			return nil
		case !errors.Is(err, ErrNotFound):
			return err
		}
		var id int64
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) + 1 FROM tickets`).Scan(&id); err != nil {
			return fmt.Errorf("storage: next ticket number: %w", err)
		}
		t = tickets.Ticket{
			ID: id, ResidentID: nt.ResidentID, ChatID: nt.ChatID, Lang: nt.Lang, Text: nt.Text,
			PhotoIDs: nilIfEmpty(nt.PhotoIDs), Location: nt.Location, Category: nt.Category, Party: nt.Party,
			Status: tickets.StatusNew, CreatedAt: at, UpdatedAt: at, StatusChangedAt: at, Translation: nt.Translation,
		}
		query := `
			INSERT INTO tickets (id, key, resident_id, chat_id, lang, text, photo_ids, location, category,
				party, status, resident_name, created_at, updated_at, status_changed_at, translation)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		_, err = tx.ExecContext(ctx, db.db.Rebind(query), id, nt.Key, t.ResidentID, t.ChatID, t.Lang, t.Text,
			photos, t.Location, t.Category, string(t.Party), string(t.Status), nt.ResidentName, at, at, at, t.Translation)
		if err != nil {
			return fmt.Errorf("storage: insert ticket %q: %w", nt.Key, err)
		}
		createdEvent := tickets.Event{
			Kind: tickets.EventCreated, ActorID: nt.ResidentID, Actor: nt.ResidentName,
			ToStatus: tickets.StatusNew, ToParty: nt.Party, Text: nt.Text, PhotoIDs: nt.PhotoIDs, At: at,
		}
		if err := db.insertTicketEvents(ctx, tx, id, at, []tickets.Event{createdEvent}); err != nil {
			return err
		}
		if messages != nil {
			if err := db.enqueueOutbox(ctx, tx, at, messages(t)); err != nil {
				return err
			}
		}
		created = true
		return nil
	})
	if err != nil {
		return tickets.Ticket{}, false, err
	}
	return t, created, nil
}

// Ticket returns the ticket with id, or ErrNotFound.
func (db *DB) Ticket(ctx context.Context, id int64) (tickets.Ticket, error) {
	return db.ticketWhere(ctx, db.db, `id = ?`, id)
}

// ResidentTickets returns the resident's latest limit tickets, newest first.
// limit <= 0 means 50.
func (db *DB) ResidentTickets(ctx context.Context, residentID int64, limit int) ([]tickets.Ticket, error) {
	if limit <= 0 {
		limit = 50
	}
	query := `SELECT ` + ticketColumns + ` FROM tickets WHERE resident_id = ? ORDER BY id DESC LIMIT ?`
	return db.ticketList(ctx, fmt.Sprintf("resident %d tickets", residentID), query, residentID, limit)
}

// UnclaimedTickets returns the tickets waiting for staff to take them up
// (status new or reopened) whose status or party last changed before
// olderThan, oldest first: the SLA watcher's work. A reassignment or a
// reopening restarts a ticket's clock (Ticket.StatusChangedAt).
func (db *DB) UnclaimedTickets(ctx context.Context, olderThan time.Time) ([]tickets.Ticket, error) {
	query := `SELECT ` + ticketColumns + ` FROM tickets
		WHERE status IN (?, ?) AND status_changed_at < ? ORDER BY status_changed_at, id`
	return db.ticketList(ctx, "unclaimed tickets", query,
		string(tickets.StatusNew), string(tickets.StatusReopened), utc(olderThan))
}

// OpenTickets lists the open tickets (new, claimed, waiting, reopened) that
// one of owners owns, and with escalated also those escalated to the desk (a
// move or a reopen ends an escalation), oldest first, at most limit (<= 0:
// 50): a staff chat's to-do list.
func (db *DB) OpenTickets(ctx context.Context, owners []parties.ID, escalated bool, limit int) ([]tickets.Ticket, error) {
	if limit <= 0 {
		limit = 50
	}
	if len(owners) == 0 && !escalated {
		return nil, nil
	}
	args := []any{string(tickets.StatusNew), string(tickets.StatusClaimed), string(tickets.StatusWaiting), string(tickets.StatusReopened)}
	var or []string
	if len(owners) > 0 {
		or = append(or, `party IN (?`+strings.Repeat(`, ?`, len(owners)-1)+`)`)
		for _, p := range owners {
			args = append(args, string(p))
		}
	}
	if escalated {
		or = append(or, `escalated_at IS NOT NULL`)
	}
	query := `SELECT ` + ticketColumns + ` FROM tickets
		WHERE status IN (?, ?, ?, ?) AND (` + strings.Join(or, ` OR `) + `) ORDER BY created_at, id LIMIT ?`
	args = append(args, limit)
	return db.ticketList(ctx, fmt.Sprintf("open tickets of %v", owners), query, args...)
}

// UpdateTicket applies change to ticket id inside one transaction holding the
// row (SELECT ... FOR UPDATE on PostgreSQL; SQLite's immediate transaction
// holds the whole database), so concurrent changes of one ticket run one
// after the other and each sees the last one's result.
//
// change gets the current ticket and returns the new one, the events to
// append and the outbox messages to enqueue (keys dedupe), or an error, which
// aborts everything and is returned wrapped. The storage layer also checks a
// status move with tickets.CheckTransition. ID, ResidentID, ChatID and
// CreatedAt cannot change. The change's time is the new UpdatedAt if change
// set one, else the latest event's At, else now: it becomes updated_at,
// resolved_at on a move to resolved (unless change set ResolvedAt),
// status_changed_at when the status or the party moves, the At of events
// without one and the CreatedAt of messages without one. A status move
// without an event recording it gets an EventStatus by the system. A change
// returning the ticket unchanged, no events and no messages writes nothing;
// one that only sets the SLA marks (RemindedAt, EscalatedAt) without events
// leaves updated_at alone: a reminder is not a change of the ticket.
func (db *DB) UpdateTicket(ctx context.Context, id int64, change func(tickets.Ticket) (tickets.Ticket, []tickets.Event, []OutboxMessage, error)) (tickets.Ticket, error) {
	var out tickets.Ticket
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		cond := `id = ?`
		if db.dialect == DialectPostgres {
			cond += ` FOR UPDATE`
		}
		cur, err := db.ticketWhere(ctx, tx, cond, id)
		if err != nil {
			return err
		}
		next, events, msgs, err := change(cur)
		if err != nil {
			return fmt.Errorf("storage: update ticket %d: %w", id, err)
		}
		next.ID, next.ResidentID, next.ChatID, next.CreatedAt = cur.ID, cur.ResidentID, cur.ChatID, cur.CreatedAt
		next.StatusChangedAt = cur.StatusChangedAt
		if next.Status != cur.Status {
			if err := tickets.CheckTransition(cur.Status, next.Status); err != nil {
				return fmt.Errorf("storage: update ticket %d: %w", id, err)
			}
		}
		if ticketsEqual(cur, next) && len(events) == 0 && len(msgs) == 0 {
			out = cur
			return nil
		}
		at := db.changeTime(cur, next, events)
		bookkeeping := len(events) == 0 && ticketsEqual(cur, withSLAMarks(next, cur))
		next.UpdatedAt = at
		if bookkeeping {
			next.UpdatedAt = cur.UpdatedAt
		}
		if next.Status != cur.Status || next.Party != cur.Party {
			next.StatusChangedAt = at
		}
		if next.Status == tickets.StatusResolved && cur.Status != tickets.StatusResolved &&
			(next.ResolvedAt == nil || timePtrEqual(next.ResolvedAt, cur.ResolvedAt)) {
			resolved := at
			next.ResolvedAt = &resolved
		}
		if err := db.updateTicketRow(ctx, tx, next); err != nil {
			return err
		}
		if err := db.insertTicketEvents(ctx, tx, id, at, withStatusEvent(cur, next, events, at)); err != nil {
			return err
		}
		if comment, ok := ratingComment(events); ok {
			query := `UPDATE tickets SET rating_comment = ? WHERE id = ?`
			if _, err := tx.ExecContext(ctx, db.db.Rebind(query), comment, id); err != nil {
				return fmt.Errorf("storage: ticket %d rating comment: %w", id, err)
			}
		}
		if err := db.enqueueOutbox(ctx, tx, at, msgs); err != nil {
			return err
		}
		out, err = db.ticketWhere(ctx, tx, `id = ?`, id)
		return err
	})
	if err != nil {
		return tickets.Ticket{}, err
	}
	return out, nil
}

func (db *DB) updateTicketRow(ctx context.Context, tx *sqlx.Tx, t tickets.Ticket) error {
	photos, err := encodeStrings(t.PhotoIDs)
	if err != nil {
		return err
	}
	resolvedAt := nullTime(t.ResolvedAt)
	query := `
		UPDATE tickets SET lang = ?, text = ?, photo_ids = ?, location = ?, category = ?, party = ?,
			status = ?, assignee_id = ?, assignee = ?, rating = ?, updated_at = ?, resolved_at = ?,
			status_changed_at = ?, reminded_at = ?, escalated_at = ?
		WHERE id = ?`
	_, err = tx.ExecContext(ctx, db.db.Rebind(query), t.Lang, t.Text, photos, t.Location, t.Category,
		string(t.Party), string(t.Status), t.AssigneeID, t.Assignee, t.Rating, utc(t.UpdatedAt), resolvedAt,
		utc(t.StatusChangedAt), nullTime(t.RemindedAt), nullTime(t.EscalatedAt), t.ID)
	if err != nil {
		return fmt.Errorf("storage: update ticket %d: %w", t.ID, err)
	}
	return nil
}

// changeTime picks the time a ticket change happened at: the clock of the
// caller (which tests may fake) wins over the database's.
func (db *DB) changeTime(cur, next tickets.Ticket, events []tickets.Event) time.Time {
	if !next.UpdatedAt.IsZero() && !next.UpdatedAt.Equal(cur.UpdatedAt) {
		return utc(next.UpdatedAt)
	}
	var latest time.Time
	for _, e := range events {
		if e.At.After(latest) {
			latest = e.At
		}
	}
	if latest.IsZero() {
		latest = db.now()
	}
	return utc(latest)
}

// withStatusEvent adds a system EventStatus when a status move has no event
// recording it: every transition leaves a history row.
func withStatusEvent(cur, next tickets.Ticket, events []tickets.Event, at time.Time) []tickets.Event {
	if next.Status == cur.Status {
		return events
	}
	for _, e := range events {
		if e.FromStatus == cur.Status && e.ToStatus == next.Status {
			return events
		}
	}
	return append(events, tickets.Event{Kind: tickets.EventStatus, FromStatus: cur.Status, ToStatus: next.Status, At: at})
}

// ratingComment is the text of the last rated event: the resident's comment
// kept beside the rating.
func ratingComment(events []tickets.Event) (string, bool) {
	comment, ok := "", false
	for _, e := range events {
		if e.Kind == tickets.EventRated {
			comment, ok = e.Text, true
		}
	}
	return comment, ok
}

func (db *DB) ticketWhere(ctx context.Context, q queryer, cond string, args ...any) (tickets.Ticket, error) {
	query := `SELECT ` + ticketColumns + ` FROM tickets WHERE ` + cond
	t, err := scanTicket(q.QueryRowContext(ctx, db.db.Rebind(query), args...))
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return tickets.Ticket{}, fmt.Errorf("storage: ticket %v: %w", args[0], ErrNotFound)
	case err != nil:
		return tickets.Ticket{}, fmt.Errorf("storage: ticket %v: %w", args[0], err)
	}
	return t, nil
}

func (db *DB) ticketList(ctx context.Context, what, query string, args ...any) ([]tickets.Ticket, error) {
	rows, err := db.db.QueryContext(ctx, db.db.Rebind(query), args...)
	if err != nil {
		return nil, fmt.Errorf("storage: %s: %w", what, err)
	}
	defer rows.Close()
	var out []tickets.Ticket
	for rows.Next() {
		t, err := scanTicket(rows)
		if err != nil {
			return nil, fmt.Errorf("storage: %s: %w", what, err)
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: %s rows: %w", what, err)
	}
	return out, nil
}

// rowScanner is a *sql.Row or *sql.Rows.
type rowScanner interface {
	Scan(dest ...any) error
}

func scanTicket(row rowScanner) (tickets.Ticket, error) {
	var t tickets.Ticket
	var photos, party, status string
	var resolvedAt, remindedAt, escalatedAt sql.NullTime
	err := row.Scan(&t.ID, &t.ResidentID, &t.ChatID, &t.Lang, &t.Text, &photos, &t.Location, &t.Category,
		&party, &status, &t.AssigneeID, &t.Assignee, &t.Rating, &t.CreatedAt, &t.UpdatedAt, &resolvedAt,
		&t.StatusChangedAt, &remindedAt, &escalatedAt, &t.Translation)
	if err != nil {
		return tickets.Ticket{}, err
	}
	if t.PhotoIDs, err = decodeStrings(photos); err != nil {
		return tickets.Ticket{}, fmt.Errorf("ticket %d photos: %w", t.ID, err)
	}
	t.Party, t.Status = parties.ID(party), tickets.Status(status)
	t.CreatedAt, t.UpdatedAt, t.StatusChangedAt = t.CreatedAt.UTC(), t.UpdatedAt.UTC(), t.StatusChangedAt.UTC()
	t.ResolvedAt, t.RemindedAt, t.EscalatedAt = timePtr(resolvedAt), timePtr(remindedAt), timePtr(escalatedAt)
	return t, nil
}

func timePtr(t sql.NullTime) *time.Time {
	if !t.Valid {
		return nil
	}
	u := t.Time.UTC()
	return &u
}

func nullTime(t *time.Time) sql.NullTime {
	if t == nil {
		return sql.NullTime{}
	}
	return sql.NullTime{Time: utc(*t), Valid: true}
}

// withSLAMarks is next with cur's SLA marks: what is left of a change once
// its reminder and escalation bookkeeping is taken out.
func withSLAMarks(next, cur tickets.Ticket) tickets.Ticket {
	next.RemindedAt, next.EscalatedAt = cur.RemindedAt, cur.EscalatedAt
	return next
}

// ticketsEqual compares the fields UpdateTicket writes.
func ticketsEqual(a, b tickets.Ticket) bool {
	return a.Lang == b.Lang && a.Text == b.Text && slices.Equal(a.PhotoIDs, b.PhotoIDs) &&
		a.Location == b.Location && a.Category == b.Category && a.Party == b.Party && a.Status == b.Status &&
		a.AssigneeID == b.AssigneeID && a.Assignee == b.Assignee && a.Rating == b.Rating &&
		(b.UpdatedAt.IsZero() || a.UpdatedAt.Equal(b.UpdatedAt)) && timePtrEqual(a.ResolvedAt, b.ResolvedAt) &&
		timePtrEqual(a.RemindedAt, b.RemindedAt) && timePtrEqual(a.EscalatedAt, b.EscalatedAt)
}

func timePtrEqual(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(*b)
}

// encodeStrings stores a string list as a JSON array ("[]" for nil).
func encodeStrings(s []string) (string, error) {
	b, err := json.Marshal(nonNil(s))
	if err != nil {
		return "", fmt.Errorf("storage: encode string list: %w", err)
	}
	return string(b), nil
}

// decodeStrings reads a JSON array; an empty list comes back nil, so values
// read back compare equal to values written whether they were nil or empty.
func decodeStrings(s string) ([]string, error) {
	var out []string
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		return nil, err
	}
	return nilIfEmpty(out), nil
}

func nilIfEmpty[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}

// prefixed qualifies each column of a comma-separated list, e.g. "t.id, t.key".
func prefixed(prefix, columns string) string {
	fields := strings.Split(columns, ",")
	for i, f := range fields {
		fields[i] = prefix + strings.TrimSpace(f)
	}
	return strings.Join(fields, ", ")
}
