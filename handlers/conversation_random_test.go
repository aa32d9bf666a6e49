package handlers_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"math/rand/v2"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"unicode"
	"unicode/utf8"

	"codesk/handlers"
	"codesk/storage"
)

// Randomized resident conversations: each seed plays a fixed, reproducible
// sequence of messages, button presses (real, stale and forged), outbox
// deliveries and staff actions through the real handler and router, and
// checks after every step what must always hold: no error or panic, a reply
// to every message, one language per reply, and at the end one
// acknowledgement per ticket and no empty ticket.

const (
	randomSeeds = 30
	randomSteps = 40
)

// randomVocabulary is what residents type: questions, reports with and
// without places, places alone, answers to the draft, commands, content-free
// messages, emergencies and small talk, in Chinese and English.
var randomVocabulary = []string{
	"电梯什么时候换", "电梯坏了怎么办", "电梯", "维修资金怎么用？", "when are the lifts replaced",
	"what's the weather tomorrow", "电梯坏了", "3号楼2单元电梯又坏了，困了人", "垃圾好几天没人清运了",
	"楼道灯坏了", "楼上天天噪音，吵得睡不着", "the lift is broken",
	"water is leaking into my hallway from the wall in building 4", "门也关不上",
	"3号楼2单元", "5号楼", "Building 3, unit 2", "好的", "取消", "跳过", "skip", "ok", "send", "cancel",
	"thanks", "谢谢", "我的工单", "my tickets", "/mytickets", "/report 电梯坏了", "/report", "/cancel",
	"/start", "报修", "😀😀😀", "？", "5", longReport, "3号楼着火了", "楼道里一股燃气味",
	"I smell gas in the stairwell", "你好", "hello", "talk to a human", "下午三点以后都在",
	"补充一下：是2号梯，3楼的按钮", "垃圾还是没人收", "我的报修怎么样了", "any update on my ticket?", "门禁卡?",
	"是的", "不是", "怎么就说解决了，根本没人来", "it is still not fixed at all",
}

// longReport is a 2,000-character report.
var longReport = strings.Repeat("楼道里漏水很严重，", 222) + "请尽快"

// forgedButtons are presses no message of this conversation carried.
var forgedButtons = []string{
	"c:send:deadbeef", "c:cancel:deadbeef", "q:report:999999", "pick:1:9", "fb:999999:y", "none:abc",
	"r:show:999999", "r:rate:1:5", "r:reopen:1", "r:conv:1:y:5", "s:claim:1", "lang:fr", "m:nope", "",
}

var staffReplies = []string{"请问您几点在家？", "师傅下午过去看看", "Which floor is it on?", "#内部 老王你去看一下", "@老王 #internal go check"}

// staffMemberOf names a member of each staff chat that has one.
var staffMemberOf = map[int64]int64{pmChat: pmMember, ocChat: ocMember, coChat: coMember}

// ackNumber finds the ticket number in an acknowledgement of a report
// (txtAck) or of a question sent to the desk (txtQuestionAck).
var ackNumber = regexp.MustCompile(`(?:已收到，工单号|Received: ticket|问题工单号|as ticket) #(\d+)`)

func TestRandomConversations(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("randomized conversations are slow-ish; skipped under -short")
	}
	zh, en := templateFragments(t)
	if len(zh) < 100 || len(en) < 100 {
		t.Fatalf("only %d Chinese and %d English template fragments: the language check would see nothing", len(zh), len(en))
	}
	var filed atomic.Int64
	t.Run("seeds", func(t *testing.T) {
		for seed := uint64(1); seed <= randomSeeds; seed++ {
			t.Run("seed="+strconv.FormatUint(seed, 10), func(t *testing.T) {
				t.Parallel()
				filed.Add(int64(randomConversation(t, seed, zh, en)))
			})
		}
	})
	// Guards the end-of-run checks from passing on conversations that
	// never reach a ticket.
	if n := filed.Load(); n < randomSeeds/2 {
		t.Errorf("%d seeds filed only %d tickets: the random actions no longer reach the ticket flow", randomSeeds, n)
	}
}

// randomConversation plays one seed's conversation and returns how many
// tickets it filed.
func randomConversation(t *testing.T, seed uint64, zh, en []string) int {
	t.Helper()
	c := &conversation{t: t, seed: seed, f: newTicketFixture(t, nil),
		rng: rand.New(rand.NewPCG(seed, 0x636f6465736b)), zh: zh, en: en, acks: map[int64]int{}}
	c.lang = []string{"", "zh-hans", "en"}[c.rng.IntN(3)]
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("seed %d, user language %q, steps:\n%s", seed, c.lang, strings.Join(c.steps, "\n"))
		}
	})
	for range randomSteps {
		c.step()
	}
	c.deliver()
	return c.checkTickets()
}

// conversation is one seed's run: the fixture, the choices and what was
// delivered so far.
type conversation struct {
	t      *testing.T
	seed   uint64
	f      *ticketFixture
	rng    *rand.Rand
	lang   string // the resident's client language hint
	zh, en []string
	steps  []string
	nextID int64

	cards      []storage.OutboxMessage // delivered ticket cards
	lastOutbox storage.OutboxMessage   // last delivered message to the resident; zero before
	acks       map[int64]int           // ticket number -> acknowledgements delivered
}

func (c *conversation) fail(format string, args ...any) {
	c.t.Helper()
	c.t.Fatalf("seed %d, after step %d: %s", c.seed, len(c.steps), fmt.Sprintf(format, args...))
}

func (c *conversation) log(format string, args ...any) {
	c.steps = append(c.steps, fmt.Sprintf("%2d ", len(c.steps)+1)+fmt.Sprintf(format, args...))
}

func (c *conversation) step() {
	switch p := c.rng.IntN(100); {
	case p < 50:
		text := randomVocabulary[c.rng.IntN(len(randomVocabulary))]
		replyTo := 0
		if c.lastOutbox.SentMessageID != 0 && c.rng.IntN(5) == 0 {
			replyTo = c.lastOutbox.SentMessageID
		}
		c.say(handlers.Incoming{Kind: handlers.TextMessage, Text: text, ReplyTo: replyTo})
	case p < 54:
		c.nextID++
		photo := "photo-" + strconv.FormatInt(c.nextID, 10)
		c.say(handlers.Incoming{Kind: handlers.PhotoMessage, PhotoIDs: []string{photo}})
	case p < 56:
		c.say(handlers.Incoming{Kind: handlers.LocationMessage, Location: &handlers.GeoPoint{Latitude: 31.2, Longitude: 121.5}})
	case p < 74:
		c.pressLastReply()
	case p < 78:
		if data := pick(c.rng, outboxData(c.lastOutbox)); data != "" {
			c.pressData("delivered message", c.lastOutbox.SentMessageID, data)
		}
	case p < 85:
		c.pressData("forged", 0, forgedButtons[c.rng.IntN(len(forgedButtons))])
	case p < 93:
		c.log("deliver outbox")
		c.deliver()
	default:
		c.staffAction()
	}
}

func pick(rng *rand.Rand, data []string) string {
	if len(data) == 0 {
		return ""
	}
	return data[rng.IntN(len(data))]
}

// say sends a resident's message and checks it is answered: directly, or
// (a typed confirmation) by an acknowledgement queued in the outbox.
func (c *conversation) say(in handlers.Incoming) {
	c.t.Helper()
	c.nextID++
	in.UpdateID, in.MessageID = 10000+c.nextID, int(c.nextID)
	in.ChatID, in.Chat, in.UserID, in.UserName, in.UserLang = resident, handlers.PrivateChat, resident, "张阿姨", c.lang
	shown := in.Text
	if utf8.RuneCountInString(shown) > 40 {
		shown = fmt.Sprintf("<%d-character text %.20s…>", utf8.RuneCountInString(shown), shown)
	}
	c.log("say %q kind=%d reply_to=%d photos=%v", shown, in.Kind, in.ReplyTo, in.PhotoIDs)

	queued := c.pendingToResident()
	before := c.f.out.count()
	c.handle(in)
	if c.checkSent(before) > 0 {
		return
	}
	for id := range c.pendingToResident() {
		if !queued[id] {
			return
		}
	}
	c.fail("no reply to %q", shown)
}

func (c *conversation) pressLastReply() {
	c.t.Helper()
	c.f.out.mu.Lock()
	var last handlers.OutMessage
	lastID := 0 // the recorder's message ids count from 1
	for i := len(c.f.out.sent) - 1; i >= 0; i-- {
		if c.f.out.sent[i].ChatID == resident {
			last, lastID = c.f.out.sent[i], i+1
			break
		}
	}
	c.f.out.mu.Unlock()
	if data := pick(c.rng, buttonData(last)); data != "" {
		c.pressData("last reply", lastID, data)
	}
}

// pressData presses a button in the resident's chat; every press must be
// answered (the spinner stops) and what it sends must be in one language.
func (c *conversation) pressData(what string, msgID int, data string) {
	c.t.Helper()
	c.log("press %s %q (message %d)", what, data, msgID)
	c.f.out.mu.Lock()
	notices := len(c.f.out.notices)
	c.f.out.mu.Unlock()
	before := c.f.out.count()
	c.nextID++
	c.handle(handlers.Incoming{UpdateID: 10000 + c.nextID, ChatID: resident, Chat: handlers.PrivateChat,
		UserID: resident, UserName: "张阿姨", UserLang: c.lang,
		Callback: &handlers.Callback{ID: "cb", Data: data, MessageID: msgID}})
	c.checkSent(before)
	c.f.out.mu.Lock()
	answered := len(c.f.out.notices) > notices
	c.f.out.mu.Unlock()
	if !answered {
		c.fail("press %q was not answered", data)
	}
}

// staffAction has a member of a card's chat claim, resolve or reassign the
// ticket, or reply to its card.
func (c *conversation) staffAction() {
	c.t.Helper()
	var cards []storage.OutboxMessage
	for _, card := range c.cards {
		if _, ok := staffMemberOf[card.ChatID]; ok {
			cards = append(cards, card)
		}
	}
	if len(cards) == 0 {
		return
	}
	card := cards[c.rng.IntN(len(cards))]
	member := staffMemberOf[card.ChatID]
	c.nextID++
	in := handlers.Incoming{UpdateID: 10000 + c.nextID, ChatID: card.ChatID, Chat: handlers.GroupChat,
		UserID: member, UserName: "王师傅", MessageID: int(c.nextID)}
	if c.rng.IntN(2) == 0 {
		data := pick(c.rng, []string{"s:claim:", "s:askresolve:", "s:resolve:", "s:reassign:"}) + itoa(card.TicketID)
		c.log("staff %d presses %q on card of ticket #%d", member, data, card.TicketID)
		in.Callback = &handlers.Callback{ID: "cb", Data: data, MessageID: card.SentMessageID}
	} else {
		in.Kind, in.ReplyTo, in.Text = handlers.TextMessage, card.SentMessageID, pick(c.rng, staffReplies)
		c.log("staff %d replies %q to card of ticket #%d", member, in.Text, card.TicketID)
	}
	before := c.f.out.count()
	c.handle(in)
	c.checkSent(before)
}

func (c *conversation) handle(in handlers.Incoming) {
	c.t.Helper()
	defer func() {
		if r := recover(); r != nil {
			c.fail("Handle panicked: %v\n%s", r, debug.Stack())
		}
	}()
	if err := c.f.h.Handle(c.f.ctx, in); err != nil {
		c.fail("Handle returned an error: %v", err)
	}
}

// checkSent checks the messages sent since before that went to the
// resident and returns how many there were.
func (c *conversation) checkSent(before int) int {
	c.t.Helper()
	n := 0
	for _, m := range c.f.out.sentSince(before) {
		if m.ChatID != resident {
			continue
		}
		n++
		var labels []string
		for _, row := range m.Buttons {
			for _, b := range row {
				labels = append(labels, b.Text)
			}
		}
		c.checkMessage("reply", m.Text, labels)
	}
	return n
}

// checkMessage: a message to the resident has text and is in one
// language: it does not quote a Chinese template and an English one.
func (c *conversation) checkMessage(what, text string, labels []string) {
	c.t.Helper()
	if strings.TrimSpace(text) == "" {
		c.fail("empty %s to the resident (buttons %v)", what, labels)
	}
	all := text + "\n" + strings.Join(labels, "\n")
	if zh, en := containsAny(all, c.zh), containsAny(all, c.en); zh != "" && en != "" {
		c.fail("%s mixes languages: Chinese %q and English %q in %q", what, zh, en, all)
	}
}

func containsAny(s string, fragments []string) string {
	for _, f := range fragments {
		if strings.Contains(s, f) {
			return f
		}
	}
	return ""
}

func (c *conversation) pendingToResident() map[int64]bool {
	c.t.Helper()
	due, err := c.f.db.DueOutbox(c.f.ctx, c.f.now, 1000)
	if err != nil {
		c.fail("due outbox: %v", err)
	}
	ids := map[int64]bool{}
	for _, m := range due {
		if m.ChatID == resident {
			ids[m.ID] = true
		}
	}
	return ids
}

// deliver plays the outbox sender and remembers the cards, the last
// message to the resident and the acknowledgements.
func (c *conversation) deliver() {
	c.t.Helper()
	for _, m := range c.f.deliver(c.t) {
		switch {
		case m.Purpose == "card":
			c.cards = append(c.cards, m)
		case m.ChatID == resident:
			var labels []string
			for _, row := range m.Buttons {
				for _, b := range row {
					labels = append(labels, b.Text)
				}
			}
			c.checkMessage("outbox message "+m.Key, m.Text, labels)
			c.lastOutbox = m
			// An acknowledgement by its key, or one sent under another key.
			acked := map[int64]bool{}
			if m.Key == "ticket:"+itoa(m.TicketID)+":ack" {
				acked[m.TicketID] = true
			}
			for _, found := range ackNumber.FindAllStringSubmatch(m.Text, -1) {
				n, _ := strconv.ParseInt(found[1], 10, 64)
				acked[n] = true
			}
			for n := range acked {
				c.acks[n]++
			}
		}
	}
}

// checkTickets: every ticket of the resident has text and was
// acknowledged to the resident exactly once; nothing else was.
func (c *conversation) checkTickets() int {
	c.t.Helper()
	list, err := c.f.db.ResidentTickets(c.f.ctx, resident, 1000)
	if err != nil {
		c.fail("resident tickets: %v", err)
	}
	seen := map[int64]bool{}
	for _, tk := range list {
		seen[tk.ID] = true
		if strings.TrimSpace(tk.Text) == "" {
			c.fail("ticket %s has no text: %+v", tk.Number(), tk)
		}
		if n := c.acks[tk.ID]; n != 1 {
			c.fail("ticket %s was acknowledged %d times", tk.Number(), n)
		}
	}
	for id, n := range c.acks {
		if !seen[id] {
			c.fail("ticket #%d was acknowledged %d times but is not the resident's", id, n)
		}
	}
	return len(list)
}

// templateFragments returns the fixed parts of the resident texts
// (text{zh, en} literals of package handlers): Chinese parts of at least
// four Han characters and English parts of at least two words, each
// found only in its own language's versions.
var templateFragments = func() func(t *testing.T) (zh, en []string) {
	var once sync.Once
	var zh, en []string
	var err error
	return func(t *testing.T) ([]string, []string) {
		t.Helper()
		once.Do(func() { zh, en, err = readTemplateFragments() })
		if err != nil {
			t.Fatal(err)
		}
		return zh, en
	}
}()

func readTemplateFragments() (zhParts, enParts []string, err error) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		return nil, nil, err
	}
	var zhAll, enAll []string
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			return nil, nil, fmt.Errorf("parse %s: %w", name, err)
		}
		add := func(lit *ast.CompositeLit) {
			if len(lit.Elts) != 2 {
				return
			}
			zh, okZH := stringValue(lit.Elts[0])
			en, okEN := stringValue(lit.Elts[1])
			if okZH && okEN {
				zhAll, enAll = append(zhAll, zh), append(enAll, en)
			}
		}
		ast.Inspect(file, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			switch typ := lit.Type.(type) {
			case *ast.Ident:
				if typ.Name == "text" {
					add(lit)
					return false
				}
			case *ast.MapType:
				// map[emergency]text{x: {"…", "…"}}: the texts' type is elided.
				if id, ok := typ.Value.(*ast.Ident); ok && id.Name == "text" {
					for _, e := range lit.Elts {
						if kv, ok := e.(*ast.KeyValueExpr); ok {
							if inner, ok := kv.Value.(*ast.CompositeLit); ok && inner.Type == nil {
								add(inner)
							}
						}
					}
					return false
				}
			}
			return true
		})
	}
	if len(zhAll) < 100 {
		return nil, nil, fmt.Errorf("found only %d resident texts", len(zhAll))
	}
	inAny := func(s string, versions []string) bool {
		for _, v := range versions {
			if strings.Contains(v, s) {
				return true
			}
		}
		return false
	}
	for _, v := range zhAll {
		for _, part := range fixedParts(v) {
			if countHan(part) >= 4 && !inAny(part, enAll) {
				zhParts = append(zhParts, part)
			}
		}
	}
	for _, v := range enAll {
		for _, part := range fixedParts(v) {
			if !hasHan(part) && len(strings.Fields(part)) >= 2 && !inAny(part, zhAll) {
				enParts = append(enParts, part)
			}
		}
	}
	return zhParts, enParts, nil
}

// fixedParts splits a format into the text between its verbs and lines.
func fixedParts(format string) []string {
	var parts []string
	for _, line := range strings.Split(formatVerb.ReplaceAllString(format, "\n"), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			parts = append(parts, line)
		}
	}
	return parts
}

func countHan(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}
