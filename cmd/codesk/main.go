// Command codesk is the co-office desk's chat-bot: it answers residents'
// questions from the estate's FAQ on Telegram or in a local console, and
// manages the FAQ and the database from the command line.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"codesk/config"
	"codesk/redact"
)

const usage = `codesk: the co-office desk's chat-bot

Usage:
  codesk console                  chat with codesk in the terminal (also reads a pipe)
  codesk serve                    run the Telegram bot (long polling)
  codesk faq match [--faq FILE]   match questions from stdin; one JSON line each
  codesk faq import FILE          validate FILE and replace the FAQ with it
  codesk faq export               write the FAQ as YAML to stdout
  codesk faq lint FILE            only validate FILE
  codesk route [--llm]            route concerns from stdin to a party; one JSON line each
                                  (--llm: ask the language model when the rules are unsure)
  codesk migrate                  apply database migrations

Configuration comes from environment variables (see README.md).
`

// memoryLimitIsOurs: GOMEMLIMIT is unset, so serve may adjust the default.
var memoryLimitIsOurs bool

func main() {
	memoryLimitIsOurs = setDefaultMemoryLimit(os.LookupEnv)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
	stop()
	if err != nil {
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprint(os.Stderr, usage)
			os.Exit(2)
		}
		os.Exit(1)
	}
}

// usageError means the command line itself was wrong.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// run executes one subcommand; errors are reported on stderr here.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) error {
	if len(args) == 0 {
		return usageError{"no command"}
	}
	cfg, err := config.Load(getenv)
	if err != nil {
		fmt.Fprintf(stderr, "codesk: configuration: %v\n", err)
		return err
	}
	level := slog.LevelInfo
	if args[0] == "console" || args[0] == "faq" || args[0] == "route" {
		level = slog.LevelWarn // keep the terminal and JSON output clean
	}
	_ = level.UnmarshalText([]byte(cfg.LogLevel))
	log := slog.New(redact.NewHandler(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}), cfg.Secrets()...))

	switch args[0] {
	case "console":
		err = runConsole(ctx, cfg, log, stdin, stdout)
	case "serve":
		err = runServe(ctx, cfg, log, args[1:])
	case "faq":
		err = runFAQ(ctx, cfg, log, args[1:], stdin, stdout)
	case "route":
		err = runRoute(ctx, cfg, log, args[1:], stdin, stdout)
	case "migrate":
		err = runMigrate(ctx, cfg, log)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		err = usageError{fmt.Sprintf("unknown command %q", args[0])}
	}
	if err != nil {
		var ue usageError
		if !errors.As(err, &ue) && !errors.Is(err, context.Canceled) {
			fmt.Fprintf(stderr, "codesk %s: %s\n", args[0], redact.NewHandler(nil, cfg.Secrets()...).String(err.Error()))
		} else if errors.As(err, &ue) {
			fmt.Fprintf(stderr, "codesk: %s\n", strings.TrimSpace(ue.msg))
		}
		if errors.Is(err, context.Canceled) {
			return nil
		}
	}
	return err
}
