package botapitest

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/go-telegram/bot/models"
)

// UserSays queues a text message from `from` in chat and returns its update_id.
// In a group, a user without a SetMember status becomes a member (they are
// speaking in it).
func (s *Server) UserSays(chat Chat, from User, text string) int64 {
	return s.userMessage(chat, from, Message{Text: text})
}

// UserReplies queues a text message replying to message replyTo of chat (e.g.
// staff replying to a ticket in their group). The reply carries the original as
// reply_to_message, like Telegram. A replyTo the chat does not hold is left out.
func (s *Server) UserReplies(chat Chat, from User, replyTo int, text string) int64 {
	return s.userMessage(chat, from, Message{Text: text, ReplyTo: replyTo})
}

// UserSendsPhoto queues a photo message. fileID becomes the largest PhotoSize
// (the last one), and getFile / downloads work for it.
func (s *Server) UserSendsPhoto(chat Chat, from User, fileID, caption string) int64 {
	return s.userMessage(chat, from, Message{Text: caption, PhotoFileID: fileID})
}

// UserSendsSticker queues a sticker message (a message without text, which bots
// must cope with).
func (s *Server) UserSendsSticker(chat Chat, from User) int64 {
	s.mu.Lock()
	id := s.newFileLocked("stickers", nil)
	s.mu.Unlock()
	return s.userMessage(chat, from, Message{StickerFileID: id})
}

func (s *Server) userMessage(chat Chat, from User, m Message) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.learnLocked(chat, from)
	m.From = from
	if m.PhotoFileID != "" && s.files[m.PhotoFileID] == nil {
		s.files[m.PhotoFileID] = &fileRecord{path: "photos/" + m.PhotoFileID + ".jpg", content: fakeJPEG}
		s.files[m.PhotoFileID+"-thumb"] = &fileRecord{path: "photos/" + m.PhotoFileID + "-thumb.jpg", content: fakeJPEG}
	}
	if m.ReplyTo != 0 && c.byID[m.ReplyTo] == nil {
		m.ReplyTo = 0
	}
	st := s.storeLocked(c, m, nil)
	s.logLocked("USER   %s", st.msg)
	return s.enqueueLocked(map[string]json.RawMessage{"message": mustJSON(s.wireLocked(st, true))})
}

// learnLocked records chat and user details so they appear in later updates and answers.
func (s *Server) learnLocked(chat Chat, from User) *chatState {
	if chat.Type == "" {
		chat.Type = chat.kind()
	}
	s.users[from.ID] = from
	c := s.chatLocked(chat)
	if chat.kind() != ChatPrivate {
		key := memberKey{chat.ID, from.ID}
		if _, ok := s.members[key]; !ok {
			s.members[key] = StatusMember
		}
	}
	return c
}

// UserPresses queues a callback_query for a press of a button with data on
// message messageID of chat. The query carries that message as the bot last
// sent or edited it; for a message the fake does not hold it carries an
// inaccessible message (date 0), as Telegram does for old messages. data is not
// checked against the keyboard, so tests can send stale or forged data.
func (s *Server) UserPresses(chat Chat, from User, messageID int, data string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.learnLocked(chat, from)
	s.nextPress++
	queryID := fmt.Sprintf("cbq-%d", s.nextPress)
	s.presses[queryID] = &press{chatID: chat.ID, messageID: messageID, userID: from.ID, data: data}

	q := models.CallbackQuery{
		ID:           queryID,
		From:         *wireUser(from, false),
		ChatInstance: fmt.Sprintf("ci%d", chat.ID),
		Data:         data,
	}
	if st := c.byID[messageID]; st != nil {
		q.Message = models.MaybeInaccessibleMessage{Type: models.MaybeInaccessibleMessageTypeMessage, Message: s.wireLocked(st, true)}
	} else {
		q.Message = models.MaybeInaccessibleMessage{
			Type:                models.MaybeInaccessibleMessageTypeInaccessibleMessage,
			InaccessibleMessage: &models.InaccessibleMessage{Chat: models.Chat{ID: chat.ID, Type: models.ChatType(chat.kind()), Title: chat.Title}, MessageID: messageID},
		}
	}
	s.logLocked("PRESS  chat %d #%d user %d data %q (query %s)", chat.ID, messageID, from.ID, data, queryID)
	return s.enqueueLocked(map[string]json.RawMessage{"callback_query": mustJSON(&q)})
}

// UserPressesButton presses the button labelled label on the bot's message
// messageID; the test fails when the message has no such button.
func (s *Server) UserPressesButton(t testing.TB, chat Chat, from User, messageID int, label string) int64 {
	t.Helper()
	m, ok := s.Message(chat.ID, messageID)
	if !ok {
		t.Fatalf("botapitest: chat %d has no message #%d\n%s", chat.ID, messageID, s.Dump())
	}
	b, ok := m.Button(label)
	if !ok {
		t.Fatalf("botapitest: message %s has no button %q", m, label)
	}
	return s.UserPresses(chat, from, messageID, b.CallbackData)
}

// UserSendsUpdate queues any update: a models.Update, *models.Update, or raw JSON
// ([]byte, json.RawMessage, string) for voice, documents, edits, member changes....
// The update_id is assigned by the server (any given one is replaced). Every
// "file_id" in it becomes known to getFile. The update is not recorded as a chat
// message.
func (s *Server) UserSendsUpdate(update any) (int64, error) {
	var raw []byte
	switch u := update.(type) {
	case []byte:
		raw = u
	case json.RawMessage:
		raw = u
	case string:
		raw = []byte(u)
	default:
		var err error
		if raw, err = json.Marshal(u); err != nil {
			return 0, fmt.Errorf("encode update: %w", err)
		}
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return 0, fmt.Errorf("update must be a JSON object: %w", err)
	}
	delete(fields, "update_id")
	var tree any
	_ = json.Unmarshal(raw, &tree)

	s.mu.Lock()
	defer s.mu.Unlock()
	s.registerFileIDsLocked(tree)
	id := s.enqueueLocked(fields)
	s.logLocked("UPDATE #%d %s", id, truncate(string(raw), 200))
	return id, nil
}

func (s *Server) registerFileIDsLocked(v any) {
	switch v := v.(type) {
	case map[string]any:
		for k, child := range v {
			if id, ok := child.(string); ok && k == "file_id" && s.files[id] == nil {
				s.files[id] = &fileRecord{path: "documents/" + id, content: []byte("botapitest file " + id)}
			}
			s.registerFileIDsLocked(child)
		}
	case []any:
		for _, child := range v {
			s.registerFileIDsLocked(child)
		}
	}
}

func mustJSON(v any) json.RawMessage {
	data, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("botapitest: encode %T: %v", v, err)) // our own wire types: a bug here
	}
	return data
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
