package handlers_test

import (
	"strings"
	"testing"

	"codesk/handlers"
)

// Typing at a draft's step does what its buttons do: "好的" sends, "取消"
// cancels; nothing is left believing a report went that did not.
func TestTypedAnswersToTheDraft(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	f.say(t, resident, "电梯坏了")
	f.say(t, resident, "5号楼")
	if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: resident, UserID: resident, Chat: handlers.PrivateChat, Kind: handlers.TextMessage, Text: "好的"}); err != nil {
		t.Fatal(err)
	}
	if tks, _ := f.db.ResidentTickets(f.ctx, resident, 5); len(tks) != 1 || !strings.Contains(tks[0].Text, "电梯坏了") {
		t.Errorf("a typed 好的 at the preview sends the report: tickets %+v", tks)
	}
	acked := false
	for _, m := range f.deliver(t) {
		acked = acked || (m.ChatID == resident && strings.Contains(m.Text, "已收到"))
	}
	if !acked {
		t.Error("the typed confirmation is acknowledged like a pressed one")
	}

	for _, cancel := range []string{"取消", "cancel", "算了"} {
		f = newTicketFixture(t, nil)
		f.say(t, resident, "电梯坏了")
		if got := f.say(t, resident, cancel); !strings.Contains(got.Text, "取消") && !strings.Contains(got.Text, "cancelled") {
			t.Errorf("%q at the location step cancels, got %q", cancel, got.Text)
		}
		if got := f.say(t, resident, "好的"); strings.Contains(got.Text, "工单") {
			t.Errorf("after %q nothing is left to send, got %q", cancel, got.Text)
		}
		if tks, _ := f.db.ResidentTickets(f.ctx, resident, 5); len(tks) != 0 {
			t.Errorf("%q: no ticket, got %d", cancel, len(tks))
		}
	}
}

// A second report while one waits for "send" neither replaces nor merges
// into it; more about the same problem joins it.
func TestASecondMessageAtThePreview(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	f.say(t, resident, "5号楼电梯又坏了")
	before := f.out.count()
	f.say(t, resident, "隔壁邻居天天半夜吵架摔东西，吵得睡不着")
	sent := f.out.sentSince(before)
	if len(sent) != 2 || !strings.Contains(sent[0].Text, "5号楼电梯又坏了") || strings.Contains(sent[0].Text, "吵架") {
		t.Errorf("another matter at the preview: want the lift draft again and a note, got %v", texts(sent))
	}
	if got := f.say(t, resident, "门也关不上"); !strings.Contains(got.Text, "5号楼电梯又坏了") || !strings.Contains(got.Text, "门也关不上") {
		t.Errorf("more about the lift joins its draft, got %q", got.Text)
	}
}

// Asked to describe a problem, a resident who asks a question gets the
// answer and the draft waits.
func TestAQuestionAtTheDescribeStep(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	f.say(t, resident, "报修")
	if got := f.say(t, resident, "电梯什么时候换"); got.Text != testFAQ.entries["elevator-replacement"].Answer.ZH {
		t.Errorf("a question at the describe step is answered, got %q", got.Text)
	}
	if got := f.say(t, resident, "3号楼2单元电梯坏了"); !strings.Contains(got.Text, "3号楼2单元电梯坏了") || !strings.Contains(got.Text, "确认发送") {
		t.Errorf("then the description makes the draft, got %q", got.Text)
	}
}

// An answer to a staff question is offered to the ticket even when the
// matcher finds some entry for it: only a plain question skips the offer.
func TestAnAnswerToStaffIsOfferedEvenWithAnFAQMatch(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	staffAsks(t, f)
	if got := f.say(t, resident, "好的，下午3点可以"); !strings.Contains(got.Text, "回复吗") {
		t.Errorf("an answer to staff is offered to the ticket, got %q", got.Text)
	}
}

// A fire, a gas smell or someone hurt gets the safety advice, then a report
// draft for the staff, not an FAQ search.
func TestAnEmergencyIsReportedAfterTheAdvice(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	before := f.out.count()
	f.say(t, resident, "There is a fire in building 5!")
	sent := f.out.sentSince(before)
	if len(sent) != 2 || !strings.Contains(sent[0].Text, "119") || !strings.Contains(sent[1].Text, "Send it?") {
		t.Errorf("want the advice, then the report draft; got %v", texts(sent))
	}
}

// A report said again while its draft waits (the reply was not seen) shows
// the same draft, not the text twice.
func TestAReportSaidAgainIsTheSameDraft(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	f.say(t, resident, "5号楼电梯又坏了")
	if got := f.say(t, resident, "5号楼电梯又坏了"); strings.Count(got.Text, "5号楼电梯又坏了") != 1 || !strings.Contains(got.Text, "确认发送") {
		t.Errorf("a repeated report shows its draft once, got %q", got.Text)
	}
}

// A resident asking after their open report gets their tickets, not FAQ
// buttons or a second report; one naming their own report with none open
// hears they have none (not an FAQ answer); without either, the question
// is a question.
func TestChasingAReportShowsIt(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	for _, q := range []string{"我上次报的电梯怎么还没修？", "我的报修怎么样了？", "any update on my ticket?"} {
		if got := f.say(t, resident, q); !strings.Contains(got.Text, "还没有工单") && !strings.Contains(got.Text, "no tickets yet") {
			t.Errorf("%q with no ticket: want to hear there is none, got %q", q, got.Text)
		}
	}
	if got := f.say(t, resident, "报修的流程是什么，一般多久能修好"); strings.Contains(got.Text, "还没有工单") {
		t.Errorf("a question about reporting is no chase, got %q", got.Text)
	}
	tk, _ := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	for _, q := range []string{"我上次报的电梯怎么还没修？", "催一下", "any update on my ticket?"} {
		if got := f.say(t, resident, q); !strings.Contains(got.Text, tk.Number()) {
			t.Errorf("%q: want the open ticket %s listed, got %q", q, tk.Number(), got.Text)
		}
	}
	if tks, _ := f.db.ResidentTickets(f.ctx, resident, 10); len(tks) != 1 {
		t.Errorf("chasing filed %d tickets, want still 1", len(tks))
	}
}

// "嗯", "ok" or 👍 answering "where is it?" gives no place: the report is
// shown to send as it is, not left waiting behind a "goodbye".
func TestAnAcknowledgementAtTheLocationStepShowsTheReport(t *testing.T) {
	t.Parallel()
	for report, ack := range map[string]string{"门口的路灯坏了": "嗯", "the lamp outside my door is broken": "ok", "楼道灯不亮了": "👍"} {
		f := newTicketFixture(t, nil)
		if m := f.say(t, resident, report); !strings.Contains(strings.Join(buttonData(m), " "), "c:skip:") {
			t.Fatalf("%q: the place is not asked: %q", report, m.Text)
		}
		m := f.say(t, resident, ack)
		if findData(t, m, "c:send:") == "" {
			t.Errorf("%q then %q: %q", report, ack, m.Text)
		}
	}
}

// A report begun in Chinese and gone on in English ("sorry my chinese is
// bad…") is answered in English from then on, and staff are told.
func TestAReportGoneOnInEnglishIsAnsweredInEnglish(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	f.say(t, resident, "3号楼门口的路灯坏了")
	preview := f.say(t, resident, "sorry my chinese is bad, the street lamp outside building 3 entrance, near the bike shed")
	if !strings.Contains(preview.Text, "Send it?") {
		t.Fatalf("the preview is not in English: %q", preview.Text)
	}
	f.press(t, resident, findData(t, preview, "c:send:"))
	card := onlyOne(t, byPurpose(f.deliver(t), "card"), "card")
	if !strings.Contains(card.Text, "居民使用英文") {
		t.Errorf("the card does not say the resident writes English:\n%s", card.Text)
	}
}

// A typed wish to cancel at the preview cancels; it is no line of the report.
func TestATypedWishToCancelCancels(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"我想取消", "我不想报了", "I want to cancel this", "I want to cancel my report", "取消这个工单", "撤回这个报修", "那算了", "please cancel"} {
		f := newTicketFixture(t, nil)
		f.say(t, resident, "3号楼2单元电梯坏了")
		if m := f.say(t, resident, text); strings.Contains(m.Text, "确认发送吗") || strings.Contains(m.Text, "Send it?") {
			t.Errorf("%q joined the report: %q", text, m.Text)
		}
		if d := f.say(t, resident, "好"); strings.Contains(d.Text, "工单号") {
			t.Errorf("after %q, 好 filed the report: %q", text, d.Text)
		}
	}
}
