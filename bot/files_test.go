package bot_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
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

func newTestBot(t *testing.T, apiURL, token string) *bot.Bot {
	t.Helper()
	b, err := bot.New(context.Background(), bot.Options{Token: token, APIURL: apiURL,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatalf("start bot: %v", err)
	}
	return b
}

func assertNoToken(t *testing.T, err error, token string) {
	t.Helper()
	for e := err; e != nil; e = errors.Unwrap(e) {
		if strings.Contains(e.Error(), token) {
			t.Errorf("error leaks the bot token: %v", e)
		}
	}
}

func TestDownloadFetchesADocumentWithinTheLimit(t *testing.T) {
	tg := botapitest.NewServer(t)
	content := []byte("version: 1\nentries: []\n")
	tg.AddFile("doc-1", content)
	files := newTestBot(t, tg.URL, botapitest.Token).Files()
	var _ handlers.Files = files

	got, err := files.Download(context.Background(), "doc-1", 1<<20)
	if err != nil || !bytes.Equal(got, content) {
		t.Fatalf("download = %q, %v; want the file", got, err)
	}

	_, err = files.Download(context.Background(), "doc-1", int64(len(content)-1))
	if !errors.Is(err, handlers.ErrFileTooLarge) {
		t.Errorf("a file over the limit: want ErrFileTooLarge, got %v", err)
	}

	_, err = files.Download(context.Background(), "no-such-file", 1<<20)
	if err == nil {
		t.Fatal("an unknown file id must fail")
	}
	assertNoToken(t, err, botapitest.Token)
}

// lyingAPI answers getFile with fileSize and serves download as the file,
// standing in for a Bot API whose size is missing or wrong.
func lyingAPI(t *testing.T, token string, fileSize int, download http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/bot" + token + "/getMe":
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprint(w, `{"ok":true,"result":{"id":1,"is_bot":true,"first_name":"t","username":"t_bot"}}`)
		case "/bot" + token + "/getFile":
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprintf(w, `{"ok":true,"result":{"file_id":"f","file_unique_id":"u","file_size":%d,"file_path":"documents/f.yaml"}}`, fileSize)
		case "/file/bot" + token + "/documents/f.yaml":
			download(w, r)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestDownloadStopsAtTheLimitWhateverGetFileSays(t *testing.T) {
	const token = "123456:SECRET-token-abc"
	srv := lyingAPI(t, token, 0, func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write(bytes.Repeat([]byte("x"), 5000))
	})
	_, err := newTestBot(t, srv.URL, token).Files().Download(context.Background(), "f", 1000)
	if !errors.Is(err, handlers.ErrFileTooLarge) {
		t.Errorf("want ErrFileTooLarge once the body passes the limit, got %v", err)
	}
}

func TestDownloadErrorsNeverContainTheToken(t *testing.T) {
	const token = "123456:SECRET-token-abc"
	cases := map[string]http.HandlerFunc{
		"connection dropped": func(w http.ResponseWriter, _ *http.Request) {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				conn.Close()
			}
		},
		"server error": func(w http.ResponseWriter, _ *http.Request) {
			http.Error(w, "boom", http.StatusInternalServerError)
		},
		"redirect loop": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, r.URL.String(), http.StatusFound)
		},
	}
	for name, download := range cases {
		srv := lyingAPI(t, token, 10, download)
		_, err := newTestBot(t, srv.URL, token).Files().Download(context.Background(), "f", 1000)
		if err == nil {
			t.Errorf("%s: want an error", name)
			continue
		}
		assertNoToken(t, err, token)
	}

	// The API itself unreachable, and a cancelled context.
	srv := lyingAPI(t, token, 10, nil)
	b := newTestBot(t, srv.URL, token)
	srv.Close()
	_, err := b.Files().Download(context.Background(), "f", 1000)
	if err == nil {
		t.Fatal("an unreachable API must fail")
	}
	assertNoToken(t, err, token)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = newTestBot(t, lyingAPI(t, token, 10, nil).URL, token).Files().Download(ctx, "f", 1000)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled download should say so, got %v", err)
	}
	assertNoToken(t, err, token)
}

// An admin sends a FAQ file as a document: the update is converted with its
// file id, the real downloader fetches it through the fake Bot API, and the
// import waits for the confirm button.
func TestAdminImportsAFAQFileSentAsADocument(t *testing.T) {
	tg := botapitest.NewServer(t, botapitest.WithBotUsername("codesk_bot"))
	db := storagetest.Open(t)
	ctx, cancel := context.WithCancel(context.Background())
	seed := faq.Default()
	if _, err := db.ReplaceFAQ(ctx, seed, "test:seed"); err != nil {
		t.Fatal(err)
	}
	catalog := faq.NewCatalog(seed)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	b, err := bot.New(ctx, bot.Options{Token: botapitest.Token, APIURL: tg.URL, PollTimeout: time.Second, Log: log})
	if err != nil {
		t.Fatal(err)
	}
	admin := botapitest.User{ID: 900, FirstName: "Admin"}
	h := handlers.New(handlers.Deps{
		Messenger: b.Messenger(), FAQ: catalog, Residents: db, Questions: db,
		State: storage.NewMemoryState(time.Now), BotUsername: b.Username(), Log: log,
		IsAdmin: func(id int64) bool { return id == admin.ID }, FAQStore: db, Files: b.Files(),
	})
	done := make(chan error, 1)
	go func() { done <- b.RunPolling(ctx, db, h) }()
	t.Cleanup(func() { cancel(); <-done })

	bike := faq.Entry{ID: "bike-parking", Questions: []string{"Where can I park my bike?"}, Answer: faq.Answer{EN: "In the basement."}}
	var file bytes.Buffer
	if err := faq.Write(&file, append(append([]faq.Entry(nil), seed...), bike)); err != nil {
		t.Fatal(err)
	}
	tg.AddFile("faq-doc-1", file.Bytes())
	chat := botapitest.PrivateChat(admin)
	tg.UserSays(chat, admin, "/start")
	greeting := tg.WaitReply(t, chat.ID, 0, 5*time.Second)

	update := fmt.Sprintf(`{"message":{"message_id":1000,"date":%d,"chat":{"id":%d,"type":"private"},
		"from":{"id":%d,"is_bot":false,"first_name":"Admin"},
		"document":{"file_id":"faq-doc-1","file_unique_id":"u-faq-doc-1","file_name":"faq.yaml","file_size":%d}}}`,
		time.Now().Unix(), admin.ID, admin.ID, file.Len())
	if _, err := tg.UserSendsUpdate(update); err != nil {
		t.Fatal(err)
	}
	ask := tg.WaitReply(t, chat.ID, greeting.MessageID, 5*time.Second)
	if !strings.Contains(ask.Text, "新增 1") || !strings.Contains(ask.Text, "删除 0") {
		t.Fatalf("want the import's counts to confirm, got %q", ask.Text)
	}
	if _, ok := catalog.Entry(bike.ID); ok {
		t.Fatal("nothing is imported before confirmation")
	}
	tg.UserPressesButton(t, chat, admin, ask.MessageID, "✅ 导入")
	result := tg.WaitReply(t, chat.ID, ask.MessageID, 5*time.Second)
	if !strings.Contains(result.Text, "已导入") {
		t.Fatalf("want the import result, got %q", result.Text)
	}
	if e, ok := catalog.Entry(bike.ID); !ok || e.Answer.EN != bike.Answer.EN {
		t.Errorf("the imported entry is served: %+v %v", e, ok)
	}
	if m, _ := tg.Message(chat.ID, ask.MessageID); len(m.Buttons()) != 0 {
		t.Errorf("the confirmation keeps no buttons once answered: %v", m.Buttons())
	}
}
