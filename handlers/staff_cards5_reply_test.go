package handlers_test

import (
	"strings"
	"testing"
)

// The desk answers the resident from its escalation card: that card and
// the party's show the ticket taken up (no claim left), and a question
// then shows both waiting for the resident, as a reply on the party's
// card does.
func TestTheDesksReplyFromTheEscalationCardShowsOnEveryCard(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	_, id, card, esc := escalatedTicket(t, f)
	f.staffWrites(t, coChat, coMember, 900, esc, "已联系电梯维保，今天下午来修")
	for _, c := range []struct {
		chat int64
		msg  int
	}{{coChat, esc}, {pmChat, card}} {
		e, ok := f.out.lastEditOf(c.chat, c.msg)
		if !ok || !strings.Contains(e.text, "处理中") || hasButton(e, "s:claim:"+id) || !hasButton(e, "s:askresolve:"+id) {
			t.Errorf("card %d in %d after the desk's reply: %+v (edited %v); want in progress, no claim", c.msg, c.chat, e, ok)
		}
	}
	f.deliver(t)
	f.staffWrites(t, coChat, coMember, 901, esc, "请问您几点在家？")
	for _, c := range []struct {
		chat int64
		msg  int
	}{{coChat, esc}, {pmChat, card}} {
		if e, _ := f.out.lastEditOf(c.chat, c.msg); !strings.Contains(e.text, "等待居民回复") {
			t.Errorf("card %d in %d after the desk's question: %q; want waiting for the resident", c.msg, c.chat, e.text)
		}
	}
}
