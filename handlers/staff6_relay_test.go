package handlers_test

import (
	"strings"
	"testing"

	"codesk/handlers"
	"codesk/storage"
	"codesk/tickets"
)

// staffReplyUnder has pmMember reply with text under message replyTo in the
// property company's chat; it returns what the chat was told directly and
// what reached the resident.
func staffReplyUnder(t *testing.T, f *ticketFixture, msgID, replyTo int, text string) (told []handlers.OutMessage, toResident []storage.OutboxMessage) {
	t.Helper()
	before := f.out.count()
	f.staffWrites(t, pmChat, pmMember, msgID, replyTo, text)
	return f.out.sentSince(before), residentMessages(f.deliver(t), resident)
}

// keptAmongStaff checks that a reply reached no resident and that its
// author was told so, under their message, with how to reach the resident.
func keptAmongStaff(t *testing.T, what string, told []handlers.OutMessage, toResident []storage.OutboxMessage, msgID int) {
	t.Helper()
	if len(toResident) != 0 {
		t.Errorf("%s reached the resident: %q", what, toResident[0].Text)
	}
	if len(told) != 1 || told[0].ChatID != pmChat || told[0].ReplyTo != msgID ||
		!strings.Contains(told[0].Text, "没有转给居民") || !strings.Contains(told[0].Text, "卡片") {
		t.Errorf("%s: the member was told %q; want one 'not passed on, reply to the card' under it", what, texts(told))
	}
}

// Staff talking under the bot's notices of a closed ticket (the rating, the
// resident's comment, the withdrawal) talk among themselves: nothing reaches
// the resident, and the member learns so. The card still reaches them.
func TestRepliesUnderTheNoticesOfAClosedTicketStayAmongStaff(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileResolved(t, "3号楼2单元楼道灯坏了")
	id := itoa(tk.ID)
	f.deliver(t)
	f.press(t, resident, "r:rate:"+id+":1")
	rating := onlyOne(t, byPurpose(f.deliver(t), "notice"), "the rating notice")
	f.say(t, resident, "师傅态度很差")
	comment := onlyOne(t, byPurpose(f.deliver(t), "notice"), "the resident's comment")

	told, got := staffReplyUnder(t, f, 9001, rating.SentMessageID, "又是这个人，谁处理的？")
	keptAmongStaff(t, "a reply under the rating notice", told, got, 9001)
	told, got = staffReplyUnder(t, f, 9002, comment.SentMessageID, "这户上次也投诉过")
	keptAmongStaff(t, "a reply under the resident's comment", told, got, 9002)
	if told, _ := staffReplyUnder(t, f, 9003, rating.SentMessageID, "#内部 下次换个师傅"); len(told) != 0 {
		t.Errorf("an internal remark under the rating was answered: %q", texts(told))
	}

	if _, got := staffReplyUnder(t, f, 9004, card.SentMessageID, "很抱歉，我们会改进"); len(got) != 1 {
		t.Errorf("a reply under the card of the closed ticket reached the resident %d times; want once", len(got))
	}
}

func TestAReplyUnderTheWithdrawalNoticeStaysAmongStaff(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, _ := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	f.press(t, resident, "r:withdraw:"+itoa(tk.ID))
	notice := onlyOne(t, byPurpose(f.deliver(t), "notice"), "the withdrawal notice")
	if !strings.Contains(notice.Text, "撤销") {
		t.Fatalf("the withdrawal notice reads %q", notice.Text)
	}
	told, got := staffReplyUnder(t, f, 9001, notice.SentMessageID, "好的，知道了")
	keptAmongStaff(t, "a reply under the withdrawal notice", told, got, 9001)
	if tk := f.ticket(t, tk.ID); tk.Status.Open() || tk.AssigneeID != 0 {
		t.Errorf("the reply changed the withdrawn ticket: %+v", tk)
	}
}

// The resident rates low, comments and reopens: the comment belongs to the
// last round; a reply under it stays among staff, while one under the
// reopened card, or under what the resident adds now, reaches them.
func TestRepliesUnderTheLastRoundOfAReopenedTicketStayAmongStaff(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, _ := f.fileResolved(t, "3号楼2单元楼道灯坏了")
	id := itoa(tk.ID)
	f.deliver(t)
	f.press(t, resident, "r:rate:"+id+":1")
	f.deliver(t)
	f.say(t, resident, "师傅态度很差")
	comment := onlyOne(t, byPurpose(f.deliver(t), "notice"), "the resident's comment")
	f.press(t, resident, "r:reopen:"+id)
	reopened := onlyOne(t, byPurpose(f.deliver(t), "card"), "the reopened card")
	f.say(t, resident, "灯还是不亮")
	added := onlyOne(t, byPurpose(f.deliver(t), "relay"), "what the resident added")

	told, got := staffReplyUnder(t, f, 9001, comment.SentMessageID, "又是这个人")
	keptAmongStaff(t, "a reply under the last round's comment", told, got, 9001)
	if _, got := staffReplyUnder(t, f, 9002, added.SentMessageID, "师傅下午再来看"); len(got) != 1 {
		t.Errorf("a reply under the resident's new words reached them %d times; want once", len(got))
	}
	if _, got := staffReplyUnder(t, f, 9003, reopened.SentMessageID, "已安排电工"); len(got) != 1 {
		t.Errorf("a reply under the reopened card reached the resident %d times; want once", len(got))
	}
}

// "收到，我来" under the SLA reminder neither reaches the resident nor
// claims in silence: the member is pointed to the claim button.
func TestAReplyUnderTheReminderStaysAmongStaff(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, _, reminder := remindedTicket(t, f)
	told, got := staffReplyUnder(t, f, 9001, reminder.SentMessageID, "收到，我来")
	keptAmongStaff(t, "a reply under the reminder", told, got, 9001)
	if len(told) == 1 && !strings.Contains(told[0].Text, "认领") {
		t.Errorf("the member is not pointed to the claim button: %q", told[0].Text)
	}
	if got := f.ticket(t, tk.ID); got.Status != tickets.StatusNew || got.AssigneeID != 0 {
		t.Errorf("a reply under the reminder claimed the ticket: %+v", got)
	}
}
