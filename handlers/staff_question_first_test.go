package handlers_test

import (
	"strings"
	"testing"
	"time"

	"codesk/handlers"
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
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
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

// Once the bot asks its own question (a draft's preview), a typed yes
// answers it, not an earlier "is this for ticket #N?" offer left unanswered:
// "好的" sends the new draft and the held answer stays held.
func TestATypedYesAnswersTheBotsLatestQuestion(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	staffAsks(t, f)
	ask := f.send(t, handlers.Incoming{UserID: resident, UpdateID: 9001, MessageID: 91, Kind: handlers.TextMessage, Text: "明天上午我在家"})
	findData(t, ask, "r:conv:")
	ask2 := f.send(t, handlers.Incoming{UserID: resident, UpdateID: 9002, MessageID: 92, Kind: handlers.TextMessage, Text: "5号楼楼道灯也坏了"})
	no := ""
	for _, d := range buttonData(ask2) {
		if strings.Contains(d, ":n:") {
			no = d
		}
	}
	if no == "" {
		t.Fatalf("no 'new concern' button: %q %v", ask2.Text, buttonData(ask2))
	}
	f.press(t, resident, no) // a new concern: its draft is previewed
	f.deliver(t)
	if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: resident, UserID: resident, UpdateID: 9003, MessageID: 93, Kind: handlers.TextMessage, Text: "好的"}); err != nil {
		t.Fatal(err)
	}
	if tks, _ := f.db.ResidentTickets(f.ctx, resident, 5); len(tks) != 2 {
		t.Errorf("好的 at the preview: %d tickets, want the light report sent as a second", len(tks))
	}
	for _, o := range f.deliver(t) {
		if o.ChatID == pmChat && strings.Contains(o.Text, "明天上午我在家") {
			t.Errorf("the held answer went to the first ticket on the preview's 好的: %q", o.Text)
		}
	}
}

// Staff wrote about two tickets: an answer is offered to the latest, and to
// the other too, by its own button.
func TestAnAnswerCanGoToEitherTicketStaffWroteAbout(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	lift, light, liftCard, lightCard := f.liftAndLight(t)
	f.staffWrites(t, pmChat, pmMember, 80, liftCard.SentMessageID, "电梯停在几楼？")
	f.staffWrites(t, pmChat, pmMember, 81, lightCard.SentMessageID, "明天派人去换灯")
	f.deliver(t)
	m := f.send(t, handlers.Incoming{UserID: resident, UpdateID: 9101, MessageID: 95, Kind: handlers.TextMessage, Text: "停在7楼"})
	if !strings.Contains(m.Text, light.Number()) {
		t.Fatalf("the offer: %q", m.Text)
	}
	f.press(t, resident, findData(t, m, "r:conv:"+itoa(lift.ID)+":y"))
	if got := residentMessagesOf(t, f, lift.ID); len(got) != 1 || !strings.Contains(got[0], "7楼") {
		t.Errorf("the lift ticket got %q", got)
	}
	if got := residentMessagesOf(t, f, light.ID); len(got) != 0 {
		t.Errorf("the light ticket got %q", got)
	}
}

// A ticket staff wrote about a day ago is no longer offered an answer, even
// while staff keep writing about another one.
func TestAnOldConversationDropsOut(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	lift, light, liftCard, lightCard := f.liftAndLight(t)
	f.staffWrites(t, pmChat, pmMember, 80, liftCard.SentMessageID, "电梯停在几楼？")
	f.now = f.now.Add(25 * time.Hour)
	f.staffWrites(t, pmChat, pmMember, 81, lightCard.SentMessageID, "明天派人去换灯")
	f.deliver(t)
	m := f.send(t, handlers.Incoming{UserID: resident, UpdateID: 9201, MessageID: 96, Kind: handlers.TextMessage, Text: "好的我明天在家"})
	if !strings.Contains(m.Text, light.Number()) || strings.Contains(strings.Join(buttonData(m), " "), "r:conv:"+itoa(lift.ID)) {
		t.Errorf("the offer: %q %v; want the light ticket only", m.Text, buttonData(m))
	}
}

// Offered to two tickets, a typed "不是" asks which, and "#1" or the
// subject picks it.
func TestATypedChoiceAmongSeveralTickets(t *testing.T) {
	t.Parallel()
	for pick, want := range map[string]string{"#1": "lift", "是1号工单的": "lift", "给电梯那个": "lift"} {
		f := newTicketFixture(t, nil)
		lift, light, liftCard, lightCard := f.liftAndLight(t)
		f.staffWrites(t, pmChat, pmMember, 80, liftCard.SentMessageID, "电梯是哪一台？")
		f.staffWrites(t, pmChat, pmMember, 81, lightCard.SentMessageID, "是哪一盏灯？")
		f.deliver(t)
		f.send(t, handlers.Incoming{UserID: resident, UpdateID: 9301, MessageID: 97, Kind: handlers.TextMessage, Text: "靠近车库那边的那个"})
		if got := f.say(t, resident, "不是").Text; !strings.Contains(got, "按钮") {
			t.Errorf("'不是' with two tickets offered: %q", got)
		}
		if tks, _ := f.db.ResidentTickets(f.ctx, resident, 5); len(tks) != 2 {
			t.Errorf("'不是' made a new ticket: %d", len(tks))
		}
		if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: resident, UserID: resident, UpdateID: 9302, MessageID: 98, Kind: handlers.TextMessage, Text: pick}); err != nil {
			t.Fatal(err)
		}
		id, other := lift.ID, light.ID
		if want == "light" {
			id, other = light.ID, lift.ID
		}
		if got := residentMessagesOf(t, f, id); len(got) != 1 || !strings.Contains(got[0], "车库") {
			t.Errorf("%q: the %s ticket got %q", pick, want, got)
		}
		if got := residentMessagesOf(t, f, other); len(got) != 0 {
			t.Errorf("%q: the other ticket got %q", pick, got)
		}
	}
}
