package handlers_test

import (
	"strings"
	"testing"
)

// The desk asks the resident of a ticket escalated to it; the answer,
// typed without Telegram's reply, is offered as one to the desk, and the
// resident is told where it went: both the desk's chat and the party's.
func TestAnAnswerToTheDesksQuestionNamesTheDesk(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	_, id, card, esc := escalatedTicket(t, f)
	f.staffWrites(t, coChat, coMember, 300, esc, "请问是几楼的灯？")
	f.deliver(t)

	offer := f.say(t, resident, "3楼和4楼之间")
	if !strings.Contains(offer.Text, "三方联合办公室") || strings.Contains(offer.Text, "【物业】") {
		t.Fatalf("the answer was offered as %q; want it to name the desk that asked", offer.Text)
	}
	f.press(t, resident, findData(t, offer, "r:conv:"+id+":y"))
	told := f.out.last(t).Text
	if !strings.Contains(told, "三方联合办公室") || !strings.Contains(told, "物业") {
		t.Errorf("the resident was told %q; want both the desk and the property company", told)
	}
	relays := byPurpose(f.deliver(t), "relay")
	chats := map[int64]bool{}
	for _, r := range relays {
		if strings.Contains(r.Text, "3楼和4楼之间") {
			chats[r.ChatID] = true
		}
	}
	if !chats[coChat] || !chats[pmChat] {
		t.Errorf("the answer reached chats %v; want the desk's and the party's (card %d)", chats, card)
	}
}

// The party's own question keeps naming the party, escalated or not.
func TestAnAnswerToThePartysQuestionNamesTheParty(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	_, _, card, _ := escalatedTicket(t, f)
	f.staffWrites(t, pmChat, pmMember, 300, card, "请问是几楼的灯？")
	f.deliver(t)
	offer := f.say(t, resident, "3楼和4楼之间")
	if !strings.Contains(offer.Text, "【物业】") || strings.Contains(offer.Text, "三方联合办公室") {
		t.Errorf("the answer was offered as %q; want it to name the property company", offer.Text)
	}
}
