package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"codesk/faq"
	"codesk/parties"

	"github.com/jmoiron/sqlx"
)

// FAQ change actions recorded in faq_changes.
const (
	FAQActionAdd    = "add"
	FAQActionUpdate = "update"
	FAQActionDelete = "delete"
)

// FAQImportSummary counts what ReplaceFAQ did, entry by entry.
type FAQImportSummary struct {
	Added, Updated, Removed, Unchanged int
}

// FAQChange is one row of FAQ edit history. Before is nil for an add, After
// is nil for a delete.
type FAQChange struct {
	ID      int64
	EntryID string
	Action  string
	Actor   string
	At      time.Time
	Before  *faq.Entry
	After   *faq.Entry
}

// queryer is what both *sqlx.DB and *sqlx.Tx offer; helpers take it so one
// function serves inside and outside a transaction.
type queryer interface {
	sqlx.ExtContext
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

const faqEntryColumns = `id, topic, questions, answer_zh, answer_en, party`

// FAQEntries returns every FAQ entry in position order.
func (db *DB) FAQEntries(ctx context.Context) ([]faq.Entry, error) {
	return faqEntries(ctx, db.db)
}

// CountFAQEntries returns the number of FAQ entries.
func (db *DB) CountFAQEntries(ctx context.Context) (int, error) {
	var n int
	if err := db.db.QueryRowContext(ctx, `SELECT count(*) FROM faq_entries`).Scan(&n); err != nil {
		return 0, fmt.Errorf("storage: count faq entries: %w", err)
	}
	return n, nil
}

// FAQRevision is a cheap stamp of the stored FAQ's content: it differs after
// any add, update or delete (each leaves a history row), so replicas can poll
// it often and reload the entries only when it moved. The count is part of it
// because on PostgreSQL a change with a lower id can commit after a higher one.
func (db *DB) FAQRevision(ctx context.Context) (string, error) {
	var count, last int64
	row := db.db.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(MAX(id), 0) FROM faq_changes`)
	if err := row.Scan(&count, &last); err != nil {
		return "", fmt.Errorf("storage: faq revision: %w", err)
	}
	return fmt.Sprintf("%d:%d", count, last), nil
}

// ReplaceFAQ makes the stored FAQ exactly entries, in their order, in one
// transaction: new ids are added, changed ones updated, missing ones removed,
// each with a history row; unchanged entries leave no history.
func (db *DB) ReplaceFAQ(ctx context.Context, entries []faq.Entry, actor string) (FAQImportSummary, error) {
	var summary FAQImportSummary
	seen := make(map[string]bool, len(entries))
	for _, e := range entries {
		if e.ID == "" {
			return summary, errors.New("storage: replace faq: entry with empty id")
		}
		if seen[e.ID] {
			return summary, fmt.Errorf("storage: replace faq: duplicate id %q", e.ID)
		}
		seen[e.ID] = true
	}

	err := db.inFAQTx(ctx, func(tx *sqlx.Tx) error {
		summary = FAQImportSummary{}
		now := utc(db.now())
		current, err := faqEntries(ctx, tx)
		if err != nil {
			return err
		}
		byID := make(map[string]faq.Entry, len(current))
		for _, e := range current {
			byID[e.ID] = e
		}
		for _, old := range current {
			if seen[old.ID] {
				continue
			}
			if err := db.deleteFAQRow(ctx, tx, old, actor, now); err != nil {
				return err
			}
			summary.Removed++
		}
		for position, e := range entries {
			old, exists := byID[e.ID]
			switch {
			case !exists:
				summary.Added++
				err = db.insertFAQRow(ctx, tx, e, position, actor, now)
			case !faqEntryEqual(old, e):
				summary.Updated++
				err = db.updateFAQRow(ctx, tx, old, e, &position, actor, now)
			default:
				summary.Unchanged++
				// Order is not content: keep history quiet but follow the file.
				_, err = tx.ExecContext(ctx, db.db.Rebind(`UPDATE faq_entries SET position = ? WHERE id = ?`), position, e.ID)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return FAQImportSummary{}, err
	}
	return summary, nil
}

// SaveFAQEntry adds e (at the end) or updates the entry with its id (keeping
// its position), with a history row; an unchanged entry is left alone.
func (db *DB) SaveFAQEntry(ctx context.Context, e faq.Entry, actor string) error {
	return db.SaveFAQEntryIf(ctx, e, actor, nil)
}

// SaveFAQEntryIf is SaveFAQEntry after expect approves the stored entry
// with e's id (nil when there is none), inside the same transaction: an
// edit made on a copy shown earlier fails when someone changed the entry
// in between, however close together the two saves come. A nil expect
// approves anything.
func (db *DB) SaveFAQEntryIf(ctx context.Context, e faq.Entry, actor string, expect func(current *faq.Entry) error) error {
	if e.ID == "" {
		return errors.New("storage: save faq entry: empty id")
	}
	return db.inFAQTx(ctx, func(tx *sqlx.Tx) error {
		old, loadErr := faqEntry(ctx, tx, e.ID)
		if loadErr != nil && !errors.Is(loadErr, ErrNotFound) {
			return loadErr
		}
		if expect != nil {
			var current *faq.Entry
			if loadErr == nil {
				current = &old
			}
			if err := expect(current); err != nil {
				return err
			}
		}
		if err := checkAgainstOthers(ctx, tx, e); err != nil {
			return err
		}
		now := utc(db.now())
		switch {
		case errors.Is(loadErr, ErrNotFound):
			var next int
			query := `SELECT COALESCE(MAX(position) + 1, 0) FROM faq_entries`
			if err := tx.QueryRowContext(ctx, query).Scan(&next); err != nil {
				return fmt.Errorf("storage: next faq position: %w", err)
			}
			return db.insertFAQRow(ctx, tx, e, next, actor, now)
		case faqEntryEqual(old, e):
			return nil
		default:
			return db.updateFAQRow(ctx, tx, old, e, nil, actor, now)
		}
	})
}

// checkAgainstOthers validates e with the stored entries, inside the
// transaction that saves it: two admins adding the same question at once
// must not both succeed (faq.ProblemsError lists e's problems).
func checkAgainstOthers(ctx context.Context, tx *sqlx.Tx, e faq.Entry) error {
	stored, err := faqEntries(ctx, tx)
	if err != nil {
		return err
	}
	merged := make([]faq.Entry, 0, len(stored)+1)
	for _, s := range stored {
		if s.ID != e.ID {
			merged = append(merged, s)
		}
	}
	var problems []faq.Problem
	for _, p := range faq.Validate(append(merged, e)) {
		if p.EntryID == e.ID { // other entries' problems predate this save
			problems = append(problems, p)
		}
	}
	if len(problems) > 0 {
		return &faq.ProblemsError{Problems: problems}
	}
	return nil
}

// DeleteFAQEntry removes the entry with id, recording it in history; it
// returns ErrNotFound when there is no such entry and ErrLastFAQEntry when
// it is the only one.
func (db *DB) DeleteFAQEntry(ctx context.Context, id, actor string) error {
	return db.inFAQTx(ctx, func(tx *sqlx.Tx) error {
		old, err := faqEntry(ctx, tx, id)
		if err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM faq_entries`).Scan(&n); err != nil {
			return fmt.Errorf("storage: count faq entries: %w", err)
		}
		if n <= 1 {
			return ErrLastFAQEntry
		}
		return db.deleteFAQRow(ctx, tx, old, actor, utc(db.now()))
	})
}

// FAQHistory returns up to limit changes, newest first, for entryID, or for
// every entry when entryID is "". limit <= 0 means 100.
func (db *DB) FAQHistory(ctx context.Context, entryID string, limit int) ([]FAQChange, error) {
	if limit <= 0 {
		limit = 100
	}
	query := `
		SELECT id, entry_id, action, actor, changed_at, before, after
		FROM faq_changes
		WHERE (? = '' OR entry_id = ?)
		ORDER BY id DESC
		LIMIT ?`
	rows, err := db.db.QueryContext(ctx, db.db.Rebind(query), entryID, entryID, limit)
	if err != nil {
		return nil, fmt.Errorf("storage: faq history %q: %w", entryID, err)
	}
	defer rows.Close()
	var changes []FAQChange
	for rows.Next() {
		var c FAQChange
		var before, after sql.NullString
		if err := rows.Scan(&c.ID, &c.EntryID, &c.Action, &c.Actor, &c.At, &before, &after); err != nil {
			return nil, fmt.Errorf("storage: faq history row: %w", err)
		}
		c.At = c.At.UTC()
		if c.Before, err = decodeFAQSnapshot(before); err != nil {
			return nil, fmt.Errorf("storage: faq change %d: %w", c.ID, err)
		}
		if c.After, err = decodeFAQSnapshot(after); err != nil {
			return nil, fmt.Errorf("storage: faq change %d: %w", c.ID, err)
		}
		changes = append(changes, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: faq history rows: %w", err)
	}
	return changes, nil
}

// faqLockID keys the PostgreSQL advisory lock serialising FAQ writes.
const faqLockID = 0x636f64657366 // "codesf"

// inFAQTx runs fn as the only FAQ writer: each write reads the current FAQ,
// decides add/update/delete and records history from that read, so two
// admins saving at once must not interleave. SQLite's immediate transactions
// already serialise writers; PostgreSQL takes a transaction advisory lock.
func (db *DB) inFAQTx(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		if db.dialect == DialectPostgres {
			if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(faqLockID)); err != nil {
				return fmt.Errorf("storage: lock faq: %w", err)
			}
		}
		return fn(tx)
	})
}

func faqEntries(ctx context.Context, q queryer) ([]faq.Entry, error) {
	query := `SELECT ` + faqEntryColumns + ` FROM faq_entries ORDER BY position, id`
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("storage: faq entries: %w", err)
	}
	defer rows.Close()
	var entries []faq.Entry
	for rows.Next() {
		e, err := scanFAQEntry(rows)
		if err != nil {
			return nil, err
		}
		entries = append(entries, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: faq entries rows: %w", err)
	}
	return entries, nil
}

func faqEntry(ctx context.Context, q queryer, id string) (faq.Entry, error) {
	query := q.Rebind(`SELECT ` + faqEntryColumns + ` FROM faq_entries WHERE id = ?`)
	e, err := scanFAQEntry(q.QueryRowContext(ctx, query, id))
	if errors.Is(err, sql.ErrNoRows) {
		return faq.Entry{}, ErrNotFound
	}
	return e, err
}

func scanFAQEntry(row interface{ Scan(...any) error }) (faq.Entry, error) {
	var e faq.Entry
	var questions string
	var party string
	if err := row.Scan(&e.ID, &e.Topic, &questions, &e.Answer.ZH, &e.Answer.EN, &party); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return e, err
		}
		return e, fmt.Errorf("storage: scan faq entry: %w", err)
	}
	e.Party = parties.ID(party)
	if err := json.Unmarshal([]byte(questions), &e.Questions); err != nil {
		return e, fmt.Errorf("storage: faq entry %q questions: %w", e.ID, err)
	}
	if len(e.Questions) == 0 {
		e.Questions = nil
	}
	return e, nil
}

func (db *DB) insertFAQRow(ctx context.Context, tx *sqlx.Tx, e faq.Entry, position int, actor string, now time.Time) error {
	questions, err := encodeQuestions(e.Questions)
	if err != nil {
		return err
	}
	query := `
		INSERT INTO faq_entries
			(id, topic, questions, answer_zh, answer_en, party, position, updated_at, updated_by)
		VALUES
			(?, ?, ?, ?, ?, ?, ?, ?, ?)`
	_, err = tx.ExecContext(ctx, tx.Rebind(query),
		e.ID, e.Topic, questions, e.Answer.ZH, e.Answer.EN, string(e.Party), position, now, actor)
	if err != nil {
		return fmt.Errorf("storage: insert faq entry %q: %w", e.ID, err)
	}
	return recordFAQChange(ctx, tx, e.ID, FAQActionAdd, actor, now, nil, &e)
}

// updateFAQRow rewrites an entry's content; position is changed only when
// given.
func (db *DB) updateFAQRow(ctx context.Context, tx *sqlx.Tx, old, e faq.Entry, position *int, actor string, now time.Time) error {
	questions, err := encodeQuestions(e.Questions)
	if err != nil {
		return err
	}
	query := `
		UPDATE faq_entries
		SET topic = ?, questions = ?, answer_zh = ?, answer_en = ?, party = ?,
			position = COALESCE(?, position), updated_at = ?, updated_by = ?
		WHERE id = ?`
	_, err = tx.ExecContext(ctx, tx.Rebind(query),
		e.Topic, questions, e.Answer.ZH, e.Answer.EN, string(e.Party), position, now, actor, e.ID)
	if err != nil {
		return fmt.Errorf("storage: update faq entry %q: %w", e.ID, err)
	}
	return recordFAQChange(ctx, tx, e.ID, FAQActionUpdate, actor, now, &old, &e)
}

func (db *DB) deleteFAQRow(ctx context.Context, tx *sqlx.Tx, old faq.Entry, actor string, now time.Time) error {
	if _, err := tx.ExecContext(ctx, tx.Rebind(`DELETE FROM faq_entries WHERE id = ?`), old.ID); err != nil {
		return fmt.Errorf("storage: delete faq entry %q: %w", old.ID, err)
	}
	return recordFAQChange(ctx, tx, old.ID, FAQActionDelete, actor, now, &old, nil)
}

func recordFAQChange(ctx context.Context, tx *sqlx.Tx, entryID, action, actor string, at time.Time, before, after *faq.Entry) error {
	beforeJSON, err := encodeFAQSnapshot(before)
	if err != nil {
		return err
	}
	afterJSON, err := encodeFAQSnapshot(after)
	if err != nil {
		return err
	}
	query := `
		INSERT INTO faq_changes (entry_id, action, actor, changed_at, before, after)
		VALUES (?, ?, ?, ?, ?, ?)`
	if _, err := tx.ExecContext(ctx, tx.Rebind(query), entryID, action, actor, at, beforeJSON, afterJSON); err != nil {
		return fmt.Errorf("storage: record faq %s of %q: %w", action, entryID, err)
	}
	return nil
}

// faqSnapshot is the stored JSON form of an entry in history. It has its own
// tags so renaming fields of faq.Entry cannot garble old history.
type faqSnapshot struct {
	ID        string   `json:"id"`
	Topic     string   `json:"topic"`
	Questions []string `json:"questions"`
	AnswerZH  string   `json:"answer_zh"`
	AnswerEN  string   `json:"answer_en"`
	Party     string   `json:"party"`
}

func encodeFAQSnapshot(e *faq.Entry) (*string, error) {
	if e == nil {
		return nil, nil
	}
	b, err := json.Marshal(faqSnapshot{
		ID: e.ID, Topic: e.Topic, Questions: nonNil(e.Questions),
		AnswerZH: e.Answer.ZH, AnswerEN: e.Answer.EN, Party: string(e.Party),
	})
	if err != nil {
		return nil, fmt.Errorf("storage: encode faq entry %q: %w", e.ID, err)
	}
	s := string(b)
	return &s, nil
}

func decodeFAQSnapshot(s sql.NullString) (*faq.Entry, error) {
	if !s.Valid {
		return nil, nil
	}
	var snap faqSnapshot
	if err := json.Unmarshal([]byte(s.String), &snap); err != nil {
		return nil, fmt.Errorf("decode faq snapshot: %w", err)
	}
	e := &faq.Entry{
		ID: snap.ID, Topic: snap.Topic, Questions: snap.Questions,
		Answer: faq.Answer{ZH: snap.AnswerZH, EN: snap.AnswerEN}, Party: parties.ID(snap.Party),
	}
	if len(e.Questions) == 0 {
		e.Questions = nil
	}
	return e, nil
}

func encodeQuestions(questions []string) (string, error) {
	b, err := json.Marshal(nonNil(questions))
	if err != nil {
		return "", fmt.Errorf("storage: encode faq questions: %w", err)
	}
	return string(b), nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func faqEntryEqual(a, b faq.Entry) bool {
	return a.ID == b.ID && a.Topic == b.Topic && a.Answer == b.Answer && a.Party == b.Party &&
		slices.Equal(a.Questions, b.Questions)
}
