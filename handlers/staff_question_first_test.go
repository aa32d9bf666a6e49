package handlers_test

import (
	"strings"
	"testing"

	"codesk/storage"
	"codesk/tickets"
)

// staffAsksOnCard has property-management staff reply to a card with a question.
func staffAsksOnCard(t *testing.T, f *ticketFixture, card storage.OutboxMessage, msgID int, text string) {
	t.Helper()
	f.staffWrites(t, pmChat, pmMember, msgID, card.SentMessageID, text)
	f.deliver(t)
}

func relaysTo(msgs []storage.OutboxMessage, chat int64) []storage.OutboxMessage {
	var out []storage.OutboxMessage
	for _, m := range msgs {
		if m.ChatID == chat && m.Purpose == "relay" {
			out = append(out, m)
		}
	}
	return out
}

// A draft waiting for its place does not take the answer to a staff
// question asked after it: the resident is asked where the answer goes.
func TestAnAnswerToStaffIsNotTakenForTheWaitingDraftsPlace(t *testing.T) {
	f := newTicketFixture(t, nil)
	lift, card := f.fileTicket(t, resident, "5号楼的电梯按钮坏了，按了没反应")
	f.say(t, resident, "门口的垃圾桶满了三天没人清理，臭死了")
	staffAsksOnCard(t, f, card, 77, "请问是几楼的按钮？")

	m := f.say(t, resident, "8楼的")
	yes := findData(t, m, "r:conv:"+itoa(lift.ID)+":y")
	f.press(t, resident, yes)
	relayed := relaysTo(f.deliver(t), pmChat)
	if len(relayed) != 1 || !strings.Contains(relayed[0].Text, "8楼的") || relayed[0].TicketID != lift.ID {
		t.Fatalf("the answer reached staff as %+v", relayed)
	}
	// The draft still asks for its own place.
	next := f.say(t, resident, "3号楼1单元门口")
	if strings.Contains(next.Text, "8楼的") || !strings.Contains(next.Text, "3号楼1单元") {
		t.Errorf("the draft took the staff answer or lost its place:\n%s", next.Text)
	}
}

// "Add details" pressed on one ticket, then staff ask about another: the
// next message is offered to the ticket staff asked about, not filed
// silently under the first.
func TestAnAnswerToStaffIsNotFiledUnderTheTicketAwaitingDetails(t *testing.T) {
	f := newTicketFixture(t, nil)
	garbage, _ := f.fileTicket(t, resident, "3号楼1单元门口的垃圾桶满了三天没人清理")
	lift, card := f.fileTicket(t, resident, "5号楼的电梯按钮坏了，按了没反应")
	f.press(t, resident, "r:add:"+itoa(garbage.ID))
	staffAsksOnCard(t, f, card, 78, "请问是几楼的按钮？")

	m := f.say(t, resident, "5楼")
	if !strings.Contains(m.Text, lift.Number()) {
		t.Fatalf("want the offer to pass it to %s, got %q", lift.Number(), m.Text)
	}
	f.press(t, resident, findData(t, m, "r:conv:"+itoa(lift.ID)+":y"))
	for _, r := range relaysTo(f.deliver(t), pmChat) {
		if r.TicketID != lift.ID {
			t.Errorf("relayed under ticket %d: %+v", r.TicketID, r)
		}
	}
	if evs := residentMessagesOf(t, f, garbage.ID); len(evs) != 0 {
		t.Errorf("the answer was added to %s too: %v", garbage.Number(), evs)
	}
}

// Pressing "add details" after staff wrote makes that the latest question:
// the text goes to the ticket it was pressed on.
func TestAddDetailsPressedAfterStaffWroteTakesTheNextMessage(t *testing.T) {
	f := newTicketFixture(t, nil)
	garbage, _ := f.fileTicket(t, resident, "3号楼1单元门口的垃圾桶满了三天没人清理")
	_, card := f.fileTicket(t, resident, "5号楼的电梯按钮坏了，按了没反应")
	staffAsksOnCard(t, f, card, 79, "请问是几楼的按钮？")
	f.press(t, resident, "r:add:"+itoa(garbage.ID))

	m := f.say(t, resident, "垃圾桶旁边还有一堆纸箱")
	if !strings.Contains(m.Text, garbage.Number()) {
		t.Errorf("want the details added to %s, got %q", garbage.Number(), m.Text)
	}
	if evs := residentMessagesOf(t, f, garbage.ID); len(evs) != 1 {
		t.Errorf("%s has %d resident messages, want 1", garbage.Number(), len(evs))
	}
}

// residentMessagesOf is the texts the resident added to ticket id.
func residentMessagesOf(t *testing.T, f *ticketFixture, id int64) []string {
	t.Helper()
	evs, err := f.db.TicketEvents(f.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range evs {
		if e.Kind == tickets.EventResidentMessage {
			out = append(out, e.Text)
		}
	}
	return out
}
