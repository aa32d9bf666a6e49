package botapitest

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/go-telegram/bot/models"
)

// renderChecked parses text under parseMode and applies Telegram's length rules.
func renderChecked(text, parseMode string, maxLen int, emptyAllowed bool, tooLong string) (string, *apiError) {
	plain, err := renderText(text, parseMode)
	if err != nil {
		return "", badRequest("%v", err)
	}
	plain = strings.TrimSpace(plain)
	if plain == "" && !emptyAllowed {
		return "", badRequest("message text is empty")
	}
	if utf16Len(plain) > maxLen {
		return "", badRequest("%s", tooLong)
	}
	return plain, nil
}

// outgoing is a validated bot message about to be stored.
type outgoing struct {
	chatID    int64
	text, raw string
	parseMode string
	markup    string
	keyboard  [][]Button
	inline    json.RawMessage
	photo     string
}

func (s *Server) sendMessage(_ context.Context, p params) (any, *apiError) {
	chatID, aerr := chatIDParam(p)
	if aerr != nil {
		return nil, aerr
	}
	if strings.TrimSpace(p.str("text")) == "" {
		return nil, badRequest("message text is empty")
	}
	out := outgoing{chatID: chatID, raw: p.str("text"), parseMode: p.str("parse_mode"), markup: p.str("reply_markup")}
	if out.text, aerr = renderChecked(out.raw, out.parseMode, MaxTextLen, false, "message is too long"); aerr != nil {
		return nil, aerr
	}
	return s.send("sendMessage", p, out)
}

func (s *Server) sendPhoto(_ context.Context, p params) (any, *apiError) {
	chatID, aerr := chatIDParam(p)
	if aerr != nil {
		return nil, aerr
	}
	out := outgoing{chatID: chatID, raw: p.str("caption"), parseMode: p.str("parse_mode"), markup: p.str("reply_markup")}
	if out.text, aerr = renderChecked(out.raw, out.parseMode, MaxCaptionLen, true, "message caption is too long"); aerr != nil {
		return nil, aerr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	photo := p.str("photo")
	switch upload, isUpload := p.files["photo"]; {
	case isUpload:
		out.photo = s.newFileLocked("photos", upload)
	case strings.HasPrefix(photo, "http://") || strings.HasPrefix(photo, "https://"):
		out.photo = s.newFileLocked("photos", nil)
	case photo == "":
		return nil, badRequest("there is no photo in the request")
	case s.files[photo] == nil:
		return nil, badRequest("wrong file identifier/HTTP URL specified")
	default:
		out.photo = photo
	}
	return s.sendLocked("sendPhoto", p, out)
}

func (s *Server) send(method string, p params, out outgoing) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sendLocked(method, p, out)
}

// sendLocked applies the checks common to all sends, in Telegram's order as far as
// it is known, then stores the message.
func (s *Server) sendLocked(method string, p params, out outgoing) (any, *apiError) {
	var err error
	if out.keyboard, out.inline, err = parseReplyMarkup(out.markup); err != nil {
		return nil, badRequest("%v", err)
	}
	replyTo, aerr := s.replyToLocked(out.chatID, p)
	if aerr != nil {
		return nil, aerr
	}
	if s.blocked[out.chatID] {
		return nil, &apiError{code: http.StatusForbidden, desc: "Forbidden: bot was blocked by the user"}
	}
	if aerr := s.admitSendLocked(method, out.chatID); aerr != nil {
		return nil, aerr
	}
	st := s.storeLocked(s.chatLocked(Chat{ID: out.chatID}), Message{
		FromBot:     true,
		From:        s.botUser,
		Text:        out.text,
		Raw:         out.raw,
		ParseMode:   out.parseMode,
		Keyboard:    out.keyboard,
		ReplyMarkup: out.markup,
		ReplyTo:     replyTo,
		PhotoFileID: out.photo,
	}, out.inline)
	s.logLocked("BOT    %s", st.msg)
	return s.wireLocked(st, true), nil
}

// replyToLocked reads reply_parameters (or the legacy reply_to_message_id).
func (s *Server) replyToLocked(chatID int64, p params) (int, *apiError) {
	var rp struct {
		MessageID                int  `json:"message_id"`
		AllowSendingWithoutReply bool `json:"allow_sending_without_reply"`
	}
	if raw := p.str("reply_parameters"); raw != "" {
		if err := json.Unmarshal([]byte(raw), &rp); err != nil {
			return 0, badRequest("can't parse reply parameters JSON object")
		}
	} else if id, _, err := p.int64("reply_to_message_id"); err != nil {
		return 0, badRequest("%v", err)
	} else {
		rp.MessageID = int(id)
		rp.AllowSendingWithoutReply = p.bool("allow_sending_without_reply")
	}
	if rp.MessageID == 0 {
		return 0, nil
	}
	if c := s.chats[chatID]; c != nil && c.byID[rp.MessageID] != nil {
		return rp.MessageID, nil
	}
	if rp.AllowSendingWithoutReply {
		return 0, nil
	}
	return 0, badRequest("message to be replied not found")
}

func (s *Server) editMessageText(_ context.Context, p params) (any, *apiError) {
	return s.edit(p, true)
}

func (s *Server) editMessageReplyMarkup(_ context.Context, p params) (any, *apiError) {
	return s.edit(p, false)
}

// editMessageCaption edits a photo's caption: the text of a photo message.
func (s *Server) editMessageCaption(_ context.Context, p params) (any, *apiError) {
	return s.editCaption(p)
}

// edit implements editMessageText (withText) and editMessageReplyMarkup. As on
// Telegram, leaving out reply_markup removes the inline keyboard.
func (s *Server) edit(p params, withText bool) (any, *apiError) {
	return s.editMode(p, withText, false)
}

func (s *Server) editCaption(p params) (any, *apiError) {
	return s.editMode(p, true, true)
}

// editMode edits text (withText), or a photo's caption (caption).
func (s *Server) editMode(p params, withText, caption bool) (any, *apiError) {
	if p.str("inline_message_id") != "" {
		return nil, badRequest("message to edit not found") // inline messages are not simulated
	}
	chatID, aerr := chatIDParam(p)
	if aerr != nil {
		return nil, aerr
	}
	msgID, _, err := p.int64("message_id")
	if err != nil || msgID == 0 {
		return nil, badRequest("message to edit not found")
	}
	keyboard, inline, err := parseReplyMarkup(p.str("reply_markup"))
	if err != nil {
		return nil, badRequest("%v", err)
	}
	var text string
	switch {
	case caption:
		if text, aerr = renderChecked(p.str("caption"), p.str("parse_mode"), MaxCaptionLen, true, "message caption is too long"); aerr != nil {
			return nil, aerr
		}
	case withText:
		if strings.TrimSpace(p.str("text")) == "" {
			return nil, badRequest("message text is empty")
		}
		if text, aerr = renderChecked(p.str("text"), p.str("parse_mode"), MaxTextLen, false, "message is too long"); aerr != nil {
			return nil, aerr
		}
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.chats[chatID]
	if c == nil || c.byID[int(msgID)] == nil {
		return nil, badRequest("message to edit not found")
	}
	st := c.byID[int(msgID)]
	if !st.msg.FromBot {
		return nil, badRequest("message can't be edited")
	}
	if withText && !caption && st.msg.PhotoFileID != "" {
		return nil, badRequest("there is no text in the message to edit")
	}
	if caption && st.msg.PhotoFileID == "" {
		return nil, badRequest("there is no caption in the message to edit")
	}
	if !withText {
		text = st.msg.Text
	}
	if text == st.msg.Text && bytes.Equal(inline, st.inline) {
		return nil, badRequest("message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message")
	}
	if withText {
		raw := p.str("text")
		if caption {
			raw = p.str("caption")
		}
		st.msg.Text, st.msg.Raw, st.msg.ParseMode = text, raw, p.str("parse_mode")
	}
	st.msg.Keyboard, st.msg.ReplyMarkup, st.inline = keyboard, p.str("reply_markup"), inline
	st.msg.EditedAt = s.now()
	st.msg.Edits++
	s.logLocked("EDIT   %s", st.msg)
	return s.wireLocked(st, true), nil
}

// chatLocked returns the chat's state, creating it; it learns type and title
// from c when they are given.
func (s *Server) chatLocked(c Chat) *chatState {
	st := s.chats[c.ID]
	if st == nil {
		st = &chatState{info: Chat{ID: c.ID}, byID: map[int]*stored{}}
		s.chats[c.ID] = st
	}
	if c.Type != "" {
		st.info.Type = c.Type
	}
	if c.Title != "" {
		st.info.Title = c.Title
	}
	return st
}

// storeLocked gives m the chat's next message_id and date and keeps it.
func (s *Server) storeLocked(c *chatState, m Message, inline json.RawMessage) *stored {
	c.nextID++
	m.ChatID, m.MessageID, m.Date = c.info.ID, c.nextID, s.now()
	st := &stored{msg: m, inline: inline}
	c.msgs = append(c.msgs, st)
	c.byID[m.MessageID] = st
	return st
}

// wireLocked renders a stored message as the Bot API returns it (one level of
// reply_to_message, like Telegram).
func (s *Server) wireLocked(st *stored, withReply bool) *models.Message {
	m := st.msg
	c := s.chats[m.ChatID].info
	w := &models.Message{
		ID:   m.MessageID,
		From: wireUser(m.From, m.FromBot),
		Date: int(m.Date.Unix()),
		Chat: models.Chat{ID: c.ID, Type: models.ChatType(c.kind()), Title: c.Title},
	}
	if c.kind() == ChatPrivate {
		if u, ok := s.users[c.ID]; ok {
			w.Chat.FirstName, w.Chat.LastName, w.Chat.Username = u.FirstName, u.LastName, u.Username
		}
	}
	if !m.EditedAt.IsZero() {
		w.EditDate = int(m.EditedAt.Unix())
	}
	switch {
	case m.PhotoFileID != "":
		w.Caption = m.Text
		w.Photo = []models.PhotoSize{
			{FileID: m.PhotoFileID + "-thumb", FileUniqueID: "u" + m.PhotoFileID + "-thumb", Width: 90, Height: 68, FileSize: 1200},
			{FileID: m.PhotoFileID, FileUniqueID: "u" + m.PhotoFileID, Width: 1280, Height: 960, FileSize: 98765},
		}
	case m.StickerFileID != "":
		w.Sticker = &models.Sticker{FileID: m.StickerFileID, FileUniqueID: "u" + m.StickerFileID, Type: "regular", Width: 512, Height: 512, Emoji: "👍"}
	default:
		w.Text = m.Text
	}
	if st.inline != nil {
		var kb models.InlineKeyboardMarkup
		if json.Unmarshal(st.inline, &kb) == nil {
			w.ReplyMarkup = &kb
		}
	}
	if withReply && m.ReplyTo != 0 {
		if orig := s.chats[m.ChatID].byID[m.ReplyTo]; orig != nil {
			w.ReplyToMessage = s.wireLocked(orig, false)
		}
	}
	return w
}

func wireUser(u User, isBot bool) *models.User {
	return &models.User{ID: u.ID, IsBot: isBot, FirstName: u.FirstName, LastName: u.LastName, Username: u.Username, LanguageCode: u.LanguageCode}
}

// Sent returns the bot's messages to chatID, oldest first, as they are now
// (after edits).
func (s *Server) Sent(chatID int64) []Message {
	return s.messages(chatID, func(m Message) bool { return m.FromBot })
}

// Messages returns every message in chatID (the bot's and simulated users'), oldest first.
func (s *Server) Messages(chatID int64) []Message {
	return s.messages(chatID, func(Message) bool { return true })
}

// Message returns one message of chatID.
func (s *Server) Message(chatID int64, messageID int) (Message, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c := s.chats[chatID]; c != nil && c.byID[messageID] != nil {
		return c.byID[messageID].msg, true
	}
	return Message{}, false
}

// SentTotal counts the bot's messages across all chats.
func (s *Server) SentTotal() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, c := range s.chats {
		for _, st := range c.msgs {
			if st.msg.FromBot {
				n++
			}
		}
	}
	return n
}

func (s *Server) messages(chatID int64, keep func(Message) bool) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.chats[chatID]
	if c == nil {
		return nil
	}
	var out []Message
	for _, st := range c.msgs {
		if keep(st.msg) {
			out = append(out, st.msg)
		}
	}
	return out
}

// LastMessageID is the newest message_id in chatID (anyone's); 0 for an empty chat.
// Pair it with WaitReply: id := s.LastMessageID(c); s.UserSays(...); s.WaitReply(t, c, id, ...).
func (s *Server) LastMessageID(chatID int64) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c := s.chats[chatID]; c != nil {
		return c.nextID
	}
	return 0
}
