package main

import (
	"context"
	"log/slog"
	"time"

	"codesk/faq"
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
		changed, err := a.catalog.Reload(func() ([]faq.Entry, error) { return a.db.FAQEntries(ctx) })
		if err != nil {
			if ctx.Err() == nil {
				log.Warn("reload FAQ", "err", err)
			}
			continue
		}
		if changed {
			log.Info("FAQ reloaded", "entries", len(a.catalog.Entries()))
		}
	}
}
