// Package bot adapts Telegram to codesk's handlers: it takes updates in
// (long polling), turns them into transport-neutral events, and sends the
// handlers' replies through the Bot API. It is the only package that
// imports go-telegram/bot.
package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	tg "github.com/go-telegram/bot"

	"codesk/redact"
)

// DefaultAPIURL is Telegram's Bot API server.
const DefaultAPIURL = "https://api.telegram.org"

// Options configure a Bot.
type Options struct {
	Token       string
	APIURL      string        // "" means DefaultAPIURL
	PollTimeout time.Duration // long-poll duration; 0 means 25s
	Workers     int           // concurrent chats handled; 0 means 16
	Log         *slog.Logger
	Messenger   []MessengerOption // limits and retry unit of the sender (tests scale them)
}

// Bot is a connection to the Bot API.
type Bot struct {
	api       *tg.Bot
	opts      Options
	username  string
	poll      *poller
	messenger *Messenger // one per bot: its pacer must see every send
}

// New connects to the Bot API and learns the bot's username (getMe).
func New(ctx context.Context, o Options) (*Bot, error) {
	if strings.TrimSpace(o.Token) == "" {
		return nil, errors.New("TELEGRAM_BOT_TOKEN is not set")
	}
	if o.APIURL == "" {
		o.APIURL = DefaultAPIURL
	}
	o.APIURL = strings.TrimRight(o.APIURL, "/")
	// A malformed URL would make the library echo it, token and all.
	if u, err := url.Parse(o.APIURL); err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, errors.New("telegram API URL must be an http(s) URL")
	}
	if o.PollTimeout == 0 {
		o.PollTimeout = 25 * time.Second
	}
	if o.Workers == 0 {
		o.Workers = 16
	}
	if o.Log == nil {
		o.Log = slog.Default()
	}
	// The library's errors quote request URLs (and error pages echoing
	// them), token included: no log line of this bot may carry it.
	o.Log = redact.Logger(o.Log, tokenSecrets(o.Token)...)
	sendTimeout := 30 * time.Second
	// The paced sender keeps up to 30 requests in flight; the default
	// transport would keep only 2 idle connections and redo TLS for the rest.
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.MaxIdleConnsPerHost = 64
	api, err := tg.New(o.Token,
		tg.WithServerURL(o.APIURL),
		tg.WithSkipGetMe(),
		tg.WithHTTPClient(sendTimeout, &http.Client{Timeout: sendTimeout, Transport: transport}),
		tg.WithErrorsHandler(func(err error) { o.Log.Error("telegram client", "err", err) }),
	)
	if err != nil {
		return nil, fmt.Errorf("create telegram client: %w", err)
	}
	b := &Bot{
		api:       api,
		opts:      o,
		messenger: NewMessenger(api, o.Log, o.Messenger...),
		poll: &poller{
			client:  &http.Client{Timeout: o.PollTimeout + 10*time.Second},
			baseURL: o.APIURL + "/bot" + o.Token + "/",
			timeout: o.PollTimeout,
		},
	}
	getMe, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	me, err := api.GetMe(getMe)
	if err != nil {
		return nil, scrubToken(fmt.Errorf("telegram getMe: %w", err), o.Token)
	}
	b.username = me.Username
	return b, nil
}

// Username is the bot's Telegram username, without "@".
func (b *Bot) Username() string { return b.username }

// Messenger returns the sender of outgoing messages, shared by all callers.
func (b *Bot) Messenger() *Messenger { return b.messenger }

// pollingProcessor handles a poller's stored updates. Telegram lets one
// getUpdates run at a time, but two pollers do share the store while a
// rolling deploy overlaps them or the service is scaled: they claim.
func pollingProcessor(store UpdateStore, d *dispatcher, log *slog.Logger) *processor {
	return newProcessor(store, d, log, pollingClaims)
}

// RunPolling takes updates by long polling and hands them to h until ctx
// ends. Every update is stored before Telegram is told it arrived, and
// handled from the store, so a crash loses nothing: what was unhandled is
// handled after the next start. It first removes any webhook, which would
// make getUpdates fail.
func (b *Bot) RunPolling(ctx context.Context, store UpdateStore, h Handler) error {
	err := b.messenger.retry(ctx, "deleteWebhook", func(ctx context.Context) error {
		_, err := b.api.DeleteWebhook(ctx, &tg.DeleteWebhookParams{})
		return err
	})
	if err != nil {
		return fmt.Errorf("delete webhook before polling: %w", err) // retry scrubbed it
	}
	d := newDispatcher(h, b.opts.Log, b.opts.Workers)
	proc := pollingProcessor(store, d, b.opts.Log)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		proc.run(ctx)
	}()
	defer func() {
		wg.Wait()
		d.close()
	}()
	b.opts.Log.Info("polling for updates", "bot", b.username)
	return b.poll.run(ctx, store, proc.notify, func(err error, delay time.Duration) {
		b.opts.Log.Warn("getUpdates failed; retrying", "err", err, "delay", delay)
	})
}
