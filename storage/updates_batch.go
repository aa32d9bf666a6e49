package storage

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/jmoiron/sqlx"
)

// ClaimUpdates claims, like ClaimUpdate, each of the unhandled updates ids
// until now+lease, in one statement (one commit for a whole listing), and
// returns the ids it got, ascending. An id handled, claimed by someone else
// or unknown is left out.
func (db *DB) ClaimUpdates(ctx context.Context, ids []int64, now time.Time, lease time.Duration) ([]int64, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	query, args, err := sqlx.In(`
		UPDATE telegram_updates SET claimed_until = ?
		WHERE update_id IN (?) AND handled_at IS NULL AND (claimed_until IS NULL OR claimed_until < ?)
		RETURNING update_id`, utc(now.Add(lease)), ids, utc(now))
	if err != nil {
		return nil, fmt.Errorf("storage: claim %d updates: %w", len(ids), err)
	}
	rows, err := db.db.QueryContext(ctx, db.db.Rebind(query), args...)
	if err != nil {
		return nil, fmt.Errorf("storage: claim %d updates: %w", len(ids), err)
	}
	defer rows.Close()
	claimed := make([]int64, 0, len(ids))
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("storage: claim updates: scan: %w", err)
		}
		claimed = append(claimed, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: claim %d updates: %w", len(ids), err)
	}
	slices.Sort(claimed)
	return claimed, nil
}

// RenewUpdateClaims renews, like RenewUpdateClaim, each claim in claims
// (update id → when the claim granted ends) to now+lease, in one
// transaction, and returns the ids it renewed, ascending; a claim no longer
// there is left out. One commit for all claims keeps frequent renewals of a
// long queue cheap.
func (db *DB) RenewUpdateClaims(ctx context.Context, claims map[int64]time.Time, now time.Time, lease time.Duration) ([]int64, error) {
	if len(claims) == 0 {
		return nil, nil
	}
	query := db.db.Rebind(`
		UPDATE telegram_updates SET claimed_until = ?
		WHERE update_id = ? AND handled_at IS NULL AND claimed_until = ?`)
	until := utc(now.Add(lease))
	var renewed []int64
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		renewed = renewed[:0]
		stmt, err := tx.PreparexContext(ctx, query)
		if err != nil {
			return fmt.Errorf("storage: renew update claims: prepare: %w", err)
		}
		defer stmt.Close()
		for id, claimedUntil := range claims {
			result, err := stmt.ExecContext(ctx, until, id, utc(claimedUntil))
			if err != nil {
				return fmt.Errorf("storage: renew claim on update %d: %w", id, err)
			}
			n, err := result.RowsAffected()
			if err != nil {
				return fmt.Errorf("storage: renew claim on update %d: rows affected: %w", id, err)
			}
			if n == 1 {
				renewed = append(renewed, id)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.Sort(renewed)
	return renewed, nil
}
