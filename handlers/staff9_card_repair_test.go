package handlers_test

import (
	"strings"
	"testing"

	"codesk/parties"
	"codesk/storage"
)

// A claimed ticket whose card is in the desk's chat, its party given a chat
// since: the resident writing more brings the card to the party's chat,
// before the words, and the next message brings no second card.
func TestResidentWordsBringTheCardToThePartysNewChatOnce(t *testing.T) {
	t.Parallel()
	f, chats, old := committeeTicketInTheDesksChat(t)
	id := itoa(old.TicketID)
	f.staffPress(t, coChat, coMember, old.SentMessageID, "s:claim:"+id)
	f.deliver(t)
	chats[parties.NeighborhoodCommittee] = ncChat

	f.press(t, resident, "r:add:"+id)
	f.say(t, resident, "是3号楼2单元，贴满了")
	out := f.deliver(t)
	card := onlyOne(t, byPurpose(out, "card"), "the card in the committee's chat")
	relay := onlyOne(t, byPurpose(out, "relay"), "the resident's words")
	if card.ChatID != ncChat || relay.ChatID != ncChat || relay.SentMessageID < card.SentMessageID {
		t.Errorf("card in chat %d (message %d), words in chat %d (message %d); want both in the committee's, the card first",
			card.ChatID, card.SentMessageID, relay.ChatID, relay.SentMessageID)
	}
	if strings.Contains(card.Text, "贴满了") {
		t.Errorf("the new card carries the words relayed after it: %q", card.Text)
	}
	if e, ok := f.out.lastEditOf(coChat, old.SentMessageID); !ok || len(e.buttons) != 0 || !strings.Contains(e.text, "居委会") {
		t.Errorf("the old card: %+v (edited %v); want a pointer and no buttons", e, ok)
	}

	f.press(t, resident, "r:add:"+id)
	f.say(t, resident, "还有5号楼也有")
	out = f.deliver(t)
	if cards := byPurpose(out, "card"); len(cards) != 0 {
		t.Errorf("a second message posted %d more cards", len(cards))
	}
	again := onlyOne(t, byPurpose(out, "relay"), "the resident's second words")
	if again.ChatID != ncChat || again.ReplyTo != card.SentMessageID {
		t.Errorf("the second words went to chat %d under %d; want under the new card %d in the committee's chat",
			again.ChatID, again.ReplyTo, card.SentMessageID)
	}
	resolvableIn(t, f, []storage.OutboxMessage{card}, ncChat, ncMember, old.TicketID)
}
