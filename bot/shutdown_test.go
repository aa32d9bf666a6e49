package bot_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"codesk/bot"
	"codesk/bot/botapitest"
	"codesk/faq"
	"codesk/handlers"
	"codesk/storage"
	"codesk/storage/storagetest"
)

// SIGTERM while a resident's FAQ answer is being sent (Telegram slow to
// answer): the send is cut short, the update is left unhandled and released,
// and the next start answers the question, exactly once.
func TestAnAnswerCutShortByShutdownIsGivenOnceAfterTheRestart(t *testing.T) {
	tg := botapitest.NewServer(t, botapitest.WithBotUsername("codesk_bot"))
	db := storagetest.Open(t)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	run := func(ctx context.Context) chan error {
		b, err := bot.New(ctx, bot.Options{Token: botapitest.Token, APIURL: tg.URL, PollTimeout: time.Second, Log: log})
		if err != nil {
			t.Fatal(err)
		}
		h := handlers.New(handlers.Deps{Messenger: b.Messenger(), FAQ: faq.NewCatalog(faq.Default()),
			Residents: db, Questions: db, State: storage.NewMemoryState(time.Now), BotUsername: b.Username(), Log: log})
		done := make(chan error, 1)
		go func() { done <- b.RunPolling(ctx, db, h) }()
		return done
	}
	tg.SetLatency("sendMessage", 3*time.Second) // cancelled while waiting: nothing sent
	ctx1, stop1 := context.WithCancel(context.Background())
	done1 := run(ctx1)
	li := botapitest.User{ID: 5101, FirstName: "李", LanguageCode: "zh-hans"}
	chat := botapitest.PrivateChat(li)
	tg.UserSays(chat, li, "电梯什么时候换？")
	time.Sleep(700 * time.Millisecond) // stored, handler waiting on sendMessage
	stop1()
	<-done1
	tg.SetLatency("sendMessage", 0)

	ctx2, stop2 := context.WithCancel(context.Background())
	defer stop2()
	done2 := run(ctx2)
	defer func() { stop2(); <-done2 }()
	tg.WaitReply(t, chat.ID, 0, 5*time.Second)
	time.Sleep(300 * time.Millisecond)
	if n := len(tg.Sent(chat.ID)); n != 1 {
		t.Errorf("resident got %d bot messages; want 1", n)
	}
}
