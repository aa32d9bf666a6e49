package main

import (
	"context"
	"log/slog"
	"reflect"
	"time"
)

// reloadFAQ keeps the served FAQ in step with the database, so an import or
// an edit made by another process (or replica) takes effect without a
// restart. The matcher is rebuilt only when the entries changed.
func (a *app) reloadFAQ(ctx context.Context, log *slog.Logger, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		entries, err := a.db.FAQEntries(ctx)
		if err != nil {
			if ctx.Err() == nil {
				log.Warn("reload FAQ", "err", err)
			}
			continue
		}
		if len(entries) == 0 || reflect.DeepEqual(entries, a.catalog.Entries()) {
			continue
		}
		a.catalog.Replace(entries)
		log.Info("FAQ reloaded", "entries", len(entries))
	}
}
