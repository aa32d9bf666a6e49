package handlers_test

import (
	"slices"
	"strings"
	"testing"

	"codesk/tickets"
)

// "//" under a card marks a remark for colleagues, like "#内部": it is kept
// as a staff note, not taken for a command nor relayed.
func TestASlashSlashRemarkUnderACardIsAStaffNote(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"// 这个应该归业委会管", "//业委会的活"} {
		t.Run(text, func(t *testing.T) {
			t.Parallel()
			f := newTicketFixture(t, nil)
			tk, card := f.fileTicket(t, resident, "3号楼2单元楼道灯坏了")
			told, got := staffReplyUnder(t, f, 9001, card.SentMessageID, text)
			if len(got) != 0 || len(told) != 0 {
				t.Errorf("the remark: told %q, %d to the resident; want neither", texts(told), len(got))
			}
			evs, err := f.db.TicketEvents(f.ctx, tk.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.ContainsFunc(evs, func(e tickets.Event) bool {
				return e.Kind == tickets.EventStaffNote && strings.Contains(e.Text, "业委会") && !strings.HasPrefix(e.Text, "/")
			}) {
				t.Errorf("no staff note kept from %q: %+v", text, evs)
			}
		})
	}
}

// A card retired by a move keeps no hint to reply under it: a reply there
// is not relayed.
func TestARetiredCardHasNoReplyHint(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元楼道灯坏了")
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:to:"+itoa(tk.ID)+":oc")
	f.deliver(t)
	e, ok := f.out.lastEditOf(pmChat, card.SentMessageID)
	if !ok || !strings.Contains(e.text, "已转派给【业委会】") {
		t.Fatalf("the moved card reads %q (edited %v)", e.text, ok)
	}
	if strings.Contains(e.text, "回复本消息即可答复居民") {
		t.Errorf("the retired card still says to reply under it:\n%s", e.text)
	}
}
