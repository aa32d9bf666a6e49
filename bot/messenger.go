package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	tg "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"codesk/handlers"
	"codesk/msgsplit"
	"codesk/redact"
)

// Messenger sends handlers' messages through the Bot API. Messages go as
// plain text (no parse mode): FAQ answers and residents' words are arbitrary
// and unescaped markup would make Telegram refuse the whole message. Every
// send goes through one Pacer, so concurrent handlers stay within Telegram's
// limits together.
type Messenger struct {
	api    *tg.Bot
	log    *slog.Logger
	policy retryPolicy
	pacer  *Pacer
}

// MessengerOption configures a Messenger.
type MessengerOption func(*messengerConfig)

type messengerConfig struct {
	limits    Limits
	retryUnit time.Duration
	budget    SendBudget // shared with other replicas; nil: none
}

// WithLimits sets the limits sends keep to (default: TelegramLimits()).
func WithLimits(l Limits) MessengerOption { return func(c *messengerConfig) { c.limits = l } }

// WithRetryUnit sets the length of one retry_after unit (default: a second,
// as on Telegram). Tests against a fake with scaled windows scale it alike;
// the backoff after server errors scales with it.
func WithRetryUnit(d time.Duration) MessengerOption {
	return func(c *messengerConfig) { c.retryUnit = d }
}

// NewMessenger returns a Messenger over api. Make one per bot token and
// process: Messengers pace independently and together can exceed the limits,
// unless they share a budget (WithSendBudget), as replicas do.
func NewMessenger(api *tg.Bot, log *slog.Logger, opts ...MessengerOption) *Messenger {
	if log == nil {
		log = slog.Default()
	}
	// Every log line of the Messenger and its Pacer goes through here.
	log = redact.Logger(log, tokenSecrets(api.Token())...)
	cfg := messengerConfig{limits: TelegramLimits(), retryUnit: time.Second}
	for _, o := range opts {
		o(&cfg)
	}
	pacer := NewPacer(cfg.limits, cfg.retryUnit, log)
	if cfg.budget != nil {
		pacer.useBudget(newSharedBudget(cfg.budget, log))
	}
	return &Messenger{
		api:    api,
		log:    log,
		policy: newRetryPolicy(cfg.retryUnit),
		pacer:  pacer,
	}
}

// Send delivers msg, split into parts within Telegram's length limit; the
// buttons go with the last part. A photo goes first, captioned with the text
// when it fits a caption. It returns the last part's message id. Errors that
// retrying cannot cure wrap handlers.ErrUndeliverable.
func (m *Messenger) Send(ctx context.Context, msg handlers.OutMessage) (int, error) {
	id, err := m.send(ctx, msg)
	return id, m.scrub(undeliverable(err, m.policy))
}

// undeliverable wraps an error retrying cannot cure with
// handlers.ErrUndeliverable, and one that says the chat takes no messages at
// all (403: blocked, deactivated; 400: chat not found) also with
// handlers.ErrRecipientGone.
func undeliverable(err error, policy retryPolicy) error {
	// a group upgraded to a supergroup: the new id, for the outbox to resend to
	var migrated *tg.MigrateError
	if errors.As(err, &migrated) && migrated.MigrateToChatID != 0 {
		return fmt.Errorf("%w: %w", &handlers.ChatMovedError{To: int64(migrated.MigrateToChatID)}, err)
	}
	if err == nil || !policy.judge(err).final {
		return err
	}
	if errors.Is(err, tg.ErrorForbidden) || strings.Contains(strings.ToLower(err.Error()), "chat not found") {
		return fmt.Errorf("%w: %w: %w", handlers.ErrUndeliverable, handlers.ErrRecipientGone, err)
	}
	return fmt.Errorf("%w: %w", handlers.ErrUndeliverable, err)
}

func (m *Messenger) send(ctx context.Context, msg handlers.OutMessage) (int, error) {
	return m.deliver(ctx, msg, m.pace)
}

// pacedCall runs one Bot API call that creates a message through the pacer
// and returns the message's id.
type pacedCall func(ctx context.Context, chatID int64, call func(context.Context) (int, error)) (int, error)

// pace repeats call after every failure the retry policy allows.
func (m *Messenger) pace(ctx context.Context, chatID int64, call func(context.Context) (int, error)) (int, error) {
	var id int
	err := m.pacer.Send(ctx, chatID, func(ctx context.Context) error {
		sent, err := call(ctx)
		if err == nil {
			id = sent
		}
		return err
	})
	return id, err
}

// deliver sends msg through pace: a photo first, captioned with the text and
// buttons when the text fits a caption, then the text in parts, the buttons
// on the last.
func (m *Messenger) deliver(ctx context.Context, msg handlers.OutMessage, pace pacedCall) (int, error) {
	if msg.PhotoID != "" {
		params := &tg.SendPhotoParams{ChatID: msg.ChatID, Photo: &models.InputFileString{Data: msg.PhotoID}}
		if msg.ReplyTo != 0 {
			params.ReplyParameters = &models.ReplyParameters{MessageID: msg.ReplyTo, AllowSendingWithoutReply: true}
		}
		captioned := msgsplit.Len(msg.Text) <= MaxCaptionUnits
		if captioned {
			params.Caption = msg.Text
			if len(msg.Buttons) > 0 {
				params.ReplyMarkup = keyboard(msg.Buttons)
			}
		}
		id, err := pace(ctx, msg.ChatID, func(ctx context.Context) (int, error) {
			sent, err := m.api.SendPhoto(ctx, params)
			if err != nil {
				return 0, err
			}
			return sent.ID, nil
		})
		if err != nil {
			return 0, fmt.Errorf("send photo to chat %d: %w", msg.ChatID, err)
		}
		if captioned {
			return id, nil
		}
		msg.ReplyTo = 0
	}
	parts := msgsplit.Split(msg.Text, MaxMessageUnits)
	var lastID int
	for i, part := range parts {
		params := &tg.SendMessageParams{ChatID: msg.ChatID, Text: part}
		if i == 0 && msg.ReplyTo != 0 {
			params.ReplyParameters = &models.ReplyParameters{MessageID: msg.ReplyTo, AllowSendingWithoutReply: true}
		}
		if i == len(parts)-1 && len(msg.Buttons) > 0 {
			params.ReplyMarkup = keyboard(msg.Buttons)
		}
		id, err := pace(ctx, msg.ChatID, func(ctx context.Context) (int, error) {
			sent, err := m.api.SendMessage(ctx, params)
			if err != nil {
				return 0, err
			}
			return sent.ID, nil
		})
		if err != nil {
			return lastID, fmt.Errorf("send part %d/%d to chat %d: %w", i+1, len(parts), msg.ChatID, err)
		}
		lastID = id
	}
	return lastID, nil
}

// IsMember reports whether userID belongs to chatID (getChatMember).
func (m *Messenger) IsMember(ctx context.Context, chatID, userID int64) (bool, error) {
	var member *models.ChatMember
	err := m.retry(ctx, "getChatMember", func(ctx context.Context) error {
		var err error
		member, err = m.api.GetChatMember(ctx, &tg.GetChatMemberParams{ChatID: chatID, UserID: userID})
		return err
	})
	if err != nil {
		if errors.Is(err, tg.ErrorBadRequest) {
			return false, nil // "user not found" / "chat not found": not a member
		}
		return false, m.scrub(fmt.Errorf("getChatMember %d in %d: %w", userID, chatID, err))
	}
	switch member.Type {
	case models.ChatMemberTypeOwner, models.ChatMemberTypeAdministrator, models.ChatMemberTypeMember:
		return true, nil
	case models.ChatMemberTypeRestricted:
		return member.Restricted != nil && member.Restricted.IsMember, nil
	}
	return false, nil
}

// Edit replaces a sent message's text and buttons.
func (m *Messenger) Edit(ctx context.Context, chatID int64, messageID int, text string, buttons [][]handlers.Button) error {
	params := &tg.EditMessageTextParams{ChatID: chatID, MessageID: messageID, Text: msgsplit.Split(text, MaxMessageUnits)[0]}
	if len(buttons) > 0 {
		params.ReplyMarkup = keyboard(buttons)
	}
	err := m.retry(ctx, "editMessageText", func(ctx context.Context) error {
		_, err := m.api.EditMessageText(ctx, params)
		return err
	})
	if err != nil && strings.Contains(err.Error(), "no text in the message") {
		// A photo's text is its caption.
		cp := &tg.EditMessageCaptionParams{ChatID: chatID, MessageID: messageID, Caption: msgsplit.Split(text, MaxCaptionUnits)[0]}
		if len(buttons) > 0 {
			cp.ReplyMarkup = keyboard(buttons)
		}
		err = m.retry(ctx, "editMessageCaption", func(ctx context.Context) error {
			_, err := m.api.EditMessageCaption(ctx, cp)
			return err
		})
	}
	if err != nil && strings.Contains(err.Error(), "message is not modified") {
		return nil // the message already says this
	}
	return m.scrub(err)
}

// AnswerCallback acknowledges a button press.
func (m *Messenger) AnswerCallback(ctx context.Context, callbackID, notice string) error {
	return m.scrub(m.retry(ctx, "answerCallbackQuery", func(ctx context.Context) error {
		_, err := m.api.AnswerCallbackQuery(ctx, &tg.AnswerCallbackQueryParams{CallbackQueryID: callbackID, Text: notice})
		return err
	}))
}

// scrub removes the bot token from err's text. The library's network errors
// quote the request URL, token included, and callers store error texts (the
// outbox keeps the last one in the database).
func (m *Messenger) scrub(err error) error { return scrubToken(err, m.api.Token()) }

// tokenSecrets are the forms of a bot token to keep out of logs: the token,
// and its secret half (after the bot id), which a URL may show with the
// colon escaped.
func tokenSecrets(token string) []string {
	secrets := []string{token}
	if _, secret, ok := strings.Cut(token, ":"); ok {
		secrets = append(secrets, secret)
	}
	return secrets
}

// scrubToken removes token, in each of its forms, from err's text.
func scrubToken(err error, token string) error {
	if err == nil || token == "" {
		return err
	}
	msg := err.Error()
	for _, s := range tokenSecrets(token) {
		if len(s) >= 6 {
			msg = strings.ReplaceAll(msg, s, "<token>")
		}
	}
	if msg == err.Error() {
		return err
	}
	return &scrubbedError{msg: msg, err: err}
}

// scrubbedError is an error whose text no longer holds the token; errors.Is
// and errors.As still see the original.
type scrubbedError struct {
	msg string
	err error
}

func (e *scrubbedError) Error() string { return e.msg }
func (e *scrubbedError) Unwrap() error { return e.err }

// retry runs an unpaced call (edits, callback answers, ...) until it
// succeeds, waiting retry_after on 429 and backing off on server and network
// errors. Client errors (400, 403) are final: repeating them cannot help.
// Its error never holds the token.
func (m *Messenger) retry(ctx context.Context, method string, call func(context.Context) error) error {
	return m.scrub(m.retryCall(ctx, method, call))
}

func (m *Messenger) retryCall(ctx context.Context, method string, call func(context.Context) error) error {
	wait := m.policy.backoff
	var err error
	for attempt := 0; attempt <= m.policy.maxRetries; attempt++ {
		err = call(ctx)
		if err == nil {
			return nil
		}
		v := m.policy.judge(err)
		var delay time.Duration
		switch {
		case ctx.Err() != nil:
			return fmt.Errorf("%s: %w (last error: %v)", method, ctx.Err(), err)
		case v.final:
			return err
		case v.flood:
			delay = v.wait
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
	return fmt.Errorf("%s: giving up after %d attempts: %w", method, m.policy.maxRetries+1, err)
}

// retryPolicy says which failed Bot API calls to repeat, and when.
type retryPolicy struct {
	unit       time.Duration // one retry_after unit
	backoff    time.Duration // first wait after a 5xx or network error; doubles
	maxRetries int           // repeats after 5xx and network errors
	maxFloods  int           // repeats after 429s (each waits what Telegram asks)
}

func newRetryPolicy(unit time.Duration) retryPolicy {
	if unit <= 0 {
		unit = time.Second
	}
	return retryPolicy{unit: unit, backoff: unit / 2, maxRetries: 6, maxFloods: 20}
}

// verdict is what to do about one failed call.
type verdict struct {
	final bool          // do not repeat
	flood bool          // 429: repeat after wait
	wait  time.Duration // retry_after in real time (flood only)
}

func (r retryPolicy) judge(err error) verdict {
	var tooMany *tg.TooManyRequestsError
	switch {
	case errors.As(err, &tooMany):
		return verdict{flood: true, wait: time.Duration(max(tooMany.RetryAfter, 1)) * r.unit}
	case errors.Is(err, tg.ErrorBadRequest), errors.Is(err, tg.ErrorForbidden),
		errors.Is(err, tg.ErrorUnauthorized), errors.Is(err, tg.ErrorNotFound):
		return verdict{final: true}
	}
	var migrated *tg.MigrateError
	if errors.As(err, &migrated) {
		return verdict{final: true}
	}
	return verdict{}
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
