package handlers_test

import (
	"strings"
	"testing"

	"codesk/tickets"
)

// A reply under a message of an earlier round (before the ticket was
// resolved and reopened) stays among staff; a move is no new round.

// resolvedAndReopened: pmMember answers under the card, the ticket is
// resolved and the resident reopens it. It returns the ticket, the member's
// reply's message id (100), the "✅ sent" confirmation's and the reopened
// card's.
func resolvedAndReopened(t *testing.T, f *ticketFixture) (tk tickets.Ticket, own, confirm, reopened int) {
	t.Helper()
	tk, card := f.fileTicket(t, resident, "3号楼2单元楼道灯坏了")
	id := itoa(tk.ID)
	told, got := staffReplyUnder(t, f, 100, card.SentMessageID, "师傅下午去换灯泡")
	if len(got) != 1 || len(told) != 1 {
		t.Fatalf("the first reply: told %q, %d to the resident", texts(told), len(got))
	}
	confirm = f.out.count() // the recorder numbers its sends 1, 2, ...
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:resolve:"+id)
	f.deliver(t)
	f.press(t, resident, "r:reopen:"+id)
	reopened = onlyOne(t, byPurpose(f.deliver(t), "card"), "the reopened card").SentMessageID
	if got := f.ticket(t, tk.ID); got.Status != tickets.StatusReopened {
		t.Fatalf("after the reopen: %+v", got)
	}
	return tk, 100, confirm, reopened
}

func TestAReplyUnderOwnMessageOfTheLastRoundStaysAmongStaff(t *testing.T) {
	t.Parallel()
	for _, under := range []string{"own message", "confirmation"} {
		t.Run(under, func(t *testing.T) {
			t.Parallel()
			f := newTicketFixture(t, nil)
			tk, own, confirm, _ := resolvedAndReopened(t, f)
			replyTo := own
			if under == "confirmation" {
				replyTo = confirm
			}
			told, got := staffReplyUnder(t, f, 101, replyTo, "#1 上次是老张去的，说换好了")
			keptAmongStaff(t, "a reply under the "+under+" of the last round", told, got, 101)
			if len(told) == 1 && !strings.Contains(told[0].Text, "此前的消息") {
				t.Errorf("the member was told %q; want the earlier-message pointer", told[0].Text)
			}
			if got := f.ticket(t, tk.ID); got.Status != tickets.StatusReopened || got.AssigneeID != 0 {
				t.Errorf("the reply took up the reopened ticket: %+v", got)
			}
		})
	}
}

// In the current round the member still goes on under their own message.
func TestAReplyUnderOwnMessageOfThisRoundReachesTheResident(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	_, own, _, reopened := resolvedAndReopened(t, f)
	if _, got := staffReplyUnder(t, f, 200, reopened, "这次换个师傅去"); len(got) != 1 {
		t.Fatalf("a reply under the reopened card reached the resident %d times", len(got))
	}
	if _, got := staffReplyUnder(t, f, 201, 200, "下午三点到"); len(got) != 1 {
		t.Errorf("a reply under own message of this round reached the resident %d times; want once", len(got))
	}
	if _, got := staffReplyUnder(t, f, 202, own, "下午三点到"); len(got) != 0 {
		t.Errorf("a reply under own message of the last round still reached the resident")
	}
}

// The desk asks under its escalation card, the resident answers, and the
// desk takes the ticket on itself: the resident's answer is still this
// round's, and a reply under it reaches them.
func TestAReplyUnderTheResidentsWordsBeforeAMoveReachesThem(t *testing.T) {
	t.Parallel()
	// where the round began is kept with the tickets, not in shared state:
	// a restart without Redis between the move and the reply changes nothing
	for _, restart := range []bool{false, true} {
		f := newTicketFixture(t, nil)
		ticketID, id, _, esc := escalatedTicket(t, f)
		before := f.out.count()
		f.staffWrites(t, coChat, coMember, 300, esc, "请问是几楼的灯？")
		if told := f.out.sentSince(before); len(told) != 1 || !strings.Contains(told[0].Text, "已转给居民") {
			t.Fatalf("the desk's question: told %q", texts(told))
		}
		f.deliver(t)
		f.press(t, resident, "r:add:"+id)
		f.say(t, resident, "3楼，另外楼梯扶手也松了")
		var answer int
		for _, m := range byPurpose(f.deliver(t), "relay") {
			if m.ChatID == coChat {
				answer = m.SentMessageID
			}
		}
		if answer == 0 {
			t.Fatal("the resident's answer was not relayed to the desk")
		}
		f.staffPress(t, coChat, coMember, esc, "s:to:"+id+":co")
		onlyOne(t, byPurpose(f.deliver(t), "card"), "the desk's new card")
		if restart {
			f.startHandler(t) // the in-memory state is gone
		}

		before = f.out.count()
		f.staffWrites(t, coChat, coMember, 301, answer, "扶手我们也一起安排")
		told := f.out.sentSince(before)
		got := residentMessages(f.deliver(t), resident)
		if len(got) != 1 || !strings.Contains(got[0].Text, "扶手我们也一起安排") {
			t.Errorf("restart %v: the desk's reply under the resident's answer: told %q, %d to the resident; want it relayed once", restart, texts(told), len(got))
		}
		if tk := f.ticket(t, ticketID); tk.Status == tickets.StatusNew {
			t.Errorf("restart %v: the relayed reply left the ticket new: %+v", restart, tk)
		}
	}
}

// After the ticket is reopened, the resident's words from before its move
// in the last round are the last round's, the move notwithstanding.
func TestAMoveDoesNotCarryTheLastRoundIntoTheNext(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元楼道灯坏了")
	id := itoa(tk.ID)
	f.press(t, resident, "r:add:"+id)
	f.say(t, resident, "是3楼")
	old := onlyOne(t, byPurpose(f.deliver(t), "relay"), "the resident's words")
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:to:"+id+":oc")
	ocCard := onlyOne(t, byPurpose(f.deliver(t), "card"), "the committee's card")
	f.staffPress(t, ocChat, ocMember, ocCard.SentMessageID, "s:to:"+id+":pm")
	back := onlyOne(t, byPurpose(f.deliver(t), "card"), "the card back in property management's chat")
	f.staffPress(t, pmChat, pmMember, back.SentMessageID, "s:resolve:"+id)
	f.deliver(t)
	f.press(t, resident, "r:reopen:"+id)
	f.deliver(t)
	told, got := staffReplyUnder(t, f, 9001, old.SentMessageID, "知道了")
	keptAmongStaff(t, "a reply under the last round's words", told, got, 9001)
}
