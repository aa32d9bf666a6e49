package bot

import (
	"strings"

	"github.com/go-telegram/bot/models"

	"codesk/handlers"
)

// toIncoming converts a Telegram update into a transport-neutral event. It
// reports false for updates codesk does not act on (edits, joins, polls…).
func toIncoming(upd *models.Update) (handlers.Incoming, bool) {
	if q := upd.CallbackQuery; q != nil {
		in := handlers.Incoming{
			UpdateID: upd.ID,
			UserID:   q.From.ID,
			UserName: displayName(q.From),
			UserLang: q.From.LanguageCode,
			Callback: &handlers.Callback{ID: q.ID, Data: q.Data},
		}
		// Message is nil when the message is too old to be accessible: the
		// user's id is then the private chat's id.
		if m := q.Message.Message; m != nil {
			in.ChatID = m.Chat.ID
			in.Chat = chatKind(m.Chat)
			in.Callback.MessageID = m.ID
		} else if m := q.Message.InaccessibleMessage; m != nil {
			in.ChatID = m.Chat.ID
			in.Chat = chatKind(m.Chat)
			in.Callback.MessageID = m.MessageID
		} else {
			in.ChatID = q.From.ID
		}
		return in, true
	}
	m := upd.Message
	if m == nil || m.From == nil || (m.From.IsBot && !fromGroupItself(m)) {
		return handlers.Incoming{}, false
	}
	in := handlers.Incoming{
		UpdateID:  upd.ID,
		ChatID:    m.Chat.ID,
		Chat:      chatKind(m.Chat),
		UserID:    m.From.ID,
		UserName:  displayName(*m.From),
		UserLang:  m.From.LanguageCode,
		MessageID: m.ID,
		Text:      m.Text,
	}
	if fromGroupItself(m) {
		// No person to name: the group stands for its admin. Staff replies
		// need no user id (writing in the party chat shows membership).
		in.UserID, in.UserName, in.UserLang = m.Chat.ID, m.Chat.Title, ""
		if m.AuthorSignature != "" {
			in.UserName = m.AuthorSignature // the admin's custom title
		}
	}
	if m.ReplyToMessage != nil {
		in.ReplyTo = m.ReplyToMessage.ID
	}
	switch {
	case len(m.Photo) > 0:
		in.Kind = handlers.PhotoMessage
		in.Text = m.Caption
		in.AlbumID = m.MediaGroupID
		for _, p := range m.Photo {
			in.PhotoIDs = append(in.PhotoIDs, p.FileID)
		}
	case m.Sticker != nil:
		in.Kind = handlers.StickerMessage
	case m.Voice != nil || m.Audio != nil || m.VideoNote != nil:
		in.Kind = handlers.VoiceMessage
	case m.Document != nil || m.Video != nil:
		in.Kind = handlers.FileMessage
		in.Text = m.Caption
		if d := m.Document; d != nil {
			in.Document = &handlers.Document{FileID: d.FileID, Name: d.FileName, Size: d.FileSize}
		}
	case m.Text != "":
		in.Kind = handlers.TextMessage
	case m.Location != nil:
		in.Kind = handlers.LocationMessage
		in.Location = &handlers.GeoPoint{Latitude: m.Location.Latitude, Longitude: m.Location.Longitude}
	case len(m.NewChatMembers) > 0 || m.LeftChatMember != nil || m.NewChatTitle != "" || m.PinnedMessage != nil:
		return handlers.Incoming{}, false // service messages: nothing to answer
	default:
		in.Kind = handlers.OtherMessage
	}
	return in, true
}

// fromGroupItself reports a message an anonymous admin posted as the group:
// Telegram sends it from @GroupAnonymousBot (a bot) with the group as
// sender chat, and only a group's admins can post as the group. Messages
// other bots, or users as their channels, post stay dropped.
func fromGroupItself(m *models.Message) bool {
	return m.SenderChat != nil && m.SenderChat.ID == m.Chat.ID && m.Chat.Type != models.ChatTypePrivate
}

func chatKind(c models.Chat) handlers.ChatKind {
	if c.Type == models.ChatTypePrivate {
		return handlers.PrivateChat
	}
	return handlers.GroupChat
}

func displayName(u models.User) string {
	name := strings.TrimSpace(u.FirstName + " " + u.LastName)
	if name == "" && u.Username != "" {
		name = "@" + u.Username
	}
	return name
}
