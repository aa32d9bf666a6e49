package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"codesk/config"
	"codesk/faq"
	"codesk/handlers"
	"codesk/storage"
)

// app is what every long-running command shares: the database, the FAQ in
// force and the shared state.
type app struct {
	db      *storage.DB
	catalog *faq.Catalog
	state   storage.SharedState
}

// openApp opens and migrates the database and loads the FAQ, seeding it
// with the embedded default on first start.
func openApp(ctx context.Context, cfg config.Config, log *slog.Logger) (*app, error) {
	db, err := openMigrated(ctx, cfg)
	if err != nil {
		return nil, err
	}
	entries, err := db.FAQEntries(ctx)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("load FAQ: %w", err)
	}
	if len(entries) == 0 {
		entries = faq.Default()
		if _, err := db.ReplaceFAQ(ctx, entries, "system:default-faq"); err != nil {
			db.Close()
			return nil, fmt.Errorf("seed default FAQ: %w", err)
		}
		log.Info("seeded the default FAQ", "entries", len(entries))
	}
	if cfg.RedisURL != "" {
		log.Warn("REDIS_URL is set but Redis support is not built yet; using in-memory state")
	}
	return &app{db: db, catalog: faq.NewCatalog(entries), state: storage.NewMemoryState(time.Now)}, nil
}

func (a *app) close() { a.db.Close() }

// handler builds the conversation logic over messenger.
func (a *app) handler(cfg config.Config, log *slog.Logger, messenger handlers.Messenger, botUsername string) *handlers.Handler {
	return handlers.New(handlers.Deps{
		Messenger:   messenger,
		FAQ:         a.catalog,
		Residents:   a.db,
		Questions:   a.db,
		State:       a.state,
		IsAdmin:     cfg.IsAdmin,
		BotUsername: botUsername,
		Log:         log,
	})
}
