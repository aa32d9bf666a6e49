package handlers

import (
	"strings"
	"testing"

	"codesk/msgsplit"
	"codesk/parties"
	"codesk/tickets"
)

// Every outbox row is one Telegram message. Telegram counts a message's
// length in UTF-16 units, where an emoji is two: an emoji-rich concern and
// its translation must still make a card that is one message, or the
// Messenger splits it and only the part with the buttons is recorded.
func TestACardIsOneTelegramMessageHoweverManyEmojiItHolds(t *testing.T) {
	body := strings.Repeat("🚰💧", MaxQuestionRunes/2) // 1500 runes, 3000 UTF-16 units
	tk := tickets.Ticket{ID: 3, Text: body, Translation: strings.Repeat("💧", 1200),
		Party: parties.PropertyManagement, Status: tickets.StatusNew}
	msgs := cardMessages(tk, -1001001, keyCard(3, parties.PropertyManagement), "title", text{})
	for _, m := range msgs {
		if n := msgsplit.Len(m.Text); n > msgsplit.MaxMessageUnits {
			t.Errorf("outbox row %s is %d UTF-16 units (%d runes): Telegram needs %d messages for it",
				m.Key, n, len([]rune(m.Text)), len(msgsplit.Split(m.Text, msgsplit.MaxMessageUnits)))
		}
	}
	if card := msgs[0].Text; !strings.HasSuffix(card, "…") || !strings.HasPrefix(card, "title") {
		t.Errorf("a clipped card keeps its head and marks the cut: %.40q … %q", card, card[len(card)-12:])
	}
}

func TestClipUnitsCountsAsTelegramDoes(t *testing.T) {
	for _, c := range []struct {
		in   string
		max  int
		want string
	}{
		{"abc", 3, "abc"},
		{"abcd", 3, "ab…"},
		{"💧💧", 4, "💧💧"},
		{"💧💧💧", 4, "💧…"},  // 💧 is two units: two of them and the mark would be five
		{"a💧💧", 4, "a💧…"}, // a(1) 💧(2) …(1)
		{"水水水水水", 4, "水水水…"},
	} {
		if got := clipUnits(c.in, c.max); got != c.want || msgsplit.Len(got) > c.max {
			t.Errorf("clipUnits(%q, %d) = %q (%d units); want %q", c.in, c.max, got, msgsplit.Len(got), c.want)
		}
	}
}
