package main

import (
	"context"
	"flag"
	"io"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"

	"codesk/bot"
	"codesk/config"
	"codesk/handlers"
	"codesk/outbox"
	"codesk/parties"
	"codesk/storage"
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
	warnBasicGroups(cfg, log)
	scale := cfg.TelegramRateScale
	b, err := bot.New(ctx, bot.Options{Token: cfg.TelegramToken, APIURL: cfg.TelegramAPIURL, Log: log,
		Messenger: a.messengerOptions(cfg, log)})
	if err != nil {
		return err
	}
	journal, err := outbox.OpenJournal(journalPath(cfg))
	if err != nil {
		return err
	}
	defer journal.Close()
	// The background goroutines use the journal and the database; deferred
	// after their closes, this runs first: it stops them and waits.
	ctx, stop := context.WithCancel(ctx)
	var background sync.WaitGroup
	defer func() {
		stop()
		background.Wait()
	}()
	background.Go(func() { reloadFAQ(ctx, log, a.db, a.catalog, 2*time.Second, 5*time.Minute) })
	if memoryLimitIsOurs {
		background.Go(func() { keepMemoryLimitAhead(ctx, 30*time.Second) })
	}
	background.Go(func() { logModelStats(ctx, a.model, log, time.Hour) })
	background.Go(func() { prune(ctx, a.db, log, time.Hour) })
	if n, err := journal.Replay(ctx, a.db); err != nil {
		return err
	} else if n > 0 {
		log.Info("outbox journal replayed", "deliveries", n)
	}
	if err := rememberRecentSends(ctx, a.db, b.Messenger(), scale); err != nil {
		return err
	}
	sender := &outbox.Worker{Store: a.db, Messenger: b.Messenger(), Log: log, Lease: cfg.OutboxLease, Journal: journal}
	h, err := a.handler(cfg, log, transport{messenger: b.Messenger(), membership: b.Messenger(),
		botUsername: b.Username(), outbox: sender, files: b.Files()})
	if err != nil {
		return err
	}
	sender.Undeliverable = h.ResidentUnreachable // set before Run reads it
	background.Go(func() { _ = sender.Run(ctx) })
	background.Go(func() {
		watchSLA(ctx, h, handlers.SLAPolicy{RemindAfter: cfg.SLA.RemindAfter, EscalateAfter: cfg.SLA.EscalateAfter}, log)
	})
	if *webhook {
		return b.RunWebhook(ctx, a.db, h, bot.WebhookOptions{Addr: cfg.WebhookAddr, PublicURL: cfg.WebhookURL, Secret: cfg.WebhookSecret})
	}
	return b.RunPolling(ctx, a.db, h)
}

// slaInterval is how often unclaimed tickets are checked: reminders and
// escalations go out within a minute of falling due.
const slaInterval = time.Minute

// watchSLA checks unclaimed tickets until ctx ends. Every replica runs it:
// CheckSLA does each reminder and escalation once across replicas, and its
// ticket changes wake the outbox sender (notifyingStore).
func watchSLA(ctx context.Context, h *handlers.Handler, policy handlers.SLAPolicy, log *slog.Logger) {
	ticker := time.NewTicker(slaInterval)
	defer ticker.Stop()
	for {
		reminded, escalated, err := h.CheckSLA(ctx, time.Now(), policy)
		if err != nil && ctx.Err() == nil {
			log.Error("sla check", "err", err)
		}
		if reminded > 0 || escalated > 0 {
			log.Info("sla check", "reminded", reminded, "escalated", escalated)
		}
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}

// journalPath is where the outbox journal lives: OUTBOX_JOURNAL, else next
// to the SQLite file, else in the working directory.
func journalPath(cfg config.Config) string {
	if cfg.OutboxJournal != "" {
		return cfg.OutboxJournal
	}
	u := cfg.DatabaseURL
	if strings.HasPrefix(u, "postgres://") || strings.HasPrefix(u, "postgresql://") {
		return "codesk-outbox.journal"
	}
	path := strings.TrimPrefix(strings.TrimPrefix(u, "sqlite:"), "file:")
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path = path[:i]
	}
	if path == "" {
		path = "codesk.db"
	}
	return path + "-outbox.journal"
}

// rememberRecentSends seeds the pacer with what the run before a restart
// sent within the longest rate window, so the restarted bot does not exceed
// Telegram's limits: the recorded deliveries, plus one send "now" for each
// pending message that may have reached Telegram unrecorded: one claimed
// when the process stopped, and one whose earlier attempt is in doubt
// (cut short by the kill or a timeout). An attempt in doubt whose lease or
// backoff has already run out looks like any due message, yet Telegram may
// have counted it in the group's minute: leaving those out let a restarted
// bot send a group's twenty-first card.
func rememberRecentSends(ctx context.Context, db *storage.DB, m *bot.Messenger, scale float64) error {
	now := time.Now()
	recent, err := db.SentOutboxSince(ctx, now.Add(-time.Duration(float64(time.Minute)*scale)-time.Second))
	if err != nil {
		return err
	}
	for _, s := range recent {
		m.RememberSent(s.ChatID, s.SentAt)
	}
	pending, err := db.DueOutbox(ctx, now.Add(time.Hour), 10000)
	if err != nil {
		return err
	}
	for _, p := range pending {
		if p.UnsettledAttempts > 0 || p.NextAttemptAt.After(now) {
			m.RememberSent(p.ChatID, now)
		}
	}
	return nil
}

// Retention of finished rows: handled updates hold residents' messages and
// are only needed against redelivery (Telegram keeps an update at most a
// day); delivered outbox rows only for diagnosis.
const (
	keepHandledUpdates = 7 * 24 * time.Hour
	keepSentOutbox     = 30 * 24 * time.Hour
)

// prune deletes finished rows past their retention, now and every interval.
func prune(ctx context.Context, db *storage.DB, log *slog.Logger, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		now := time.Now()
		p, err := db.Prune(ctx, now.Add(-keepHandledUpdates), now.Add(-keepSentOutbox))
		switch {
		case err != nil && ctx.Err() == nil:
			log.Warn("prune old rows", "err", err)
		case p.Updates+p.Outbox > 0:
			log.Info("pruned old rows", "updates", p.Updates, "outbox", p.Outbox)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// warnBasicGroups names the staff chats that are not supergroups: a card
// whose send was cut short (a crash, a timeout) cannot be looked for there,
// so it may arrive twice.
func warnBasicGroups(cfg config.Config, log *slog.Logger) {
	for _, p := range append(slices.Clone(parties.All), parties.CoOffice) {
		if chat, ok := cfg.ChatOf(p); ok && chat != 0 && !bot.IsSupergroup(chat) {
			log.Warn("staff chat is not a supergroup; after a crash a ticket card may be posted twice there (upgrade the group to a supergroup)",
				"party", p, "chat_id", chat)
		}
	}
}
