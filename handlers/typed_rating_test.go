package handlers_test

import (
	"strings"
	"testing"
	"time"

	"codesk/handlers"
	"codesk/tickets"
)

// At the rating prompt, a typed rating rates the ticket instead of starting
// a new report; with nothing to rate, it is no rating.
func TestARatingTypedAtTheRatingPromptRates(t *testing.T) {
	t.Parallel()
	for text, stars := range map[string]int{"5星，谢谢师傅": 5, "很满意": 5, "不满意": 2, "three stars": 3, "3 stars": 3, "three floors up": 0} {
		f := newTicketFixture(t, nil)
		tk, card := f.fileTicket(t, resident, "3号楼1单元楼道灯坏了")
		f.staffWrites(t, pmChat, pmMember, 70, card.SentMessageID, "师傅已经换好灯泡了")
		f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:resolve:"+itoa(tk.ID))
		f.deliver(t)
		reply := f.say(t, resident, text)
		got := f.ticket(t, tk.ID)
		if stars == 0 {
			if got.Rating != 0 {
				t.Errorf("%q rated the ticket %d", text, got.Rating)
			}
			continue
		}
		if got.Rating != stars || got.Status != tickets.StatusClosed {
			t.Errorf("%q: rating %d, status %s; want %d, closed (reply %q)", text, got.Rating, got.Status, stars, reply.Text)
		}
		if strings.Contains(reply.Text, "确认发送吗") || strings.Contains(reply.Text, "位置") {
			t.Errorf("%q started a report: %q", text, reply.Text)
		}
		if tks, _ := f.db.ResidentTickets(f.ctx, resident, 5); len(tks) != 1 {
			t.Errorf("%q: %d tickets", text, len(tks))
		}
	}
	// nothing waits for a rating: 满意 is no report and rates nothing
	f := newTicketFixture(t, nil)
	f.say(t, resident, "满意")
	if tks, _ := f.db.ResidentTickets(f.ctx, resident, 5); len(tks) != 0 {
		t.Errorf("满意 with nothing to rate made %d tickets", len(tks))
	}
}

// With two resolved tickets, a typed rating is for the one resolved last
// (whose rating request came last), whichever was reported first.
func TestATypedRatingIsForTheTicketResolvedLast(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	lift, light, liftCard, lightCard := f.liftAndLight(t)
	f.staffPress(t, pmChat, pmMember, lightCard.SentMessageID, "s:resolve:"+itoa(light.ID))
	f.now = f.now.Add(time.Minute)
	f.staffPress(t, pmChat, pmMember, liftCard.SentMessageID, "s:resolve:"+itoa(lift.ID))
	f.deliver(t)
	f.say(t, resident, "1星")
	if got := f.ticket(t, lift.ID).Rating; got != 1 {
		t.Errorf("the lift ticket, resolved last: rating %d, want 1", got)
	}
	if got := f.ticket(t, light.ID).Rating; got != 0 {
		t.Errorf("the light ticket got the rating %d", got)
	}
}

// A rating pressed while staff's question on another ticket waits does not
// turn the answer typed next into a comment on the rated ticket.
func TestARatingDoesNotSwallowTheAnswerToAStaffQuestion(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	lift, light, liftCard, lightCard := f.liftAndLight(t)
	f.staffPress(t, pmChat, pmMember, liftCard.SentMessageID, "s:resolve:"+itoa(lift.ID))
	f.staffWrites(t, pmChat, pmMember, 80, lightCard.SentMessageID, "明天换灯泡，家里有人吗？")
	f.deliver(t)
	f.press(t, resident, "r:rate:"+itoa(lift.ID)+":3")
	m := f.say(t, resident, "有人，我老婆6点后在家")
	if strings.Contains(m.Text, "意见已转给") {
		t.Errorf("the answer became a comment on the lift ticket: %q", m.Text)
	}
	if !strings.Contains(m.Text, light.Number()) {
		t.Errorf("the answer is not offered to the light ticket staff asked about: %q", m.Text)
	}
}

// A rating that goes on with a comment ("1星，太差劲了") rates the ticket and
// passes the comment to its staff; a poor one offers the reopen.
func TestARatingWithACommentRatesAndPassesItOn(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]struct {
		stars   int
		comment string
	}{
		"很满意，师傅很负责":                  {5, "师傅很负责"},
		"5星！师傅很好":                    {5, "师傅很好"},
		"1星，太差劲了":                    {1, "太差劲了"},
		"一星 太差":                      {1, "太差"},
		"only 2 stars, took forever": {2, "took forever"},
	} {
		f := newTicketFixture(t, nil)
		tk, card := f.fileTicket(t, resident, "8号楼楼道灯坏了")
		f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:resolve:"+itoa(tk.ID))
		f.deliver(t)
		reply := f.say(t, resident, text)
		if got := f.ticket(t, tk.ID); got.Rating != want.stars {
			t.Errorf("%q: rating %d, want %d (reply %q)", text, got.Rating, want.stars, reply.Text)
		}
		var toStaff []string
		for _, m := range f.deliver(t) {
			if m.ChatID == pmChat {
				toStaff = append(toStaff, m.Text)
			}
		}
		if s := strings.Join(toStaff, "\n"); !strings.Contains(s, want.comment) {
			t.Errorf("%q: staff got %q, want the comment %q", text, toStaff, want.comment)
		}
		offered := strings.Contains(strings.Join(buttonData(reply), " "), "r:reopen:")
		if poor := want.stars <= 2; poor != offered {
			t.Errorf("%q: reopen offered = %v, want %v (%q)", text, offered, poor, reply.Text)
		}
		if tks, _ := f.db.ResidentTickets(f.ctx, resident, 5); len(tks) != 1 {
			t.Errorf("%q: %d tickets", text, len(tks))
		}
	}
}

// "5星" while another report waits unsent rates the ticket just resolved;
// it is no line of the waiting report.
func TestARatingWhileAReportWaitsRatesTheResolvedTicket(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "8号楼楼道灯坏了")
	f.say(t, resident, "9号楼门口垃圾没人收")
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:resolve:"+itoa(tk.ID))
	f.deliver(t)
	f.say(t, resident, "5星")
	if got := f.ticket(t, tk.ID); got.Rating != 5 {
		t.Errorf("rating %d, want 5", got.Rating)
	}
	preview := f.say(t, resident, "在9号楼东门")
	if strings.Contains(preview.Text, "5星") || !strings.Contains(preview.Text, "垃圾") {
		t.Errorf("the waiting report: %q", preview.Text)
	}
}

// A grade word ("terrible", "满意") while another report waits unsent may be
// about that report: it rates no ticket; stars ("5星") do.
func TestAGradeWordWhileAReportWaitsRatesNothing(t *testing.T) {
	t.Parallel()
	for _, word := range []string{"terrible", "满意", "很差"} {
		f := newTicketFixture(t, nil)
		tk, card := f.fileTicket(t, resident, "8号楼楼道灯坏了")
		f.say(t, resident, "9号楼门口垃圾没人收")
		f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:resolve:"+itoa(tk.ID))
		f.deliver(t)
		f.say(t, resident, word)
		if got := f.ticket(t, tk.ID); got.Rating != 0 {
			t.Errorf("%q rated the resolved ticket %d", word, got.Rating)
		}
	}
}

// A report that opens with a grading word ("terrible noise…", "满意，另外5号
// 楼电梯又坏了") is a report, not a rating of the ticket resolved last.
func TestAReportOpeningWithAGradeIsNoRating(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"terrible noise from the flat upstairs every night", "满意，另外5号楼电梯又坏了", "差 3号楼门口又有人乱停车", "五星级酒店都没这么贵",
		"满意，对了楼下垃圾桶满了好几天没人清", "excellent, also the bins at building 2 are overflowing", "三星手机在车棚被偷了"} {
		f := newTicketFixture(t, nil)
		tk, card := f.fileTicket(t, resident, "8号楼楼道灯坏了")
		f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:resolve:"+itoa(tk.ID))
		f.deliver(t)
		f.say(t, resident, text)
		if got := f.ticket(t, tk.ID); got.Rating != 0 {
			t.Errorf("%q rated the light ticket %d★", text, got.Rating)
		}
	}
}

// "5星" typed after the rating was tapped is no comment: the rating stands.
func TestATypedRatingAfterATappedOneIsNoComment(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "8号楼楼道灯坏了")
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:resolve:"+itoa(tk.ID))
	f.deliver(t)
	f.press(t, resident, "r:rate:"+itoa(tk.ID)+":3")
	f.deliver(t)
	f.say(t, resident, "5星")
	for _, m := range f.deliver(t) {
		if strings.Contains(m.Text, "5星") {
			t.Errorf("passed on as a comment: %q", m.Text)
		}
	}
	if got := f.ticket(t, tk.ID).Rating; got != 3 {
		t.Errorf("rating %d, want 3", got)
	}
}

// "5星" written as a reply to the resolved ticket's message rates it.
func TestARatingRepliedUnderTheResolvedTicketRates(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "8号楼楼道灯坏了")
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:resolve:"+itoa(tk.ID))
	var notice int
	for _, m := range f.deliver(t) {
		if m.ChatID == resident {
			notice = m.SentMessageID
		}
	}
	f.send(t, handlers.Incoming{UserID: resident, Kind: handlers.TextMessage, ReplyTo: notice, Text: "5星"})
	if got := f.ticket(t, tk.ID).Rating; got != 5 {
		t.Errorf("rating %d, want 5", got)
	}
}
