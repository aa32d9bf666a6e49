package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	tg "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"codesk/handlers"
)

// Messenger sends handlers' messages through the Bot API. Messages go as
// plain text (no parse mode): FAQ answers and residents' words are arbitrary
// and unescaped markup would make Telegram refuse the whole message.
type Messenger struct {
	api        *tg.Bot
	log        *slog.Logger
	maxRetries int
	backoff    time.Duration // first wait after a 5xx or network error; doubles
}

// NewMessenger returns a Messenger over api.
func NewMessenger(api *tg.Bot, log *slog.Logger) *Messenger {
	return &Messenger{api: api, log: log, maxRetries: 6, backoff: 500 * time.Millisecond}
}

// Send delivers msg, split into parts within Telegram's length limit; the
// buttons go with the last part. It returns the last part's message id.
func (m *Messenger) Send(ctx context.Context, msg handlers.OutMessage) (int, error) {
	parts := splitText(msg.Text, MaxMessageUnits)
	var lastID int
	for i, part := range parts {
		params := &tg.SendMessageParams{ChatID: msg.ChatID, Text: part}
		if i == 0 && msg.ReplyTo != 0 {
			params.ReplyParameters = &models.ReplyParameters{MessageID: msg.ReplyTo, AllowSendingWithoutReply: true}
		}
		if i == len(parts)-1 && len(msg.Buttons) > 0 {
			params.ReplyMarkup = keyboard(msg.Buttons)
		}
		err := m.retry(ctx, "sendMessage", func(ctx context.Context) error {
			sent, err := m.api.SendMessage(ctx, params)
			if err == nil {
				lastID = sent.ID
			}
			return err
		})
		if err != nil {
			return lastID, fmt.Errorf("send part %d/%d to chat %d: %w", i+1, len(parts), msg.ChatID, err)
		}
	}
	return lastID, nil
}

// Edit replaces a sent message's text and buttons.
func (m *Messenger) Edit(ctx context.Context, chatID int64, messageID int, text string, buttons [][]handlers.Button) error {
	params := &tg.EditMessageTextParams{ChatID: chatID, MessageID: messageID, Text: splitText(text, MaxMessageUnits)[0]}
	if len(buttons) > 0 {
		params.ReplyMarkup = keyboard(buttons)
	}
	return m.retry(ctx, "editMessageText", func(ctx context.Context) error {
		_, err := m.api.EditMessageText(ctx, params)
		return err
	})
}

// AnswerCallback acknowledges a button press.
func (m *Messenger) AnswerCallback(ctx context.Context, callbackID, notice string) error {
	return m.retry(ctx, "answerCallbackQuery", func(ctx context.Context) error {
		_, err := m.api.AnswerCallbackQuery(ctx, &tg.AnswerCallbackQueryParams{CallbackQueryID: callbackID, Text: notice})
		return err
	})
}

// retry runs call until it succeeds, waiting retry_after on 429 and backing
// off on server and network errors. Client errors (400, 403) are final:
// repeating them cannot help.
func (m *Messenger) retry(ctx context.Context, method string, call func(context.Context) error) error {
	wait := m.backoff
	var err error
	for attempt := 0; attempt <= m.maxRetries; attempt++ {
		err = call(ctx)
		if err == nil {
			return nil
		}
		var tooMany *tg.TooManyRequestsError
		var delay time.Duration
		switch {
		case errors.As(err, &tooMany):
			delay = time.Duration(tooMany.RetryAfter) * time.Second
			if delay <= 0 {
				delay = time.Second
			}
		case errors.Is(err, tg.ErrorBadRequest), errors.Is(err, tg.ErrorForbidden),
			errors.Is(err, tg.ErrorUnauthorized), errors.Is(err, tg.ErrorNotFound):
			return err
		case ctx.Err() != nil:
			return ctx.Err()
		default:
			delay = wait
			wait *= 2
		}
		m.log.Warn("telegram call failed; retrying", "method", method, "attempt", attempt+1, "delay", delay, "err", err)
		select {
		case <-ctx.Done():
			return fmt.Errorf("%s: %w (last error: %v)", method, ctx.Err(), err)
		case <-time.After(delay):
		}
	}
	return fmt.Errorf("%s: giving up after %d attempts: %w", method, m.maxRetries+1, err)
}

func keyboard(rows [][]handlers.Button) *models.InlineKeyboardMarkup {
	kb := &models.InlineKeyboardMarkup{InlineKeyboard: make([][]models.InlineKeyboardButton, 0, len(rows))}
	for _, row := range rows {
		r := make([]models.InlineKeyboardButton, 0, len(row))
		for _, b := range row {
			r = append(r, models.InlineKeyboardButton{Text: b.Text, CallbackData: b.Data})
		}
		kb.InlineKeyboard = append(kb.InlineKeyboard, r)
	}
	return kb
}
