package handlers_test

// Regressions found by a review of the staff-side changes: each failed
// before its fix.

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"codesk/handlers"
	"codesk/parties"
	"codesk/tickets"
)

// racingMessenger runs onEdit before the first edit completes: the outbox
// worker (woken by the commit) delivering while editCard talks to Telegram.
type racingMessenger struct {
	*ticketMessenger
	onEdit func()
}

func (m *racingMessenger) Edit(ctx context.Context, chat int64, msg int, text string, b [][]handlers.Button) error {
	if m.onEdit != nil {
		f := m.onEdit
		m.onEdit = nil
		f()
	}
	return m.ticketMessenger.Edit(ctx, chat, msg, text, b)
}

// The new party's card, delivered while the pressed card is being edited,
// is not among the cards the move retires.
func TestAMoveLeavesTheNewPartysCardLiveWhenItIsDeliveredDuringTheRedraw(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	router, _ := tickets.NewRouter(tickets.DefaultRules())
	rm := &racingMessenger{ticketMessenger: f.out}
	f.h = handlers.New(handlers.Deps{
		Messenger: rm, FAQ: testFAQ, Residents: f.db, Questions: f.db, State: f.state,
		BotUsername: "codesk_bot", Now: func() time.Time { return f.now },
		IsAdmin: func(id int64) bool { return id == admin },
		Log:     slog.New(slog.NewTextHandler(f.logs, nil)),
		Tickets: f.db, Router: router,
		Parties: staffConfig{chats: map[parties.ID]int64{
			parties.PropertyManagement: pmChat, parties.OwnersCommittee: ocChat,
			parties.NeighborhoodCommittee: ncChat, parties.CoOffice: coChat,
		}, staff: map[int64][]parties.ID{pmConfigured: {parties.PropertyManagement}}},
		Membership: fakeMembership{pmChat: {pmMember}, ocChat: {ocMember}, ncChat: {ncMember}, coChat: {coMember}},
	})
	tk, card := f.fileTicket(t, resident, "5号楼门口的共享单车堆满了人行道，走不过去")
	var delivered []int
	rm.onEdit = func() {
		for _, m := range byPurpose(f.deliver(t), "card") {
			delivered = append(delivered, m.SentMessageID)
		}
	}
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:to:"+itoa(tk.ID)+":oc")
	if len(delivered) != 1 {
		t.Fatalf("new cards delivered during the edit: %v", delivered)
	}
	if e, ok := f.out.lastEditOf(ocChat, delivered[0]); ok {
		t.Errorf("the owners' committee's NEW card was retired: %q buttons=%v", e.text, e.buttons)
	}
}

// A typed "是的" answers the offer to add a message to an open report, with
// no staff conversation going on.
func TestATypedYesAnswersTheOfferToAddToAReport(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	lift, _ := f.fileTicket(t, resident, "5号楼的电梯按钮坏了，按了没反应")
	m := f.say(t, resident, "补充一下：电梯是2号梯，3楼的按钮")
	if !strings.Contains(m.Text, lift.Number()) {
		t.Fatalf("no offer: %q", m.Text)
	}
	reply := f.say(t, resident, "是的")
	if got := residentMessagesOf(t, f, lift.ID); len(got) != 1 || !strings.Contains(got[0], "2号梯") {
		t.Errorf("typed 是的 after the addition offer: ticket got %q; bot said %q", got, reply.Text)
	}
}

// With the ticket resolved (nothing open), a dispute naming "my report"
// gets the ticket with its reopen button, not the ticket list.
func TestADisputeNamingMyReportGetsTheReopenNotTheList(t *testing.T) {
	t.Parallel()
	for _, dispute := range []string{"我报的楼道灯还是不亮，什么时候来修？", "my report: the stairwell light is still broken, when will you fix it?"} {
		f := newTicketFixture(t, nil)
		tk, _ := f.fileResolved(t, "3号楼2单元楼道灯坏了")
		f.deliver(t)
		m := f.say(t, resident, dispute)
		t.Logf("%q -> %q %v", dispute, m.Text, buttonData(m))
		if !hasData(m, "r:reopen:"+itoa(tk.ID)) {
			t.Errorf("%q: no reopen button: %q %v", dispute, m.Text, buttonData(m))
		}
	}
}

// An emergency naming an earlier report, with nothing open, is drafted to
// reach staff, not answered with the (empty) ticket list.
func TestAnEmergencyNamingAnEarlierReportIsDrafted(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"我上次报的煤气味又有了，很大的燃气味，什么时候来人？", "我报的楼道着火了，什么时候来人"} {
		f := newTicketFixture(t, nil)
		m := f.say(t, resident, text)
		t.Logf("%q -> %q %v", text, m.Text, buttonData(m))
		if !strings.Contains(strings.Join(buttonData(m), " "), "c:") {
			t.Errorf("%q: no intake/draft: %q", text, m.Text)
		}
	}
}

// An escalation of an earlier cycle (before the ticket was resolved and
// reopened) no longer sends the resident's answers to the desk.
func TestAReopenedTicketRelaysToItsPartyNotTheDeskOfAnEarlierEscalation(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	ticketID, id, card, _ := escalatedTicket(t, f)
	f.staffPress(t, pmChat, pmMember, card, "s:claim:"+id)
	f.staffPress(t, pmChat, pmMember, card, "s:resolve:"+id)
	f.staffPress(t, pmChat, pmMember, card, "s:resolve:"+id) // confirm
	f.deliver(t)
	if tk := f.ticket(t, ticketID); tk.Status != "resolved" {
		t.Fatalf("status %s", tk.Status)
	}
	f.press(t, resident, "r:reopen:"+id)
	f.deliver(t)
	f.say(t, resident, "灯还是不亮，今天晚上还是黑的")
	for _, m := range f.deliver(t) {
		if m.ChatID == coChat {
			t.Errorf("desk got %q (purpose %s, reply to %d) for a reopened ticket escalated in an earlier cycle", m.Text, m.Purpose, m.ReplyTo)
		}
	}
}

// A staff statement ("the plumber comes tomorrow") asks nothing: the
// answer to the draft's own question stays the draft's.
func TestAStaffStatementDoesNotTakeTheAnswerToTheDraftsQuestion(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	lift, card := f.fileTicket(t, resident, "5号楼的电梯按钮坏了，按了没反应")
	f.say(t, resident, "门口的垃圾桶满了三天没人清理，臭死了") // the draft asks where
	staffAsksOnCard(t, f, card, 77, "好的，师傅明天上午来修")
	m := f.say(t, resident, "3号楼1单元门口")
	if strings.Contains(m.Text, lift.Number()) {
		t.Errorf("after a staff statement, the answer to the draft's question was offered to %s: %q", lift.Number(), m.Text)
	}
}
