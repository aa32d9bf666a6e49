package handlers_test

import (
	"strings"
	"testing"

	"codesk/tickets"
)

// comments are the comments stored on a ticket (rated events with words).
func (f *ticketFixture) comments(t *testing.T, id int64) []string {
	t.Helper()
	evs, err := f.db.TicketEvents(f.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range evs {
		if e.Kind == tickets.EventRated && e.Text != "" {
			out = append(out, e.Text)
		}
	}
	return out
}

// Stars typed at the rating prompt with a grade word around them ("good
// job, 5 stars", "还行吧，3星", "挺好的五星好评"), a 好评/差评, or the stars
// spelled another way, rate the ticket with those stars; the stars are no
// comment. Before, "good job, 5 stars" stored 4 with the comment "5 stars",
// and the Chinese ones got an FAQ reply or started a report.
func TestStarsTypedWithWordsRateWithThoseStars(t *testing.T) {
	t.Parallel()
	for text, stars := range map[string]int{
		"good job, 5 stars": 5, "还行吧，3星": 3, "非常好，5星": 5, "给个好评": 5, "给个差评": 1, "中评": 3, "挺好的五星好评": 5,
		"five stars": 5, "5⭐": 5, "⭐⭐⭐⭐": 4, "4 out of 5": 4, "打5分": 5, "五颗星": 5, "5 stars, thanks": 5,
		"very good, 4 stars": 4, "一般吧 三星": 3, "非常满意⭐⭐⭐⭐⭐": 5,
	} {
		f := newTicketFixture(t, nil)
		tk, _ := f.fileResolved(t, "3号楼1单元楼道灯坏了")
		f.deliver(t)
		reply := f.say(t, resident, text)
		got := f.ticket(t, tk.ID)
		if got.Rating != stars || got.Status != tickets.StatusClosed {
			t.Errorf("%q: rating %d, status %s; want %d, closed (reply %q)", text, got.Rating, got.Status, stars, reply.Text)
		}
		if c := f.comments(t, tk.ID); len(c) != 0 {
			t.Errorf("%q: comments %q, want none (the stars are no comment)", text, c)
		}
		if tks, _ := f.db.ResidentTickets(f.ctx, resident, 5); len(tks) != 1 {
			t.Errorf("%q started a report: %d tickets (reply %q)", text, len(tks), reply.Text)
		}
	}
}

// A rating with stars and a comment keeps both: the stars rate, the words
// after them are the comment.
func TestAGradeStarsAndCommentKeepAll(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, _ := f.fileResolved(t, "3号楼1单元楼道灯坏了")
	f.deliver(t)
	f.say(t, resident, "非常好，5星，师傅很负责")
	if got := f.ticket(t, tk.ID).Rating; got != 5 {
		t.Errorf("rating %d, want 5", got)
	}
	if c := f.comments(t, tk.ID); len(c) != 1 || c[0] != "师傅很负责" {
		t.Errorf("comments %q, want [师傅很负责]", c)
	}
}

// Praise of the repair with thanks ("修得很快，谢谢师傅") at the rating
// prompt is a remark on the work, as "师傅修得很快" is: it grades the fix
// and is passed on. Before, it started a new report.
func TestPraiseOfTheRepairRatesIt(t *testing.T) {
	t.Parallel()
	for text, stars := range map[string]int{"修得很快，谢谢师傅": 5, "修得挺快的": 4, "thank you, they fixed it fast": 4, "fixed it really quickly, thanks": 5} {
		f := newTicketFixture(t, nil)
		tk, _ := f.fileResolved(t, "3号楼1单元楼道灯坏了")
		f.deliver(t)
		reply := f.say(t, resident, text)
		if got := f.ticket(t, tk.ID).Rating; got != stars {
			t.Errorf("%q: rating %d, want %d (reply %q)", text, got, stars, reply.Text)
		}
		if c := f.comments(t, tk.ID); len(c) != 1 || c[0] != text {
			t.Errorf("%q: comments %q, want the praise itself", text, c)
		}
		if tks, _ := f.db.ResidentTickets(f.ctx, resident, 5); len(tks) != 1 {
			t.Errorf("%q started a report (reply %q)", text, reply.Text)
		}
	}
	// with nothing to rate it is thanks, no report
	f := newTicketFixture(t, nil)
	reply := f.say(t, resident, "修得很快，谢谢师傅")
	if tks, _ := f.db.ResidentTickets(f.ctx, resident, 5); len(tks) != 0 || strings.Contains(reply.Text, "位置") {
		t.Errorf("praise with nothing to rate: %d tickets, reply %q", len(tks), reply.Text)
	}
}

// A typed rating is answered in the language it is written in, whatever
// the ticket's: "非常好，5星" on an English ticket gets a Chinese thanks;
// stars with no words ("5⭐") get the ticket's language.
func TestATypedRatingIsAnsweredInItsLanguage(t *testing.T) {
	t.Parallel()
	for text, zh := range map[string]bool{"非常好，5星": true, "还行吧，3星": true, "good job, 5 stars": false, "5⭐": false} {
		f := newTicketFixture(t, nil)
		tk, _ := f.fileResolved(t, "the corridor light in building 3 is out")
		f.deliver(t)
		if zh {
			f.say(t, resident, "when is the office open?")
		}
		reply := f.say(t, resident, text)
		if f.ticket(t, tk.ID).Rating == 0 {
			t.Errorf("%q rated nothing (reply %q)", text, reply.Text)
		}
		if hasHan(reply.Text) != zh {
			t.Errorf("%q answered in the wrong language: %q", text, reply.Text)
		}
	}
	// a Chinese ticket rated in English: an English thanks
	f := newTicketFixture(t, nil)
	f.fileResolved(t, "3号楼1单元楼道灯坏了")
	f.deliver(t)
	if reply := f.say(t, resident, "good job, 5 stars"); hasHan(reply.Text) {
		t.Errorf("English rating answered in Chinese: %q", reply.Text)
	}
}

// A star count inside a sentence that is not a rating rates nothing,
// whether or not a rating is pending.
func TestAStarCountInAnotherSentenceIsNoRating(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"5星级酒店附近有停车场吗", "五星级酒店都没这么贵", "三星冰箱坏了怎么办"} {
		f := newTicketFixture(t, nil)
		if reply := f.say(t, resident, text); strings.Contains(reply.Text, "★") || strings.Contains(reply.Text, "评价") {
			t.Errorf("%q with nothing pending read as a rating: %q", text, reply.Text)
		}
		g := newTicketFixture(t, nil)
		tk, _ := g.fileResolved(t, "3号楼1单元楼道灯坏了")
		g.deliver(t)
		reply := g.say(t, resident, text)
		if got := g.ticket(t, tk.ID).Rating; got != 0 {
			t.Errorf("%q rated the ticket %d (reply %q)", text, got, reply.Text)
		}
	}
}

// After a low rating, a comment in English reaches staff as a Chinese one
// does, even where the FAQ matcher thinks it knows the words ("it took too
// long" matched an entry), and is thanked in its own language.
func TestAnEnglishCommentAfterALowRatingReachesStaff(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"it took too long", "修得太慢了，等了三天", "took forever to come"} {
		f := newTicketFixture(t, nil)
		tk, _ := f.fileResolved(t, "3号楼1单元楼道灯坏了")
		f.deliver(t)
		f.press(t, resident, "r:rate:"+itoa(tk.ID)+":2")
		f.deliver(t)
		reply := f.say(t, resident, text)
		if c := f.comments(t, tk.ID); len(c) != 1 || c[0] != text {
			t.Errorf("%q: comments %q, want it passed on (reply %q)", text, c, reply.Text)
		}
		relayed := false
		for _, m := range f.deliver(t) {
			if m.ChatID == pmChat && strings.Contains(m.Text, text) {
				relayed = true
			}
		}
		if !relayed {
			t.Errorf("%q: not relayed to the staff chat", text)
		}
		if hasHan(reply.Text) != hasHan(text) {
			t.Errorf("%q thanked in the other language: %q", text, reply.Text)
		}
		if data := strings.Join(buttonData(reply), " "); !strings.Contains(data, "r:reopen:") {
			t.Errorf("%q: after a low rating the reopen button is offered, got %v", text, buttonData(reply))
		}
	}
}

// The fault still there, said at the comment prompt after a low rating, is
// a dispute of the fix in English as in Chinese: the ticket with its reopen
// button, shown in the language of the words (before, the English dispute
// of a Chinese ticket was answered in Chinese), and the words reach staff
// on the reopened card.
func TestTheFaultStillThereAtTheCommentPromptIsADispute(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"the door still makes noise though", "门还是会响"} {
		f := newTicketFixture(t, nil)
		tk, _ := f.fileResolved(t, "5号楼单元门关不上，一直响")
		f.deliver(t)
		f.press(t, resident, "r:rate:"+itoa(tk.ID)+":2")
		f.deliver(t)
		reply := f.say(t, resident, text)
		if data := strings.Join(buttonData(reply), " "); !strings.Contains(data, "r:reopen:"+itoa(tk.ID)) {
			t.Fatalf("%q: no reopen button: %q %v", text, reply.Text, buttonData(reply))
		}
		if strings.Contains(reply.Text, "状态") != hasHan(text) { // the ticket's words are as written
			t.Errorf("%q answered in the other language: %q", text, reply.Text)
		}
		f.press(t, resident, "r:reopen:"+itoa(tk.ID))
		found := false
		for _, m := range f.deliver(t) {
			if m.ChatID == pmChat && strings.Contains(m.Text, text) {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: not on the reopened card", text)
		}
	}
}

// Staff often write to the resident before resolving ("灯泡换好了"): that
// ticket resolved, they wait for no answer, so a rating with a comment or
// praise of the work rates it. Before, "师傅很负责" got "you're welcome"
// and "非常好，5星，师傅很负责" started a new report. Staff asking about an
// open ticket still get the answer offered (no rating taken).
func TestARatingWithWordsAfterStaffWroteRates(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]int{"修得很快，谢谢师傅": 5, "师傅很负责": 5, "非常好，5星，师傅很负责": 5, "1星，太差劲了": 1} {
		f := newTicketFixture(t, nil)
		tk, card := f.fileTicket(t, resident, "3号楼1单元楼道灯坏了")
		f.staffWrites(t, pmChat, pmMember, 70, card.SentMessageID, "师傅已经换好灯泡了")
		f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:resolve:"+itoa(tk.ID))
		f.deliver(t)
		reply := f.say(t, resident, text)
		if got := f.ticket(t, tk.ID).Rating; got != want {
			t.Errorf("%q: rating %d, want %d (reply %q)", text, got, want, reply.Text)
		}
		if len(f.comments(t, tk.ID)) != 1 {
			t.Errorf("%q: comments %q, want one", text, f.comments(t, tk.ID))
		}
		if tks, _ := f.db.ResidentTickets(f.ctx, resident, 5); len(tks) != 1 {
			t.Errorf("%q started a report (reply %q)", text, reply.Text)
		}
	}
	// stays: staff asked about another ticket, still open
	f := newTicketFixture(t, nil)
	lift, light, liftCard, lightCard := f.liftAndLight(t)
	f.staffPress(t, pmChat, pmMember, liftCard.SentMessageID, "s:resolve:"+itoa(lift.ID))
	f.staffWrites(t, pmChat, pmMember, 80, lightCard.SentMessageID, "明天上午换灯泡，家里有人吗？")
	f.deliver(t)
	reply := f.say(t, resident, "很满意，明天上午有人")
	if got := f.ticket(t, lift.ID).Rating; got != 0 {
		t.Errorf("the answer to staff about #%d rated #%d: %d (reply %q)", light.ID, lift.ID, got, reply.Text)
	}
}
