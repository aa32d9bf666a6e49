package handlers_test

import (
	"strings"
	"testing"

	"codesk/handlers"
)

// Someone trapped in a lift, smelling gas or seeing a fire is told what to
// do now before anything else, in their language; the report or answer
// still follows. A fire hydrant question is no fire.
func TestEmergencyGetsSafetyAdviceFirst(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ text, want string }{
		{"被困电梯里了怎么办！", "警铃"},
		{"I am stuck in the lift!", "alarm button"},
		{"楼道里一股燃气味", "燃气"},
		{"I smell gas in the stairwell", "gas valve"},
		{"3号楼着火了", "119"},
		{"There is a fire in building 2!", "119"},
		{"有老人晕倒在电梯口", "120"},
	} {
		f := newTicketFixture(t, nil)
		before := f.out.count()
		f.say(t, resident, c.text)
		sent := f.out.sentSince(before)
		if len(sent) < 2 || !strings.Contains(sent[0].Text, "⚠️") || !strings.Contains(sent[0].Text, c.want) {
			t.Errorf("%q: want safety advice mentioning %q first, then the usual reply; got %v", c.text, c.want, texts(sent))
		}
	}
	f := newTicketFixture(t, nil)
	for _, q := range []string{"消防栓什么时候修好", "when will the fire hydrants be fixed", "电梯坏了", "发票出不来"} {
		before := f.out.count()
		f.say(t, resident, q)
		for _, m := range f.out.sentSince(before) {
			if strings.Contains(m.Text, "⚠️") {
				t.Errorf("%q is no emergency, got %q", q, m.Text)
			}
		}
	}
}

// A concern worded as a question the FAQ answers gets the answer, with a
// button that drafts the report instead.
func TestConcernAskingWhatToDoGetsTheAnswerAndAReportButton(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	got := f.say(t, resident, "电梯坏了怎么办")
	if got.Text != testFAQ.entries["elevator-breakdown"].Answer.ZH {
		t.Fatalf("want the FAQ answer, got %q", got.Text)
	}
	f.press(t, resident, findData(t, got, "q:report:"))
	if draft := f.out.last(t); !strings.Contains(draft.Text, "位置") && !strings.Contains(draft.Text, "工单") {
		t.Errorf("the report button drafts a report, got %q", draft.Text)
	}
	// one the FAQ only comes close to gets the close entries, and the button
	f = newTicketFixture(t, nil)
	got = f.say(t, resident, "电梯又坏了好几天了，找谁修？")
	if d := buttonData(got); len(d) < 3 || !strings.HasPrefix(d[0], "pick:") || !strings.HasPrefix(d[len(d)-1], "q:report:") {
		t.Errorf("a concern asking something gets did-you-mean buttons and the report button, got %q %v", got.Text, d)
	}
	// a plain report still goes straight to the draft, without an answer
	f = newTicketFixture(t, nil)
	if got := f.say(t, resident, "电梯坏了"); !strings.Contains(got.Text, "工单") {
		t.Errorf("a plain report starts a draft, got %q", got.Text)
	}
}

// The location question says a report is being drafted and lets the
// resident turn back; "跳过" typed means skip, and a long message naming no
// place adds to the description instead of becoming the location.
func TestLocationStepUnderstandsWhatResidentsType(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	ask := f.say(t, resident, "电梯坏了")
	if !strings.Contains(ask.Text, "工单") || findData(t, ask, "c:ask:") == "" {
		t.Fatalf("the location question says a report is drafted and offers 'only asking', got %q %v", ask.Text, buttonData(ask))
	}
	if preview := f.say(t, resident, "跳过"); strings.Contains(preview.Text, "位置：跳过") || !strings.Contains(preview.Text, "电梯坏了") {
		t.Errorf("typed 跳过 is no location, got %q", preview.Text)
	}

	// more about the same problem joins the description
	f = newTicketFixture(t, nil)
	f.say(t, resident, "the lift is broken")
	more := "it stops between floors and the doors open by themselves"
	if preview := f.say(t, resident, more); strings.Contains(preview.Text, "Location: it stops") || !strings.Contains(preview.Text, more) {
		t.Errorf("more about the problem joins the description, got %q", preview.Text)
	}
	// a question meanwhile is answered, and the draft still waits for its place
	f = newTicketFixture(t, nil)
	f.say(t, resident, "the lift is broken")
	if got := f.say(t, resident, "when are the lifts replaced"); got.Text != testFAQ.entries["elevator-replacement"].Answer.EN {
		t.Errorf("a question at the location step is answered, got %q", got.Text)
	}
	if preview := f.say(t, resident, "Building 3, unit 2"); !strings.Contains(preview.Text, "the lift is broken") || !strings.Contains(preview.Text, "Location: Building 3, unit 2") {
		t.Errorf("the draft waited for its place, got %q", preview.Text)
	}
	// another matter is neither merged nor lost: the draft is shown first
	f = newTicketFixture(t, nil)
	f.say(t, resident, "电梯坏了")
	before := f.out.count()
	f.say(t, resident, "隔壁邻居天天半夜吵架摔东西，吵得睡不着")
	sent := f.out.sentSince(before)
	if len(sent) != 2 || !strings.Contains(sent[0].Text, "电梯坏了") || strings.Contains(sent[0].Text, "吵架") || !strings.Contains(sent[1].Text, "另一件事") {
		t.Errorf("another matter: want the lift draft's preview, then a note; got %v", texts(sent))
	}
	f = newTicketFixture(t, nil)
	f.say(t, resident, "the lift is broken")
	if preview := f.say(t, resident, "Building 3, unit 2"); !strings.Contains(preview.Text, "Location: Building 3, unit 2") {
		t.Errorf("a place is the location, got %q", preview.Text)
	}
}

// Menu items typed instead of tapped do what the button does; "talk to a
// human" is answered, not filed as a ticket.
func TestTypedMenuItemsAndHumanRequests(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	if got := f.say(t, resident, "我的工单"); !strings.Contains(got.Text, "工单") || strings.Contains(got.Text, "电梯") {
		t.Errorf("我的工单 lists tickets, got %q", got.Text)
	}
	if got := f.say(t, resident, "报修"); !strings.Contains(got.Text, "请描述") {
		t.Errorf("报修 starts a report, got %q", got.Text)
	}
	f = newTicketFixture(t, nil)
	if got := f.say(t, resident, "my tickets"); !strings.Contains(got.Text, "ticket") {
		t.Errorf("my tickets lists tickets, got %q", got.Text)
	}
	f = newTicketFixture(t, nil)
	for _, q := range []string{"talk to a human", "Can I speak to a real person?", "我要找人工客服"} {
		if got := f.say(t, resident, q); !strings.Contains(got.Text, "自动服务台") && !strings.Contains(got.Text, "automatic desk") {
			t.Errorf("%q: want how to reach the staff, got %q", q, got.Text)
		}
	}
	// asked where the problem is, "my tickets" is no place
	f = newTicketFixture(t, nil)
	f.say(t, resident, "电梯坏了")
	if got := f.say(t, resident, "我的工单"); strings.Contains(got.Text, "位置：") {
		t.Errorf("我的工单 at the location step became the location: %q", got.Text)
	}
}

// A word or two naming a topic ("电梯", "parking") is not yet a report:
// it gets the close entries, not a draft.
func TestTopicWordIsNoReport(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	if got := f.say(t, resident, "电梯"); strings.Contains(got.Text, "工单") || len(buttonData(got)) == 0 || !strings.HasPrefix(buttonData(got)[0], "pick:") {
		t.Errorf("电梯: want did-you-mean buttons, got %q %v", got.Text, buttonData(got))
	}
	if got := f.say(t, resident, "电梯又坏了"); !strings.Contains(got.Text, "工单") {
		t.Errorf("电梯又坏了 is a report, got %q", got.Text)
	}
}

// An emoji, a lone question mark or a button number typed as text gets a
// polite request for words: not "not about the estate", not the desk.
func TestContentFreeMessagesAskForWords(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	for _, text := range []string{"😀😀😀", "？", "5", "12"} {
		got := f.say(t, resident, text)
		if !strings.Contains(got.Text, "文字") {
			t.Errorf("%q: want a request for words, got %q", text, got.Text)
		}
		for _, d := range buttonData(got) {
			if strings.HasPrefix(d, "q:desk:") {
				t.Errorf("%q: offered to the staff: %v", text, buttonData(got))
			}
		}
	}
	if qs, _ := f.db.RecentQuestions(f.ctx, 10); len(qs) != 0 {
		t.Errorf("content-free messages are not logged as questions: %d logged", len(qs))
	}
}

func texts(ms []handlers.OutMessage) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Text)
	}
	return out
}

func (r *recorder) sentSince(n int) []handlers.OutMessage {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]handlers.OutMessage(nil), r.sent[n:]...)
}

// A wish with nothing broken that the FAQ answers gets the answer (with the
// button to report it), not a report draft; a fault is drafted.
func TestAWishTheFAQAnswersIsAnswered(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	m := f.say(t, resident, "我想给我们楼换个新电梯")
	if m.Text != "电梯更换按楼栋分批进行。" || !hasData(m, "q:report:") {
		t.Errorf("a wish the FAQ answers: %q %v", m.Text, buttonData(m))
	}
	if m := f.say(t, neighbour, "3号楼电梯又坏了"); hasData(m, "fb:") {
		t.Errorf("a fault is drafted, not answered: %q", m.Text)
	}
	// someone else's doing is a report, whatever the FAQ says about the rule
	if m := f.say(t, 503, "有人把电动车推进电梯里"); hasData(m, "fb:") {
		t.Errorf("a report of someone's doing is drafted, not answered: %q", m.Text)
	}
}
