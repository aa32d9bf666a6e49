package handlers_test

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"codesk/faq"
	"codesk/handlers"
	"codesk/storage"
	"codesk/storage/storagetest"
)

// recorder is a Messenger that keeps what was sent.
type recorder struct {
	mu      sync.Mutex
	sent    []handlers.OutMessage
	notices []string
}

func (r *recorder) Send(_ context.Context, m handlers.OutMessage) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sent = append(r.sent, m)
	return len(r.sent), nil
}

func (r *recorder) Edit(context.Context, int64, int, string, [][]handlers.Button) error { return nil }

func (r *recorder) AnswerCallback(_ context.Context, _ string, notice string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.notices = append(r.notices, notice)
	return nil
}

func (r *recorder) last(t *testing.T) handlers.OutMessage {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.sent) == 0 {
		t.Fatal("nothing was sent")
	}
	return r.sent[len(r.sent)-1]
}

func (r *recorder) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.sent)
}

// scriptedFAQ answers fixed questions with fixed results, so these tests
// are about the conversation, not the matcher's quality.
type scriptedFAQ struct {
	results map[string]faq.Result
	entries map[string]faq.Entry
}

func (f scriptedFAQ) Match(q string) faq.Result { return f.results[q] }
func (f scriptedFAQ) Entry(id string) (faq.Entry, bool) {
	e, ok := f.entries[id]
	return e, ok
}

// longTwoQuestions asks two things the FAQ answers, one per sentence.
const longTwoQuestions = "我们楼的电梯用了快二十年了，大家都很担心安全问题，想问一下电梯什么时候换？另外最近电梯经常停，电梯坏了怎么办"

var testFAQ = scriptedFAQ{
	entries: map[string]faq.Entry{
		"elevator-replacement": {ID: "elevator-replacement", Questions: []string{"电梯什么时候换？", "When will the lifts be replaced?"},
			Answer: faq.Answer{ZH: "电梯更换按楼栋分批进行。", EN: "Lifts are replaced building by building."}},
		"elevator-breakdown": {ID: "elevator-breakdown", Questions: []string{"电梯坏了找谁？", "Who fixes a broken lift?"},
			Answer: faq.Answer{ZH: "电梯故障请打物业电话。", EN: "Call property management about a broken lift."}},
		"fund-use": {ID: "fund-use", Questions: []string{"维修资金怎么用？"},
			Answer: faq.Answer{ZH: "使用维修资金需业主表决。", EN: "Using the maintenance fund needs an owners' vote."}},
		"wall-repair": {ID: "wall-repair", Questions: []string{"外墙渗水维修到哪一步了？"},
			Answer: faq.Answer{ZH: "外墙修缮分楼栋分批进行。", EN: "The exterior walls are repaired building by building."}},
		"night-duty": {ID: "night-duty", Questions: []string{"晚上有急事找谁？"},
			Answer: faq.Answer{ZH: "夜间请打物业24小时值班电话 6000-0000。", EN: "At night call the 24-hour duty line 6000-0000."}},
		"how-to-report": {ID: "how-to-report", Questions: []string{"怎么报修？"},
			Answer: faq.Answer{ZH: "在这里描述问题即可报修。", EN: "Describe the problem right here to report it."}},
	},
	results: map[string]faq.Result{
		"电梯什么时候换": {ID: "elevator-replacement", Score: 0.9,
			Candidates: []faq.Scored{{ID: "elevator-breakdown", Score: 0.4}}},
		"when are the lifts replaced":            {ID: "elevator-replacement", Score: 0.9},
		"电梯":                                     {Candidates: []faq.Scored{{ID: "elevator-replacement", Score: 0.4}, {ID: "elevator-breakdown", Score: 0.35}}},
		"电梯坏了怎么办":                                {ID: "elevator-breakdown", Score: 0.8},
		"被困电梯里了怎么办！":                             {ID: "elevator-breakdown", Score: 0.8},
		"好的，下午3点可以":                              {ID: "fund-use", Score: 0.7}, // a matcher false positive
		"thanks, what time tomorrow?":            {ID: "fund-use", Score: 0.8}, // a matcher false positive
		"it took too long":                       {ID: "fund-use", Score: 0.7}, // a matcher false positive
		"电梯又坏了好几天了，找谁修？":                         {Candidates: []faq.Scored{{ID: "elevator-breakdown", Score: 0.4}}},
		"3号楼电梯又坏了":                               {Candidates: []faq.Scored{{ID: "elevator-breakdown", Score: 0.4}}},
		longTwoQuestions:                         {ID: "elevator-replacement", Score: 0.8, Candidates: []faq.Scored{{ID: "fund-use", Score: 0.3}}},
		"电梯什么时候换？电梯坏了怎么办":                        {ID: "elevator-replacement", Score: 0.8},
		"电梯什么时候换？维修资金怎么用？":                       {ID: "elevator-breakdown", Score: 0.8}, // both pull to a third
		"维修资金怎么用":                                {ID: "fund-use", Score: 0.9},
		"also how do I use the maintenance fund": {ID: "fund-use", Score: 0.9},
		"我想给我们楼换个新电梯":                            {ID: "elevator-replacement", Score: 0.8},
		"有人把电动车推进电梯里":                            {ID: "elevator-breakdown", Score: 0.8},
		"另外最近电梯经常停，电梯坏了怎么办":                      {ID: "elevator-breakdown", Score: 0.8},
		// the matcher's answers to "when?" and corrections just after a
		// report: the estate project's entry, or close entries
		"半夜水管爆了，物管有人吗":           {ID: "night-duty", Score: 0.8},
		"半夜水管爆了，怎么办":             {ID: "night-duty", Score: 0.8},
		"外墙啥时候修好":                {ID: "wall-repair", Score: 0.85},
		"啥时候修好":                  {ID: "wall-repair", Score: 0.7},
		"When will it be fixed?": {Candidates: []faq.Scored{{ID: "wall-repair", Score: 0.4}}},
		"any news on ticket 1?":  {ID: "how-to-report", Score: 0.7},
		"两个事情现在怎么样了":             {Candidates: []faq.Scored{{ID: "wall-repair", Score: 0.4}}},
		"刚才说错了，是6号楼不是5号楼":        {Candidates: []faq.Scored{{ID: "wall-repair", Score: 0.4}}},
	},
}

type fixture struct {
	h   *handlers.Handler
	out *recorder
	db  *storage.DB
	ctx context.Context
}

const (
	resident   int64 = 501
	neighbour  int64 = 502
	admin      int64 = 900
	staffGroup int64 = -1001
)

func newFixture(t *testing.T) *fixture {
	t.Helper()
	db := storagetest.Open(t)
	out := &recorder{}
	h := handlers.New(handlers.Deps{
		Messenger: out, FAQ: testFAQ, Residents: db, Questions: db,
		State:       storage.NewMemoryState(time.Now),
		IsAdmin:     func(id int64) bool { return id == admin },
		BotUsername: "codesk_bot",
		Log:         slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	return &fixture{h: h, out: out, db: db, ctx: context.Background()}
}

func (f *fixture) say(t *testing.T, user int64, text string) handlers.OutMessage {
	t.Helper()
	before := f.out.count()
	if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: user, UserID: user, Kind: handlers.TextMessage, Text: text}); err != nil {
		t.Fatalf("handle %q: %v", text, err)
	}
	if f.out.count() == before {
		t.Fatalf("no reply to %q", text)
	}
	return f.out.last(t)
}

func (f *fixture) press(t *testing.T, user int64, data string) {
	t.Helper()
	ev := handlers.Incoming{ChatID: user, UserID: user, Callback: &handlers.Callback{ID: "cb", Data: data}}
	if err := f.h.Handle(f.ctx, ev); err != nil {
		t.Fatalf("press %q: %v", data, err)
	}
}

func (f *fixture) lastNotice() string {
	f.out.mu.Lock()
	defer f.out.mu.Unlock()
	if len(f.out.notices) == 0 {
		return ""
	}
	return f.out.notices[len(f.out.notices)-1]
}

func buttonData(m handlers.OutMessage) []string {
	var data []string
	for _, row := range m.Buttons {
		for _, b := range row {
			data = append(data, b.Data)
		}
	}
	return data
}

func TestStartGreetsInTheResidentsLanguageWithAMenu(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: resident, UserID: resident, UserLang: "en-GB", Kind: handlers.TextMessage, Text: "/start"}); err != nil {
		t.Fatal(err)
	}
	m := f.out.last(t)
	if !strings.Contains(m.Text, "Hello") {
		t.Errorf("English client should be greeted in English, got %q", m.Text)
	}
	want := []string{"m:ask", "m:concern", "m:tickets", "m:lang"}
	if got := buttonData(m); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("menu buttons = %v, want %v", got, want)
	}
	m = f.say(t, neighbour, "/start")
	if !strings.Contains(m.Text, "您好") {
		t.Errorf("a resident with no language hint is greeted in Chinese, got %q", m.Text)
	}
}

func TestConfidentAnswerIsInTheQuestionsLanguageAndFeedbackIsStored(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	m := f.say(t, resident, "电梯什么时候换")
	if m.Text != "电梯更换按楼栋分批进行。" {
		t.Fatalf("answer = %q", m.Text)
	}
	data := buttonData(m)
	if len(data) != 2 || !strings.HasSuffix(data[0], ":y") || !strings.HasSuffix(data[1], ":n") {
		t.Fatalf("want helpful / not-what-I-meant buttons, got %v", data)
	}
	f.press(t, resident, data[0])
	if n := f.lastNotice(); !strings.Contains(n, "谢谢") {
		t.Errorf("helpful press should be thanked, got %q", n)
	}
	logged, err := f.db.RecentQuestions(f.ctx, 1)
	if err != nil || len(logged) != 1 {
		t.Fatalf("question log: %v %v", logged, err)
	}
	q := logged[0]
	if q.MatchedID != "elevator-replacement" || q.Helpful == nil || !*q.Helpful {
		t.Errorf("logged question = %+v, want matched elevator-replacement and helpful", q)
	}

	m = f.say(t, resident, "when are the lifts replaced")
	if m.Text != "Lifts are replaced building by building." {
		t.Errorf("an English question gets the English answer, got %q", m.Text)
	}
}

func TestNotWhatIMeantOffersTheOtherCandidatesAndAPickAnswers(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	m := f.say(t, resident, "电梯什么时候换")
	f.press(t, resident, buttonData(m)[1])
	offer := f.out.last(t)
	data := buttonData(offer)
	if len(data) < 2 || !strings.HasPrefix(data[0], "pick:") {
		t.Fatalf("want the other candidate offered, got %q %v", offer.Text, data)
	}
	f.press(t, resident, data[0])
	if got := f.out.last(t).Text; got != "电梯故障请打物业电话。" {
		t.Errorf("picking the candidate answers with it, got %q", got)
	}
	logged, _ := f.db.RecentQuestions(f.ctx, 1)
	if logged[0].Helpful == nil || *logged[0].Helpful {
		t.Errorf("not-what-I-meant must be stored as unhelpful: %+v", logged[0])
	}
}

func TestUnsureMatchOffersDidYouMeanButtons(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	m := f.say(t, resident, "电梯")
	data := buttonData(m)
	if len(data) != 3 || !strings.HasPrefix(data[0], "pick:") || !strings.HasPrefix(data[2], "none:") {
		t.Fatalf("want two candidates and none-of-these, got %v", data)
	}
	if m.Buttons[0][0].Text != "电梯什么时候换？" {
		t.Errorf("a candidate is labelled with its question in the resident's language, got %q", m.Buttons[0][0].Text)
	}
	f.press(t, resident, data[2])
	if got := f.out.last(t).Text; !strings.Contains(got, "抱歉") {
		t.Errorf("none of these leads to the no-answer reply, got %q", got)
	}
}

func TestNothingCloseSaysSoPolitely(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	m := f.say(t, resident, "what's the weather tomorrow")
	if !strings.Contains(m.Text, "Sorry") {
		t.Errorf("want a polite English no-answer, got %q", m.Text)
	}
}

func TestButtonsOfAnotherResidentOrGarbageAreRefused(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	m := f.say(t, resident, "电梯什么时候换")
	helpful := buttonData(m)[0]
	sent := f.out.count()

	for _, data := range []string{helpful, "fb:999999:y", "fb:x:y", "pick:1:99", "nonsense", "", "lang:fr", "m:???"} {
		user := neighbour
		if data != helpful {
			user = resident
		}
		f.press(t, user, data)
		if n := f.lastNotice(); !strings.Contains(n, "失效") && !strings.Contains(n, "expired") {
			t.Errorf("press %q by %d: want an expired-button notice, got %q", data, user, n)
		}
	}
	if f.out.count() != sent {
		t.Errorf("refused presses must not send messages")
	}
	logged, _ := f.db.RecentQuestions(f.ctx, 1)
	if logged[0].Helpful != nil {
		t.Errorf("another resident's press must not store feedback: %+v", logged[0])
	}
}

func TestNonTextAndBadTextGetAPoliteNote(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	for _, kind := range []handlers.MessageKind{handlers.StickerMessage, handlers.VoiceMessage, handlers.FileMessage, handlers.OtherMessage} {
		if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: resident, UserID: resident, Kind: kind}); err != nil {
			t.Fatal(err)
		}
		if got := f.out.last(t).Text; !strings.Contains(got, "文字") {
			t.Errorf("kind %d: want a note asking for text, got %q", kind, got)
		}
	}
	if got := f.say(t, resident, "   ").Text; !strings.Contains(got, "没有收到") {
		t.Errorf("empty message: got %q", got)
	}
	long := strings.Repeat("电梯", handlers.MaxQuestionRunes)
	if got := f.say(t, resident, long).Text; !strings.Contains(got, "太长") {
		t.Errorf("oversized message: got %q", got)
	}
	if qs, _ := f.db.RecentQuestions(f.ctx, 10); len(qs) != 0 {
		t.Errorf("refused messages are not logged as questions: %d logged", len(qs))
	}
}

func TestLanguageChoiceWins(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	f.say(t, resident, "/lang")
	f.press(t, resident, "lang:en")
	if got := f.out.last(t).Text; !strings.Contains(got, "English") {
		t.Fatalf("language confirmation: %q", got)
	}
	if got := f.say(t, resident, "电梯什么时候换").Text; got != "Lifts are replaced building by building." {
		t.Errorf("after choosing English a Chinese question is answered in English, got %q", got)
	}
}

func TestGroupChatsOnlyGetCommandsAddressedToTheBot(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	group := func(text string) int {
		before := f.out.count()
		err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: staffGroup, Chat: handlers.GroupChat, UserID: resident, Kind: handlers.TextMessage, Text: text})
		if err != nil {
			t.Fatal(err)
		}
		return f.out.count() - before
	}
	if n := group("电梯什么时候换"); n != 0 {
		t.Errorf("plain text in a group must be ignored, got %d replies", n)
	}
	if n := group("/help@other_bot"); n != 0 {
		t.Errorf("commands for other bots must be ignored, got %d replies", n)
	}
	if n := group("/help@codesk_bot"); n != 1 {
		t.Errorf("a command addressed to us is answered, got %d replies", n)
	}
	// a resident's command in a group is told where it works, not ignored
	if n := group("/mytickets"); n != 1 || !strings.Contains(f.out.last(t).Text, "私聊") {
		t.Errorf("/mytickets in a group: %d replies, last %q", n, f.out.last(t).Text)
	}
	if n := group("/menu"); n != 0 {
		t.Errorf("a bare /menu may be another bot's, got %d replies", n)
	}
	if n := group("/menu@codesk_bot"); n != 1 {
		t.Errorf("/menu addressed to us: %d replies", n)
	}
	if n := group("/ban@other_bot"); n != 0 {
		t.Errorf("another bot's command got %d replies", n)
	}
}

func TestOnlyAdminsSeeStatistics(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	f.say(t, resident, "what's the weather tomorrow")
	// The resident wrote in English, so the refusal is in English.
	if got := f.say(t, resident, "/stats").Text; !strings.Contains(got, "Only administrators") {
		t.Errorf("a resident asking for stats is refused, got %q", got)
	}
	got := f.say(t, admin, "/stats").Text
	if !strings.Contains(got, "what's the weather tomorrow") {
		t.Errorf("admins see unanswered questions, got %q", got)
	}
}

// Chinese residents type "ok", "thx" and "hi" too: a word or two of Latin
// pleasantry keeps the language they wrote in before.
func TestLatinPleasantryKeepsTheResidentsLanguage(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	f.say(t, resident, "电梯什么时候换？")
	for text, want := range map[string]string{"ok": "随时", "thx": "不客气", "hi": "您好"} {
		if got := f.say(t, resident, text).Text; !strings.Contains(got, want) {
			t.Errorf("%q after a Chinese question: want %q, got %q", text, want, got)
		}
	}
	if got := f.say(t, resident, "/mytickets").Text; strings.Contains(got, "You") {
		t.Errorf("/mytickets after \"ok\" switched to English: %q", got)
	}
	// a whole English sentence is English
	if got := f.say(t, resident, "thank you so much").Text; !strings.Contains(got, "welcome") {
		t.Errorf("an English sentence gets English, got %q", got)
	}
}

func TestGreetingsAndThanksGetAFriendlyWordNotASearch(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	// a resident each: the language of their first words is theirs
	newcomer := int64(7000)
	for text, want := range map[string]string{
		"你好": "您好", "您好啊！": "您好", "Hello!": "Hello", "谢谢": "不客气", "Thanks a lot": "welcome", "好的": "随时",
	} {
		newcomer++
		if got := f.say(t, newcomer, text).Text; !strings.Contains(got, want) {
			t.Errorf("%q: want a reply containing %q, got %q", text, want, got)
		}
	}
	if qs, _ := f.db.RecentQuestions(f.ctx, 10); len(qs) != 0 {
		t.Errorf("small talk is not logged as a question: %d logged", len(qs))
	}
	f.say(t, resident, "你好，电梯什么时候换")
	if qs, _ := f.db.RecentQuestions(f.ctx, 10); len(qs) != 1 {
		t.Errorf("a greeting followed by a question is a question: %d logged", len(qs))
	}
}

// "What can you do" gets the introduction and the menu; "转人工" gets how
// to reach the staff, which depends on whether questions can go to them.
// Neither is an FAQ search.
func TestAskingWhatCodeskIsOrForAPersonIsNoSearch(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	for text, want := range map[string]string{
		"你能干嘛": "线上服务台", "What can you do?": "online desk", "who are you": "online desk",
		"我要找人工": "办公时间", "转人工！": "办公时间", "Can I talk to a real person?": "office hours",
	} {
		m := f.say(t, resident, text)
		if !strings.Contains(m.Text, want) || !hasData(m, "m:concern") {
			t.Errorf("%q: reply %q, buttons %v; want %q and the menu", text, m.Text, buttonData(m), want)
		}
	}
	if qs, _ := f.db.RecentQuestions(f.ctx, 10); len(qs) != 0 {
		t.Errorf("these are not logged as questions: %d logged", len(qs))
	}
	tf := newTicketFixture(t, nil)
	if m := tf.say(t, resident, "我要找人工"); !strings.Contains(m.Text, "一键转给值班人员") {
		t.Errorf("with tickets on, reply %q; want the way to pass a question to the staff", m.Text)
	}
}

func TestStatisticsAreNeverPostedInAGroup(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	f.say(t, resident, "what's the weather tomorrow")
	err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: staffGroup, Chat: handlers.GroupChat, UserID: admin,
		Kind: handlers.TextMessage, Text: "/stats@codesk_bot"})
	if err != nil {
		t.Fatal(err)
	}
	if got := f.out.last(t); got.ChatID != staffGroup || strings.Contains(got.Text, "weather") {
		t.Errorf("an admin's /stats in a group must not show residents' questions there: %+v", got)
	}
}

func TestAnswerButtonsStillWorkAfterTheSharedStateIsLost(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	m := f.say(t, resident, "电梯什么时候换")
	notMeant := buttonData(m)[1]
	f.h.State = storage.NewMemoryState(time.Now) // a restart without Redis
	f.press(t, resident, notMeant)
	offer := f.out.last(t)
	if data := buttonData(offer); len(data) == 0 || !strings.HasPrefix(data[0], "pick:") {
		t.Fatalf("after a restart not-what-I-meant still offers the other entry, got %q %v", offer.Text, data)
	}
	f.press(t, neighbour, notMeant)
	if n := f.lastNotice(); !strings.Contains(n, "失效") {
		t.Errorf("another resident still cannot press it, got %q", n)
	}
}

// A long message asking two things gets the answer to the whole and a
// button for the other question, which answers it when pressed.
func TestALongMessageOffersItsOtherQuestions(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	m := f.say(t, resident, longTwoQuestions)
	if !strings.HasPrefix(m.Text, "电梯更换按楼栋分批进行。") || !strings.Contains(m.Text, "还提到了") {
		t.Fatalf("reply = %q", m.Text)
	}
	var pick string
	for _, d := range buttonData(m) {
		if strings.HasPrefix(d, "pick:") {
			pick = d
		}
	}
	if pick == "" {
		t.Fatalf("no button for the other question: %v", buttonData(m))
	}
	f.press(t, resident, pick)
	if got := f.out.last(t).Text; got != "电梯故障请打物业电话。" {
		t.Errorf("the other question's answer: %q", got)
	}
	// the question keeps the answer it got: the pick was another question
	if qs, _ := f.db.RecentQuestions(f.ctx, 1); len(qs) != 1 || qs[0].MatchedID != "elevator-replacement" {
		t.Errorf("logged question after the pick: %+v", qs)
	}
	// two short questions are two questions too; one is one
	if m := f.say(t, resident, "电梯什么时候换？电梯坏了怎么办"); !strings.Contains(m.Text, "还提到了") {
		t.Errorf("two short questions: %q", m.Text)
	}
	if m := f.say(t, resident, "电梯什么时候换"); strings.Contains(m.Text, "还提到了") {
		t.Errorf("a short question: %q", m.Text)
	}
}

// Two questions whose words together pull to a third entry: each is matched
// on its own, the first answered and the second offered.
func TestTwoQuestionsAreMatchedOneByOne(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	m := f.say(t, resident, "电梯什么时候换？维修资金怎么用？")
	if !strings.HasPrefix(m.Text, "电梯更换按楼栋分批进行。") {
		t.Fatalf("reply = %q", m.Text)
	}
	f.press(t, resident, findData(t, m, "pick:")) // the second question's button
	if got := f.out.last(t).Text; got != "使用维修资金需业主表决。" {
		t.Errorf("the second question's answer: %q", got)
	}
}
