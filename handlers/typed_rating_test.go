package handlers_test

import (
	"strings"
	"testing"
	"time"

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
