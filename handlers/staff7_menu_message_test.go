package handlers_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"codesk/handlers"
	"codesk/tickets"
)

// A card menu Telegram will not draw on the card: sent apart only when the
// card can never be edited, and then checked like the card; else the
// member is asked to press again.

var (
	errCannotEdit = errors.New("bad request, Bad Request: message can't be edited")
	errTooMany    = errors.New("too many requests, Too Many Requests: retry after 3")
)

// failEditsOf makes every edit of message msg in chat fail with err.
func failEditsOf(f *ticketFixture, chat int64, msg int, err error) {
	f.out.failEdit = func(c int64, m int) error {
		if c == chat && m == msg {
			return err
		}
		return nil
	}
}

// pressAllowingErr is staffPress for a press the handler may report as
// failed (to be pressed again); its error.
func pressAllowingErr(f *ticketFixture, chat, user int64, msg int, data string) error {
	return f.h.Handle(f.ctx, handlers.Incoming{ChatID: chat, Chat: handlers.GroupChat, UserID: user, UserName: "王师傅",
		Callback: &handlers.Callback{ID: "cb", Data: data, MessageID: msg}})
}

// The card cannot be edited: "Resolve it?" goes as a reply to it. Picked,
// the confirmation resolves the ticket and loses its buttons. Once the
// ticket is reopened (a new card), neither "back" nor the confirmation on
// that old reply does anything but refuse: it never becomes a second card.
func TestAMenuSentApartFromItsCardLivesNoLongerThanTheCard(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	id := itoa(tk.ID)
	failEditsOf(f, pmChat, card.SentMessageID, errCannotEdit)
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:claim:"+id)

	before := f.out.count()
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:askresolve:"+id)
	if f.out.count() != before+1 {
		t.Fatalf("no confirmation sent apart from the card that cannot be edited")
	}
	menu := f.out.last(t)
	menuID := f.out.count() // the recorder's message ids count its sends
	if menu.ReplyTo != card.SentMessageID {
		t.Errorf("the confirmation replies to %d; want the card %d", menu.ReplyTo, card.SentMessageID)
	}
	confirm := findData(t, menu, "s:resolve:"+id)
	f.staffPress(t, pmChat, pmMember, menuID, confirm)
	if got := f.ticket(t, tk.ID); got.Status != tickets.StatusResolved {
		t.Fatalf("the confirmation sent apart did not resolve: %+v", got)
	}
	if e, ok := f.out.lastEditOf(pmChat, menuID); !ok || len(e.buttons) != 0 {
		t.Errorf("the used confirmation keeps its buttons: %+v", e)
	}

	f.deliver(t)
	f.press(t, resident, "r:reopen:"+id)
	onlyOne(t, byPurpose(f.deliver(t), "card"), "the reopened ticket's card")
	for _, press := range []string{"s:back:" + id, confirm} {
		f.staffPress(t, pmChat, pmMember, menuID, press)
		if got := f.ticket(t, tk.ID); got.Status != tickets.StatusReopened {
			t.Fatalf("%q on the old confirmation: %+v", press, got)
		}
		if n := f.lastNotice(); !strings.Contains(n, "旧卡片") {
			t.Errorf("%q on the old confirmation was told %q; want the older-card notice", press, n)
		}
		if e, ok := f.out.lastEditOf(pmChat, menuID); !ok || len(e.buttons) != 0 {
			t.Errorf("%q turned the old confirmation into a card: %+v", press, e)
		}
	}
}

// "Back" on a menu sent apart closes it; the card is the one to act on.
func TestBackOnAMenuSentApartClosesIt(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	id := itoa(tk.ID)
	failEditsOf(f, pmChat, card.SentMessageID, errCannotEdit)
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:reassign:"+id)
	menuID := f.out.count()
	findData(t, f.out.last(t), "s:to:"+id+":oc")
	f.staffPress(t, pmChat, pmMember, menuID, "s:back:"+id)
	e, ok := f.out.lastEditOf(pmChat, menuID)
	if !ok || len(e.buttons) != 0 {
		t.Fatalf("back on the menu sent apart: %+v; want it without buttons", e)
	}
	if strings.Contains(e.text, "📋") {
		t.Errorf("back turned the menu sent apart into a card: %q", e.text)
	}
	if got := f.ticket(t, tk.ID); got.Status != tickets.StatusNew || got.Party != tk.Party {
		t.Errorf("back changed the ticket: %+v", got)
	}
}

// An edit refused for now (429) sends no menu apart: the member is asked
// to press again, and the next press opens the menu on the card.
func TestAMenuTheCardCannotShowForNowIsPressedAgain(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	id := itoa(tk.ID)
	failEditsOf(f, pmChat, card.SentMessageID, errTooMany)
	before := f.out.count()
	if err := pressAllowingErr(f, pmChat, pmMember, card.SentMessageID, "s:askresolve:"+id); err == nil {
		t.Error("a menu Telegram refused for now was reported as opened")
	}
	if f.out.count() != before {
		t.Errorf("a menu was sent apart from a card that can be edited later: %+v", f.out.last(t))
	}
	if n := f.lastNotice(); !strings.Contains(n, "请稍后再试") {
		t.Errorf("the member was told %q; want to try again", n)
	}

	f.out.failEdit = nil
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:askresolve:"+id)
	if e := f.out.lastEdit(t); e.msg != card.SentMessageID || !strings.Contains(e.text, "确认工单") {
		t.Errorf("the second press: %+v; want the confirmation on the card", e)
	}
}

// failingCardLookups is the store with the look-up of a ticket's latest
// message of one purpose failing, as a database that went away does.
type failingCardLookups struct {
	handlers.TicketStore
	purpose string
}

func (s failingCardLookups) TicketMessage(ctx context.Context, id int64, purpose string) (int64, int, error) {
	if purpose == s.purpose {
		return 0, 0, errors.New("database is closed")
	}
	return s.TicketStore.TicketMessage(ctx, id, purpose)
}

// A database error while checking the pressed card is a failure to say so,
// not an "older card".
func TestADatabaseErrorOnAPressIsNoOlderCard(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	ticketID, id, _, esc := escalatedTicket(t, f)
	deps := f.h.Deps
	deps.Tickets = failingCardLookups{TicketStore: f.db, purpose: "escalation"}
	f.h = handlers.New(deps)
	if err := pressAllowingErr(f, coChat, coMember, esc, "s:claim:"+id); err == nil {
		t.Error("the failed check was not reported")
	}
	n := f.lastNotice()
	if strings.Contains(n, "旧卡片") || !strings.Contains(n, "出了点问题") {
		t.Errorf("the member was told %q; want the general failure", n)
	}
	if got := f.ticket(t, ticketID); got.Status != tickets.StatusNew {
		t.Errorf("the press acted despite the failed check: %+v", got)
	}
}
