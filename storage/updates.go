package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
)

// StoredUpdate is a Telegram update as fetched: stored before the poll offset
// moves past it, handled from the store afterwards.
type StoredUpdate struct {
	ID         int64  // Telegram's update_id
	ChatID     int64  // 0 when the update has no chat
	Payload    []byte // the update's JSON, byte for byte
	ReceivedAt time.Time
	// ClaimedUntil is when the last claim on the update ends (zero when
	// never claimed), as listed by UnhandledUpdates; StoreUpdates ignores
	// it. A replica can tell an update someone else holds without trying
	// to claim it.
	ClaimedUntil time.Time
}

// StoreUpdates stores updates in one transaction; ids stored already are
// ignored, so a batch fetched twice is stored once.
func (db *DB) StoreUpdates(ctx context.Context, updates []StoredUpdate) error {
	if len(updates) == 0 {
		return nil
	}
	query := db.db.Rebind(`
		INSERT INTO telegram_updates (update_id, chat_id, payload, received_at)
		VALUES (?, ?, ?, ?)
		ON CONFLICT (update_id) DO NOTHING`)
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		for _, u := range updates {
			payload := u.Payload
			if payload == nil {
				payload = []byte{}
			}
			if _, err := tx.ExecContext(ctx, query, u.ID, u.ChatID, payload, utc(u.ReceivedAt)); err != nil {
				return fmt.Errorf("storage: store update %d: %w", u.ID, err)
			}
		}
		return nil
	})
}

// UnhandledUpdates returns up to limit updates not yet marked handled, by
// update id, held ones included: a replica must see an update another holds
// to keep that chat's later updates waiting. limit <= 0 means 100.
func (db *DB) UnhandledUpdates(ctx context.Context, limit int) ([]StoredUpdate, error) {
	if limit <= 0 {
		limit = 100
	}
	query := `
		SELECT update_id, chat_id, payload, received_at, claimed_until
		FROM telegram_updates
		WHERE handled_at IS NULL
		ORDER BY update_id
		LIMIT ?`
	rows, err := db.db.QueryContext(ctx, db.db.Rebind(query), limit)
	if err != nil {
		return nil, fmt.Errorf("storage: unhandled updates: %w", err)
	}
	defer rows.Close()
	var out []StoredUpdate
	for rows.Next() {
		var u StoredUpdate
		var claimedUntil sql.NullTime
		if err := rows.Scan(&u.ID, &u.ChatID, &u.Payload, &u.ReceivedAt, &claimedUntil); err != nil {
			return nil, fmt.Errorf("storage: scan update: %w", err)
		}
		u.Payload = nilIfEmpty(u.Payload)
		u.ReceivedAt = u.ReceivedAt.UTC()
		if claimedUntil.Valid {
			u.ClaimedUntil = claimedUntil.Time.UTC()
		}
		out = append(out, u)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: unhandled updates rows: %w", err)
	}
	return out, nil
}

// MarkUpdateHandled records that update id was handled, whoever claims it;
// marking it again keeps the first time. ErrNotFound for an update never
// stored. Replicas mark with MarkClaimedUpdateHandled.
func (db *DB) MarkUpdateHandled(ctx context.Context, id int64, at time.Time) error {
	query := `UPDATE telegram_updates SET handled_at = COALESCE(handled_at, ?) WHERE update_id = ?`
	result, err := db.db.ExecContext(ctx, db.db.Rebind(query), utc(at), id)
	if err != nil {
		return fmt.Errorf("storage: mark update %d handled: %w", id, err)
	}
	return expectOneRow(result, fmt.Sprintf("update %d", id))
}

// MarkClaimedUpdateHandled records that update id was handled by the
// claimant whose claim ClaimUpdate or RenewUpdateClaim granted until
// claimedUntil. false (no error) when that claim is no longer there:
// another replica took the update over after it lapsed, or handled it.
func (db *DB) MarkClaimedUpdateHandled(ctx context.Context, id int64, claimedUntil, at time.Time) (bool, error) {
	query := `
		UPDATE telegram_updates SET handled_at = ?
		WHERE update_id = ? AND handled_at IS NULL AND claimed_until = ?`
	return db.execOneRow(ctx, query, fmt.Sprintf("mark claimed update %d handled", id), utc(at), id, utc(claimedUntil))
}

// ClaimUpdate reserves unhandled update id for the caller until now+lease
// and reports whether it got it. Several replicas share the database and
// each lists the unhandled updates; only the claimant handles one. A
// replica that dies mid-update lets its lease lapse, and another claims the
// update then. false (no error) when the update is handled, claimed by
// someone else, or unknown.
func (db *DB) ClaimUpdate(ctx context.Context, id int64, now time.Time, lease time.Duration) (bool, error) {
	query := `
		UPDATE telegram_updates SET claimed_until = ?
		WHERE update_id = ? AND handled_at IS NULL AND (claimed_until IS NULL OR claimed_until < ?)`
	return db.execOneRow(ctx, query, fmt.Sprintf("claim update %d", id), utc(now.Add(lease)), id, utc(now))
}

// RenewUpdateClaim extends the claim ClaimUpdate (or an earlier renewal)
// granted until claimedUntil to now+lease, so an update waiting long in the
// claimant's queue is not taken over while the claimant lives. false (no
// error) when the claim is no longer there (see MarkClaimedUpdateHandled).
// A lapsed claim nobody took since is renewed: nobody else handled it.
func (db *DB) RenewUpdateClaim(ctx context.Context, id int64, claimedUntil, now time.Time, lease time.Duration) (bool, error) {
	query := `
		UPDATE telegram_updates SET claimed_until = ?
		WHERE update_id = ? AND handled_at IS NULL AND claimed_until = ?`
	return db.execOneRow(ctx, query, fmt.Sprintf("renew claim on update %d", id), utc(now.Add(lease)), id, utc(claimedUntil))
}

// execOneRow runs an update of at most one row and reports whether it
// changed one.
func (db *DB) execOneRow(ctx context.Context, query, what string, args ...any) (bool, error) {
	result, err := db.db.ExecContext(ctx, db.db.Rebind(query), args...)
	if err != nil {
		return false, fmt.Errorf("storage: %s: %w", what, err)
	}
	n, err := result.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("storage: %s: rows affected: %w", what, err)
	}
	return n == 1, nil
}

// ReleaseUpdate gives up the claim on unhandled update id that ClaimUpdate
// granted until claimedUntil (now+lease). A shutdown that cuts handling
// short releases, so the next start or another replica takes the update at
// once rather than when the lease ends; a claim someone else took after
// this one lapsed is left alone.
func (db *DB) ReleaseUpdate(ctx context.Context, id int64, claimedUntil time.Time) error {
	query := `
		UPDATE telegram_updates SET claimed_until = NULL
		WHERE update_id = ? AND handled_at IS NULL AND claimed_until = ?`
	if _, err := db.db.ExecContext(ctx, db.db.Rebind(query), id, utc(claimedUntil)); err != nil {
		return fmt.Errorf("storage: release update %d: %w", id, err)
	}
	return nil
}

// LastStoredUpdateID is the highest update id stored, 0 when none: polling
// resumes from offset LastStoredUpdateID+1.
func (db *DB) LastStoredUpdateID(ctx context.Context) (int64, error) {
	var id int64
	if err := db.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(update_id), 0) FROM telegram_updates`).Scan(&id); err != nil {
		return 0, fmt.Errorf("storage: last stored update: %w", err)
	}
	return id, nil
}
