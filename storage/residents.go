package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Resident is a Telegram user who has written to codesk.
type Resident struct {
	UserID    int64
	Language  string // "zh", "en", or "" while not chosen
	FirstSeen time.Time
	LastSeen  time.Time
}

// TouchResident records that userID was seen at now: a new resident gets
// first_seen = last_seen = now, a known one a new last_seen. It returns the
// stored row.
func (db *DB) TouchResident(ctx context.Context, userID int64, now time.Time) (Resident, error) {
	now = utc(now)
	query := `
		INSERT INTO residents (user_id, language, first_seen, last_seen)
		VALUES (?, '', ?, ?)
		ON CONFLICT (user_id) DO UPDATE SET last_seen = excluded.last_seen
		RETURNING user_id, language, first_seen, last_seen`
	r, err := scanResident(db.db.QueryRowContext(ctx, db.db.Rebind(query), userID, now, now))
	if err != nil {
		return Resident{}, fmt.Errorf("storage: touch resident %d: %w", userID, err)
	}
	return r, nil
}

// SetResidentLanguage stores the resident's chosen language; ErrNotFound when
// the resident was never touched.
func (db *DB) SetResidentLanguage(ctx context.Context, userID int64, lang string) error {
	query := `UPDATE residents SET language = ? WHERE user_id = ?`
	result, err := db.db.ExecContext(ctx, db.db.Rebind(query), lang, userID)
	if err != nil {
		return fmt.Errorf("storage: set resident %d language: %w", userID, err)
	}
	return expectOneRow(result, fmt.Sprintf("resident %d", userID))
}

// Resident returns the resident with userID, or ErrNotFound.
func (db *DB) Resident(ctx context.Context, userID int64) (Resident, error) {
	query := `SELECT user_id, language, first_seen, last_seen FROM residents WHERE user_id = ?`
	r, err := scanResident(db.db.QueryRowContext(ctx, db.db.Rebind(query), userID))
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return Resident{}, ErrNotFound
	case err != nil:
		return Resident{}, fmt.Errorf("storage: resident %d: %w", userID, err)
	}
	return r, nil
}

func scanResident(row *sql.Row) (Resident, error) {
	var r Resident
	if err := row.Scan(&r.UserID, &r.Language, &r.FirstSeen, &r.LastSeen); err != nil {
		return Resident{}, err
	}
	r.FirstSeen, r.LastSeen = r.FirstSeen.UTC(), r.LastSeen.UTC()
	return r, nil
}

// expectOneRow turns "no row changed" into ErrNotFound.
func expectOneRow(result sql.Result, what string) error {
	n, err := result.RowsAffected()
	if err != nil {
		return fmt.Errorf("storage: %s: rows affected: %w", what, err)
	}
	if n == 0 {
		return fmt.Errorf("storage: %s: %w", what, ErrNotFound)
	}
	return nil
}
