package handlers_test

import (
	"strings"
	"testing"

	"codesk/tickets"
)

// At the rating prompt, a typed rating rates the ticket instead of starting
// a new report; with nothing to rate, it is no rating.
func TestARatingTypedAtTheRatingPromptRates(t *testing.T) {
	for text, stars := range map[string]int{"5星，谢谢师傅": 5, "很满意": 5, "不满意": 2, "three stars": 0, "3 stars": 3} {
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
