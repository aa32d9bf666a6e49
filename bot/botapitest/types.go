package botapitest

import (
	"fmt"
	"strings"
	"time"
)

// Token is the only bot token the fake accepts; any other gets 401 Unauthorized.
const Token = "123456789:AAFakeTokenForBotapitestOnly0000000"

// BotID is the bot's user id (the number before the colon in Token).
const BotID int64 = 123456789

// Chat types as Telegram spells them.
const (
	ChatPrivate    = "private"
	ChatGroup      = "group"
	ChatSupergroup = "supergroup"
)

// User is a Telegram user the tests impersonate.
type User struct {
	ID           int64
	FirstName    string
	LastName     string
	Username     string
	LanguageCode string // e.g. "zh-hans", "en"; empty is allowed
}

// Chat is a Telegram chat. Private chats have the user's id (positive);
// groups and supergroups have negative ids.
type Chat struct {
	ID    int64
	Type  string // ChatPrivate, ChatGroup or ChatSupergroup; empty: inferred from the id's sign
	Title string // groups only
}

// PrivateChat is the private chat between the bot and u.
func PrivateChat(u User) Chat { return Chat{ID: u.ID, Type: ChatPrivate} }

// GroupChat is a supergroup (what staff groups are in practice); id must be negative.
func GroupChat(id int64, title string) Chat {
	return Chat{ID: id, Type: ChatSupergroup, Title: title}
}

func (c Chat) kind() string {
	if c.Type != "" {
		return c.Type
	}
	if c.ID < 0 {
		return ChatSupergroup
	}
	return ChatPrivate
}

// Button is one inline keyboard button as the bot sent it.
type Button struct {
	Text         string
	CallbackData string
	URL          string
	CopyText     string   // copy_text.text; go-telegram/bot always sends copy_text, usually empty
	Fields       []string // JSON keys present in the button, sorted (e.g. callback_data, copy_text, text)
}

// Message is a message in a chat: sent by the bot (FromBot) or by a simulated user.
type Message struct {
	ChatID    int64
	MessageID int
	FromBot   bool
	From      User // the sender; for bot messages the bot itself

	// Text is what the recipient sees: parse_mode markup removed and HTML entities
	// decoded, surrounding whitespace trimmed. For photos it is the caption.
	Text      string
	Raw       string // text or caption exactly as the bot sent it
	ParseMode string // as sent: "", "HTML", "MarkdownV2", "Markdown"

	Keyboard    [][]Button // inline keyboard; nil when the message has none
	ReplyMarkup string     // raw reply_markup JSON as sent (any keyboard type); "" when none
	ReplyTo     int        // message_id this one replies to; 0 when none

	PhotoFileID   string // sendPhoto / UserSendsPhoto: the (largest) photo's file_id
	StickerFileID string

	Date     time.Time
	EditedAt time.Time // zero when never edited
	Edits    int       // number of successful editMessageText / editMessageReplyMarkup calls
}

// Buttons flattens the keyboard, row by row.
func (m Message) Buttons() []Button {
	var out []Button
	for _, row := range m.Keyboard {
		out = append(out, row...)
	}
	return out
}

// Button returns the first button whose text is label.
func (m Message) Button(label string) (Button, bool) {
	for _, b := range m.Buttons() {
		if b.Text == label {
			return b, true
		}
	}
	return Button{}, false
}

// String is a one-line description used in failure dumps.
func (m Message) String() string {
	who := "bot"
	if !m.FromBot {
		who = fmt.Sprintf("user %d", m.From.ID)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "chat %d #%d %s", m.ChatID, m.MessageID, who)
	if m.ReplyTo != 0 {
		fmt.Fprintf(&b, " reply-to #%d", m.ReplyTo)
	}
	if m.PhotoFileID != "" {
		fmt.Fprintf(&b, " photo %s", m.PhotoFileID)
	}
	if m.Edits > 0 {
		fmt.Fprintf(&b, " (edited %dx)", m.Edits)
	}
	fmt.Fprintf(&b, ": %q", m.Text)
	for _, row := range m.Keyboard {
		b.WriteString(" [")
		for i, btn := range row {
			if i > 0 {
				b.WriteString(" | ")
			}
			fmt.Fprintf(&b, "%s => %s", btn.Text, btn.CallbackData+btn.URL)
		}
		b.WriteString("]")
	}
	return b.String()
}

// CallbackAnswer is one answerCallbackQuery call that Telegram accepted.
type CallbackAnswer struct {
	QueryID   string
	Text      string
	ShowAlert bool
	URL       string
	CacheTime int
	At        time.Time

	// The press being answered.
	ChatID    int64
	MessageID int
	UserID    int64
	Data      string
}

// Rejection is a request the fake answered with ok=false (injected or not).
type Rejection struct {
	Method      string
	ChatID      int64 // 0 when the request had none
	Code        int
	Description string
	At          time.Time
}

func (r Rejection) String() string {
	return fmt.Sprintf("%s chat %d -> %d %s", r.Method, r.ChatID, r.Code, r.Description)
}

// Violation is a send that exceeded one of the configured Limits (answered 429).
type Violation struct {
	Method     string
	ChatID     int64
	Limit      string // "global", "chat" or "group"
	RetryAfter int
	At         time.Time
}

// WebhookCall records a setWebhook or deleteWebhook request.
type WebhookCall struct {
	Method             string // "setWebhook" or "deleteWebhook"
	URL                string
	SecretToken        string
	DropPendingUpdates bool
	At                 time.Time
}

// Member statuses for SetMember, as Telegram spells them.
const (
	StatusCreator       = "creator"
	StatusAdministrator = "administrator"
	StatusMember        = "member"
	StatusRestricted    = "restricted"
	StatusLeft          = "left"
	StatusKicked        = "kicked"
)
