package bot_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"codesk/bot"
	"codesk/bot/botapitest"
	"codesk/config"
	"codesk/faq"
	"codesk/handlers"
	"codesk/outbox"
	"codesk/parties"
	"codesk/storage"
	"codesk/storage/storagetest"
	"codesk/tickets"
)

// The co-office's staff chats in these tests.
var (
	pmChat   = botapitest.GroupChat(-1001001, "物业员工群")
	ocChat   = botapitest.GroupChat(-1001002, "业委会群")
	ncChat   = botapitest.GroupChat(-1001003, "居委会工作群")
	deskChat = botapitest.GroupChat(-1001000, "三方联合办公")
)

// coOffice runs the whole desk — intake, handlers, router, outbox sender —
// against the fake Bot API with Telegram's limits enforced (time scaled
// down by scale).
type coOffice struct {
	tg *botapitest.Server
	db *storage.DB
}

func startCoOffice(t *testing.T, scale float64) *coOffice {
	t.Helper()
	tg := botapitest.NewServer(t, botapitest.WithBotUsername("codesk_bot"),
		botapitest.WithLimits(botapitest.ScaledLimits(scale)))
	db := storagetest.Open(t)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	cfg := config.Config{
		Parties: map[parties.ID]config.Chat{
			parties.PropertyManagement: {ChatID: pmChat.ID}, parties.OwnersCommittee: {ChatID: ocChat.ID},
			parties.NeighborhoodCommittee: {ChatID: ncChat.ID},
		},
		CoOffice: config.Chat{ChatID: deskChat.ID},
	}
	router, err := tickets.NewRouter(tickets.DefaultRules())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	b, err := bot.New(ctx, bot.Options{Token: botapitest.Token, APIURL: tg.URL, PollTimeout: time.Second, Log: log,
		Messenger: []bot.MessengerOption{
			bot.WithLimits(bot.TelegramLimits().Scaled(scale)),
			bot.WithRetryUnit(time.Duration(float64(time.Second) * scale)),
		}})
	if err != nil {
		t.Fatal(err)
	}
	sender := &outbox.Worker{Store: db, Messenger: b.Messenger(), Log: log, Poll: 50 * time.Millisecond}
	h := handlers.New(handlers.Deps{
		Messenger: b.Messenger(), FAQ: faq.NewCatalog(faq.Default()), Residents: db, Questions: db,
		State: storage.NewMemoryState(time.Now), BotUsername: b.Username(), Log: log,
		Tickets: db, Router: router, Parties: cfg, Membership: b.Messenger(),
	})
	sender.Undeliverable = h.ResidentUnreachable
	done := make(chan struct{}, 2)
	go func() { _ = sender.Run(ctx); done <- struct{}{} }()
	go func() { _ = b.RunPolling(ctx, db, h); done <- struct{}{} }()
	t.Cleanup(func() {
		cancel()
		for i := 0; i < 2; i++ {
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				t.Error("desk did not stop")
			}
		}
	})
	return &coOffice{tg: tg, db: db}
}

// waitRecorded waits until the outbox has recorded a delivered message as
// its ticket's (just after the send returns).
func (o *coOffice) waitRecorded(t *testing.T, chat int64, msg int) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if _, _, err := o.db.TicketByMessage(context.Background(), chat, msg); err == nil {
			return
		}
	}
	t.Fatalf("message %d in chat %d was never recorded as a ticket's", msg, chat)
}

func contains(sub string) func(botapitest.Message) bool {
	return func(m botapitest.Message) bool { return strings.Contains(m.Text, sub) }
}

func TestAConcernTravelsFromResidentToStaffAndBack(t *testing.T) {
	d := startCoOffice(t, 0.05)
	tg := d.tg
	const wait = 10 * time.Second
	li := botapitest.User{ID: 3101, FirstName: "李", LanguageCode: "zh-hans"}
	home := botapitest.PrivateChat(li)
	wang := botapitest.User{ID: 2101, FirstName: "王师傅"} // property management staff
	zhou := botapitest.User{ID: 2301, FirstName: "周"}   // neighborhood committee staff
	tg.SetMember(pmChat.ID, wang.ID, botapitest.StatusMember)
	tg.SetMember(ncChat.ID, zhou.ID, botapitest.StatusMember)

	// The resident reports a leak with a photo and confirms.
	tg.UserSendsPhoto(home, li, "photo-leak-1", "3号楼2单元502室，楼道天花板一直在漏水，墙皮都掉了")
	preview := tg.WaitMessage(t, home.ID, wait, contains("确认发送吗"))
	if !strings.Contains(preview.Text, "物业") {
		t.Errorf("the preview says where it goes: %q", preview.Text)
	}
	tg.UserPressesButton(t, home, li, preview.MessageID, "✅ 确认发送")
	ack := tg.WaitMessage(t, home.ID, wait, contains("#1"))

	// The card reaches property management with the photo and buttons.
	card := tg.WaitMessage(t, pmChat.ID, wait, contains("工单 #1"))
	if card.PhotoFileID != "photo-leak-1" {
		t.Errorf("the card shows the resident's photo, got %q", card.PhotoFileID)
	}
	for _, ch := range []botapitest.Chat{ocChat, ncChat, deskChat} {
		if n := len(tg.Sent(ch.ID)); n != 0 {
			t.Errorf("chat %s got %d messages; the card goes only to property management", ch.Title, n)
		}
	}

	// Staff claim it; the resident hears.
	tg.UserPressesButton(t, pmChat, wang, card.MessageID, "认领 Claim")
	tg.WaitMessage(t, home.ID, wait, contains("受理"))
	tg.WaitFor(t, wait, func(s *botapitest.Server) bool {
		m, _ := s.Message(pmChat.ID, card.MessageID)
		return strings.Contains(m.Text, "处理中")
	})

	// Staff reply on the card; it is relayed; the resident answers back.
	tg.UserReplies(pmChat, wang, card.MessageID, "明天上午师傅上门查看，请问家里有人吗？")
	relay := tg.WaitMessage(t, home.ID, wait, contains("明天上午师傅上门"))
	// a person answers seconds later, by when the relay is recorded
	d.waitRecorded(t, home.ID, relay.MessageID)
	tg.UserReplies(home, li, relay.MessageID, "有人，上午都在家")
	tg.WaitMessage(t, pmChat.ID, wait, contains("上午都在家"))

	// Property management finds it is a leak from the flat above: reassign
	// to the neighborhood committee. The old card says so; a new card goes.
	tg.UserPressesButton(t, pmChat, wang, card.MessageID, "转派 Reassign")
	picker := tg.WaitMessage(t, pmChat.ID, wait, func(m botapitest.Message) bool {
		_, ok := m.Button("居委会 Neighborhood committee")
		return ok
	})
	tg.UserPressesButton(t, pmChat, wang, picker.MessageID, "居委会 Neighborhood committee")
	ncCard := tg.WaitMessage(t, ncChat.ID, wait, contains("工单 #1"))
	tg.WaitFor(t, wait, func(s *botapitest.Server) bool {
		m, _ := s.Message(pmChat.ID, card.MessageID)
		return strings.Contains(m.Text, "转派")
	})
	tg.WaitMessage(t, home.ID, wait, contains("居委会"))

	// The neighborhood committee claims and resolves; the resident rates.
	tg.UserPressesButton(t, ncChat, zhou, ncCard.MessageID, "认领 Claim")
	tg.WaitFor(t, wait, func(s *botapitest.Server) bool {
		m, _ := s.Message(ncChat.ID, ncCard.MessageID)
		_, ok := m.Button("已解决 Resolve")
		return ok && strings.Contains(m.Text, "处理中")
	})
	tg.UserPressesButton(t, ncChat, zhou, ncCard.MessageID, "已解决 Resolve")
	tg.WaitFor(t, wait, func(s *botapitest.Server) bool { // the card asks once more
		m, _ := s.Message(ncChat.ID, ncCard.MessageID)
		_, ok := m.Button("✅ 确认已解决 Resolve")
		return ok
	})
	tg.UserPressesButton(t, ncChat, zhou, ncCard.MessageID, "✅ 确认已解决 Resolve")
	rate := tg.WaitMessage(t, home.ID, wait, func(m botapitest.Message) bool { _, ok := m.Button("5⭐"); return ok })
	tg.UserPressesButton(t, home, li, rate.MessageID, "5⭐")
	tg.WaitMessage(t, ncChat.ID, wait, contains("5/5"))

	tk, err := d.db.Ticket(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if tk.Status != tickets.StatusClosed || tk.Rating != 5 || tk.Party != parties.NeighborhoodCommittee {
		t.Errorf("ticket = %+v, want closed, rated 5, owned by the neighborhood committee", tk)
	}
	events, _ := d.db.TicketEvents(context.Background(), 1)
	if len(events) < 8 {
		t.Errorf("every step leaves a history row; got %d events", len(events))
	}
	if v := tg.LimitViolations(); len(v) != 0 {
		t.Errorf("sent faster than Telegram allows: %v", v)
	}
	_ = ack
}

func TestOnlyMembersOfThePartysChatActOnItsCards(t *testing.T) {
	d := startCoOffice(t, 0.05)
	tg := d.tg
	const wait = 10 * time.Second
	resident := botapitest.User{ID: 3102, FirstName: "Anna", LanguageCode: "en"}
	home := botapitest.PrivateChat(resident)
	tg.UserSays(home, resident, "The lift in building 7 is broken again, people had to walk up 18 floors")
	preview := tg.WaitMessage(t, home.ID, wait, contains("Send"))
	tg.UserPressesButton(t, home, resident, preview.MessageID, "✅ Send")
	card := tg.WaitMessage(t, pmChat.ID, wait, contains("#1"))

	outsider := botapitest.User{ID: 9999, FirstName: "Mallory"}
	tg.SetMember(pmChat.ID, outsider.ID, botapitest.StatusLeft)
	tg.UserPressesButton(t, pmChat, outsider, card.MessageID, "认领 Claim")
	tg.WaitFor(t, wait, func(s *botapitest.Server) bool { return len(s.CallbackAnswers()) >= 2 })
	tk, _ := d.db.Ticket(context.Background(), 1)
	if tk.Status != tickets.StatusNew {
		t.Errorf("a non-member's claim must be refused; status %s", tk.Status)
	}
	// A forged press from the resident's own chat is refused too.
	tg.UserPresses(home, resident, card.MessageID, "s:resolve:1")
	tg.WaitFor(t, wait, func(s *botapitest.Server) bool { return len(s.CallbackAnswers()) >= 3 })
	if tk, _ := d.db.Ticket(context.Background(), 1); tk.Status != tickets.StatusNew {
		t.Errorf("a forged resolve must be refused; status %s", tk.Status)
	}
}

func TestConcernsSurvive429StormsAnd5xxWithoutDuplicates(t *testing.T) {
	d := startCoOffice(t, 0.05)
	tg := d.tg
	const residents = 20
	const wait = 20 * time.Second
	// A storm: the next 30 sends are refused with 429 (retry_after 1 unit),
	// then 10 more fail with 502.
	tg.FailNext("sendMessage", 30, 429, 1)
	tg.FailNext("sendMessage", 10, 502, 0)

	done := make(chan int, residents)
	for r := 0; r < residents; r++ {
		go func(r int) {
			u := botapitest.User{ID: int64(3200 + r), FirstName: "R", LanguageCode: "zh-hans"}
			home := botapitest.PrivateChat(u)
			tg.UserSays(home, u, fmt.Sprintf("%d号楼电梯又坏了，困了两个人（%d）", r+1, r))
			preview, ok := awaitMessage(tg, home.ID, 0, wait, func(m botapitest.Message) bool { _, ok := m.Button("✅ 确认发送"); return ok })
			if !ok {
				t.Errorf("resident %d: no preview; chat holds %+v", r, tg.Sent(home.ID))
				done <- 0
				return
			}
			send, _ := preview.Button("✅ 确认发送")
			tg.UserPresses(home, u, preview.MessageID, send.CallbackData)
			// The acknowledgement is the preview, edited.
			_, ok = awaitMessage(tg, home.ID, preview.MessageID-1, wait, contains("已收到，工单号"))
			if ok {
				done <- 1
				return
			}
			tks, _ := d.db.ResidentTickets(context.Background(), u.ID, 5)
			t.Errorf("resident %d: no acknowledgement; tickets %+v; chat holds %+v", r, tks, tg.Sent(home.ID))
			done <- 0
		}(r)
	}
	acked := 0
	for r := 0; r < residents; r++ {
		acked += <-done
	}
	if acked != residents {
		t.Fatalf("%d of %d concerns were acknowledged through the storm", acked, residents)
	}
	cards := map[string]int{}
	tg.WaitFor(t, wait, func(s *botapitest.Server) bool {
		cards = map[string]int{}
		for _, m := range s.Sent(pmChat.ID) {
			if i := strings.Index(m.Text, "工单 #"); i >= 0 {
				cards[strings.Fields(m.Text[i:])[1]]++
			}
		}
		return len(cards) == residents
	})
	for n, c := range cards {
		if c != 1 {
			t.Errorf("ticket %s has %d cards", n, c)
		}
	}
	if n := len(tg.Rejections()); n < 40 {
		t.Errorf("the storm should have refused 40 sends, the fake refused %d", n)
	}
	if v := tg.LimitViolations(); len(v) != 0 {
		t.Errorf("%d sends beyond Telegram's limits: %v", len(v), v)
	}
}

// awaitMessage is WaitMessage for goroutines: it reports a timeout instead
// of failing the test.
func awaitMessage(tg *botapitest.Server, chat int64, after int, timeout time.Duration, match func(botapitest.Message) bool) (botapitest.Message, bool) {
	for deadline := time.Now().Add(timeout); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		for _, m := range tg.Sent(chat) {
			if m.MessageID > after && match(m) {
				return m, true
			}
		}
	}
	return botapitest.Message{}, false
}
