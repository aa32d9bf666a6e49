package handlers_test

import (
	"strings"
	"testing"
	"time"

	"codesk/handlers"
	"codesk/parties"
	"codesk/tickets"
)

func staffCommand(t *testing.T, f *ticketFixture, chat, user int64, text string) handlers.OutMessage {
	t.Helper()
	before := f.out.count()
	f.staffWrites(t, chat, user, 500, 0, text)
	if f.out.count() == before {
		t.Fatalf("%q in chat %d got no reply", text, chat)
	}
	return f.out.last(t)
}

// /open lists a staff chat's open tickets, oldest first, and only its own:
// nothing gets lost among the cards.
func TestOpenListsTheChatsOpenTicketsOldestFirst(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	if got := staffCommand(t, f, pmChat, pmMember, "/open").Text; !strings.Contains(got, "没有未结工单") {
		t.Errorf("with none open: %q", got)
	}
	lift, liftCard := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	f.now = f.now.Add(2 * time.Hour)
	light, _ := f.fileTicket(t, resident, "5号楼2单元楼道灯坏了一个星期了")
	fund, _ := f.fileTicket(t, neighbour, "维修基金的使用账目一直没有公示，业委会也不回应")
	f.staffPress(t, pmChat, pmMember, liftCard.SentMessageID, "s:claim:"+itoa(lift.ID))

	got := staffCommand(t, f, pmChat, pmMember, "/open").Text
	i, j := strings.Index(got, lift.Number()), strings.Index(got, light.Number())
	if i < 0 || j < 0 || i > j || strings.Contains(got, fund.Number()+"【") || !strings.Contains(got, "处理中") {
		t.Errorf("property management's list:\n%s\nwant %s (claimed) before %s, not the committee's %s", got, lift.Number(), light.Number(), fund.Number())
	}
	if got := staffCommand(t, f, pmChat, outsider, "/open").Text; strings.Contains(got, lift.Number()) {
		t.Errorf("someone not on the staff got the list: %q", got)
	}
	if got := staffCommand(t, f, ocChat, ocMember, "/open@codesk_bot").Text; !strings.Contains(got, fund.Number()) || strings.Contains(got, lift.Number()+"【") {
		t.Errorf("the committee's list: %q", got)
	}
}

// The desk's list holds the tickets escalated to it, with their party.
func TestTheDesksOpenListHoldsTheTicketsEscalatedToIt(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	ticketID, _, _, _ := escalatedTicket(t, f)
	got := staffCommand(t, f, coChat, coMember, "/open").Text
	if !strings.Contains(got, "#"+itoa(ticketID)) || !strings.Contains(got, "物业") {
		t.Errorf("the desk's list after an escalation:\n%s", got)
	}
}

// /open typed while a card is still selected for reply runs the command;
// the resident gets nothing and the ticket stays unclaimed.
func TestACommandTypedAsAReplyToACardIsNotRelayed(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	f.staffWrites(t, pmChat, pmMember, 501, card.SentMessageID, "/open")
	if got := residentMessages(f.deliver(t), resident); len(got) != 0 {
		t.Errorf("the command reached the resident: %+v", got)
	}
	if got := f.ticket(t, tk.ID); got.Status != tickets.StatusNew {
		t.Errorf("the command claimed the ticket: %s", got.Status)
	}
	if got := f.out.last(t).Text; !strings.Contains(got, tk.Number()) {
		t.Errorf("the command did not run: %q", got)
	}
}

// A party without a chat of its own has its cards in the desk's chat: the
// desk's /open lists them too.
func TestTheDesksToDoHoldsThePartiesWithoutAChat(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, map[parties.ID]int64{
		parties.PropertyManagement: pmChat, parties.NeighborhoodCommittee: ncChat, parties.CoOffice: coChat,
	})
	fund, card := f.fileTicket(t, neighbour, "维修基金的使用账目一直没有公示，业委会也不回应")
	if card.ChatID != coChat || fund.Party != parties.OwnersCommittee {
		t.Fatalf("the committee's card went to %d (party %s); want the desk's chat", card.ChatID, fund.Party)
	}
	got := staffCommand(t, f, coChat, coMember, "/open").Text
	if !strings.Contains(got, fund.Number()) {
		t.Errorf("the desk's /open leaves out the committee's ticket:\n%s", got)
	}
	if got := staffCommand(t, f, pmChat, pmMember, "/open").Text; strings.Contains(got, fund.Number()) {
		t.Errorf("property management's /open lists the committee's ticket:\n%s", got)
	}
}

// In a staff chat (ours alone), a resident's command is told where it
// works even without @codesk_bot.
func TestAResidentCommandInAStaffChatIsAnswered(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	for _, c := range []string{"/report 电梯坏了", "/menu", "/lang"} {
		if got := staffCommand(t, f, pmChat, pmMember, c).Text; !strings.Contains(got, "私聊") {
			t.Errorf("%s in a staff chat: %q", c, got)
		}
	}
}
