package handlers

import (
	"context"
	"errors"
	"fmt"
)

// ChatKind tells a private conversation from a group chat.
type ChatKind int

const (
	PrivateChat ChatKind = iota
	GroupChat
)

// MessageKind is what a resident sent; anything but text and photos gets a
// polite note.
type MessageKind int

const (
	TextMessage MessageKind = iota
	PhotoMessage
	StickerMessage
	VoiceMessage
	FileMessage
	LocationMessage
	OtherMessage
)

// Incoming is one thing a user did, in any transport.
type Incoming struct {
	UpdateID  int64 // transport's id for de-duplication; 0 when it has none
	ChatID    int64
	Chat      ChatKind
	UserID    int64
	UserName  string // display name, for staff-facing text
	UserLang  string // the client's language hint, e.g. "zh-hans" or "en"
	MessageID int
	// ReplyTo is the id of the message this one replies to (a staff reply
	// to a ticket card, a resident's reply to a relayed message); 0 if none.
	ReplyTo  int
	Kind     MessageKind
	Text     string   // message text or photo caption
	PhotoIDs []string // transport file ids, largest last
	// AlbumID ties photos sent together (Telegram's media group): they
	// arrive one by one, and only the first carries the caption
	AlbumID  string
	Location *GeoPoint // a shared location, when the resident sent one
	Document *Document // a file sent as a document (Kind FileMessage)
	Callback *Callback // set when a button was pressed
	// lastLang is the language the resident last wrote in, when known
	// (recallLanguage); set by the handler, not by transports
	lastLang string
	// notForTicket: the resident said this message is not for a ticket
	// ("no, it's a new concern"), so it is not offered to one again
	notForTicket bool
}

// Document is a file a user sent as a document; Size is 0 when unknown.
type Document struct {
	FileID string // transport file id, for Files.Download
	Name   string
	Size   int64
}

// GeoPoint is a location shared by a user.
type GeoPoint struct{ Latitude, Longitude float64 }

// Callback is a button press.
type Callback struct {
	ID        string // to acknowledge the press
	Data      string
	MessageID int // the message that carried the button; 0 when unknown
}

// Button is an inline button; Data travels back in a Callback.
type Button struct {
	Text string
	Data string
}

// OutMessage is a message to send. Text is plain: transports must not
// interpret markup in it.
type OutMessage struct {
	ChatID  int64
	Text    string
	Buttons [][]Button // rows of buttons
	ReplyTo int        // message id to reply to; 0 for none
	PhotoID string     // transport file id: send this photo with Text as its caption
}

// ErrUndeliverable marks a send that can never succeed — the user blocked
// the bot, the chat is gone, the message was refused — so retrying it is
// pointless. Messengers wrap such errors with it.
var ErrUndeliverable = errors.New("undeliverable")

// ErrRecipientGone marks, besides ErrUndeliverable, a recipient who can get
// no message at all (they blocked the bot or left Telegram), as opposed to
// one message refused (a bad photo id).
var ErrRecipientGone = errors.New("recipient cannot be reached")

// ChatMovedError is a send refused because the chat (a group) became a
// supergroup under another id, To: sent there, it goes through. Messengers
// wrap the transport's own error with it.
type ChatMovedError struct{ To int64 }

func (e *ChatMovedError) Error() string { return fmt.Sprintf("chat moved to %d", e.To) }

// Messenger delivers messages to users.
type Messenger interface {
	// Send delivers msg and returns the id of the (last) message sent.
	Send(ctx context.Context, msg OutMessage) (int, error)
	// Edit replaces the text and buttons of a sent message.
	Edit(ctx context.Context, chatID int64, messageID int, text string, buttons [][]Button) error
	// AnswerCallback acknowledges a button press, optionally with a short notice.
	AnswerCallback(ctx context.Context, callbackID, notice string) error
}

// Membership tells whether a user belongs to a chat (a party's staff group).
type Membership interface {
	IsMember(ctx context.Context, chatID, userID int64) (bool, error)
}
