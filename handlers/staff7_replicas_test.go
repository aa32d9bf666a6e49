package handlers_test

import (
	"strings"
	"testing"
	"time"

	"codesk/handlers"
	"codesk/parties"
	"codesk/tickets"
)

// Two replicas (two Handlers over one shared state and database, as on
// Redis and PostgreSQL) race on one card: replica A draws the reassign
// menu a member asked for while replica B takes a colleague's claim from
// the SLA reminder and redraws the card. A's edit lands last, so the card
// shows the menu as drawn before the claim. A pick from it is refused and
// the card shows the menu for the ticket as it is now.
func TestAMenuDrawnByOneReplicaBeforeAnotherReplicasClaimIsRefused(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	replicaB := f.h
	racing := &racingMessenger{ticketMessenger: f.out}
	deps := f.h.Deps
	deps.Messenger = racing
	replicaA := handlers.New(deps)

	filed := f.now
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	id := itoa(tk.ID)
	f.now = filed.Add(3 * time.Hour)
	f.checkSLA(t, 1, 0)
	reminder := onlyOne(t, byPurpose(f.deliver(t), "reminder"), "the SLA reminder")

	racing.onEdit = func() {
		f.h = replicaB
		f.pressIn(t, pmChat, pmConfigured, handlers.GroupChat, reminder.SentMessageID, "s:claim:"+id)
	}
	f.h = replicaA
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:reassign:"+id)
	if got := f.ticket(t, tk.ID); got.Status != tickets.StatusClaimed || got.AssigneeID != pmConfigured {
		t.Fatalf("the colleague's claim during the menu's edit: %+v", got)
	}
	shown := f.out.lastEdit(t)
	if shown.msg != card.SentMessageID || !strings.Contains(shown.text, "转派工单") {
		t.Fatalf("the card after the race: %+v; want the menu drawn before the claim", shown)
	}

	f.h = replicaB
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, pickIn(t, shown, "s:to:"+id+":nc"))
	if got := f.ticket(t, tk.ID); got.Party != parties.PropertyManagement || got.AssigneeID != pmConfigured {
		t.Fatalf("a pick from the menu drawn before the claim moved the claimed ticket: %+v", got)
	}
	if n := f.lastNotice(); !strings.Contains(n, "菜单打开后已有变化") {
		t.Errorf("the stale pick was told %q", n)
	}
	redrawn := f.out.lastEdit(t)
	if redrawn.msg != card.SentMessageID || !strings.Contains(redrawn.text, "处理中") || pickIn(t, redrawn, "s:to:"+id+":nc") == pickIn(t, shown, "s:to:"+id+":nc") {
		t.Errorf("the card after the refused pick: %+v; want the menu for the claimed ticket", redrawn)
	}
}
