package main

import (
	"context"
	"io"
	"log/slog"
	"os"

	"codesk/config"
	"codesk/console"
	"codesk/handlers"
	"codesk/outbox"
	"codesk/parties"
)

// consoleDatabase is the console's own SQLite file when DATABASE_URL is not
// set: the console delivers outbox messages to the terminal, and must never
// take a running bot's pending messages from the default codesk.db.
const consoleDatabase = "sqlite:codesk-console.db"

func runConsole(ctx context.Context, cfg config.Config, log *slog.Logger, stdin io.Reader, stdout io.Writer) error {
	if cfg.DatabaseURL == "" {
		cfg.DatabaseURL = consoleDatabase
	}
	a, err := openApp(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer a.close()
	chats := consoleChats(cfg)
	c := console.New(stdout, isTerminal(stdin), chats)
	// The console plays staff in stand-in chats when none are configured.
	cfg.Parties = map[parties.ID]config.Chat{}
	for p, chat := range chats {
		if p == parties.CoOffice {
			cfg.CoOffice = config.Chat{ChatID: chat}
		} else {
			cfg.Parties[p] = config.Chat{ChatID: chat}
		}
	}
	sender := &outbox.Worker{Store: a.db, Messenger: c, Log: log}
	h, err := a.handler(cfg, log, transport{messenger: c, membership: c, outbox: sender,
		isAdmin: func(id int64) bool { return id == console.AdminID }})
	if err != nil {
		return err
	}
	sender.Undeliverable = h.ResidentUnreachable
	// Deliver what each line stored in the outbox before reading the next,
	// so a transcript shows cards and notices where they happened.
	return c.Run(ctx, stdin, deliverAfter{h: h, outbox: sender}, os.Getenv("LANG"))
}

// deliverAfter drains the outbox after each event.
type deliverAfter struct {
	h      *handlers.Handler
	outbox *outbox.Worker
}

func (d deliverAfter) Handle(ctx context.Context, in handlers.Incoming) error {
	err := d.h.Handle(ctx, in)
	if _, dErr := d.outbox.Drain(ctx); dErr != nil && err == nil {
		err = dErr
	}
	return err
}

// isTerminal reports whether r is an interactive terminal (not a pipe or file).
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// consoleChats are the staff chats the console plays: the configured ones,
// or stand-ins so the whole flow works with no configuration.
func consoleChats(cfg config.Config) map[parties.ID]int64 {
	chats := map[parties.ID]int64{
		parties.PropertyManagement:    -1001001,
		parties.OwnersCommittee:       -1001002,
		parties.NeighborhoodCommittee: -1001003,
		parties.CoOffice:              -1001000,
	}
	for p, c := range cfg.Parties {
		chats[p] = c.ChatID
	}
	if cfg.CoOffice.ChatID != 0 {
		chats[parties.CoOffice] = cfg.CoOffice.ChatID
	}
	return chats
}
