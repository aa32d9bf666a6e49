package bot

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"

	tg "github.com/go-telegram/bot"
)

// maxUpdateBytes bounds one webhook body; real updates are a few kilobytes.
const maxUpdateBytes = 1 << 20

// webhookHandler answers Telegram's webhook POSTs: it checks the secret in
// constant time (401 when wrong — the library's own handler answers 200),
// stores the update, and only then answers 200, so an update Telegram
// considers delivered is never lost. A failed store answers 500 and Telegram
// delivers the update again.
func webhookHandler(store UpdateStore, secret string, stored func()) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		got := r.Header.Get("X-Telegram-Bot-Api-Secret-Token")
		if subtle.ConstantTimeCompare([]byte(got), []byte(secret)) != 1 {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxUpdateBytes))
		if err != nil {
			http.Error(w, "request body too large or unreadable", http.StatusRequestEntityTooLarge)
			return
		}
		batch, err := decodeBatch([]json.RawMessage{body}, time.Now())
		if err != nil || batch[0].ID == 0 {
			http.Error(w, "not a Telegram update", http.StatusBadRequest)
			return
		}
		if err := store.StoreUpdates(r.Context(), batch); err != nil {
			http.Error(w, "could not store the update", http.StatusInternalServerError)
			return
		}
		stored()
		w.WriteHeader(http.StatusOK)
	})
}

// WebhookOptions configure RunWebhook.
type WebhookOptions struct {
	Addr      string // listen address, e.g. ":8080"
	PublicURL string // the https URL Telegram posts to (its path is served)
	Secret    string // secret token Telegram sends back in a header
}

// RunWebhook registers the webhook with Telegram and serves it until ctx
// ends, handling stored updates like RunPolling does.
func (b *Bot) RunWebhook(ctx context.Context, store UpdateStore, h Handler, o WebhookOptions) error {
	if o.Addr == "" || o.PublicURL == "" || len(o.Secret) < 16 {
		return errors.New("webhook needs WEBHOOK_ADDR, WEBHOOK_URL and a WEBHOOK_SECRET of at least 16 characters")
	}
	path, err := webhookPath(o.PublicURL)
	if err != nil {
		return err
	}
	err = b.messenger.retry(ctx, "setWebhook", func(ctx context.Context) error {
		_, err := b.api.SetWebhook(ctx, &tg.SetWebhookParams{URL: o.PublicURL, SecretToken: o.Secret,
			AllowedUpdates: allowedUpdates})
		return err
	})
	if err != nil {
		return fmt.Errorf("set webhook: %w", err)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	d := newDispatcher(h, b.opts.Log, b.opts.Workers)
	proc := newProcessor(store, d, b.opts.Log, webhookClaims)
	mux := http.NewServeMux()
	mux.Handle(path, webhookHandler(store, o.Secret, proc.notify))
	srv := &http.Server{Addr: o.Addr, Handler: mux, ReadHeaderTimeout: 10 * time.Second}

	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		proc.run(ctx)
	}()
	go func() {
		defer wg.Done()
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	b.opts.Log.Info("serving webhook", "addr", o.Addr, "path", path)
	err = srv.ListenAndServe()
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	cancel() // a failed listener stops the processor too
	wg.Wait()
	d.close()
	return err
}

func webhookPath(publicURL string) (string, error) {
	req, err := http.NewRequest(http.MethodPost, publicURL, nil)
	if err != nil || req.URL.Host == "" {
		return "", errors.New("WEBHOOK_URL must be an absolute https URL")
	}
	if req.URL.Path == "" {
		return "/", nil
	}
	return req.URL.Path, nil
}
