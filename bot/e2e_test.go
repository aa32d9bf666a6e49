package bot_test

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"codesk/bot"
	"codesk/bot/botapitest"
	"codesk/faq"
	"codesk/handlers"
	"codesk/storage"
	"codesk/storage/storagetest"
)

// deskBot runs the real bot — the go-telegram/bot client, our poller, the
// handlers, the default FAQ and a real database — against the fake Bot API.
type deskBot struct {
	tg      *botapitest.Server
	db      *storage.DB
	catalog *faq.Catalog
}

func startDeskBot(t *testing.T) *deskBot {
	t.Helper()
	tg := botapitest.NewServer(t, botapitest.WithBotUsername("codesk_bot"))
	db := storagetest.Open(t)
	catalog := faq.NewCatalog(faq.Default())
	log := slog.New(slog.NewTextHandler(io.Discard, nil))

	ctx, cancel := context.WithCancel(context.Background())
	b, err := bot.New(ctx, bot.Options{Token: botapitest.Token, APIURL: tg.URL, PollTimeout: time.Second, Log: log})
	if err != nil {
		t.Fatalf("start bot: %v", err)
	}
	h := handlers.New(handlers.Deps{
		Messenger: b.Messenger(), FAQ: catalog, Residents: db, Questions: db,
		State: storage.NewMemoryState(time.Now), BotUsername: b.Username(), Log: log,
	})
	done := make(chan error, 1)
	go func() { done <- b.RunPolling(ctx, db, h) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Error("bot did not stop within 5s of cancellation")
		}
	})
	return &deskBot{tg: tg, db: db, catalog: catalog}
}

func (d *deskBot) answerOf(t *testing.T, question, lang string) string {
	t.Helper()
	r := d.catalog.Match(question)
	if r.ID == "" {
		t.Fatalf("the default FAQ has no confident answer to %q", question)
	}
	e, _ := d.catalog.Entry(r.ID)
	return e.Answer.In(lang)
}

func TestResidentAsksInChineseAndEnglishAndFindsItHelpful(t *testing.T) {
	d := startDeskBot(t)
	li := botapitest.User{ID: 4101, FirstName: "李", LanguageCode: "zh-hans"}
	chat := botapitest.PrivateChat(li)

	d.tg.UserSays(chat, li, "电梯什么时候换？")
	zh := d.tg.WaitReply(t, chat.ID, 0, 5*time.Second)
	if want := strings.TrimSpace(d.answerOf(t, "电梯什么时候换？", "zh")); zh.Text != want {
		t.Fatalf("Chinese answer:\n got %q\nwant %q", zh.Text, want)
	}
	if _, ok := zh.Button("👍 有帮助"); !ok {
		t.Fatalf("the answer must carry a helpful button, got %+v", zh.Buttons())
	}

	d.tg.UserSays(chat, li, "When will the lifts be replaced?")
	en := d.tg.WaitReply(t, chat.ID, zh.MessageID, 5*time.Second)
	if want := strings.TrimSpace(d.answerOf(t, "When will the lifts be replaced?", "en")); en.Text != want {
		t.Fatalf("English answer:\n got %q\nwant %q", en.Text, want)
	}

	d.tg.UserPressesButton(t, chat, li, en.MessageID, "👍 Helpful")
	d.tg.WaitFor(t, 5*time.Second, func(s *botapitest.Server) bool { return len(s.CallbackAnswers()) == 1 })
	if got := d.tg.CallbackAnswers()[0].Text; !strings.Contains(got, "Thank") {
		t.Errorf("the press is acknowledged with thanks, got %q", got)
	}
	qs, err := d.db.RecentQuestions(context.Background(), 2)
	if err != nil || len(qs) != 2 {
		t.Fatalf("question log: %v, %v", qs, err)
	}
	if qs[0].Helpful == nil || !*qs[0].Helpful || qs[1].Helpful != nil {
		t.Errorf("only the English question was marked helpful: %+v / %+v", qs[0], qs[1])
	}
	if d.tg.Confirmed() < 3 {
		t.Errorf("handled updates are confirmed to Telegram, confirmed offset %d", d.tg.Confirmed())
	}
}

func TestStickersGetAPoliteNoteAndGroupsAreQuiet(t *testing.T) {
	d := startDeskBot(t)
	wang := botapitest.User{ID: 4102, FirstName: "Wang"}
	chat := botapitest.PrivateChat(wang)
	d.tg.UserSendsSticker(chat, wang)
	note := d.tg.WaitReply(t, chat.ID, 0, 5*time.Second)
	if !strings.Contains(note.Text, "文字") {
		t.Errorf("sticker: want a note asking for text, got %q", note.Text)
	}

	group := botapitest.GroupChat(-100777, "物业员工群")
	d.tg.UserSays(group, wang, "电梯什么时候换？")
	d.tg.UserSays(group, wang, "/help@codesk_bot")
	reply := d.tg.WaitReply(t, group.ID, 0, 5*time.Second)
	if !strings.Contains(reply.Text, "私聊") {
		t.Errorf("a command addressed to the bot in a group is answered, got %q", reply.Text)
	}
	if n := len(d.tg.Sent(group.ID)); n != 1 {
		t.Errorf("plain group chatter must be ignored: %d bot messages in the group", n)
	}
}

func TestRepliesSurviveTelegramHiccups(t *testing.T) {
	d := startDeskBot(t)
	d.tg.FailNext("sendMessage", 1, 500, 0)
	d.tg.FailNext("getUpdates", 1, 502, 0)
	zhao := botapitest.User{ID: 4103, FirstName: "Zhao"}
	chat := botapitest.PrivateChat(zhao)
	d.tg.UserSays(chat, zhao, "/start")
	greeting := d.tg.WaitReply(t, chat.ID, 0, 10*time.Second)
	if !strings.Contains(greeting.Text, "您好") {
		t.Errorf("after a 5xx the greeting still arrives, got %q", greeting.Text)
	}
}
