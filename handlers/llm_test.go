package handlers_test

import (
	"context"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"codesk/faq"
	"codesk/handlers"
	"codesk/llm"
	"codesk/llm/llmtest"
	"codesk/parties"
	"codesk/storage"
	"codesk/tickets"
)

// Questions of the language-model tests, as the scripted FAQ sees them.
const (
	qConfident = "电梯什么时候换"                            // a confident FAQ match
	qUnsure    = "维修资金什么时候能用？"                        // close but unsure: two candidates
	qNothing   = "小区里可以养蜜蜂吗"                          // nothing close; ranked entries only
	qNothing2  = "Can I grow vegetables on the roof?" // another such question
	qElsewhere = "明天会下雨吗"                             // something no estate FAQ answers
)

// rankedFAQ is the scripted FAQ plus a ranking, as *faq.Catalog has.
type rankedFAQ struct {
	scriptedFAQ
	rank map[string][]faq.Scored
}

func (f rankedFAQ) Rank(q string, k int) []faq.Scored {
	r := f.rank[q]
	if len(r) > k {
		r = r[:k]
	}
	return r
}

var llmTestFAQ = rankedFAQ{scriptedFAQ: scriptedFAQ{entries: testFAQ.entries, results: map[string]faq.Result{
	qConfident: testFAQ.results[qConfident],
	qUnsure:    {Candidates: []faq.Scored{{ID: "fund-use", Score: 0.4}, {ID: "elevator-breakdown", Score: 0.35}}},
	qElsewhere: {Score: 0.2, OutOfScope: true},
}}, rank: map[string][]faq.Scored{
	qUnsure:   {{ID: "fund-use", Score: 0.4}, {ID: "elevator-breakdown", Score: 0.35}, {ID: "elevator-replacement", Score: 0.1}},
	qNothing:  {{ID: "fund-use", Score: 0.1}, {ID: "elevator-breakdown", Score: 0.05}},
	qNothing2: {{ID: "fund-use", Score: 0.1}},
}}

// modelOptions shape the model side of an llmFixture.
type modelOptions struct {
	clientTimeout time.Duration // per model operation; 0 = 2s
	deadline      time.Duration // the handler's bound on the model; 0 = 2s
	quota         int           // per resident per day; 0 = unlimited
	cacheTTL      time.Duration // 0 = no cache
}

type llmFixture struct {
	*ticketFixture
	model *llmtest.Server
}

// newLLMFixture is the ticket fixture (staff chats, router, outbox) with the
// real llm.Client talking to a fake OpenAI-compatible server.
func newLLMFixture(t *testing.T, o modelOptions) *llmFixture {
	t.Helper()
	f := &llmFixture{ticketFixture: newTicketFixture(t, nil), model: llmtest.NewServer(t)}
	if o.clientTimeout == 0 {
		o.clientTimeout = 2 * time.Second
	}
	if o.deadline == 0 {
		o.deadline = 2 * time.Second
	}
	if o.quota == 0 {
		o.quota = -1
	}
	if o.cacheTTL == 0 {
		o.cacheTTL = -1
	}
	client, err := llm.New(llm.Config{
		BaseURL: f.model.BaseURL(), Model: "test-model", Timeout: o.clientTimeout,
		DailyQuota: o.quota, CacheTTL: o.cacheTTL, Now: func() time.Time { return f.now },
	}, f.state, slog.New(slog.NewTextHandler(f.logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	d := f.h.Deps
	d.FAQ, d.LLM, d.LLMDeadline, d.LLMRouteDeadline = llmTestFAQ, client, o.deadline, o.deadline
	f.h = handlers.New(d)
	return f
}

// ask sends a question and returns the reply and how long it took.
func (f *llmFixture) ask(t *testing.T, user int64, q string) (handlers.OutMessage, time.Duration) {
	t.Helper()
	start := time.Now()
	m := f.say(t, user, q)
	return m, time.Since(start)
}

func (f *llmFixture) lastLogged(t *testing.T) storage.QuestionLog {
	t.Helper()
	qs, err := f.db.RecentQuestions(f.ctx, 1)
	if err != nil || len(qs) != 1 {
		t.Fatalf("question log: %v %v", qs, err)
	}
	return qs[0]
}

// op tells which operation a recorded request was, by its system prompt.
func op(r llmtest.Request) string {
	system := r.Contents("system")
	switch {
	case len(system) == 0:
		return ""
	case strings.Contains(system[0], "Choose the one entry"):
		return "select"
	case strings.Contains(system[0], "You route"):
		return "route"
	default:
		return "answer"
	}
}

func ops(s *llmtest.Server) []string {
	var out []string
	for _, r := range s.Requests() {
		out = append(out, op(r))
	}
	return out
}

func hasData(m handlers.OutMessage, prefix string) bool {
	for _, d := range buttonData(m) {
		if strings.HasPrefix(d, prefix) {
			return true
		}
	}
	return false
}

const machineMark = "🤖 以下由AI根据小区资料生成，可能有误"

func TestGroundedAnswerIsMarkedAsMachineWrittenAndLoggedWithItsEntries(t *testing.T) {
	f := newLLMFixture(t, modelOptions{})
	f.model.Reply(`{"grounded": true, "answer": "常见问题里只说明了维修资金的使用需业主表决。", "used_ids": ["fund-use"]}`)
	m, _ := f.ask(t, resident, qNothing)

	if !strings.HasPrefix(m.Text, machineMark) || !strings.Contains(m.Text, "维修资金的使用需业主表决") {
		t.Fatalf("reply = %q; want the AI mark, then the model's answer", m.Text)
	}
	if !hasData(m, "q:desk:") || !hasData(m, "m:concern") {
		t.Errorf("an AI answer offers the desk and a concern, buttons %v", buttonData(m))
	}
	if got := ops(f.model); len(got) != 1 || got[0] != "answer" {
		t.Fatalf("model calls %v; want one answer (no candidates to choose from)", got)
	}
	req, _ := f.model.Last()
	if ctx := req.Contents("system"); len(ctx) < 2 || !strings.Contains(ctx[1], "[id: fund-use]") || !strings.Contains(ctx[1], "[id: elevator-breakdown]") {
		t.Errorf("the answer must be grounded on the ranked entries, context %q", ctx)
	}
	q := f.lastLogged(t)
	if q.Source != storage.SourceLLM || q.MatchedID != "" || q.Answer == "" || strings.Join(q.UsedIDs, ",") != "fund-use" {
		t.Errorf("logged %+v; want source llm, no curated entry, the answer and the entry used", q)
	}

	// English residents get the English mark.
	f.model.Reply(`{"grounded": true, "answer": "The FAQ only says the fund needs an owners' vote.", "used_ids": ["fund-use"]}`)
	if m, _ = f.ask(t, neighbour, qNothing2); !strings.HasPrefix(m.Text, "🤖 Written by AI from the estate's FAQ; it may be wrong") {
		t.Errorf("English reply = %q", m.Text)
	}
}

func TestModelChoosingACandidateSendsItsCuratedText(t *testing.T) {
	f := newLLMFixture(t, modelOptions{})
	f.model.Reply(`{"id": "elevator-breakdown"}`)
	m, _ := f.ask(t, resident, qUnsure)
	if m.Text != "电梯故障请打物业电话。" || strings.Contains(m.Text, "🤖") {
		t.Fatalf("reply = %q; want the curated text, unmarked", m.Text)
	}
	if !hasData(m, "fb:") {
		t.Errorf("a curated answer has feedback buttons, got %v", buttonData(m))
	}
	if got := ops(f.model); len(got) != 1 || got[0] != "select" {
		t.Errorf("model calls %v; want one select and no written answer", got)
	}
	q := f.lastLogged(t)
	if q.Source != storage.SourceLLMSelect || q.MatchedID != "elevator-breakdown" {
		t.Errorf("logged %+v; want source llm-select with the chosen entry", q)
	}
	// "Not what I meant" offers the other candidate.
	f.press(t, resident, findData(t, m, "fb:"+itoa(q.ID)+":n"))
	if m = f.out.last(t); !hasData(m, "pick:") {
		t.Errorf("after 'not what I meant': %q %v", m.Text, buttonData(m))
	}
}

func TestModelNamingAnUnknownEntryGetsTheDidYouMeanButtons(t *testing.T) {
	f := newLLMFixture(t, modelOptions{})
	f.model.Reply(`{"id": "rooftop-bees"}`)
	f.model.Reply(`{"grounded": false, "answer": ""}`)
	m, _ := f.ask(t, resident, qUnsure)
	if !strings.Contains(m.Text, "您是想问") || !hasData(m, "pick:") {
		t.Fatalf("reply = %q %v; want did-you-mean buttons", m.Text, buttonData(m))
	}
	if q := f.lastLogged(t); q.Source != storage.SourceCandidates || q.MatchedID != "" {
		t.Errorf("logged %+v; want candidates offered", q)
	}
}

// Whatever goes wrong at the model, the resident gets the bot's own reply —
// the offer to ask the desk — well within the bound.
func TestFailingModelFallsBackToTheDeskInTime(t *testing.T) {
	const bound = 2 * time.Second // the deadline below plus a wide margin
	cases := []struct {
		name   string
		opts   modelOptions
		script func(*llmtest.Server)
	}{
		{"429", modelOptions{}, func(s *llmtest.Server) { s.Fail(http.StatusTooManyRequests, 1) }},
		{"500 twice", modelOptions{}, func(s *llmtest.Server) { s.Fail(http.StatusInternalServerError, 2) }},
		{"garbage body", modelOptions{}, func(s *llmtest.Server) { s.Garbage() }},
		{"content not JSON", modelOptions{}, func(s *llmtest.Server) { s.Reply("Sure! Bees are lovely.") }},
		{"grounded without text", modelOptions{}, func(s *llmtest.Server) { s.Reply(`{"grounded": true, "answer": ""}`) }},
		{"client timeout", modelOptions{clientTimeout: 200 * time.Millisecond, deadline: time.Second},
			func(s *llmtest.Server) { s.Delay(5 * time.Second); s.Reply(`{"grounded": true, "answer": "too late"}`) }},
		{"slow beyond the deadline", modelOptions{clientTimeout: 10 * time.Second, deadline: 300 * time.Millisecond},
			func(s *llmtest.Server) { s.Delay(5 * time.Second); s.Reply(`{"grounded": true, "answer": "too late"}`) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newLLMFixture(t, c.opts)
			c.script(f.model)
			m, took := f.ask(t, resident, qNothing)
			if took > bound {
				t.Errorf("reply took %v; want under %v", took, bound)
			}
			if !strings.Contains(m.Text, "没有找到") || !strings.Contains(m.Text, "值班人员") || strings.Contains(m.Text, "🤖") {
				t.Errorf("reply = %q; want the no-answer reply offering the desk", m.Text)
			}
			if !hasData(m, "q:desk:") {
				t.Errorf("buttons %v; want ask-the-desk", buttonData(m))
			}
			if len(f.model.Requests()) == 0 {
				t.Errorf("the model was never asked: the failure was not exercised")
			}
			if q := f.lastLogged(t); q.Source != storage.SourceNone || q.Answer != "" {
				t.Errorf("logged %+v; want no answer", q)
			}
		})
	}
	t.Run("unsure question keeps its candidates", func(t *testing.T) {
		f := newLLMFixture(t, modelOptions{})
		f.model.Fail(http.StatusServiceUnavailable, 2)
		if m, _ := f.ask(t, resident, qUnsure); !hasData(m, "pick:") {
			t.Errorf("reply = %q %v; want did-you-mean buttons", m.Text, buttonData(m))
		}
	})
}

// slowTests: tests that take real seconds run only when asked for.
func slowTests() bool { return os.Getenv("CODESK_SLOW_TESTS") == "1" }

// The real deadline: a model slower than any resident should wait for. Slow
// (about 12 s), so only with CODESK_SLOW_TESTS=1.
func TestSlowModelStillGivesAReplyWithinFifteenSeconds(t *testing.T) {
	if testing.Short() || !slowTests() {
		t.Skip("set CODESK_SLOW_TESTS=1 to run (takes about 12 s)")
	}
	f := newLLMFixture(t, modelOptions{clientTimeout: 30 * time.Second})
	d := f.h.Deps
	d.LLMDeadline = 0 // the default
	f.h = handlers.New(d)
	f.model.Delay(30 * time.Second)
	f.model.Reply(`{"grounded": true, "answer": "too late"}`)
	m, took := f.ask(t, resident, qNothing)
	if took > 15*time.Second || took < handlers.DefaultLLMDeadline-time.Second {
		t.Errorf("reply took %v; want about %v and under 15s", took, handlers.DefaultLLMDeadline)
	}
	if !hasData(m, "q:desk:") {
		t.Errorf("reply = %q; want the offer to ask the desk", m.Text)
	}
}

func TestNoModelOffersAQuestionTicketCreatedOnceAndCardedToThePartyChat(t *testing.T) {
	f := newTicketFixture(t, nil)
	m := f.say(t, resident, qNothing)
	if !strings.Contains(m.Text, "值班人员") {
		t.Fatalf("reply = %q; want the offer to ask the desk", m.Text)
	}
	desk := findData(t, m, "q:desk:")
	f.press(t, resident, desk)
	f.press(t, resident, desk) // a second press makes no second ticket
	if n := f.lastNotice(); !strings.Contains(n, "已经发送过了") {
		t.Errorf("second press notice = %q", n)
	}
	msgs := f.deliver(t)
	cards := byPurpose(msgs, "card")
	if len(cards) != 1 || cards[0].ChatID != coChat || !strings.Contains(cards[0].Text, "居民提问") || !strings.Contains(cards[0].Text, qNothing) {
		t.Fatalf("cards = %+v; want one question card in the desk's chat", cards)
	}
	tk := f.ticket(t, cards[0].TicketID)
	if tk.Category != handlers.QuestionCategory || tk.Party != parties.CoOffice || tk.Text != qNothing {
		t.Errorf("ticket = %+v", tk)
	}
	ack := onlyOne(t, residentMessages(msgs, resident), "question ack")
	if !strings.Contains(ack.Text, tk.Number()) || !strings.Contains(ack.Text, "问题") {
		t.Errorf("the resident is told the number, got %q", ack.Text)
	}

	// Staff answer by replying to the card, as with concerns.
	staff := handlers.Incoming{ChatID: coChat, Chat: handlers.GroupChat, UserID: coMember, UserName: "李主任",
		MessageID: 90, ReplyTo: cards[0].SentMessageID, Kind: handlers.TextMessage, Text: "可以，但需向居委会备案。"}
	if err := f.h.Handle(f.ctx, staff); err != nil {
		t.Fatal(err)
	}
	if got := onlyOne(t, residentMessages(f.deliver(t), resident), "staff answer"); !strings.Contains(got.Text, "需向居委会备案") {
		t.Errorf("relayed answer = %q", got.Text)
	}
	// Closing a question says it was answered, not that a problem was fixed.
	f.staffPress(t, coChat, coMember, cards[0].SentMessageID, "s:resolve:"+itoa(tk.ID))
	closed := onlyOne(t, residentMessages(f.deliver(t), resident), "question closed")
	if !strings.Contains(closed.Text, "已由【三方联合办公室】答复") || strings.Contains(closed.Text, "问题仍在") ||
		!strings.Contains(strings.Join(buttonTexts(closed.Buttons), ","), "还有疑问") {
		t.Errorf("closing a question: %q %v", closed.Text, closed.Buttons)
	}

	// Nobody else may send the resident's question.
	f.press(t, neighbour, desk)
	if n := f.lastNotice(); !strings.Contains(n, "失效") {
		t.Errorf("a stranger's press: notice %q", n)
	}
}

func TestQuotaExceededFallsBackToTheDesk(t *testing.T) {
	f := newLLMFixture(t, modelOptions{quota: 1})
	f.model.ReplyFunc(func(r llmtest.Request) string {
		if user := r.Contents("user"); len(user) > 0 && strings.Contains(user[len(user)-1], "vegetables") {
			return `{"grounded": true, "answer": "See the maintenance fund entry.", "used_ids": ["fund-use"]}`
		}
		return `{"grounded": true, "answer": "见维修资金条目。", "used_ids": ["fund-use"]}`
	})
	if m, _ := f.ask(t, resident, qNothing); !strings.HasPrefix(m.Text, machineMark) {
		t.Fatalf("first question within the quota: %q", m.Text)
	}
	m, _ := f.ask(t, resident, qNothing2)
	if strings.Contains(m.Text, "🤖") || !hasData(m, "q:desk:") {
		t.Errorf("over the quota: %q %v; want the desk offer", m.Text, buttonData(m))
	}
	if n := len(f.model.Requests()); n != 1 {
		t.Errorf("model got %d requests; the quota allows 1", n)
	}
	// Another resident has their own quota.
	if m, _ := f.ask(t, neighbour, qNothing2); !strings.Contains(m.Text, "🤖") {
		t.Errorf("another resident: %q", m.Text)
	}
}

// A Chinese question answered in English (or the reverse) is not sent under
// the resident's own-language notice: the resident gets the fallback.
func TestAnAnswerInAnotherLanguageIsNotSent(t *testing.T) {
	f := newLLMFixture(t, modelOptions{})
	f.model.Reply(`{"grounded": true, "answer": "See the maintenance fund entry.", "used_ids": ["fund-use"]}`)
	m, _ := f.ask(t, resident, qNothing)
	if strings.Contains(m.Text, "🤖") || strings.Contains(m.Text, "maintenance fund") || !hasData(m, "q:desk:") {
		t.Errorf("reply = %q %v; want the Chinese fallback with the desk offer", m.Text, buttonData(m))
	}
}

// The model answers from the estate's FAQ; the weather is not in it, and a
// written reply would only spend the resident's quota on a guess.
func TestOutOfScopeQuestionIsNotTheModelsAndSaysSo(t *testing.T) {
	f := newLLMFixture(t, modelOptions{})
	f.model.Reply(`{"grounded": true, "answer": "明天有雨。", "used_ids": ["fund-use"]}`)
	m, _ := f.ask(t, resident, qElsewhere)
	if n := len(f.model.Requests()); n != 0 {
		t.Errorf("the model got %d requests for an out-of-scope question", n)
	}
	if !strings.Contains(m.Text, "不属于小区事务") || !strings.Contains(m.Text, "值班人员") || !hasData(m, "q:desk:") {
		t.Errorf("reply = %q, buttons %v; want the out-of-scope note and the desk offered, in words and as a button", m.Text, buttonData(m))
	}
	if q := f.lastLogged(t); q.Source != storage.SourceOutOfScope || q.MatchedID != "" {
		t.Errorf("logged %+v; want source out-of-scope and no entry", q)
	}
	// administrators see how many, apart from the FAQ's gaps
	stats := f.say(t, admin, "/stats").Text
	gaps, elsewhere, _ := strings.Cut(stats, "判断为与小区无关的问题")
	if !strings.Contains(gaps, "其中与小区无关（天气、证件等）：1") || strings.Contains(gaps, qElsewhere) || !strings.Contains(elsewhere, qElsewhere) {
		t.Errorf("admin stats = %q; want the out-of-scope count, and the question listed apart from the FAQ's gaps", stats)
	}
}

func TestConfidentFAQMatchNeverCallsTheModel(t *testing.T) {
	f := newLLMFixture(t, modelOptions{})
	f.model.ReplyFunc(func(llmtest.Request) string { return `{"id": "elevator-breakdown"}` })
	m, _ := f.ask(t, resident, qConfident)
	if m.Text != "电梯更换按楼栋分批进行。" {
		t.Errorf("reply = %q", m.Text)
	}
	if n := len(f.model.Requests()); n != 0 {
		t.Errorf("the model got %d requests for a confident FAQ match", n)
	}
	if q := f.lastLogged(t); q.Source != storage.SourceFAQ {
		t.Errorf("logged %+v", q)
	}
}

// The rule router is unsure about this concern (it goes to the co-office).
const unsureConcern = "投诉一下，问题一直没解决"

func TestRoutingHelpIsAcceptedOnlyForAValidParty(t *testing.T) {
	cases := []struct {
		name, reply string
		want        parties.ID
	}{
		{"valid party and its category", `{"party": "owners_committee", "category": "maintenance_fund"}`, parties.OwnersCommittee},
		{"unknown party", `{"party": "mayor", "category": "maintenance_fund"}`, parties.CoOffice},
		{"category of another party", `{"party": "owners_committee", "category": "lifts"}`, parties.CoOffice},
		{"co-office", `{"party": "co_office", "category": "maintenance_fund"}`, parties.CoOffice},
		{"garbage", `not json`, parties.CoOffice},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newLLMFixture(t, modelOptions{})
			f.model.Reply(c.reply)
			m := f.say(t, resident, unsureConcern)
			f.press(t, resident, findData(t, m, "c:send:"))
			f.deliver(t)
			list, err := f.db.ResidentTickets(f.ctx, resident, 10)
			if err != nil || len(list) != 1 {
				t.Fatalf("tickets %v %v", list, err)
			}
			if list[0].Party != c.want {
				t.Errorf("ticket party %s; want %s", list[0].Party, c.want)
			}
			if got := ops(f.model); len(got) != 1 || got[0] != "route" {
				t.Errorf("model calls %v; want one route", got)
			}
		})
	}
	t.Run("a sure routing never asks the model", func(t *testing.T) {
		f := newLLMFixture(t, modelOptions{})
		f.say(t, resident, "3号楼2单元电梯又坏了")
		if n := len(f.model.Requests()); n != 0 {
			t.Errorf("model got %d requests for a routing the rules were sure of", n)
		}
	})
}

// stubRouter is an LLM that only routes, answering with a fixed decision:
// the handlers' own check must hold whatever a model implementation returns.
type stubRouter struct {
	handlers.LLM
	dec   tickets.Decision
	err   error
	calls int
}

func (s *stubRouter) Route(context.Context, string, []tickets.Category) (tickets.Decision, error) {
	s.calls++
	return s.dec, s.err
}

func TestRouteConcernTrustsNoPartyItCannotValidate(t *testing.T) {
	router, err := tickets.NewRouter(tickets.DefaultRules())
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name    string
		dec     tickets.Decision
		err     error
		want    parties.ID
		byModel bool
	}{
		{"valid", tickets.Decision{Party: parties.OwnersCommittee, Category: "maintenance_fund"}, nil, parties.OwnersCommittee, true},
		{"unknown party", tickets.Decision{Party: "mayor", Category: "maintenance_fund"}, nil, parties.CoOffice, false},
		{"unknown category", tickets.Decision{Party: parties.OwnersCommittee, Category: "bees"}, nil, parties.CoOffice, false},
		{"category of another party", tickets.Decision{Party: parties.PropertyManagement, Category: "maintenance_fund"}, nil, parties.CoOffice, false},
		{"model error", tickets.Decision{}, llm.ErrUnavailable, parties.CoOffice, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			model := &stubRouter{dec: c.dec, err: c.err}
			dec, byModel, err := handlers.RouteConcern(context.Background(), router, model, time.Second, unsureConcern)
			if dec.Party != c.want || byModel != c.byModel || (err != nil) != (c.err != nil) {
				t.Errorf("got %s byModel=%v err=%v; want %s byModel=%v", dec.Party, byModel, err, c.want, c.byModel)
			}
			if model.calls != 1 {
				t.Errorf("model asked %d times; want once", model.calls)
			}
		})
	}
	model := &stubRouter{dec: tickets.Decision{Party: parties.OwnersCommittee, Category: "maintenance_fund"}}
	if dec, _, _ := handlers.RouteConcern(context.Background(), router, model, time.Second, "3号楼2单元电梯又坏了"); dec.Party != parties.PropertyManagement || model.calls != 0 {
		t.Errorf("a sure routing: %s after %d model calls; want the rules' party and no call", dec.Party, model.calls)
	}
}

func buttonTexts(rows [][]storage.OutboxButton) []string {
	var out []string
	for _, row := range rows {
		for _, b := range row {
			out = append(out, b.Text)
		}
	}
	return out
}
