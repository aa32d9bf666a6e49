package handlers_test

import (
	"strings"
	"testing"
	"time"

	"codesk/handlers"
	"codesk/tickets"
)

// A resident takes back a report that needs no more work: typed, they are
// offered the button; pressed, the ticket is resolved by them, staff hear
// under the card and its buttons go; it can be reopened.
func TestAResidentWithdrawsAReport(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼1单元楼道灯坏了")
	offer := f.say(t, resident, "不用修了，灯自己好了，撤销工单吧")
	data := findData(t, offer, "r:withdraw:")
	if tks, _ := f.db.ResidentTickets(f.ctx, resident, 5); len(tks) != 1 || tks[0].Status != tickets.StatusNew {
		t.Fatalf("typed words withdrew the ticket or filed another: %+v", tks)
	}
	f.press(t, resident, data)
	got := f.ticket(t, tk.ID)
	if got.Status != tickets.StatusClosed || got.Rating != 0 || !got.CanReopen(f.now) {
		t.Fatalf("status %s after withdrawing (%q; last %q; logs %s)", got.Status, data, f.out.last(t).Text, f.logs.String())
	}
	if !strings.Contains(f.out.last(t).Text, "已撤销") {
		t.Errorf("the resident is not told: %q", f.out.last(t).Text)
	}
	notes := f.deliver(t)
	onlyOne(t, notes, "staff note")
	if notes[0].ChatID != pmChat || notes[0].ReplyTo != card.SentMessageID || !strings.Contains(notes[0].Text, "撤销") {
		t.Errorf("staff note: %+v", notes[0])
	}
	if e := f.out.lastEdit(t); e.chat != pmChat || e.msg != card.SentMessageID || len(e.buttons) != 0 {
		t.Errorf("the card is not redrawn without buttons: %+v", e)
	}
	// pressed again (a redelivered update): nothing more
	f.press(t, resident, data)
	if n := len(f.deliver(t)); n != 0 {
		t.Errorf("a second press sent %d messages", n)
	}
	// another resident cannot withdraw it
	g := newTicketFixture(t, nil)
	tk2, _ := g.fileTicket(t, resident, "3号楼1单元楼道灯坏了")
	g.pressIn(t, neighbour, neighbour, handlers.PrivateChat, 0, "r:withdraw:"+itoa(tk2.ID))
	if g.ticket(t, tk2.ID).Status != tickets.StatusNew {
		t.Errorf("another resident withdrew the ticket")
	}
}

// /cancel with nothing being written says so, rather than "cancelled, not
// sent" after a report was sent.
func TestCancelWithNothingBeingWritten(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	f.fileTicket(t, resident, "3号楼1单元楼道灯坏了")
	got := f.say(t, resident, "/cancel").Text
	if strings.Contains(got, "没有发送") || !strings.Contains(got, "撤销工单") {
		t.Errorf("/cancel after sending: %q", got)
	}
}

// With several open tickets, the one named by number is the one offered.
func TestWithdrawingByNumberOffersThatTicket(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	first, _ := f.fileTicket(t, resident, "5号楼的电梯按钮坏了，按了没反应")
	f.fileTicket(t, resident, "3号楼1单元楼道灯坏了")
	for _, text := range []string{"cancel ticket 1", "cancel ticket #1", "withdraw ticket 1", "please close ticket no. 1", "撤销工单#1", "撤销1号工单"} {
		m := f.say(t, resident, text)
		if got := findData(t, m, "r:withdraw:"); got != "r:withdraw:"+itoa(first.ID) {
			t.Errorf("%q offers %s, want ticket %d", text, got, first.ID)
		}
	}
}

// Asked in words to reopen, the resident gets the ticket with its reopen
// button: the one named by number, else by what it is about.
func TestAReopenAskedInWordsShowsTheTicketToReopen(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]string{"reopen #1": "lift", "please reopen ticket 1": "lift", "重新打开1号工单": "lift", "reopen my lift ticket": "lift", "please reopen it": "light"} {
		f := newTicketFixture(t, nil)
		lift, light, liftCard, lightCard := f.liftAndLight(t)
		f.staffPress(t, pmChat, pmMember, liftCard.SentMessageID, "s:resolve:"+itoa(lift.ID))
		f.now = f.now.Add(time.Minute)
		f.staffPress(t, pmChat, pmMember, lightCard.SentMessageID, "s:resolve:"+itoa(light.ID))
		f.deliver(t)
		id := lift.ID
		if want == "light" {
			id = light.ID
		}
		if got := findData(t, f.say(t, resident, text), "r:reopen:"); got != "r:reopen:"+itoa(id) {
			t.Errorf("%q offers %s, want the %s ticket", text, got, want)
		}
	}
}

// With two reports open and words that name neither ("不用修了 我自己弄好了"),
// the resident picks which to withdraw; words that name one get that one.
func TestAWithdrawalNamingNoTicketAsksWhich(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	lift, light, _, _ := f.liftAndLight(t)
	m := f.say(t, resident, "不用修了 我自己弄好了")
	data := buttonData(m)
	if len(data) != 2 || data[0] != "r:withdraw:"+itoa(light.ID) || data[1] != "r:withdraw:"+itoa(lift.ID) {
		t.Errorf("want both tickets to choose from, newest first: %q %v", m.Text, data)
	}
	if got := findData(t, f.say(t, resident, "楼道灯不用修了，已经亮了"), "r:withdraw:"); got != "r:withdraw:"+itoa(light.ID) {
		t.Errorf("the light named: %s", got)
	}
}

// English withdrawals in everyday words offer the withdraw button.
func TestAnEnglishWithdrawalInEverydayWords(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"nvm its working again, cancel pls", "its fixed now, you can close it", "no need for anyone to come, it works"} {
		f := newTicketFixture(t, nil)
		f.fileTicket(t, resident, "hallway light out in bldg 8")
		f.deliver(t)
		m := f.say(t, resident, text)
		if !strings.Contains(strings.Join(buttonData(m), " "), "r:withdraw:") {
			t.Errorf("%q: %q %v", text, m.Text, buttonData(m))
		}
	}
	// "close it" of a door or a gate is a report, no withdrawal
	for _, text := range []string{"the bike shed gate is left open all night, someone should close it", "the fire door on floor 3 keeps banging, please close it",
		"no need for anyone to come, it's an emergency, send someone now!!", "the bike shed gate isn't working, someone has to close it by hand every night"} {
		f := newTicketFixture(t, nil)
		f.fileTicket(t, resident, "hallway light out in bldg 8")
		f.deliver(t)
		if m := f.say(t, resident, text); strings.Contains(strings.Join(buttonData(m), " "), "r:withdraw:") {
			t.Errorf("%q offers a withdrawal: %q", text, m.Text)
		}
	}
}
