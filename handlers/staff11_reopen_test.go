package handlers_test

import (
	"strings"
	"testing"
)

// A reopened ticket's card is read by whoever is on duty now: like a moved
// ticket's, it carries what was said so far (staff notes among it), says
// who had it last, and stands under the card it reopens.
func TestAReopenedCardCarriesTheConversationAndWhoHadIt(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元楼道灯坏了")
	id := itoa(tk.ID)
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:claim:"+id)
	f.staffWrites(t, pmChat, pmMember, 100, card.SentMessageID, "#内部 老问题，线路老化")
	f.staffWrites(t, pmChat, pmMember, 101, card.SentMessageID, "师傅下午去换灯泡")
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:resolve:"+id)
	f.deliver(t)

	f.press(t, resident, "r:reopen:"+id)
	re := onlyOne(t, byPurpose(f.deliver(t), "card"), "the reopened card")
	for _, want := range []string{"已重新打开", "此前的对话", "老问题，线路老化", "师傅下午去换灯泡", "上次由 王师傅 处理"} {
		if !strings.Contains(re.Text, want) {
			t.Errorf("the reopened card lacks %q:\n%s", want, re.Text)
		}
	}
	if re.ChatID != pmChat || re.ReplyTo != card.SentMessageID {
		t.Errorf("the reopened card went to chat %d under message %d; want under the old card %d in %d",
			re.ChatID, re.ReplyTo, card.SentMessageID, pmChat)
	}

	// claimed anew, its redraw keeps what the card said
	f.staffPress(t, pmChat, pmMember, re.SentMessageID, "s:claim:"+id)
	e, ok := f.out.lastEditOf(pmChat, re.SentMessageID)
	if !ok {
		t.Fatal("the reopened card was not redrawn on the claim")
	}
	for _, want := range []string{"此前的对话", "老问题，线路老化", "上次由 王师傅 处理", "受理人 Assignee：王师傅"} {
		if !strings.Contains(e.text, want) {
			t.Errorf("the claimed reopened card lacks %q:\n%s", want, e.text)
		}
	}
}

// A ticket moved to another party before it was resolved reopens in that
// party's chat: no reply to a card in a chat it is not in.
func TestAReopenedCardOfAMovedTicketIsNoReplyAcrossChats(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元楼道灯坏了")
	id := itoa(tk.ID)
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:to:"+id+":oc")
	moved := onlyOne(t, byPurpose(f.deliver(t), "card"), "the moved card")
	f.staffPress(t, ocChat, ocMember, moved.SentMessageID, "s:resolve:"+id)
	f.deliver(t)

	f.press(t, resident, "r:reopen:"+id)
	re := onlyOne(t, byPurpose(f.deliver(t), "card"), "the reopened card")
	if re.ChatID != ocChat || re.ReplyTo != moved.SentMessageID {
		t.Errorf("the reopened card: chat %d, under %d; want under the owners' committee's card %d", re.ChatID, re.ReplyTo, moved.SentMessageID)
	}
	if !strings.Contains(re.Text, "上次由 王师傅 处理") {
		t.Errorf("the reopened card does not say who resolved it:\n%s", re.Text)
	}
}
