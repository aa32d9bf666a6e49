package main

import (
	"context"
	"flag"
	"io"
	"log/slog"
	"time"

	"codesk/bot"
	"codesk/config"
	"codesk/outbox"
)

func runServe(ctx context.Context, cfg config.Config, log *slog.Logger, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	webhook := fs.Bool("webhook", false, "take updates by webhook instead of long polling")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	a, err := openApp(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer a.close()
	scale := cfg.TelegramRateScale
	b, err := bot.New(ctx, bot.Options{Token: cfg.TelegramToken, APIURL: cfg.TelegramAPIURL, Log: log,
		Messenger: []bot.MessengerOption{
			bot.WithLimits(bot.TelegramLimits().Scaled(scale)),
			bot.WithRetryUnit(time.Duration(float64(time.Second) * scale)),
		}})
	if err != nil {
		return err
	}
	go a.reloadFAQ(ctx, log, 30*time.Second)
	sender := &outbox.Worker{Store: a.db, Messenger: b.Messenger(), Log: log, Lease: cfg.OutboxLease}
	go func() { _ = sender.Run(ctx) }()
	h, err := a.handler(cfg, log, transport{messenger: b.Messenger(), membership: b.Messenger(),
		botUsername: b.Username(), outbox: sender})
	if err != nil {
		return err
	}
	if *webhook {
		return b.RunWebhook(ctx, a.db, h, bot.WebhookOptions{Addr: cfg.WebhookAddr, PublicURL: cfg.WebhookURL, Secret: cfg.WebhookSecret})
	}
	return b.RunPolling(ctx, a.db, h)
}
