package handlers_test

import (
	"strings"
	"testing"
	"time"

	"codesk/handlers"
	"codesk/tickets"
)

// Answering a ticket takes it up: a member who replies under the card
// without pressing "claim" is its assignee, and the watcher does not chase
// the party or tell the resident that nobody took it up.
func TestAStaffReplyClaimsAnUnclaimedTicket(t *testing.T) {
	f := newTicketFixture(t, nil)
	filed := f.now
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: pmChat, Chat: handlers.GroupChat, UserID: pmMember, UserName: "王师傅",
		MessageID: 70, ReplyTo: card.SentMessageID, Kind: handlers.TextMessage, Text: "下午两点维保公司来看"}); err != nil {
		t.Fatal(err)
	}
	if got := f.ticket(t, tk.ID); got.Status != tickets.StatusClaimed || got.AssigneeID != pmMember {
		t.Errorf("after a reply the ticket is %s, assignee %d; want claimed by %d", got.Status, got.AssigneeID, pmMember)
	}
	f.deliver(t)
	f.now = filed.Add(9 * time.Hour)
	f.checkSLA(t, 0, 0)
}

// A reply to a resolved ticket reaches the resident without inviting an
// answer the ticket would refuse, and the member learns it is closed.
func TestAStaffReplyOnAResolvedTicket(t *testing.T) {
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:resolve:"+itoa(tk.ID))
	f.deliver(t)
	before := f.out.count()
	if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: pmChat, Chat: handlers.GroupChat, UserID: pmMember,
		MessageID: 71, ReplyTo: card.SentMessageID, Kind: handlers.TextMessage, Text: "我们下周再来检查一次"}); err != nil {
		t.Fatal(err)
	}
	sent := f.out.sentSince(before)
	if len(sent) != 1 || sent[0].ChatID != pmChat || !strings.Contains(sent[0].Text, "无法在此工单下回复") {
		t.Errorf("the member is told the ticket is closed, got %v", texts(sent))
	}
	var toResident string
	for _, m := range f.deliver(t) {
		if m.ChatID == resident {
			toResident = m.Text
		}
	}
	if !strings.Contains(toResident, "我们下周再来检查一次") || strings.Contains(toResident, "直接回复") {
		t.Errorf("the resident gets the message without 'reply to answer': %q", toResident)
	}
}
