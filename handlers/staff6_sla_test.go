package handlers_test

import (
	"strings"
	"testing"
	"time"
)

// The first check after downtime finds a ticket past both delays: the
// party's chat gets one line saying it was escalated, not a separate
// "unclaimed for 8 h" reminder; the desk gets its card.
func TestALateFirstCheckEscalatesWithOneLineForTheParty(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	filed := f.now
	_, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	f.now = filed.Add(8*time.Hour + time.Minute)
	f.checkSLA(t, 1, 1)
	out := f.deliver(t)
	var party []string
	for _, m := range out {
		if m.ChatID == pmChat {
			party = append(party, m.Text)
		}
	}
	if len(party) != 1 || !strings.Contains(party[0], "已升级至三方联合办公室") {
		t.Errorf("the party's chat got %q; want one line saying it was escalated", party)
	}
	if r := onlyOne(t, byPurpose(out, "reminder"), "the party's line"); r.ReplyTo != card.SentMessageID {
		t.Errorf("the party's line is not under the card: %+v", r)
	}
	onlyOne(t, byPurpose(out, "escalation"), "the desk's escalation card")
}

// The same for a ticket of the desk's own: one line under its card, the
// escalation, and no 2-hour reminder beside it.
func TestALateFirstCheckOfADeskTicketPostsOnlyTheEscalation(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	filed := f.now
	id := f.moveDraft(t, f.say(t, resident, "楼里最近总有陌生人发小广告，3号楼"), "co")
	f.press(t, resident, "c:send:"+id)
	card := onlyOne(t, byPurpose(f.deliver(t), "card"), "the desk's card")
	f.now = filed.Add(9 * time.Hour)
	f.checkSLA(t, 0, 1)
	out := f.deliver(t)
	var under []string
	for _, m := range out {
		if m.ChatID == coChat && m.ReplyTo == card.SentMessageID {
			under = append(under, m.Text)
		}
	}
	if len(under) != 1 || !strings.Contains(under[0], "🚨") {
		t.Errorf("under the desk's card: %q; want only the escalation line", under)
	}
}
