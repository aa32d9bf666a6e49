package handlers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"codesk/handlers"
	"codesk/parties"
	"codesk/storage"
	"codesk/storage/storagetest"
	"codesk/tickets"
)

// Staff side of the ticket tests: one chat per party, the co-office chat,
// members per chat and one staff member listed only in the configuration.
const (
	pmChat int64 = -1001
	ocChat int64 = -1002
	ncChat int64 = -1003
	coChat int64 = -1000

	pmMember     int64 = 30001
	ocMember     int64 = 30002
	coMember     int64 = 30000
	ncMember     int64 = 30003
	pmConfigured int64 = 20001 // listed for property management, not in the chat
	outsider     int64 = 40000
)

type staffConfig struct {
	chats map[parties.ID]int64
	staff map[int64][]parties.ID
}

func (c staffConfig) ChatOf(p parties.ID) (int64, bool) {
	id, ok := c.chats[p]
	return id, ok
}

func (c staffConfig) PartyOfChat(chat int64) (parties.ID, bool) {
	for p, id := range c.chats {
		if id == chat {
			return p, true
		}
	}
	return "", false
}

func (c staffConfig) StaffOf(user int64) []parties.ID { return c.staff[user] }

type fakeMembership map[int64][]int64 // chat -> members

func (m fakeMembership) IsMember(_ context.Context, chat, user int64) (bool, error) {
	for _, u := range m[chat] {
		if u == user {
			return true, nil
		}
	}
	return false, nil
}

// edit is a Messenger.Edit call.
type edit struct {
	chat    int64
	msg     int
	text    string
	buttons [][]handlers.Button
}

// ticketMessenger is the recorder plus the edits made to sent messages.
// failEdit, when set, is the error Telegram gives an edit of msg in chat
// (nil: it succeeds); a failed edit changes nothing.
type ticketMessenger struct {
	*recorder
	mu       sync.Mutex
	edits    []edit
	failEdit func(chat int64, msg int) error
}

func (m *ticketMessenger) Edit(_ context.Context, chat int64, msg int, text string, buttons [][]handlers.Button) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.failEdit != nil {
		if err := m.failEdit(chat, msg); err != nil {
			return err
		}
	}
	m.edits = append(m.edits, edit{chat, msg, text, buttons})
	return nil
}

func (m *ticketMessenger) lastEdit(t *testing.T) edit {
	t.Helper()
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.edits) == 0 {
		t.Fatal("nothing was edited")
	}
	return m.edits[len(m.edits)-1]
}

type ticketFixture struct {
	h     *handlers.Handler
	out   *ticketMessenger
	db    *storage.DB
	state storage.SharedState
	logs  *bytes.Buffer
	ctx   context.Context
	now   time.Time
	msgID int // message ids the fake outbox sender hands out
	chats map[parties.ID]int64
}

func newTicketFixture(t *testing.T, chats map[parties.ID]int64) *ticketFixture {
	t.Helper()
	if chats == nil {
		chats = map[parties.ID]int64{
			parties.PropertyManagement: pmChat, parties.OwnersCommittee: ocChat,
			parties.NeighborhoodCommittee: ncChat, parties.CoOffice: coChat,
		}
	}
	f := &ticketFixture{
		out: &ticketMessenger{recorder: &recorder{}}, db: storagetest.Open(t), logs: &bytes.Buffer{},
		ctx: context.Background(), now: time.Date(2025, 3, 3, 10, 0, 0, 0, time.UTC), msgID: 5000,
	}
	f.chats = chats
	f.startHandler(t)
	return f
}

// startHandler starts the handler on the fixture's database with fresh
// shared state (memory): called again, it is a restart without Redis.
func (f *ticketFixture) startHandler(t *testing.T) {
	t.Helper()
	router, err := tickets.NewRouter(tickets.DefaultRules())
	if err != nil {
		t.Fatal(err)
	}
	f.state = storage.NewMemoryState(func() time.Time { return f.now })
	f.h = handlers.New(handlers.Deps{
		Messenger: f.out, FAQ: testFAQ, Residents: f.db, Questions: f.db, State: f.state,
		BotUsername: "codesk_bot", Now: func() time.Time { return f.now },
		IsAdmin: func(id int64) bool { return id == admin },
		Log:     slog.New(slog.NewTextHandler(f.logs, nil)),
		Tickets: f.db, Router: router,
		Parties: staffConfig{chats: f.chats, staff: map[int64][]parties.ID{
			pmConfigured: {parties.PropertyManagement},
		}},
		Membership: fakeMembership{pmChat: {pmMember}, ocChat: {ocMember}, ncChat: {ncMember}, coChat: {coMember}},
	})
}

// send delivers a private message from a resident.
func (f *ticketFixture) send(t *testing.T, in handlers.Incoming) handlers.OutMessage {
	t.Helper()
	in.ChatID, in.Chat = in.UserID, handlers.PrivateChat
	if in.Kind == handlers.TextMessage && in.Text == "" && len(in.PhotoIDs) > 0 {
		in.Kind = handlers.PhotoMessage
	}
	before := f.out.count()
	if err := f.h.Handle(f.ctx, in); err != nil {
		t.Fatalf("handle %+v: %v", in, err)
	}
	if f.out.count() == before {
		t.Fatalf("no reply to %+v", in)
	}
	return f.out.last(t)
}

func (f *ticketFixture) say(t *testing.T, user int64, text string) handlers.OutMessage {
	t.Helper()
	return f.send(t, handlers.Incoming{UserID: user, Kind: handlers.TextMessage, Text: text, UserName: "张阿姨"})
}

// press is a button press by a resident in their private chat.
func (f *ticketFixture) press(t *testing.T, user int64, data string) {
	t.Helper()
	f.pressIn(t, user, user, handlers.PrivateChat, 0, data)
}

// staffPress is a button press in a group chat on message msg.
func (f *ticketFixture) staffPress(t *testing.T, chat, user int64, msg int, data string) {
	t.Helper()
	f.pressIn(t, chat, user, handlers.GroupChat, msg, data)
}

// staffWrites has user post text in a staff chat, as a reply to message
// replyTo (0: none).
func (f *ticketFixture) staffWrites(t *testing.T, chat, user int64, msgID, replyTo int, text string) {
	t.Helper()
	in := handlers.Incoming{ChatID: chat, Chat: handlers.GroupChat, UserID: user, UserName: "王师傅",
		MessageID: msgID, ReplyTo: replyTo, Kind: handlers.TextMessage, Text: text}
	if err := f.h.Handle(f.ctx, in); err != nil {
		t.Fatal(err)
	}
}

func (f *ticketFixture) pressIn(t *testing.T, chat, user int64, kind handlers.ChatKind, msg int, data string) {
	t.Helper()
	ev := handlers.Incoming{ChatID: chat, Chat: kind, UserID: user, UserName: "王师傅",
		Callback: &handlers.Callback{ID: "cb", Data: data, MessageID: msg}}
	if err := f.h.Handle(f.ctx, ev); err != nil {
		t.Fatalf("press %q: %v", data, err)
	}
}

func (f *ticketFixture) lastNotice() string {
	f.out.mu.Lock()
	defer f.out.mu.Unlock()
	n := f.out.recorder.notices
	if len(n) == 0 {
		return ""
	}
	return n[len(n)-1]
}

// deliver plays the outbox sender: every due message is "sent" with a fresh
// message id and marked so, which records the message's ticket reference.
func (f *ticketFixture) deliver(t *testing.T) []storage.OutboxMessage {
	t.Helper()
	due, err := f.db.DueOutbox(f.ctx, f.now, 1000)
	if err != nil {
		t.Fatal(err)
	}
	for i := range due {
		f.msgID++
		if err := f.db.MarkOutboxSent(f.ctx, due[i].ID, f.msgID, f.now); err != nil {
			t.Fatal(err)
		}
		due[i].SentMessageID = f.msgID
	}
	return due
}

func (f *ticketFixture) ticket(t *testing.T, id int64) tickets.Ticket {
	t.Helper()
	tk, err := f.db.Ticket(f.ctx, id)
	if err != nil {
		t.Fatalf("ticket %d: %v", id, err)
	}
	return tk
}

// fileTicket reports a concern that needs no questions, sends it and
// delivers the outbox; it returns the ticket and its card.
func (f *ticketFixture) fileTicket(t *testing.T, user int64, text string) (tickets.Ticket, storage.OutboxMessage) {
	t.Helper()
	preview := f.say(t, user, text)
	send := findData(t, preview, "c:send:")
	f.press(t, user, send)
	var card storage.OutboxMessage
	var ticketID int64
	for _, m := range f.deliver(t) {
		if m.Purpose == "card" {
			card, ticketID = m, m.TicketID
		}
	}
	if ticketID == 0 {
		t.Fatalf("no card delivered for %q", text)
	}
	return f.ticket(t, ticketID), card
}

// fileResolved files the resident's report and has property management
// resolve it (the resolution's messages not yet delivered).
func (f *ticketFixture) fileResolved(t *testing.T, text string) (tickets.Ticket, storage.OutboxMessage) {
	t.Helper()
	tk, card := f.fileTicket(t, resident, text)
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:resolve:"+itoa(tk.ID))
	return tk, card
}

// liftAndLight has the resident report a lift fault, then a stairwell
// light: two open tickets of property management's, the light one newest.
func (f *ticketFixture) liftAndLight(t *testing.T) (lift, light tickets.Ticket, liftCard, lightCard storage.OutboxMessage) {
	t.Helper()
	lift, liftCard = f.fileTicket(t, resident, "5号楼的电梯按钮坏了，按了没反应")
	light, lightCard = f.fileTicket(t, resident, "3号楼1单元楼道灯坏了")
	return lift, light, liftCard, lightCard
}

func findData(t *testing.T, m handlers.OutMessage, prefix string) string {
	t.Helper()
	for _, d := range buttonData(m) {
		if strings.HasPrefix(d, prefix) {
			return d
		}
	}
	t.Fatalf("no %q button in %q %v", prefix, m.Text, buttonData(m))
	return ""
}

func outboxData(m storage.OutboxMessage) []string {
	var data []string
	for _, row := range m.Buttons {
		for _, b := range row {
			data = append(data, b.Data)
		}
	}
	return data
}

func TestChineseConcernWithPhotoIsPreviewedThenSentAsOneTicketWithAckAndCard(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	m := f.send(t, handlers.Incoming{UserID: resident, Kind: handlers.PhotoMessage, PhotoIDs: []string{"lift-small", "lift-big"}})
	if !strings.Contains(m.Text, "描述") {
		t.Fatalf("a photo alone asks for a description, got %q", m.Text)
	}
	m = f.say(t, resident, "3号楼2单元电梯又坏了，困了人")
	if !strings.Contains(m.Text, "将作为【电梯故障】工单发送给【物业】") || !strings.Contains(m.Text, "照片：1 张") {
		t.Fatalf("preview = %q", m.Text)
	}
	for _, prefix := range []string{"c:send:", "c:party:", "c:photo:", "c:cancel:"} {
		findData(t, m, prefix)
	}
	for _, d := range buttonData(m) {
		if len(d) > 64 {
			t.Errorf("callback data over 64 bytes: %q", d)
		}
	}
	if due, _ := f.db.DueOutbox(f.ctx, f.now, 10); len(due) != 0 {
		t.Fatalf("nothing may be sent to staff before the resident confirms: %+v", due)
	}
	send := findData(t, m, "c:send:")
	var draft json.RawMessage
	if raw, ok, _ := f.state.Get(f.ctx, "draft:501"); ok {
		draft = raw
	}
	f.press(t, resident, send)

	due, err := f.db.DueOutbox(f.ctx, f.now, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(due) != 2 {
		t.Fatalf("want the ack and the card in the outbox, got %d: %+v", len(due), due)
	}
	ack, card := due[0], due[1]
	if ack.Purpose == "card" {
		ack, card = card, ack
	}
	id := ack.TicketID
	if ack.ChatID != resident || ack.Key != "ticket:"+itoa(id)+":ack" || !strings.Contains(ack.Text, "#"+itoa(id)) {
		t.Errorf("ack = %+v", ack)
	}
	if card.ChatID != pmChat || card.Key != "ticket:"+itoa(id)+":card:property_management" || card.PhotoID != "lift-big" {
		t.Errorf("card = %+v", card)
	}
	if !strings.Contains(card.Text, "电梯又坏了") || strings.Join(outboxData(card), ",") !=
		"s:claim:"+itoa(id)+",s:reassign:"+itoa(id)+",s:askresolve:"+itoa(id) {
		t.Errorf("card text/buttons = %q %v", card.Text, outboxData(card))
	}
	tk := f.ticket(t, id)
	if tk.Party != parties.PropertyManagement || tk.Category != "lifts" || tk.Status != tickets.StatusNew ||
		len(tk.PhotoIDs) != 1 || tk.ResidentID != resident {
		t.Errorf("ticket = %+v", tk)
	}

	// A second press, and a press racing on a stale copy of the draft
	// (another replica), make no second ticket and no second card.
	f.press(t, resident, send)
	if n := f.lastNotice(); !strings.Contains(n, "已经发送过") {
		t.Errorf("second press notice = %q", n)
	}
	if err := f.state.Set(f.ctx, "draft:501", draft, time.Hour); err != nil {
		t.Fatal(err)
	}
	f.press(t, resident, send)
	list, _ := f.db.ResidentTickets(f.ctx, resident, 10)
	if len(list) != 1 {
		t.Errorf("double confirm made %d tickets", len(list))
	}
	if due, _ := f.db.DueOutbox(f.ctx, f.now, 10); len(due) != 2 {
		t.Errorf("double confirm changed the outbox: %d rows", len(due))
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestAQuestionStaysAQuestionAndAConcernIsNotAnsweredFromTheFAQ(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	if got := f.say(t, resident, "电梯什么时候换").Text; got != "电梯更换按楼栋分批进行。" {
		t.Errorf("a question is answered from the FAQ, got %q", got)
	}
	m := f.say(t, resident, "垃圾好几天没人清运了")
	if !strings.Contains(m.Text, "【物业】") || !strings.Contains(m.Text, "确认发送吗") {
		t.Fatalf("a complaint is previewed as a ticket, got %q", m.Text)
	}
	if qs, _ := f.db.RecentQuestions(f.ctx, 10); len(qs) != 1 {
		t.Errorf("only the question is logged as one: %d", len(qs))
	}
	// "I'm only asking" turns a misread concern back into a question.
	f.press(t, resident, findData(t, m, "c:ask:"))
	if got := f.out.last(t).Text; !strings.Contains(got, "抱歉") {
		t.Errorf("only-asking answers from the FAQ, got %q", got)
	}
	if due, _ := f.db.DueOutbox(f.ctx, f.now, 10); len(due) != 0 {
		t.Errorf("no ticket may be sent: %+v", due)
	}
}

func TestTheResidentCanSendTheConcernToAnotherParty(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	m := f.say(t, resident, "楼道里堆满了杂物，3号楼")
	f.press(t, resident, findData(t, m, "c:party:"))
	choice := f.out.last(t)
	if data := buttonData(choice); len(data) != 4 || strings.Contains(strings.Join(data[:3], ","), ":pm") || !strings.HasSuffix(data[3], ":pm") {
		t.Errorf("the other parties, then back (to the current one): %v", data)
	}
	// back changes nothing
	f.press(t, resident, buttonData(choice)[3])
	if back := f.out.last(t); !strings.Contains(back.Text, "【物业】") || !strings.Contains(back.Text, "确认发送吗") {
		t.Errorf("back shows the draft as it was: %q", back.Text)
	}
	f.press(t, resident, findData(t, m, "c:party:"))
	choice = f.out.last(t)
	f.press(t, resident, findData(t, choice, "c:to:"+strings.TrimPrefix(findData(t, m, "c:send:"), "c:send:")+":nc"))
	preview := f.out.last(t)
	if !strings.Contains(preview.Text, "【居委会】") || !strings.Contains(preview.Text, "其他问题") {
		t.Fatalf("preview after changing party = %q", preview.Text)
	}
	f.press(t, resident, findData(t, preview, "c:send:"))
	var cardChat int64
	for _, o := range f.deliver(t) {
		if o.Purpose == "card" {
			cardChat = o.ChatID
		}
	}
	if cardChat != ncChat {
		t.Errorf("the card goes to the chosen party's chat, got %d", cardChat)
	}
}

func TestTheDeskKeepsTheCategoryAsAHint(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	f.moveDraft(t, f.say(t, resident, "楼道里堆满了杂物，3号楼"), "co")
	if got := f.out.last(t).Text; strings.Contains(got, "无法确定") || !strings.Contains(got, "三方联合办公室") {
		t.Errorf("the resident chose the desk; the preview says %q", got)
	}
	// from the desk to a party that does not own the category: it goes
	f.moveDraft(t, f.out.last(t), "oc")
	if got := f.out.last(t).Text; !strings.Contains(got, "其他问题") {
		t.Errorf("the owners' committee does not own hallway clutter: %q", got)
	}
	// and back to the desk: the card says what the text is about
	f.moveDraft(t, f.out.last(t), "co")
	f.press(t, resident, findData(t, f.out.last(t), "c:send:"))
	var card string
	for _, o := range f.deliver(t) {
		if o.Purpose == "card" {
			card = o.Text
		}
	}
	if !strings.Contains(card, "楼道堆物") {
		t.Errorf("the desk's card keeps the category as a hint: %q", card)
	}
}

func TestLocationIsAskedWhenTheCategoryNeedsItAndTheTextLacksIt(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	m := f.say(t, resident, "电梯又坏了")
	if !strings.Contains(m.Text, "楼栋") {
		t.Fatalf("want a question about the building/unit, got %q", m.Text)
	}
	findData(t, m, "c:skip:")
	preview := f.say(t, resident, "5号楼1单元")
	if !strings.Contains(preview.Text, "位置：5号楼1单元") {
		t.Fatalf("preview = %q", preview.Text)
	}
	f.press(t, resident, findData(t, preview, "c:send:"))
	f.deliver(t)
	list, _ := f.db.ResidentTickets(f.ctx, resident, 10)
	if len(list) != 1 || list[0].Location != "5号楼1单元" {
		t.Errorf("tickets = %+v", list)
	}

	// A shared location answers too; a text naming the place is not asked.
	m = f.say(t, neighbour, "楼道灯坏了")
	if !strings.Contains(m.Text, "楼栋") {
		t.Fatalf("want a location question, got %q", m.Text)
	}
	m = f.send(t, handlers.Incoming{UserID: neighbour, Kind: handlers.LocationMessage, Location: &handlers.GeoPoint{Latitude: 31.2, Longitude: 121.5}})
	if !strings.Contains(m.Text, "📍 31.20000, 121.50000") {
		t.Errorf("preview with shared location = %q", m.Text)
	}
	if m = f.say(t, neighbour, "7号楼的电梯又坏了"); !strings.Contains(m.Text, "确认发送") {
		t.Errorf("a text with the building goes straight to the preview, got %q", m.Text)
	}
}

func TestUnsureRoutingAndUnconfiguredPartiesGoToTheCoOfficeChat(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, map[parties.ID]int64{parties.PropertyManagement: pmChat, parties.CoOffice: coChat})
	m := f.say(t, resident, "投诉一下，问题一直没解决")
	if !strings.Contains(m.Text, "三方联合办公室") {
		t.Fatalf("an unsure concern is sent to the desk for triage, got %q", m.Text)
	}
	f.press(t, resident, findData(t, m, "c:send:"))
	_, card := f.fileTicket(t, neighbour, "楼上天天噪音，吵得睡不着")
	if card.ChatID != coChat {
		t.Errorf("a party without a configured chat has its cards in the co-office chat, got %d", card.ChatID)
	}
	list, _ := f.db.ResidentTickets(f.ctx, resident, 10)
	if len(list) != 1 || list[0].Party != parties.CoOffice {
		t.Errorf("unsure ticket = %+v", list)
	}
}

func TestEnglishConcernFromTheMenuIsPreviewedInEnglishAndCanBeCancelled(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	f.press(t, resident, "m:concern")
	if got := f.out.last(t).Text; !strings.Contains(got, "描述") {
		t.Fatalf("menu starts intake, got %q", got)
	}
	m := f.say(t, resident, "water is leaking into my hallway from the wall in building 4")
	if !strings.Contains(m.Text, "This will be sent to the property management company") {
		t.Fatalf("English preview = %q", m.Text)
	}
	f.press(t, resident, findData(t, m, "c:cancel:"))
	if got := f.out.last(t).Text; !strings.Contains(got, "cancelled") {
		t.Errorf("cancel = %q", got)
	}
	f.press(t, resident, findData(t, m, "c:send:"))
	if n := f.lastNotice(); !strings.Contains(n, "expired") {
		t.Errorf("send after cancel is refused, got %q", n)
	}
	if list, _ := f.db.ResidentTickets(f.ctx, resident, 10); len(list) != 0 {
		t.Errorf("a cancelled draft makes no ticket: %+v", list)
	}
	m = f.say(t, resident, "/report the gate at the north entrance is broken, building 2")
	if !strings.Contains(m.Text, "Send it?") {
		t.Errorf("/report with text previews it, got %q", m.Text)
	}
}

func TestAPhotoWithACaptionIsAConcernAndMorePhotosCanBeAdded(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	m := f.send(t, handlers.Incoming{UserID: resident, Kind: handlers.PhotoMessage, PhotoIDs: []string{"p1"}, Text: "8号楼门口的路灯坏了"})
	if !strings.Contains(m.Text, "【照明】") || !strings.Contains(m.Text, "照片：1 张") {
		t.Fatalf("preview = %q", m.Text)
	}
	f.press(t, resident, findData(t, m, "c:photo:"))
	m = f.send(t, handlers.Incoming{UserID: resident, Kind: handlers.PhotoMessage, PhotoIDs: []string{"p2"}})
	if !strings.Contains(m.Text, "照片：2 张") {
		t.Fatalf("preview after adding a photo = %q", m.Text)
	}
	f.press(t, resident, findData(t, m, "c:send:"))
	var photos []string
	for _, o := range f.deliver(t) {
		if o.ChatID == pmChat {
			photos = append(photos, o.PhotoID)
		}
	}
	if strings.Join(photos, ",") != "p1,p2" {
		t.Errorf("the card shows the first photo and the second follows, got %v", photos)
	}
}

// moveDraft sends the draft previewed in preview to another party (its
// code: pm, oc, nc, co) through the party picker; it returns the draft id.
func (f *ticketFixture) moveDraft(t *testing.T, preview handlers.OutMessage, code string) string {
	t.Helper()
	id := strings.TrimPrefix(findData(t, preview, "c:send:"), "c:send:")
	f.press(t, resident, findData(t, preview, "c:party:"))
	f.press(t, resident, findData(t, f.out.last(t), "c:to:"+id+":"+code))
	return id
}
