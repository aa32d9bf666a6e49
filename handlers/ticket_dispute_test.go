package handlers_test

import (
	"strings"
	"testing"

	"codesk/handlers"
)

// A resident saying their resolved report was not dealt with gets that
// ticket back with its reopen button, not an FAQ entry or a new report.
func TestDisputingAResolutionShowsTheTicketToReopen(t *testing.T) {
	for _, dispute := range []string{"plumber never came!! why resolved??", "我那个工单怎么就说解决了 根本没人来过"} {
		f := newTicketFixture(t, nil)
		tk, card := f.fileTicket(t, resident, "3号楼2单元楼道灯坏了")
		f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:resolve:"+itoa(tk.ID))
		f.deliver(t)
		m := f.say(t, resident, dispute)
		if !strings.Contains(m.Text, "楼道灯坏了") || !hasData(m, "r:reopen:"+itoa(tk.ID)) {
			t.Errorf("%q: got %q %v; want the ticket with its reopen button", dispute, m.Text, buttonData(m))
		}
		// questions about things that close, and a gas smell, are not about it
		for _, other := range []string{"健身房为什么关了", "厨房燃气阀关了 还是有很大的煤气味"} {
			if m := f.say(t, resident, other); hasData(m, "r:reopen:"+itoa(tk.ID)) {
				t.Errorf("%q: the resolved ticket was shown: %q", other, m.Text)
			}
		}
	}
	// with nothing resolved to reopen, the same words are an ordinary message
	f := newTicketFixture(t, nil)
	if m := f.say(t, resident, "plumber never came!! why resolved??"); hasData(m, "r:reopen:") {
		t.Errorf("no ticket, yet a reopen button: %v", buttonData(m))
	}
}

// The ticket's history names the party that wrote each message, and leaves
// out the status bookkeeping of a move.
func TestTicketHistoryNamesThePartyOfEachMessage(t *testing.T) {
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "5号楼2单元楼道灯坏了一个星期了")
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:claim:"+itoa(tk.ID))
	if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: pmChat, Chat: handlers.GroupChat, UserID: pmMember, UserName: "王师傅",
		MessageID: 78, ReplyTo: card.SentMessageID, Kind: handlers.TextMessage, Text: "请问是几楼？"}); err != nil {
		t.Fatal(err)
	}
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:to:"+itoa(tk.ID)+":nc")
	var ncCard int
	for _, m := range f.deliver(t) {
		if m.ChatID == ncChat && m.Purpose == "card" {
			ncCard = m.SentMessageID
		}
	}
	if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: ncChat, Chat: handlers.GroupChat, UserID: ncMember, UserName: "李主任",
		MessageID: 79, ReplyTo: ncCard, Kind: handlers.TextMessage, Text: "我们明天上门看看"}); err != nil {
		t.Fatal(err)
	}
	f.deliver(t)
	f.press(t, resident, "r:show:"+itoa(tk.ID))
	details := f.out.last(t).Text
	if !strings.Contains(details, "物业: 请问是几楼？") || !strings.Contains(details, "居委会: 我们明天上门看看") {
		t.Errorf("each message under the party that wrote it:\n%s", details)
	}
	if strings.Contains(details, "→ 待受理") {
		t.Errorf("the move's status bookkeeping is shown:\n%s", details)
	}
}
