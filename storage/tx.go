package storage

import (
	"context"
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"
)

// inTx runs fn in a transaction, committing when fn returns nil. On SQLite
// the DSN makes every transaction BEGIN IMMEDIATE, so read-then-write work
// waits for the write lock instead of failing with SQLITE_BUSY.
func (db *DB) inTx(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	tx, err := db.db.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("storage: begin: %w", err)
	}
	if err := fn(tx); err != nil {
		return errors.Join(err, rollback(tx))
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("storage: commit: %w", err)
	}
	return nil
}

func rollback(tx *sqlx.Tx) error {
	if err := tx.Rollback(); err != nil {
		return fmt.Errorf("storage: rollback: %w", err)
	}
	return nil
}
