package handlers_test

import (
	"strings"
	"testing"
	"time"
)

// The party whose ticket went to the desk hears of it: its card says so,
// and /open marks the ticket.
func TestThePartySeesItsTicketWasEscalated(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	ticketID, _, card, _ := escalatedTicket(t, f)
	e, ok := f.out.lastEditOf(pmChat, card)
	if !ok || !strings.Contains(e.text, "已升级至三方联合办公室") {
		t.Errorf("the party's card after the escalation: %q (edited %v)", e.text, ok)
	}
	if len(e.buttons) == 0 {
		t.Error("the party's escalated card lost its buttons: the party may still claim it")
	}
	list := staffCommand(t, f, pmChat, pmMember, "/open").Text
	tk := f.ticket(t, ticketID)
	line := ""
	for _, l := range strings.Split(list, "\n") {
		if strings.HasPrefix(strings.TrimPrefix(l, "🚨 "), tk.Number()+"【") {
			line = l
		}
	}
	if !strings.Contains(line, "已升级") {
		t.Errorf("/open's line of the escalated ticket: %q in\n%s", line, list)
	}
}

// An urgent ticket's reminder says it is urgent, as its card does.
func TestAnUrgentTicketsReminderIsMarkedUrgent(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	filed := f.now
	f.fileTicket(t, resident, "3号楼2单元楼道里有很浓的煤气味")
	light, _ := f.fileTicket(t, neighbour, "3号楼1单元楼道灯坏了")
	f.now = filed.Add(slaPolicy.RemindAfter/4 + time.Minute)
	f.checkSLA(t, 1, 0)
	r := onlyOne(t, byPurpose(f.deliver(t), "reminder"), "the gas ticket's reminder")
	if !strings.Contains(r.Text, "🚨") {
		t.Errorf("the urgent ticket's reminder: %q", r.Text)
	}
	f.now = filed.Add(slaPolicy.RemindAfter + time.Minute)
	f.checkSLA(t, 1, 1) // the gas ticket escalates at a quarter of the delay
	for _, m := range byPurpose(f.deliver(t), "reminder") {
		if m.TicketID == light.ID {
			r = m
		}
	}
	if r.TicketID != light.ID || strings.Contains(r.Text, "🚨") {
		t.Errorf("a light's reminder reads urgent: %q", r.Text)
	}
}
