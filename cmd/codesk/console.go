package main

import (
	"context"
	"io"
	"log/slog"
	"os"

	"codesk/config"
	"codesk/console"
	"codesk/parties"
)

func runConsole(ctx context.Context, cfg config.Config, log *slog.Logger, stdin io.Reader, stdout io.Writer) error {
	a, err := openApp(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer a.close()
	c := console.New(stdout, isTerminal(stdin), consoleChats(cfg))
	return c.Run(ctx, stdin, a.handler(cfg, log, c, ""), os.Getenv("LANG"))
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
