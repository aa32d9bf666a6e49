package handlers_test

import (
	"strings"
	"testing"

	"codesk/handlers"
	"codesk/tickets"
)

// pressAs is a press by user, called name, on message msg in a staff chat.
func pressAs(t *testing.T, f *ticketFixture, chat, user int64, name string, msg int, data string) {
	t.Helper()
	in := handlers.Incoming{ChatID: chat, Chat: handlers.GroupChat, UserID: user, UserName: name,
		Callback: &handlers.Callback{ID: "cb", Data: data, MessageID: msg}}
	if err := f.h.Handle(f.ctx, in); err != nil {
		t.Fatalf("press %q: %v", data, err)
	}
}

// A colleague may resolve a ticket another member claimed: the card then
// names both, the history records who resolved it, and the claimer, who
// may still be arranging a visit, is told in the chat (an edit of a card
// far up notifies no one).
func TestAResolveByAColleagueNamesTheResolverAndTellsTheClaimer(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元楼道灯坏了")
	id := itoa(tk.ID)
	pressAs(t, f, pmChat, pmMember, "王师傅", card.SentMessageID, "s:claim:"+id)
	f.deliver(t)
	pressAs(t, f, pmChat, pmConfigured, "李姐", card.SentMessageID, "s:resolve:"+id)

	e := f.out.lastEdit(t)
	if e.chat != pmChat || e.msg != card.SentMessageID || !strings.Contains(e.text, "受理人 Assignee：王师傅") ||
		!strings.Contains(e.text, "由 李姐 标记解决") {
		t.Errorf("the resolved card reads:\n%s\nwant the claimer and who resolved it", e.text)
	}
	evs, err := f.db.TicketEvents(f.ctx, tk.ID)
	if err != nil {
		t.Fatal(err)
	}
	var resolver tickets.Event
	for _, ev := range evs {
		if ev.Kind == tickets.EventStatus && ev.ToStatus == tickets.StatusResolved {
			resolver = ev
		}
	}
	if resolver.ActorID != pmConfigured || resolver.Actor != "李姐" {
		t.Errorf("the resolve's event: %+v; want 李姐 (%d)", resolver, pmConfigured)
	}
	notices := byPurpose(f.deliver(t), "notice")
	n := onlyOne(t, notices, "the notice to the claimer")
	if n.ChatID != pmChat || n.ReplyTo != card.SentMessageID || !strings.Contains(n.Text, "李姐") || !strings.Contains(n.Text, "王师傅") {
		t.Errorf("the claimer's notice: %+v", n)
	}
}

// The claimer resolving their own ticket is no news to anyone.
func TestAResolveByTheClaimerPostsNoNotice(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元楼道灯坏了")
	id := itoa(tk.ID)
	pressAs(t, f, pmChat, pmMember, "王师傅", card.SentMessageID, "s:claim:"+id)
	pressAs(t, f, pmChat, pmMember, "王师傅", card.SentMessageID, "s:resolve:"+id)
	if n := byPurpose(f.deliver(t), "notice"); len(n) != 0 {
		t.Errorf("a notice for the claimer's own resolve: %q", n[0].Text)
	}
	if e := f.out.lastEdit(t); !strings.Contains(e.text, "由 王师傅 标记解决") {
		t.Errorf("the resolved card reads:\n%s", e.text)
	}
}
