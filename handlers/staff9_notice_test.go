package handlers_test

import (
	"testing"

	"codesk/tickets"
)

// The rating notice reports the end of a round; once the resident reopens
// the ticket, a reply under it still stays among staff: before the
// reopened card arrives (no newer card yet to date a round from) and after.
func TestAReplyUnderTheRatingNoticeOfAReopenedTicketStaysAmongStaff(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, _ := f.fileResolved(t, "3号楼2单元楼道灯坏了")
	id := itoa(tk.ID)
	f.deliver(t)
	f.press(t, resident, "r:rate:"+id+":1")
	rating := onlyOne(t, byPurpose(f.deliver(t), "notice"), "the rating notice")
	f.press(t, resident, "r:reopen:"+id)
	if got := f.ticket(t, tk.ID); got.Status != tickets.StatusReopened {
		t.Fatalf("reopen: %+v", got)
	}

	// the reopened card is not delivered yet
	told, got := staffReplyUnder(t, f, 9001, rating.SentMessageID, "这户怎么又开了？")
	keptAmongStaff(t, "a reply under the rating notice before the reopened card", told, got, 9001)
	told, got = staffReplyUnder(t, f, 9002, rating.SentMessageID, "上次是谁去的？")
	keptAmongStaff(t, "a reply under the rating notice after the reopened card", told, got, 9002)
	if got := f.ticket(t, tk.ID); got.Status != tickets.StatusReopened || got.AssigneeID != 0 {
		t.Errorf("the replies changed the reopened ticket: %+v", got)
	}
}

// The withdrawal notice too: the withdrawn ticket reopened, a reply under
// the notice reaches nobody outside the chat.
func TestAReplyUnderTheWithdrawalNoticeOfAReopenedTicketStaysAmongStaff(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, _ := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	id := itoa(tk.ID)
	f.press(t, resident, "r:withdraw:"+id)
	notice := onlyOne(t, byPurpose(f.deliver(t), "notice"), "the withdrawal notice")
	f.press(t, resident, "r:reopen:"+id)
	if got := f.ticket(t, tk.ID); !got.Status.Open() {
		t.Fatalf("reopen after a withdrawal: %+v", got)
	}
	told, got := staffReplyUnder(t, f, 9001, notice.SentMessageID, "好的，知道了")
	keptAmongStaff(t, "a reply under the withdrawal notice of the reopened ticket", told, got, 9001)
}
