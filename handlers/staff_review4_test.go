package handlers_test

import (
	"strings"
	"testing"
	"time"

	"codesk/parties"
	"codesk/storage"
	"codesk/tickets"
)

// remindedTicket files a ticket and lets the watcher remind its party's
// chat: the ticket, its card and the reminder.
func remindedTicket(t *testing.T, f *ticketFixture) (tickets.Ticket, storage.OutboxMessage, storage.OutboxMessage) {
	t.Helper()
	filed := f.now
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	f.now = filed.Add(3 * time.Hour)
	f.checkSLA(t, 1, 0)
	reminder := onlyOne(t, f.deliver(t), "reminder")
	return tk, card, reminder
}

// hasButton: a button of e sends data, or data with a menu's stamp after
// it ("s:to:1:oc:<stamp>").
func hasButton(e edit, data string) bool {
	for _, row := range e.buttons {
		for _, b := range row {
			if b.Data == data || strings.HasPrefix(b.Data, data+":") {
				return true
			}
		}
	}
	return false
}

// A claim from the reminder acts on the ticket, but the reminder becomes a
// plain line: only the card carries buttons, also after the resolve.
func TestAClaimFromTheReminderLeavesItAPlainLine(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card, reminder := remindedTicket(t, f)
	id := itoa(tk.ID)
	f.staffPress(t, pmChat, pmMember, reminder.SentMessageID, "s:claim:"+id)
	if got := f.ticket(t, tk.ID); got.Status != tickets.StatusClaimed || got.AssigneeID != pmMember {
		t.Fatalf("claim from the reminder: %+v", got)
	}
	r, ok := f.out.lastEditOf(pmChat, reminder.SentMessageID)
	if !ok || len(r.buttons) != 0 || !strings.Contains(r.text, "⏰ 工单 "+tk.Number()+" 已由 王师傅 认领") || strings.Contains(r.text, "类别") {
		t.Errorf("the reminder after its claim: %+v (edited %v); want a plain line without buttons", r, ok)
	}
	c, ok := f.out.lastEditOf(pmChat, card.SentMessageID)
	if !ok || !strings.Contains(c.text, "处理中") || hasButton(c, "s:claim:"+id) || !hasButton(c, "s:askresolve:"+id) {
		t.Errorf("the card after a claim from the reminder: %+v (edited %v)", c, ok)
	}

	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:resolve:"+id)
	if r, _ := f.out.lastEditOf(pmChat, reminder.SentMessageID); len(r.buttons) != 0 || strings.Contains(r.text, "处理中") {
		t.Errorf("the reminder after the resolve: %+v", r)
	}
	f.staffPress(t, pmChat, pmConfigured, reminder.SentMessageID, "s:claim:"+id)
	if n := f.lastNotice(); !strings.Contains(n, "已解决") {
		t.Errorf("a press on the reminder of a resolved ticket: %q; want its status", n)
	}
	if got := f.ticket(t, tk.ID); got.Status != tickets.StatusResolved || got.AssigneeID != pmMember {
		t.Errorf("the reminder's press changed a resolved ticket: %+v", got)
	}
}

// A claim from the card retires the reminder's button; a press on it
// (still shown by some clients) names who has the ticket.
func TestAClaimFromTheCardRetiresTheReminder(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card, reminder := remindedTicket(t, f)
	id := itoa(tk.ID)
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:claim:"+id)
	if r, ok := f.out.lastEditOf(pmChat, reminder.SentMessageID); !ok || len(r.buttons) != 0 || !strings.Contains(r.text, "王师傅") {
		t.Errorf("the reminder after a claim from the card: %+v (edited %v)", r, ok)
	}
	f.staffPress(t, pmChat, pmConfigured, reminder.SentMessageID, "s:claim:"+id)
	if n := f.lastNotice(); !strings.Contains(n, "王师傅") || strings.Contains(n, "无效或已过期") {
		t.Errorf("a press on the retired reminder: %q; want the assignee named", n)
	}
	if e, _ := f.out.lastEditOf(pmChat, reminder.SentMessageID); len(e.buttons) != 0 {
		t.Errorf("the press redrew the reminder with buttons: %+v", e)
	}
}

// When the desk moves an escalated ticket, the new party's card names the
// desk as the mover and the party it came from; the old party's reminder
// says where the ticket went, and a press on it acts on nothing.
func TestTheDesksMoveNamesTheDeskAndRetiresTheReminder(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	filed := f.now
	tk, _, reminder := remindedTicket(t, f)
	id := itoa(tk.ID)
	f.now = filed.Add(8*time.Hour + time.Minute)
	f.checkSLA(t, 0, 1)
	esc := onlyOne(t, byPurpose(f.deliver(t), "escalation"), "escalation card")

	f.staffPress(t, coChat, coMember, esc.SentMessageID, "s:to:"+id+":nc")
	newCard := onlyOne(t, byPurpose(f.deliver(t), "card"), "the committee's card")
	if newCard.ChatID != ncChat || !strings.Contains(newCard.Text, "由【三方联合办公室】从【物业】转来") {
		t.Errorf("the new party's card: %q; want the desk named as the mover", newCard.Text)
	}
	if r, ok := f.out.lastEditOf(pmChat, reminder.SentMessageID); !ok || len(r.buttons) != 0 || !strings.Contains(r.text, "已转给【居委会】") {
		t.Errorf("the old party's reminder after the move: %+v (edited %v)", r, ok)
	}
	f.staffPress(t, pmChat, pmMember, reminder.SentMessageID, "s:claim:"+id)
	if n := f.lastNotice(); !strings.Contains(n, "居委会") {
		t.Errorf("a press on the old reminder: %q; want where the ticket went", n)
	}
	if got := f.ticket(t, tk.ID); got.Party != parties.NeighborhoodCommittee || got.Status != tickets.StatusNew || got.AssigneeID != 0 {
		t.Errorf("the old reminder acted on the moved ticket: %+v", got)
	}

	// a party moving its own ticket is named alone, as before
	f.staffPress(t, ncChat, ncMember, newCard.SentMessageID, "s:to:"+id+":oc")
	if moved := onlyOne(t, byPurpose(f.deliver(t), "card"), "the owners' card"); !strings.Contains(moved.Text, "由【居委会】转来") {
		t.Errorf("a party's own move: %q", moved.Text)
	}
}

// A first reply that asks the resident something takes the ticket up and
// makes it wait for the answer at once: new -> claimed -> waiting.
func TestAFirstQuestionClaimsTheTicketAndWaitsForTheResident(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card, reminder := remindedTicket(t, f)
	f.staffWrites(t, pmChat, pmMember, 80, card.SentMessageID, "请问是几楼？方便拍张照片吗？")
	got := f.ticket(t, tk.ID)
	if got.Status != tickets.StatusWaiting || got.AssigneeID != pmMember {
		t.Fatalf("after a first question the ticket is %s, assignee %d; want waiting, %d", got.Status, got.AssigneeID, pmMember)
	}
	events, err := f.db.TicketEvents(f.ctx, tk.ID)
	if err != nil {
		t.Fatal(err)
	}
	var steps []string
	for _, e := range events {
		if e.Kind == tickets.EventStatus {
			steps = append(steps, string(e.FromStatus)+">"+string(e.ToStatus))
		}
	}
	if strings.Join(steps, ",") != "new>claimed,claimed>waiting" {
		t.Errorf("status history = %v; want new>claimed, claimed>waiting", steps)
	}
	if c, _ := f.out.lastEditOf(pmChat, card.SentMessageID); !strings.Contains(c.text, "等待居民回复") {
		t.Errorf("the card after a first question: %q", c.text)
	}
	if r, _ := f.out.lastEditOf(pmChat, reminder.SentMessageID); len(r.buttons) != 0 || !strings.Contains(r.text, "王师傅") {
		t.Errorf("the reminder of a ticket answered: %+v", r)
	}
	onlyOne(t, residentMessages(f.deliver(t), resident), "the question relayed once")

	// a first reply that asks nothing only takes it up
	g := newTicketFixture(t, nil)
	other, otherCard := g.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	g.staffWrites(t, pmChat, pmMember, 81, otherCard.SentMessageID, "好的，师傅下午到")
	if s := g.ticket(t, other.ID).Status; s != tickets.StatusClaimed {
		t.Errorf("after a first reply asking nothing the ticket is %s, want claimed", s)
	}
}

// /open marks urgent tickets and lists them first, oldest first among
// each kind.
func TestOpenListsUrgentTicketsFirstAndMarked(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	light, _ := f.fileTicket(t, resident, "3号楼1单元楼道灯坏了")
	f.now = f.now.Add(time.Hour)
	lift, _ := f.fileTicket(t, resident, "5号楼的电梯按钮坏了，按了没反应")
	f.now = f.now.Add(time.Hour)
	gas, _ := f.fileTicket(t, neighbour, "3号楼2单元楼道里有很浓的煤气味")

	got := staffCommand(t, f, pmChat, pmMember, "/open").Text
	g, l, k := strings.Index(got, "🚨 "+gas.Number()+"【"), strings.Index(got, "\n"+light.Number()+"【"), strings.Index(got, "\n"+lift.Number()+"【")
	if g < 0 || l < 0 || k < 0 || g > l || l > k {
		t.Errorf("/open:\n%s\nwant the gas leak %s first and marked 🚨, then %s and %s unmarked", got, gas.Number(), light.Number(), lift.Number())
	}
	if strings.Count(got, "🚨") != 2 { // the mark and the legend
		t.Errorf("/open marks more than the urgent ticket:\n%s", got)
	}
}
