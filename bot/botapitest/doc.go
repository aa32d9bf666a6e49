// Package botapitest is an in-process fake of the Telegram Bot API for codesk's
// tests. It owns nothing the bot uses at run time: tests point the real
// go-telegram/bot client (or any HTTP client) at it, play residents and staff,
// and assert on what the bot sent.
//
// It speaks the Bot API over HTTP (multipart, urlencoded and JSON bodies) at
// {URL}/bot{Token}/{method} and implements getMe, getUpdates (offset, limit,
// long-poll timeout), setWebhook/deleteWebhook (recorded only), sendMessage,
// sendPhoto, editMessageText, editMessageReplyMarkup, answerCallbackQuery,
// getFile (plus downloads at /file/bot{Token}/{path}) and getChatMember. Other
// methods answer 404 like Telegram. It checks what breaks real sends: empty or
// over-long text (4096 UTF-16 code units after markup), captions over 1024,
// callback_data over 64 bytes, HTML and MarkdownV2 that Telegram cannot parse,
// replies to missing messages, edits that change nothing, callback queries
// answered twice. Faults (FailNext, SetLatency, SetLatencyAfter, SetBlocked) and
// Telegram's flood limits on rolling windows (WithLimits) can be switched on.
//
// A test:
//
//	func TestFAQAnswer(t *testing.T) {
//		tg := botapitest.NewServer(t, botapitest.WithLimits(botapitest.ScaledLimits(0.05)))
//		b := tg.NewClient(t, bot.WithDefaultHandler(handler)) // the real client, pointed at the fake
//		ctx, cancel := context.WithCancel(context.Background())
//		t.Cleanup(cancel)
//		go b.Start(ctx)
//
//		alice := botapitest.User{ID: 42, FirstName: "Alice", LanguageCode: "zh-hans"}
//		chat := botapitest.PrivateChat(alice)
//		tg.UserSays(chat, alice, "物业费怎么交？")
//		reply := tg.WaitMessage(t, chat.ID, 2*time.Second, func(m botapitest.Message) bool {
//			return strings.Contains(m.Text, "物业费")
//		})
//		tg.UserPressesButton(t, chat, alice, reply.MessageID, "不是我要问的")
//		tg.WaitFor(t, 2*time.Second, func(s *botapitest.Server) bool { return len(s.CallbackAnswers()) == 1 })
//		if v := tg.LimitViolations(); len(v) > 0 {
//			t.Errorf("sent faster than Telegram allows: %v", v)
//		}
//	}
//
// The go-telegram/bot client long-polls with a 59 s timeout by default: cancel
// its context before the test ends (t.Cleanup(cancel) registered after
// NewServer runs first) and the server releases waiting polls when it closes.
package botapitest
