package handlers_test

import (
	"strings"
	"testing"

	"codesk/handlers"
	"codesk/parties"
	"codesk/tickets"
)

// pickIn is the data of e's button whose data starts with prefix.
func pickIn(t *testing.T, e edit, prefix string) string {
	t.Helper()
	for _, d := range editData(e) {
		if strings.HasPrefix(d, prefix) {
			return d
		}
	}
	t.Fatalf("no %q button on the card: %+v", prefix, e)
	return ""
}

// A opens the reassign menu; B claims the ticket and answers the resident;
// A's pick from the menu she saw before is refused, and the card shows the
// menu again for the ticket as it is now, from which a pick works.
func TestAPickFromAMenuAColleagueOvertookIsRefused(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	id := itoa(tk.ID)
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:reassign:"+id)
	stale := pickIn(t, f.out.lastEdit(t), "s:to:"+id+":nc")

	f.pressIn(t, pmChat, pmConfigured, handlers.GroupChat, card.SentMessageID, "s:claim:"+id)
	f.staffWrites(t, pmChat, pmConfigured, 9001, card.SentMessageID, "我下午去看")
	f.deliver(t)
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, stale)

	got := f.ticket(t, tk.ID)
	if got.Party != parties.PropertyManagement || got.Status != tickets.StatusClaimed || got.AssigneeID != pmConfigured {
		t.Fatalf("the stale pick moved the ticket a colleague had taken up: %+v", got)
	}
	if n := f.lastNotice(); !strings.Contains(n, "菜单打开后已有变化") || !strings.Contains(n, "处理中") {
		t.Errorf("the stale pick's notice: %q", n)
	}
	if out := residentMessages(f.deliver(t), resident); len(out) != 0 {
		t.Errorf("the resident heard of a refused pick: %q", out[0].Text)
	}
	redrawn := f.out.lastEdit(t)
	if redrawn.msg != card.SentMessageID || !strings.Contains(redrawn.text, "转派工单") || !strings.Contains(redrawn.text, "处理中") {
		t.Fatalf("the card after the refused pick: %+v; want the menu again with the current status", redrawn)
	}
	fresh := pickIn(t, redrawn, "s:to:"+id+":nc")
	if fresh == stale {
		t.Fatalf("the redrawn menu offers the stale pick %q again", stale)
	}
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, fresh)
	if got := f.ticket(t, tk.ID); got.Party != parties.NeighborhoodCommittee {
		t.Errorf("a pick from the redrawn menu: %+v", got)
	}
}

// "Resolve it?" confirmed after a colleague claimed the ticket: refused, as
// the colleague may be on the way.
func TestAResolveConfirmationAColleagueOvertookIsRefused(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	id := itoa(tk.ID)
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:askresolve:"+id)
	stale := pickIn(t, f.out.lastEdit(t), "s:resolve:"+id)
	f.pressIn(t, pmChat, pmConfigured, handlers.GroupChat, card.SentMessageID, "s:claim:"+id)
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, stale)
	if got := f.ticket(t, tk.ID); got.Status != tickets.StatusClaimed {
		t.Errorf("a stale confirmation resolved the ticket: %+v", got)
	}
	if n := f.lastNotice(); !strings.Contains(n, "菜单打开后已有变化") {
		t.Errorf("the stale confirmation's notice: %q", n)
	}
}

// A resident's answer meanwhile changes nothing a pick means: the pick
// from the menu drawn before it still works.
func TestAPickAfterTheResidentsAnswerStillWorks(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	id := itoa(tk.ID)
	f.staffWrites(t, pmChat, pmMember, 9001, card.SentMessageID, "请问是哪一部电梯？")
	f.deliver(t)
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:reassign:"+id)
	pick := pickIn(t, f.out.lastEdit(t), "s:to:"+id+":oc")
	f.press(t, resident, "r:add:"+id)
	f.say(t, resident, "东边那部")
	f.deliver(t)
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, pick)
	if got := f.ticket(t, tk.ID); got.Party != parties.OwnersCommittee {
		t.Errorf("the pick after the resident's answer: %+v", got)
	}
}
