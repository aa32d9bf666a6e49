package main

import (
	"context"
	"io"
	"log/slog"
	"os"

	"codesk/config"
	"codesk/console"
)

func runConsole(ctx context.Context, cfg config.Config, log *slog.Logger, stdin io.Reader, stdout io.Writer) error {
	a, err := openApp(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer a.close()
	c := console.New(stdout, isTerminal(stdin))
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
