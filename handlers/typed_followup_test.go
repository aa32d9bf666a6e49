package handlers_test

import (
	"strings"
	"testing"

	"codesk/handlers"
	"codesk/tickets"
)

// "Is this your reply to ticket #N?" answered by typing: the held message
// goes to the ticket, not the "yes".
func TestATypedYesSendsTheHeldAnswer(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ answer, yes string }{
		{"people gate, the small one", "yes"},
		{"明天上午我在家等着", "是的"},
	} {
		f := newTicketFixture(t, nil)
		tk := staffAsks(t, f)
		ask := f.send(t, handlers.Incoming{UserID: resident, UpdateID: 7001, MessageID: 51, Kind: handlers.TextMessage, Text: c.answer})
		findData(t, ask, "r:conv:")
		f.send(t, handlers.Incoming{UserID: resident, UpdateID: 7002, MessageID: 52, Kind: handlers.TextMessage, Text: c.yes})
		var relayed []string
		for _, m := range f.deliver(t) {
			if m.ChatID == pmChat {
				relayed = append(relayed, m.Text)
			}
		}
		if len(relayed) != 1 || !strings.Contains(relayed[0], c.answer) || strings.Contains(relayed[0], c.yes+"\n") {
			t.Errorf("%q then %q: relayed %q; want the answer, once", c.answer, c.yes, relayed)
		}
		events, _ := f.db.TicketEvents(f.ctx, tk.ID)
		var said []string
		for _, e := range events {
			if e.Kind == tickets.EventResidentMessage {
				said = append(said, e.Text)
			}
		}
		if len(said) != 1 || said[0] != c.answer {
			t.Errorf("the ticket records the resident saying %q; want only %q", said, c.answer)
		}
	}
}

// A typed "no" treats the held message as what it would be on its own.
func TestATypedNoLeavesTheTicketAlone(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	staffAsks(t, f)
	f.send(t, handlers.Incoming{UserID: resident, UpdateID: 7101, MessageID: 61, Kind: handlers.TextMessage, Text: "5号楼楼道灯也坏了"})
	if got := f.send(t, handlers.Incoming{UserID: resident, UpdateID: 7102, MessageID: 62, Kind: handlers.TextMessage, Text: "不是"}); !strings.Contains(strings.Join(buttonData(got), ","), "c:send:") {
		t.Errorf("after a typed no the held message is a new report: %q %v", got.Text, buttonData(got))
	}
	for _, m := range f.deliver(t) {
		if m.ChatID == pmChat {
			t.Errorf("nothing goes to staff after a typed no: %q", m.Text)
		}
	}
}

// Staff asking again ends the wait for a typed yes to the earlier held
// message: "可以" answers the new question.
func TestATypedYesAnswersTheLatestStaffQuestion(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:claim:"+itoa(tk.ID))
	f.deliver(t)
	ask := func(msgID int, text string) {
		if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: pmChat, Chat: handlers.GroupChat, UserID: pmMember, UserName: "王师傅",
			MessageID: msgID, ReplyTo: card.SentMessageID, Kind: handlers.TextMessage, Text: text}); err != nil {
			t.Fatal(err)
		}
		f.deliver(t)
	}
	ask(77, "请问您几点在家？")
	f.send(t, handlers.Incoming{UserID: resident, UpdateID: 7201, MessageID: 71, Kind: handlers.TextMessage, Text: "明天上午不在家"})
	ask(78, "那下午3点可以吗？")
	m := f.send(t, handlers.Incoming{UserID: resident, UpdateID: 7202, MessageID: 72, Kind: handlers.TextMessage, Text: "可以"})
	if !strings.Contains(strings.Join(buttonData(m), ","), "r:conv:"+itoa(tk.ID)+":y:72") {
		t.Errorf("'可以' after the second question is offered to the ticket itself: %q %v", m.Text, buttonData(m))
	}
	for _, o := range f.deliver(t) {
		if o.ChatID == pmChat && strings.Contains(o.Text, "明天上午不在家") {
			t.Errorf("the earlier held answer was sent for the later 可以: %q", o.Text)
		}
	}
}

// Typed confirmations longer than one word send the draft and are not
// added to it.
func TestTypedConfirmationsSendTheDraftAsItIs(t *testing.T) {
	t.Parallel()
	for _, yes := range []string{"对对对 就这样发", "好的发吧", "yes pls send it"} {
		f := newTicketFixture(t, nil)
		f.say(t, resident, "垃圾好几天没人清运了")
		if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: resident, UserID: resident, Chat: handlers.PrivateChat, Kind: handlers.TextMessage, Text: yes}); err != nil {
			t.Fatal(err)
		}
		tks, _ := f.db.ResidentTickets(f.ctx, resident, 5)
		if len(tks) != 1 || tks[0].Text != "垃圾好几天没人清运了" {
			t.Errorf("%q at the preview: tickets %+v; want the report sent as written", yes, tks)
		}
	}
}

// Another party's business typed while a draft waits is another ticket,
// not part of this one.
func TestAnotherPartysMatterIsNotMergedIntoTheDraft(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	f.say(t, resident, "noise from neighbour every night 2am, pls help")
	before := f.out.count()
	f.say(t, resident, "lift broken in building 7")
	sent := f.out.sentSince(before)
	if len(sent) != 2 || strings.Contains(sent[0].Text, "lift broken") {
		t.Errorf("want the noise draft unchanged and a note, got %v", texts(sent))
	}
}

// A photo's caption at the preview is part of the report.
func TestAPhotoCaptionJoinsTheDraft(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	f.say(t, resident, "垃圾好几天没人清运了")
	m := f.send(t, handlers.Incoming{UserID: resident, Kind: handlers.PhotoMessage, PhotoIDs: []string{"s", "bins"}, Text: "你看看 垃圾桶都满出来了"})
	if !strings.Contains(m.Text, "垃圾桶都满出来了") {
		t.Errorf("preview after a captioned photo: %q", m.Text)
	}
}

// More about the same problem joins a draft the resident sent to another
// party than the router chose.
func TestMoreDetailJoinsADraftMovedToAnotherParty(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	f.moveDraft(t, f.say(t, resident, "5号楼2单元楼道里堆满了杂物"), "nc")
	if got := f.say(t, resident, "楼道里的杂物一直没人清理"); !strings.Contains(got.Text, "一直没人清理") || !strings.Contains(got.Text, "【居委会】") {
		t.Errorf("more detail on the moved draft: %q", got.Text)
	}
}

// "I'm only asking", then "report it" after all: the draft comes back as the
// resident left it, with the party they chose.
func TestReportingAfterOnlyAskingKeepsTheDraft(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	id := f.moveDraft(t, f.say(t, resident, "3号楼电梯又坏了"), "nc")
	f.press(t, resident, "c:ask:"+id)
	answer := f.out.last(t)
	f.press(t, resident, findData(t, answer, "q:report:"))
	if got := f.out.last(t); !strings.Contains(got.Text, "【居委会】") || !strings.Contains(got.Text, "确认发送吗") {
		t.Errorf("reporting after all: %q; want the draft with the chosen party", got.Text)
	}
	// and sends to the party the resident chose
	f.press(t, resident, "c:send:"+id)
	tks, _ := f.db.ResidentTickets(f.ctx, resident, 5)
	if len(tks) != 1 || tks[0].Party != "neighborhood_committee" {
		t.Errorf("tickets %+v; want one, to the neighbourhood committee", tks)
	}
}

// At the preview, laughter or a pause adds nothing, "先不发了" and "no
// thanks" cancel, and a photo of another matter is kept out of the draft.
func TestWhatTheDraftDoesNotTake(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	f.say(t, resident, "楼上装修噪音太大了，每天早上七点就开始砸墙")
	for _, filler := range []string{"哈哈", "hmm", "等一下", "wait"} {
		if got := f.say(t, resident, filler); strings.Contains(got.Text, filler) || !strings.Contains(got.Text, "确认发送吗") {
			t.Errorf("%q at the preview: %q", filler, got.Text)
		}
	}
	before := f.out.count()
	f.send(t, handlers.Incoming{UserID: resident, Kind: handlers.PhotoMessage, PhotoIDs: []string{"lift"}, Text: "7号楼电梯坏了，困了人"})
	got := texts(f.out.sentSince(before))
	if len(got) != 2 || !strings.Contains(got[0], "警铃") || !strings.Contains(got[1], "电梯坏了，困了人") || strings.Contains(got[1], "砸墙") {
		t.Errorf("a photo of someone trapped in a lift at a noise draft is its own report, first: %q", got)
	}
	for _, cancel := range []string{"先不发了", "no thanks"} {
		g := newTicketFixture(t, nil)
		g.say(t, resident, "楼上装修噪音太大了，每天早上七点就开始砸墙")
		g.say(t, resident, cancel)
		if tks, _ := g.db.ResidentTickets(g.ctx, resident, 5); len(tks) != 0 {
			t.Errorf("%q: a ticket was sent", cancel)
		}
		if got := g.out.last(t).Text; !strings.Contains(got, "取消") && !strings.Contains(got, "cancelled") {
			t.Errorf("%q cancels: %q", cancel, got)
		}
	}
	// the lift report goes, then the noise draft is back as it was; the
	// lift photo stayed out of it
	f.say(t, resident, "好的")
	if got := f.out.last(t).Text; !strings.Contains(got, "砸墙") || !strings.Contains(got, "确认发送吗") {
		t.Errorf("after the lift report, the waiting noise draft is shown again: %q", got)
	}
	if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: resident, UserID: resident, Kind: handlers.TextMessage, Text: "好的"}); err != nil {
		t.Fatal(err)
	}
	tks, _ := f.db.ResidentTickets(f.ctx, resident, 5)
	if len(tks) != 2 {
		t.Fatalf("want the lift and the noise tickets: %+v", tks)
	}
	for _, tk := range tks {
		lift := strings.Contains(tk.Text, "电梯")
		if lift && (strings.Contains(tk.Text, "砸墙") || len(tk.PhotoIDs) != 1) || !lift && (len(tk.PhotoIDs) != 0 || strings.Contains(tk.Text, "哈哈")) {
			t.Errorf("ticket %+v", tk)
		}
	}
}

// Two messages written before the typed yes are one answer in two: both
// reach staff, in order.
func TestATypedYesSendsEveryHeldMessage(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	staffAsks(t, f)
	f.send(t, handlers.Incoming{UserID: resident, UpdateID: 7301, MessageID: 81, Kind: handlers.TextMessage, Text: "ok i will be home"})
	f.send(t, handlers.Incoming{UserID: resident, UpdateID: 7302, MessageID: 82, Kind: handlers.TextMessage, Text: "after 3pm, the door code is 1234"})
	f.send(t, handlers.Incoming{UserID: resident, UpdateID: 7303, MessageID: 83, Kind: handlers.TextMessage, Text: "yes"})
	var relayed []string
	for _, m := range f.deliver(t) {
		if m.ChatID == pmChat {
			relayed = append(relayed, m.Text)
		}
	}
	if len(relayed) != 2 || !strings.Contains(relayed[0], "ok i will be home") || !strings.Contains(relayed[1], "after 3pm") {
		t.Errorf("relayed %q; want both held answers, in order", relayed)
	}
}

// How a message opens says whether it goes on about the draft's matter or
// starts another one.
func TestOpeningsThatContinueOrStartAMatter(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	f.say(t, resident, "楼上装修噪音太大了，每天早上七点就开始砸墙")
	if got := f.say(t, resident, "而且周末也在砸，已经持续两个星期了"); !strings.Contains(got.Text, "周末也在砸") {
		t.Errorf("more about the noise: %q", got.Text)
	}
	g := newTicketFixture(t, nil)
	g.say(t, resident, "5号楼2单元楼道灯坏了")
	if got := g.say(t, resident, "还有7号楼电梯也坏了"); strings.Contains(got.Text, "7号楼电梯") || !strings.Contains(got.Text, "另一件事") {
		t.Errorf("another matter said to be one: %q", got.Text)
	}
}

// "修好了" after staff wrote is news for them: it is offered to the ticket,
// not taken for a goodbye.
func TestFixedNowIsOfferedToTheTicket(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk := staffAsks(t, f)
	for _, text := range []string{"已经修好了", "it works now"} {
		m := f.send(t, handlers.Incoming{UserID: resident, UpdateID: 7400, MessageID: 91, Kind: handlers.TextMessage, Text: text})
		if !strings.Contains(strings.Join(buttonData(m), ","), "r:conv:"+itoa(tk.ID)+":y") {
			t.Errorf("%q after a staff question: %q %v; want the offer to send it to the ticket", text, m.Text, buttonData(m))
		}
	}
	g := newTicketFixture(t, nil)
	if m := g.say(t, resident, "已经修好了"); len(buttonData(m)) != 0 || strings.Contains(m.Text, "没有找到") {
		t.Errorf("with no ticket talk, a goodbye: %q %v", m.Text, buttonData(m))
	}
}

// "later" at the place question puts the place off; it does not lose the
// report. "给物业的" at a preview is no "send".
func TestLaterAndPartyWordsAtADraft(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	f.say(t, resident, "电梯又坏了")
	if got := f.say(t, resident, "later"); !strings.Contains(got.Text, "电梯又坏了") || !hasData(got, "c:send:") {
		t.Errorf("'later' at the place question: %q; want the preview", got.Text)
	}
	g := newTicketFixture(t, nil)
	g.say(t, resident, "垃圾好几天没人清运了")
	g.say(t, resident, "给物业的")
	if tks, _ := g.db.ResidentTickets(g.ctx, resident, 5); len(tks) != 0 {
		t.Errorf("'给物业的' sent the draft: %+v", tks)
	}
}

// An album arrives photo by photo with the caption on the first: when the
// caption is another matter, the whole album stays out of the draft.
func TestAnAlbumOfAnotherMatterStaysOut(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	f.say(t, resident, "3号楼电梯又坏了")
	f.send(t, handlers.Incoming{UserID: resident, Kind: handlers.PhotoMessage, PhotoIDs: []string{"a1"}, AlbumID: "g1", Text: "还有地下车库漏水了，到处是水"})
	before := f.out.count()
	if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: resident, UserID: resident, Kind: handlers.PhotoMessage, PhotoIDs: []string{"a2"}, AlbumID: "g1"}); err != nil {
		t.Fatal(err)
	}
	if f.out.count() != before {
		t.Errorf("the album's second photo got a reply: %v", texts(f.out.sentSince(before)))
	}
	// a photo of the lift itself still joins
	m := f.send(t, handlers.Incoming{UserID: resident, Kind: handlers.PhotoMessage, PhotoIDs: []string{"lift"}})
	if !strings.Contains(m.Text, "1") {
		t.Errorf("a photo for the draft: %q", m.Text)
	}
	if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: resident, UserID: resident, Kind: handlers.TextMessage, Text: "好的"}); err != nil {
		t.Fatal(err)
	}
	tks, _ := f.db.ResidentTickets(f.ctx, resident, 5)
	if len(tks) != 1 || len(tks[0].PhotoIDs) != 1 || tks[0].PhotoIDs[0] != "lift" {
		t.Errorf("the lift ticket's photos: %+v", tks)
	}
}

// Thanks typed instead of tapping "yes" sends the held answer to staff:
// it was left held, never delivered.
func TestThanksAfterTheOfferSendsTheHeldAnswer(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk := staffAsks(t, f)
	f.send(t, handlers.Incoming{UserID: resident, UpdateID: 7401, MessageID: 91, Kind: handlers.TextMessage, Text: "3楼和4楼之间"})
	if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: resident, UserID: resident, UpdateID: 7402, MessageID: 92, Kind: handlers.TextMessage, Text: "谢谢"}); err != nil {
		t.Fatal(err)
	}
	if got := residentMessagesOf(t, f, tk.ID); len(got) != 1 || !strings.Contains(got[0], "3楼和4楼之间") {
		t.Errorf("the held answer after 谢谢: %q", got)
	}
}
