package storage

import (
	"context"
	"fmt"
	"time"
)

// Pruned counts what Prune deleted.
type Pruned struct {
	Updates int64 // handled Telegram updates
	Outbox  int64 // delivered or abandoned outbox messages
}

// Prune deletes handled Telegram updates received before updatesBefore and
// finished outbox messages (sent or failed) created before outboxBefore.
// Stored updates hold residents' messages and need not be kept once
// handled; the newest update always stays, since polling resumes after its
// id. Message refs (which ticket a delivered message belongs to) are kept:
// staff may reply to an old card.
func (db *DB) Prune(ctx context.Context, updatesBefore, outboxBefore time.Time) (Pruned, error) {
	var p Pruned
	res, err := db.db.ExecContext(ctx, db.db.Rebind(`
		DELETE FROM telegram_updates
		WHERE handled_at IS NOT NULL AND received_at < ?
		  AND update_id < (SELECT MAX(update_id) FROM telegram_updates)`), utc(updatesBefore))
	if err != nil {
		return p, fmt.Errorf("storage: prune updates: %w", err)
	}
	if p.Updates, err = res.RowsAffected(); err != nil {
		return p, fmt.Errorf("storage: prune updates: %w", err)
	}
	res, err = db.db.ExecContext(ctx, db.db.Rebind(`
		DELETE FROM outbox_messages WHERE status IN (?, ?) AND created_at < ?`),
		OutboxSent, OutboxFailed, utc(outboxBefore))
	if err != nil {
		return p, fmt.Errorf("storage: prune outbox: %w", err)
	}
	if p.Outbox, err = res.RowsAffected(); err != nil {
		return p, fmt.Errorf("storage: prune outbox: %w", err)
	}
	return p, nil
}
