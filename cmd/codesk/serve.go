package main

import (
	"context"
	"flag"
	"io"
	"log/slog"
	"time"

	"codesk/bot"
	"codesk/config"
)

func runServe(ctx context.Context, cfg config.Config, log *slog.Logger, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	webhook := fs.Bool("webhook", false, "take updates by webhook instead of long polling")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if *webhook {
		return usageError{"serve --webhook is not available yet; run without --webhook to use long polling"}
	}
	a, err := openApp(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer a.close()
	b, err := bot.New(ctx, bot.Options{Token: cfg.TelegramToken, APIURL: cfg.TelegramAPIURL, Log: log})
	if err != nil {
		return err
	}
	go a.reloadFAQ(ctx, log, 30*time.Second)
	return b.RunPolling(ctx, a.handler(cfg, log, b.Messenger(), b.Username()))
}
