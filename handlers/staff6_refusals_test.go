package handlers_test

import (
	"strings"
	"testing"
)

// A second claim is answered in plain words, both languages, naming who
// has the ticket: not the status machine's "not allowed in status".
func TestASecondClaimIsToldWhoClaimedIt(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:claim:"+itoa(tk.ID))
	f.staffPress(t, pmChat, pmConfigured, card.SentMessageID, "s:claim:"+itoa(tk.ID))
	n := f.lastNotice()
	for _, want := range []string{"工单 #1 已由 王师傅 认领", "Ticket #1 was already claimed by 王师傅"} {
		if !strings.Contains(n, want) {
			t.Errorf("second claim notice %q lacks %q", n, want)
		}
	}
	for _, jargon := range []string{"不允许", "Not allowed", "handled by"} {
		if strings.Contains(n, jargon) {
			t.Errorf("second claim notice %q still says %q", n, jargon)
		}
	}
}
