package handlers_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"codesk/handlers"
	"codesk/storage"
	"codesk/tickets"
)

// undeliverable plays the outbox giving up on the resident's due messages
// (they blocked the bot): each is marked failed and reported to the handler,
// as outbox.Worker does. It returns how many it gave up on.
func (f *ticketFixture) undeliverable(t *testing.T, residentID int64) int {
	t.Helper()
	due, err := f.db.DueOutbox(f.ctx, f.now, 1000)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, m := range due {
		if m.ChatID != residentID {
			continue
		}
		if err := f.db.MarkOutboxFailed(f.ctx, m.ID, "forbidden: bot was blocked by the user"); err != nil {
			t.Fatal(err)
		}
		if err := f.h.ResidentUnreachable(f.ctx, m, fmt.Errorf("%w: %w: forbidden: bot was blocked by the user", handlers.ErrUndeliverable, handlers.ErrRecipientGone)); err != nil {
			t.Fatal(err)
		}
		n++
	}
	return n
}

// Staff are told "✅ 已转给居民" when their reply is queued; when it can
// never arrive, the ticket's chat hears so under the card, once a day, and
// nothing staff write under that note is taken for a reply to the resident.
func TestStaffHearWhenTheResidentCannotBeReached(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "9号楼3单元水管漏水，楼道里全是水")

	f.staffWrites(t, pmChat, pmMember, 70, card.SentMessageID, "师傅下午两点到，请家里留人")
	if n := f.undeliverable(t, resident); n != 1 {
		t.Fatalf("expected the relayed reply to fail, failed %d", n)
	}
	notes := f.deliver(t)
	onlyOne(t, notes, "unreachable note")
	note := notes[0]
	if note.ChatID != pmChat || note.ReplyTo != card.SentMessageID ||
		!strings.Contains(note.Text, "无法送达") || !strings.Contains(note.Text, tk.Number()) {
		t.Errorf("the party chat is not told under the card: %+v", note)
	}

	// the resident stays unreachable: staff replying now are warned at once,
	// and later failures the same day add no note
	f.staffWrites(t, pmChat, pmMember, 71, card.SentMessageID, "请问家里什么时候有人？")
	if got := f.out.last(t); got.ReplyTo != 71 || !strings.Contains(got.Text, "收不到") || strings.Contains(got.Text, "✅") {
		t.Errorf("a reply to an unreachable resident is confirmed as sent: %+v", got)
	}
	f.undeliverable(t, resident)
	if got := f.deliver(t); len(got) != 0 {
		t.Errorf("a second note the same day: %+v", got)
	}
	evs, err := f.db.TicketEvents(f.ctx, tk.ID)
	if err != nil {
		t.Fatal(err)
	}
	undelivered := 0
	for _, e := range evs {
		if e.Kind == tickets.EventUndelivered {
			undelivered++
		}
	}
	if undelivered != 2 {
		t.Errorf("the ticket's history records each message that could not go: %d", undelivered)
	}

	// a reply to the note is not relayed: it could not arrive either
	f.staffWrites(t, pmChat, pmMember, 72, note.SentMessageID, "好的我打电话给他")
	if got := residentMessages(f.deliver(t), resident); len(got) != 0 {
		t.Errorf("a reply to the note went to the resident: %+v", got)
	}

	// the resident writes again (they unblocked the bot): replies are
	// confirmed as before
	f.say(t, resident, "你好")
	f.staffWrites(t, pmChat, pmMember, 74, card.SentMessageID, "师傅明天到")
	if got := f.out.last(t); !strings.Contains(got.Text, "✅ 已转给居民") {
		t.Errorf("after the resident wrote again: %q", got.Text)
	}
	f.deliver(t)

	// the next day, it is news again
	f.now = f.now.Add(24 * time.Hour)
	f.staffWrites(t, pmChat, pmMember, 73, card.SentMessageID, "今天再联系一次")
	f.undeliverable(t, resident)
	onlyOne(t, f.deliver(t), "next day's note")
}

// A failed message that is not a ticket's (an FAQ answer) tells nobody.
func TestAFailedMessageOfNoTicketTellsNoStaff(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	if err := f.h.ResidentUnreachable(f.ctx, storage.OutboxMessage{ChatID: resident, Purpose: "resident"}, handlers.ErrRecipientGone); err != nil {
		t.Fatal(err)
	}
	if got := f.deliver(t); len(got) != 0 {
		t.Errorf("a note without a ticket: %+v", got)
	}
}

// A ticket escalated to the desk: the desk may be the one that replied, so
// it hears too.
func TestTheDeskHearsOfAnUnreachableResidentOnAnEscalatedTicket(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, _ := f.fileTicket(t, resident, "9号楼3单元水管漏水，楼道里全是水")
	f.now = f.now.Add(48 * time.Hour)
	f.checkSLA(t, 1, 1)
	var escalation storage.OutboxMessage
	for _, m := range f.deliver(t) {
		if m.Purpose == "escalation" {
			escalation = m
		}
	}
	if escalation.ChatID != coChat {
		t.Fatalf("no escalation card in the desk's chat")
	}
	f.staffWrites(t, coChat, coMember, 75, escalation.SentMessageID, "我们催一下物业")
	f.undeliverable(t, resident)
	chats := map[int64]int{}
	for _, m := range f.deliver(t) {
		if strings.Contains(m.Text, "无法送达") && strings.Contains(m.Text, tk.Number()) {
			chats[m.ChatID]++
			if m.ChatID == coChat && m.ReplyTo != escalation.SentMessageID {
				t.Errorf("the desk's note is not under its escalation card: %+v", m)
			}
		}
	}
	if chats[pmChat] != 1 || chats[coChat] != 1 {
		t.Errorf("notes per chat %v; want one for property management and one for the desk", chats)
	}
}

// One message Telegram refuses (a bad photo id) is no resident gone: staff
// hear that it failed, and their next reply is confirmed as usual.
func TestARefusedMessageIsNoUnreachableResident(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	_, card := f.fileTicket(t, resident, "9号楼3单元水管漏水，楼道里全是水")
	f.staffWrites(t, pmChat, pmMember, 70, card.SentMessageID, "师傅下午两点到")
	due, err := f.db.DueOutbox(f.ctx, f.now, 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range due {
		if m.ChatID == resident {
			if err := f.db.MarkOutboxFailed(f.ctx, m.ID, "bad request"); err != nil {
				t.Fatal(err)
			}
			if err := f.h.ResidentUnreachable(f.ctx, m, fmt.Errorf("%w: bad request: wrong file identifier", handlers.ErrUndeliverable)); err != nil {
				t.Fatal(err)
			}
		}
	}
	notes := f.deliver(t)
	onlyOne(t, notes, "refused note")
	if !strings.Contains(notes[0].Text, "拒收") || strings.Contains(notes[0].Text, "屏蔽") {
		t.Errorf("the note: %q", notes[0].Text)
	}
	f.staffWrites(t, pmChat, pmMember, 71, card.SentMessageID, "改成三点到")
	if got := f.out.last(t).Text; !strings.Contains(got, "✅ 已转给居民") {
		t.Errorf("the next reply after a refused message: %q", got)
	}
}
