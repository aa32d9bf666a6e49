package botapitest

import (
	"context"
	"errors"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

func TestSendMessageWithInlineKeyboardIsRecorded(t *testing.T) {
	s := NewServer(t)
	b := newClient(t, s)
	ctx := context.Background()

	sent, err := b.SendMessage(ctx, &bot.SendMessageParams{
		ChatID: aliceDM.ID,
		Text:   "物业费可以在物业前台或 App 缴纳。",
		ReplyMarkup: keyboard(
			[]models.InlineKeyboardButton{{Text: "不是我要问的", CallbackData: "faq:miss:fee"}},
			[]models.InlineKeyboardButton{{Text: "报告问题", CallbackData: "concern:new"}, {Text: "Guide", URL: "https://example.org/guide"}},
		),
	})
	if err != nil {
		t.Fatalf("SendMessage: %v", err)
	}

	got := s.Sent(aliceDM.ID)
	if len(got) != 1 {
		t.Fatalf("Sent = %d messages, want 1", len(got))
	}
	m := got[0]
	if m.MessageID != sent.ID || m.Text != "物业费可以在物业前台或 App 缴纳。" || !m.FromBot {
		t.Errorf("recorded %+v, client got id %d", m, sent.ID)
	}
	if len(m.Keyboard) != 2 || len(m.Keyboard[0]) != 1 || len(m.Keyboard[1]) != 2 {
		t.Fatalf("keyboard shape = %v, want rows of 1 and 2", m.Keyboard)
	}
	miss := m.Keyboard[0][0]
	if miss.Text != "不是我要问的" || miss.CallbackData != "faq:miss:fee" {
		t.Errorf("first button = %+v", miss)
	}
	// go-telegram/bot sends "copy_text":{"text":""} with every button; it must be accepted and visible.
	if !slices.Contains(miss.Fields, "copy_text") || miss.CopyText != "" {
		t.Errorf("first button fields = %v (copy_text %q), want copy_text present and empty", miss.Fields, miss.CopyText)
	}
	if b2, ok := m.Button("Guide"); !ok || b2.URL != "https://example.org/guide" {
		t.Errorf("Guide button = %+v, %v", b2, ok)
	}
	// The client sees the keyboard echoed back, like from Telegram.
	if sent.ReplyMarkup == nil || len(sent.ReplyMarkup.InlineKeyboard) != 2 || sent.ReplyMarkup.InlineKeyboard[1][0].CallbackData != "concern:new" {
		t.Errorf("returned reply_markup = %+v", sent.ReplyMarkup)
	}
	if sent.Chat.ID != aliceDM.ID || sent.Chat.Type != models.ChatTypePrivate || sent.From == nil || !sent.From.IsBot {
		t.Errorf("returned chat/from = %+v / %+v", sent.Chat, sent.From)
	}
}

func TestMessageIDsIncreasePerChat(t *testing.T) {
	s := NewServer(t)
	b := newClient(t, s)
	ctx := context.Background()
	var ids []int
	for _, chat := range []int64{aliceDM.ID, aliceDM.ID, staffChat.ID, aliceDM.ID} {
		m, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: chat, Text: "x"})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, m.ID)
	}
	if want := []int{1, 2, 1, 3}; !slices.Equal(ids, want) {
		t.Errorf("message ids = %v, want %v", ids, want)
	}
}

func TestPollingReceivesUserMessageAndCallbackPress(t *testing.T) {
	s := NewServer(t)
	b, updates := startPolling(t, s)
	ctx := context.Background()

	s.UserSays(aliceDM, alice, "物业费怎么交？")
	u := nextUpdate(t, updates)
	if u.Message == nil || u.Message.Text != "物业费怎么交？" || u.Message.Chat.ID != aliceDM.ID ||
		u.Message.From == nil || u.Message.From.ID != alice.ID || u.Message.From.LanguageCode != "zh-hans" {
		t.Fatalf("message update = %+v", u.Message)
	}

	sent, err := b.SendMessage(ctx, &bot.SendMessageParams{
		ChatID:          aliceDM.ID,
		Text:            "在前台缴纳。",
		ReplyParameters: &models.ReplyParameters{MessageID: u.Message.ID},
		ReplyMarkup:     keyboard([]models.InlineKeyboardButton{{Text: "不是我要问的", CallbackData: "faq:miss"}}),
	})
	if err != nil {
		t.Fatalf("SendMessage: %v", err)
	}
	if got := s.Sent(aliceDM.ID)[0].ReplyTo; got != u.Message.ID {
		t.Errorf("recorded reply-to = %d, want %d", got, u.Message.ID)
	}

	s.UserPressesButton(t, aliceDM, alice, sent.ID, "不是我要问的")
	u = nextUpdate(t, updates)
	q := u.CallbackQuery
	if q == nil || q.Data != "faq:miss" || q.From.ID != alice.ID {
		t.Fatalf("callback update = %+v", q)
	}
	if q.Message.Message == nil || q.Message.Message.ID != sent.ID || q.Message.Message.Text != "在前台缴纳。" ||
		q.Message.Message.ReplyMarkup == nil {
		t.Fatalf("callback carries message %+v, want the bot's message as sent", q.Message.Message)
	}

	if _, err := b.AnswerCallbackQuery(ctx, &bot.AnswerCallbackQueryParams{CallbackQueryID: q.ID, Text: "好的"}); err != nil {
		t.Fatalf("AnswerCallbackQuery: %v", err)
	}
	answers := s.CallbackAnswers()
	if len(answers) != 1 || answers[0].Text != "好的" || answers[0].Data != "faq:miss" || answers[0].MessageID != sent.ID {
		t.Errorf("answers = %+v", answers)
	}
	_, err = b.AnswerCallbackQuery(ctx, &bot.AnswerCallbackQueryParams{CallbackQueryID: q.ID})
	if !errors.Is(err, bot.ErrorBadRequest) || !strings.Contains(err.Error(), "query is too old") {
		t.Errorf("second answer: err = %v, want 400 query is too old", err)
	}
	if len(s.UnansweredCallbacks()) != 0 {
		t.Errorf("unanswered = %v", s.UnansweredCallbacks())
	}
}

func TestPressOnUnknownMessageCarriesInaccessibleMessage(t *testing.T) {
	s := NewServer(t)
	_, updates := startPolling(t, s)
	s.UserPresses(aliceDM, alice, 999, "old:data")
	u := nextUpdate(t, updates)
	if u.CallbackQuery == nil || u.CallbackQuery.Message.Message != nil || u.CallbackQuery.Message.InaccessibleMessage == nil ||
		u.CallbackQuery.Message.InaccessibleMessage.MessageID != 999 {
		t.Fatalf("callback = %+v, want an inaccessible message 999", u.CallbackQuery)
	}
}

func TestClientPollingConfirmsUpdates(t *testing.T) {
	s := NewServer(t)
	_, updates := startPolling(t, s)
	first := s.UserSays(aliceDM, alice, "one")
	last := s.UserSays(aliceDM, alice, "two")
	nextUpdate(t, updates)
	nextUpdate(t, updates)
	// The client confirms with its next getUpdates (offset = last + 1).
	s.WaitFor(t, testWait, func(s *Server) bool { return s.Confirmed() == last })
	if s.Pending() != 0 || last != first+1 {
		t.Errorf("pending = %d, ids %d,%d", s.Pending(), first, last)
	}
}

func TestTextRulesAre400ThroughClient(t *testing.T) {
	s := NewServer(t)
	b := newClient(t, s)
	ctx := context.Background()
	send := func(text string, mode models.ParseMode, data string) error {
		p := &bot.SendMessageParams{ChatID: aliceDM.ID, Text: text, ParseMode: mode}
		if data != "" {
			p.ReplyMarkup = keyboard([]models.InlineKeyboardButton{{Text: "b", CallbackData: data}})
		}
		_, err := b.SendMessage(ctx, p)
		return err
	}
	cases := []struct {
		name, text string
		mode       models.ParseMode
		data       string
		wantErr    string // "" = accepted
	}{
		{"4096 Chinese characters", strings.Repeat("字", 4096), "", "", ""},
		{"4097 Chinese characters", strings.Repeat("字", 4097), "", "", "message is too long"},
		{"emoji count two UTF-16 units", strings.Repeat("😀", 2049), "", "", "message is too long"},
		{"HTML tags do not count", "<b>" + strings.Repeat("a", 4096) + "</b>", models.ParseModeHTML, "", ""},
		{"empty", "", "", "", "message text is empty"},
		{"only spaces", "   \n", "", "", "message text is empty"},
		{"callback data 64 bytes", "ok", "", strings.Repeat("d", 64), ""},
		{"callback data 65 bytes", "ok", "", strings.Repeat("d", 65), "BUTTON_DATA_INVALID"},
		{"callback data 22 Chinese chars = 66 bytes", "ok", "", strings.Repeat("字", 22), "BUTTON_DATA_INVALID"},
		{"unescaped < in HTML", "price < 5", models.ParseModeHTML, "", "can't parse entities"},
		{"unescaped & in HTML", "A & B", models.ParseModeHTML, "", "can't parse entities"},
		{"unescaped . in MarkdownV2", "物业费。Pay at the desk.", models.ParseModeMarkdown, "", "can't parse entities"},
		{"unknown parse mode", "x", "Textile", "", "unsupported parse_mode"},
	}
	for _, c := range cases {
		err := send(c.text, c.mode, c.data)
		switch {
		case c.wantErr == "" && err != nil:
			t.Errorf("%s: err = %v, want accepted", c.name, err)
		case c.wantErr != "" && (!errors.Is(err, bot.ErrorBadRequest) || !strings.Contains(err.Error(), c.wantErr)):
			t.Errorf("%s: err = %v, want 400 %q", c.name, err, c.wantErr)
		}
	}
	if n := len(s.Sent(aliceDM.ID)); n != 3 {
		t.Errorf("recorded %d messages, want the 3 accepted", n)
	}
}

func TestEditMessageTextAndReplyMarkup(t *testing.T) {
	s := NewServer(t)
	b := newClient(t, s)
	ctx := context.Background()
	kb := keyboard([]models.InlineKeyboardButton{{Text: "认领", CallbackData: "claim:7"}})
	m, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: staffChat.ID, Text: "工单 #7", ReplyMarkup: kb})
	if err != nil {
		t.Fatal(err)
	}

	_, err = b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: staffChat.ID, MessageID: m.ID, Text: "工单 #7", ReplyMarkup: kb})
	if !errors.Is(err, bot.ErrorBadRequest) || !strings.Contains(err.Error(), "message is not modified") {
		t.Errorf("identical edit: err = %v, want 400 message is not modified", err)
	}
	// Leaving out reply_markup removes the keyboard, as on Telegram.
	edited, err := b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: staffChat.ID, MessageID: m.ID, Text: "工单 #7 — 已认领"})
	if err != nil {
		t.Fatalf("EditMessageText: %v", err)
	}
	got, _ := s.Message(staffChat.ID, m.ID)
	if got.Text != "工单 #7 — 已认领" || got.Keyboard != nil || got.Edits != 1 || got.EditedAt.IsZero() || edited.EditDate == 0 {
		t.Errorf("after text edit: %+v (client edit_date %d)", got, edited.EditDate)
	}
	if _, err := b.EditMessageReplyMarkup(ctx, &bot.EditMessageReplyMarkupParams{ChatID: staffChat.ID, MessageID: m.ID, ReplyMarkup: kb}); err != nil {
		t.Fatalf("EditMessageReplyMarkup: %v", err)
	}
	if got, _ := s.Message(staffChat.ID, m.ID); got.Keyboard == nil || got.Keyboard[0][0].CallbackData != "claim:7" || got.Edits != 2 {
		t.Errorf("after markup edit: %+v", got)
	}
	_, err = b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: staffChat.ID, MessageID: 99, Text: "x"})
	if !errors.Is(err, bot.ErrorBadRequest) || !strings.Contains(err.Error(), "message to edit not found") {
		t.Errorf("edit of missing message: err = %v", err)
	}
	s.UserSays(staffChat, bob, "我来处理")
	_, err = b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: staffChat.ID, MessageID: s.LastMessageID(staffChat.ID), Text: "x"})
	if !errors.Is(err, bot.ErrorBadRequest) || !strings.Contains(err.Error(), "message can't be edited") {
		t.Errorf("edit of a user's message: err = %v", err)
	}
}

func TestReplyToMissingMessageIs400(t *testing.T) {
	s := NewServer(t)
	b := newClient(t, s)
	ctx := context.Background()
	_, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: aliceDM.ID, Text: "x", ReplyParameters: &models.ReplyParameters{MessageID: 5}})
	if !errors.Is(err, bot.ErrorBadRequest) || !strings.Contains(err.Error(), "message to be replied not found") {
		t.Errorf("err = %v", err)
	}
	_, err = b.SendMessage(ctx, &bot.SendMessageParams{ChatID: aliceDM.ID, Text: "x",
		ReplyParameters: &models.ReplyParameters{MessageID: 5, AllowSendingWithoutReply: true}})
	if err != nil {
		t.Errorf("allow_sending_without_reply: err = %v", err)
	}
}

func TestPhotosAndFiles(t *testing.T) {
	s := NewServer(t)
	b := newClient(t, s)
	ctx := context.Background()
	_, updates := startPolling(t, s)

	s.UserSendsPhoto(aliceDM, alice, "AgACphoto1", "墙面渗水")
	u := nextUpdate(t, updates)
	if u.Message == nil || len(u.Message.Photo) == 0 || u.Message.Photo[len(u.Message.Photo)-1].FileID != "AgACphoto1" || u.Message.Caption != "墙面渗水" {
		t.Fatalf("photo update = %+v", u.Message)
	}
	f, err := b.GetFile(ctx, &bot.GetFileParams{FileID: "AgACphoto1"})
	if err != nil || f.FilePath == "" {
		t.Fatalf("GetFile = %+v, %v", f, err)
	}
	resp, err := http.Get(b.FileDownloadLink(f))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || len(body) == 0 {
		t.Errorf("download: %d, %d bytes", resp.StatusCode, len(body))
	}

	// Forward the resident's photo to the staff group by file_id.
	if _, err := b.SendPhoto(ctx, &bot.SendPhotoParams{ChatID: staffChat.ID, Photo: &models.InputFileString{Data: "AgACphoto1"}, Caption: "工单 #8"}); err != nil {
		t.Fatalf("SendPhoto: %v", err)
	}
	if got := s.Sent(staffChat.ID); len(got) != 1 || got[0].PhotoFileID != "AgACphoto1" || got[0].Text != "工单 #8" {
		t.Errorf("sent photo = %+v", got)
	}
	_, err = b.SendPhoto(ctx, &bot.SendPhotoParams{ChatID: staffChat.ID, Photo: &models.InputFileString{Data: "nope"}})
	if !errors.Is(err, bot.ErrorBadRequest) || !strings.Contains(err.Error(), "wrong file identifier") {
		t.Errorf("unknown file_id: err = %v", err)
	}
	_, err = b.SendPhoto(ctx, &bot.SendPhotoParams{ChatID: staffChat.ID, Photo: &models.InputFileString{Data: "AgACphoto1"}, Caption: strings.Repeat("字", 1025)})
	if !errors.Is(err, bot.ErrorBadRequest) || !strings.Contains(err.Error(), "caption is too long") {
		t.Errorf("long caption: err = %v", err)
	}
	if _, err := b.GetFile(ctx, &bot.GetFileParams{FileID: "nope"}); !errors.Is(err, bot.ErrorBadRequest) {
		t.Errorf("GetFile unknown: err = %v", err)
	}
}

func TestGetChatMember(t *testing.T) {
	s := NewServer(t)
	b := newClient(t, s)
	ctx := context.Background()
	s.SetMember(staffChat.ID, 20001, StatusAdministrator)
	status := func(user int64) models.ChatMemberType {
		t.Helper()
		m, err := b.GetChatMember(ctx, &bot.GetChatMemberParams{ChatID: staffChat.ID, UserID: user})
		if err != nil {
			t.Fatalf("GetChatMember(%d): %v", user, err)
		}
		return m.Type
	}
	if got := status(20001); got != models.ChatMemberTypeAdministrator {
		t.Errorf("admin: %q", got)
	}
	if got := status(bob.ID); got != models.ChatMemberTypeLeft {
		t.Errorf("stranger: %q", got)
	}
	s.UserSays(staffChat, bob, "hi")
	if got := status(bob.ID); got != models.ChatMemberTypeMember {
		t.Errorf("after speaking in the group: %q", got)
	}
	s.SetMember(staffChat.ID, bob.ID, StatusLeft)
	if got := status(bob.ID); got != models.ChatMemberTypeLeft {
		t.Errorf("after leaving: %q", got)
	}
}

func TestWrongTokenIsUnauthorized(t *testing.T) {
	s := NewServer(t)
	b, err := bot.New("1:wrong", bot.WithServerURL(s.URL), bot.WithSkipGetMe())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.GetMe(context.Background()); !errors.Is(err, bot.ErrorUnauthorized) {
		t.Errorf("GetMe with a wrong token: err = %v, want unauthorized", err)
	}
	// Without WithSkipGetMe, bot.New's getMe is answered.
	if _, err := bot.New(Token, bot.WithServerURL(s.URL)); err != nil {
		t.Errorf("bot.New with getMe: %v", err)
	}
}

func TestWebhookCallsAreRecorded(t *testing.T) {
	s := NewServer(t)
	b := newClient(t, s)
	ctx := context.Background()
	s.UserSays(aliceDM, alice, "queued")
	if _, err := b.SetWebhook(ctx, &bot.SetWebhookParams{URL: "https://codesk.example/tg", SecretToken: "s3cret"}); err != nil {
		t.Fatal(err)
	}
	if s.WebhookURL() != "https://codesk.example/tg" {
		t.Errorf("webhook = %q", s.WebhookURL())
	}
	code, a := call(t, ctx, s, "getUpdates", "", "")
	if code != http.StatusConflict || a.ErrorCode != 409 {
		t.Errorf("getUpdates with a webhook: %d %+v", code, a)
	}
	if _, err := b.DeleteWebhook(ctx, &bot.DeleteWebhookParams{DropPendingUpdates: true}); err != nil {
		t.Fatal(err)
	}
	calls := s.WebhookCalls()
	if len(calls) != 2 || calls[0].SecretToken != "s3cret" || !calls[1].DropPendingUpdates || s.Pending() != 0 || s.WebhookURL() != "" {
		t.Errorf("calls = %+v, pending %d", calls, s.Pending())
	}
}
