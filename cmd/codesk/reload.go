package main

import (
	"context"
	"log/slog"
	"time"

	"codesk/faq"
)

// faqSource is what reloading the served FAQ reads: a cheap revision stamp
// and the entries themselves.
type faqSource interface {
	FAQRevision(ctx context.Context) (string, error)
	FAQEntries(ctx context.Context) ([]faq.Entry, error)
}

// reloadFAQ keeps the served FAQ in step with the database, so an import or
// an edit made by another process (or replica) takes effect without a
// restart. The revision is checked every check (one small query), the
// entries read when it moved and, for changes that leave no history (an
// import that only reorders), every full. The matcher is rebuilt only when
// the entries changed.
func reloadFAQ(ctx context.Context, log *slog.Logger, src faqSource, catalog *faq.Catalog, check, full time.Duration) {
	t := time.NewTicker(check)
	defer t.Stop()
	// No revision seen yet: the first check reads the entries, catching a
	// change made between the start's load and this loop.
	seen, lastFull := "", time.Now()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		rev, err := src.FAQRevision(ctx)
		if err != nil {
			if ctx.Err() == nil {
				log.Warn("read FAQ revision", "err", err)
			}
			continue
		}
		if rev == seen && time.Since(lastFull) < full {
			continue
		}
		changed, err := catalog.Reload(func() ([]faq.Entry, error) { return src.FAQEntries(ctx) })
		if err != nil {
			if ctx.Err() == nil {
				log.Warn("reload FAQ", "err", err)
			}
			continue
		}
		seen, lastFull = rev, time.Now()
		if changed {
			log.Info("FAQ reloaded", "entries", len(catalog.Entries()))
		}
	}
}
