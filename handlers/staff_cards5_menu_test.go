package handlers_test

import (
	"strings"
	"testing"

	"codesk/parties"
	"codesk/tickets"
)

// A member picking a party on the card keeps the menu when the resident's
// answer redraws the card: the card shows the new status, the menu stays,
// and the pick works. Once the member goes back, a redraw shows the plain
// buttons again.
func TestAReassignMenuOnTheCardSurvivesTheResidentsAnswer(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	id := itoa(tk.ID)
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:claim:"+id)
	f.staffWrites(t, pmChat, pmMember, 77, card.SentMessageID, "请问您几点在家？")
	f.deliver(t)
	answer := func(text string) {
		t.Helper()
		f.press(t, resident, "r:add:"+id)
		f.say(t, resident, text)
		onlyOne(t, byPurpose(f.deliver(t), "relay"), "the answer relayed")
	}

	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:reassign:"+id)
	answer("下午三点以后都在")
	e, _ := f.out.lastEditOf(pmChat, card.SentMessageID)
	if !hasButton(e, "s:to:"+id+":oc") || hasButton(e, "s:to:"+id+":pm") || !hasButton(e, "s:back:"+id) ||
		!strings.Contains(e.text, "转派工单 "+tk.Number()) || !strings.Contains(e.text, "处理中") {
		t.Fatalf("the card with its reassign menu open after the resident's answer: %+v", e)
	}
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:back:"+id)
	f.staffWrites(t, pmChat, pmMember, 78, card.SentMessageID, "方便拍张照片吗？")
	f.deliver(t)
	answer("好的，等会拍")
	if e, _ := f.out.lastEditOf(pmChat, card.SentMessageID); hasButton(e, "s:to:"+id+":oc") || !hasButton(e, "s:reassign:"+id) {
		t.Errorf("a redraw after the member went back: %+v; want the card's own buttons", e)
	}

	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:reassign:"+id)
	f.staffWrites(t, pmChat, pmMember, 79, card.SentMessageID, "是哪一部电梯？")
	f.deliver(t)
	answer("东边那部")
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:to:"+id+":oc")
	if got := f.ticket(t, tk.ID); got.Party != parties.OwnersCommittee {
		t.Errorf("the pick from the kept menu: %+v", got)
	}
}

// A menu open on the party's card stays while the desk claims from its
// escalation card, and goes once the desk resolves the ticket: a closed
// ticket offers neither a move nor a resolve.
func TestAnOpenCardMenuFollowsTheTicketsStatus(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	ticketID, id, card, esc := escalatedTicket(t, f)
	f.staffPress(t, pmChat, pmMember, card, "s:reassign:"+id)
	f.staffPress(t, coChat, coMember, esc, "s:claim:"+id)
	if e, _ := f.out.lastEditOf(pmChat, card); !hasButton(e, "s:to:"+id+":nc") || !strings.Contains(e.text, "处理中") {
		t.Errorf("the party's card with its menu open after the desk's claim: %+v", e)
	}
	f.staffPress(t, coChat, coMember, esc, "s:resolve:"+id)
	if got := f.ticket(t, ticketID); got.Status != tickets.StatusResolved {
		t.Fatalf("the desk's resolve: %+v", got)
	}
	if e, _ := f.out.lastEditOf(pmChat, card); len(e.buttons) != 0 || strings.Contains(e.text, "转派工单") {
		t.Errorf("the party's card after the resolve: %+v; want no menu", e)
	}
}

// "Resolve it?" open on the card stays through the resident's answer too,
// and its confirmation then resolves.
func TestAResolveConfirmationOnTheCardSurvivesTheResidentsAnswer(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	id := itoa(tk.ID)
	f.staffWrites(t, pmChat, pmMember, 77, card.SentMessageID, "请问您几点在家？")
	f.deliver(t)
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:askresolve:"+id)
	f.press(t, resident, "r:add:"+id)
	f.say(t, resident, "下午三点以后都在")
	e, _ := f.out.lastEditOf(pmChat, card.SentMessageID)
	if !hasButton(e, "s:resolve:"+id) || !strings.Contains(e.text, "确认工单 "+tk.Number()+" 已解决") || !strings.Contains(e.text, "处理中") {
		t.Fatalf("the card with its resolve confirmation open after the resident's answer: %+v", e)
	}
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:resolve:"+id)
	if got := f.ticket(t, tk.ID); got.Status != tickets.StatusResolved {
		t.Errorf("the confirmation from the kept menu: %+v", got)
	}
}
