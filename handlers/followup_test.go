package handlers_test

import (
	"strings"
	"testing"

	"codesk/handlers"
	"codesk/tickets"
)

// staffAsks files a ticket, has property management claim it and ask the
// resident a question, and delivers the relay.
func staffAsks(t *testing.T, f *ticketFixture) tickets.Ticket {
	t.Helper()
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:claim:"+itoa(tk.ID))
	f.deliver(t)
	staff := handlers.Incoming{ChatID: pmChat, Chat: handlers.GroupChat, UserID: pmMember, UserName: "王师傅",
		MessageID: 77, ReplyTo: card.SentMessageID, Kind: handlers.TextMessage, Text: "请问您几点在家？"}
	if err := f.h.Handle(f.ctx, staff); err != nil {
		t.Fatal(err)
	}
	onlyOne(t, residentMessages(f.deliver(t), resident), "relayed staff question")
	return tk
}

func TestAPlainAnswerAfterAStaffQuestionIsOfferedToTheTicketAndRelayedOnce(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk := staffAsks(t, f)

	// The resident answers without Telegram's reply.
	ask := f.send(t, handlers.Incoming{UserID: resident, UpdateID: 9001, MessageID: 31, Kind: handlers.TextMessage, Text: "下午三点以后都在"})
	if !strings.Contains(ask.Text, "工单 #"+itoa(tk.ID)) || !strings.Contains(ask.Text, "【物业】") {
		t.Fatalf("the resident is asked whether it is for the ticket, got %q", ask.Text)
	}
	if got := f.deliver(t); len(got) != 0 {
		t.Fatalf("nothing is relayed before the resident chooses, got %+v", got)
	}
	yes := findData(t, ask, "r:conv:"+itoa(tk.ID)+":y")
	f.press(t, resident, yes)
	if last := f.out.last(t); !strings.Contains(last.Text, "已补充") {
		t.Errorf("the resident is told it was passed on, got %q", last.Text)
	}
	relay := f.deliver(t)
	if len(relay) != 1 || relay[0].ChatID != pmChat || !strings.Contains(relay[0].Text, "下午三点以后都在") {
		t.Fatalf("relay to staff = %+v", relay)
	}
	if got := f.ticket(t, tk.ID).Status; got != tickets.StatusClaimed {
		t.Errorf("the answer puts the ticket back to claimed, status %s", got)
	}

	// A second press of the same button relays nothing more.
	f.press(t, resident, yes)
	if n := f.lastNotice(); !strings.Contains(n, "失效") {
		t.Errorf("a second press is refused, got %q", n)
	}
	if got := f.deliver(t); len(got) != 0 {
		t.Errorf("a second press relayed again: %+v", got)
	}
}

func TestNotForTheTicketAnswersItAsAQuestionAndEndsTheConversation(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk := staffAsks(t, f)

	ask := f.say(t, resident, "what's the weather tomorrow")
	no := findData(t, ask, "r:conv:"+itoa(tk.ID)+":n")
	f.press(t, resident, no)
	if answer := f.out.last(t); !strings.Contains(answer.Text, "Sorry") {
		t.Errorf("the message is handled as a question, got %q", answer.Text)
	}
	if got := f.deliver(t); len(got) != 0 {
		t.Errorf("nothing goes to staff: %+v", got)
	}
	// The conversation is over: the next plain message is a question again.
	if next := f.say(t, resident, "what's the weather tomorrow"); !strings.Contains(next.Text, "Sorry") {
		t.Errorf("the ticket is offered again after the resident said no: %+v", next)
	}
}

func TestAQuestionTheFAQAnswersIsAnsweredEvenMidConversation(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	staffAsks(t, f)
	m := f.say(t, resident, "电梯什么时候换")
	if !strings.Contains(m.Text, "分批") {
		t.Errorf("a confident FAQ question is answered, got %q", m.Text)
	}
}

func TestNoOfferWithoutAStaffMessageOrOnceTheTicketIsResolved(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	if m := f.say(t, resident, "what's the weather tomorrow"); strings.Contains(strings.Join(buttonData(m), ","), "r:conv:") {
		t.Errorf("offered without any staff message: %+v", m)
	}
	f.deliver(t)
	staff := handlers.Incoming{ChatID: pmChat, Chat: handlers.GroupChat, UserID: pmMember, UserName: "王师傅",
		MessageID: 77, ReplyTo: card.SentMessageID, Kind: handlers.TextMessage, Text: "明天上午来修"}
	if err := f.h.Handle(f.ctx, staff); err != nil {
		t.Fatal(err)
	}
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:resolve:"+itoa(tk.ID))
	f.deliver(t)
	if m := f.say(t, resident, "what's the weather tomorrow"); strings.Contains(strings.Join(buttonData(m), ","), "r:conv:") {
		t.Errorf("offered for a resolved ticket: %+v", m)
	}
	// Another resident is never offered someone else's ticket.
	if m := f.say(t, neighbour, "what's the weather tomorrow"); strings.Contains(strings.Join(buttonData(m), ","), "r:conv:") {
		t.Errorf("a neighbour was offered the ticket: %+v", m)
	}
}

func TestAPhotoOrAConcernMidConversationIsOfferedToTheTicketFirst(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk := staffAsks(t, f)
	id := itoa(tk.ID)

	// A photo without a caption: most likely what staff asked to see.
	ask := f.send(t, handlers.Incoming{UserID: resident, UpdateID: 9100, MessageID: 40, PhotoIDs: []string{"small", "lift-panel"}})
	f.press(t, resident, findData(t, ask, "r:conv:"+id+":y"))
	relay := f.deliver(t)
	if len(relay) != 1 || relay[0].ChatID != pmChat || relay[0].PhotoID != "lift-panel" {
		t.Fatalf("the photo goes to the ticket's staff chat: %+v", relay)
	}

	// Text that reads like a concern is offered too; "no" starts a new report.
	ask = f.say(t, resident, "楼下大门的门禁坏了，刷卡没反应")
	f.press(t, resident, findData(t, ask, "r:conv:"+id+":n"))
	if preview := f.out.last(t); !strings.Contains(strings.Join(buttonData(preview), ","), "c:send:") {
		t.Errorf("a concern that is not for the ticket starts intake, got %+v", preview)
	}
	if got := f.deliver(t); len(got) != 0 {
		t.Errorf("nothing goes to staff: %+v", got)
	}
}

// A reply to a message the bot cannot place (an FAQ answer, a relay not yet
// recorded) after staff asked something is still offered to the ticket.
func TestAReplyToAnUnknownMessageAfterAStaffQuestionIsOfferedToTheTicket(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk := staffAsks(t, f)
	ask := f.send(t, handlers.Incoming{UserID: resident, MessageID: 32, ReplyTo: 99999, Kind: handlers.TextMessage, Text: "有人，上午都在家"})
	if got := findData(t, ask, "r:conv:"+itoa(tk.ID)+":y"); got == "" {
		t.Fatalf("not offered to the ticket: %q", ask.Text)
	}
}

// "what time tomorrow?" after staff wrote they come tomorrow asks them,
// even though the FAQ has an entry about times.
func TestAWhenQuestionAfterStaffArrangedAVisitIsForThem(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	_, card := f.fileTicket(t, resident, "9号楼大堂灯坏了")
	f.staffWrites(t, pmChat, pmMember, 70, card.SentMessageID, "已安排电工明天上午去修")
	f.deliver(t)
	m := f.say(t, resident, "thanks, what time tomorrow?")
	if !strings.Contains(strings.Join(buttonData(m), " "), "r:conv:") {
		t.Errorf("the question is not offered to the ticket: %q %v", m.Text, buttonData(m))
	}
}

// A question about another thing after staff wrote ("好的，已安排", then
// "电梯什么时候换") gets its answer; it is not offered to the ticket.
func TestAnotherQuestionAfterStaffWroteIsAnswered(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	_, card := f.fileTicket(t, resident, "9号楼大堂灯坏了")
	f.staffWrites(t, pmChat, pmMember, 70, card.SentMessageID, "好的，已安排")
	f.deliver(t)
	m := f.say(t, resident, "电梯什么时候换")
	if strings.Contains(strings.Join(buttonData(m), " "), "r:conv:") || !strings.Contains(m.Text, "电梯更换") {
		t.Errorf("the question was not answered: %q %v", m.Text, buttonData(m))
	}
}
