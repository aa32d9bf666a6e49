package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"runtime/debug"
	"time"

	"codesk/bot"
	"codesk/config"
	"codesk/faq"
	"codesk/handlers"
	"codesk/llm"
	"codesk/outbox"
	"codesk/storage"
	"codesk/tickets"
)

// app is what every long-running command shares: the database, the FAQ in
// force and the shared state.
type app struct {
	db      *storage.DB
	catalog *faq.Catalog
	state   storage.SharedState
	model   *llm.Client // nil: no language model
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
	if ids, n := faq.PlaceholderEntries(entries); n > 0 {
		log.Info("faq answers still contain administrator placeholders", "entries", len(ids), "placeholders", n)
	}
	state, err := openState(ctx, cfg, log)
	if err != nil {
		db.Close()
		return nil, err
	}
	a := &app{db: db, catalog: faq.NewCatalog(entries), state: state}
	if a.model, err = openModel(cfg, state, log); err != nil {
		a.close()
		return nil, err
	}
	releaseMemory()
	return a, nil
}

// openState returns Redis shared state when REDIS_URL is set (several
// replicas must agree on de-duplication and conversations), else memory.
func openState(ctx context.Context, cfg config.Config, log *slog.Logger) (storage.SharedState, error) {
	if cfg.RedisURL == "" {
		log.Info("shared state in memory (REDIS_URL unset): run a single replica")
		return storage.NewMemoryState(time.Now), nil
	}
	storage.LogRedisTo(log)
	state, err := storage.NewRedisState(ctx, cfg.RedisURL, storage.DefaultRedisPrefix)
	if err != nil {
		return nil, fmt.Errorf("shared state: %w", err)
	}
	log.Info("shared state in Redis", "url", storage.RedactURL(cfg.RedisURL), "prefix", storage.DefaultRedisPrefix)
	return state, nil
}

// messengerOptions are the sender's limits (scaled against a fake) and, with
// Redis, the send budget every replica shares: each replica's own pacer
// alone would let replicas together exceed Telegram's limits.
func (a *app) messengerOptions(cfg config.Config, log *slog.Logger) []bot.MessengerOption {
	scale := cfg.TelegramRateScale
	limits := bot.TelegramLimits().Scaled(scale)
	opts := []bot.MessengerOption{bot.WithLimits(limits), bot.WithRetryUnit(time.Duration(float64(time.Second) * scale))}
	if redisState, ok := a.state.(*storage.RedisState); ok {
		opts = append(opts, bot.WithSendBudget(redisState.SendBudget(storage.SendLimits(limits), 0)))
		log.Info("sends paced on a budget shared by replicas in Redis")
	}
	return opts
}

func (a *app) close() {
	a.db.Close()
	if closer, ok := a.state.(io.Closer); ok {
		closer.Close()
	}
}

// transport is what a transport adds to the conversation logic.
type transport struct {
	messenger   handlers.Messenger
	membership  handlers.Membership // nil: only configured staff act on tickets
	botUsername string
	isAdmin     func(int64) bool // extra admins (the console's); nil for none
	outbox      *outbox.Worker   // woken when handlers store messages
	files       handlers.Files   // downloads FAQ files admins send; nil: none
}

// handler builds the conversation logic over a transport.
func (a *app) handler(cfg config.Config, log *slog.Logger, t transport) (*handlers.Handler, error) {
	router, err := loadRouter(cfg)
	if err != nil {
		return nil, err
	}
	isAdmin := cfg.IsAdmin
	if t.isAdmin != nil {
		isAdmin = func(id int64) bool { return cfg.IsAdmin(id) || t.isAdmin(id) }
	}
	return handlers.New(handlers.Deps{
		Messenger:   t.messenger,
		FAQ:         a.catalog,
		Residents:   a.db,
		Questions:   a.db,
		State:       a.state,
		IsAdmin:     isAdmin,
		BotUsername: t.botUsername,
		Log:         log,
		Tickets:     notifyingStore{DB: a.db, notify: t.outbox.Notify},
		Router:      router,
		Parties:     cfg,
		Membership:  t.membership,
		FAQStore:    a.db,
		Files:       t.files,
		LLM:         conversationModel(a.model),
		TimeZone:    cfg.TimeZone,
	}), nil
}

// notifyingStore wakes the outbox sender after a ticket change stored
// messages, so they go out at once rather than at the next poll.
type notifyingStore struct {
	*storage.DB
	notify func()
}

func (s notifyingStore) CreateTicket(ctx context.Context, nt storage.NewTicket, messages func(tickets.Ticket) []storage.OutboxMessage) (tickets.Ticket, bool, error) {
	t, created, err := s.DB.CreateTicket(ctx, nt, messages)
	if err == nil && created {
		s.notify()
	}
	return t, created, err
}

func (s notifyingStore) UpdateTicket(ctx context.Context, id int64, change func(tickets.Ticket) (tickets.Ticket, []tickets.Event, []storage.OutboxMessage, error)) (tickets.Ticket, error) {
	t, err := s.DB.UpdateTicket(ctx, id, change)
	if err == nil {
		s.notify()
	}
	return t, err
}

// releaseMemory hands the garbage of loading the FAQ (YAML trees, rows,
// index scratch) back to the OS once, so a long-running codesk stays small.
func releaseMemory() { debug.FreeOSMemory() }
