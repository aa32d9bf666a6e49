package handlers_test

import (
	"strings"
	"testing"
	"time"

	"codesk/msgsplit"
	"codesk/parties"
	"codesk/storage"
)

// The escalation card repeats the resident's words and their machine
// translation: an emoji-rich report must still escalate as one message,
// counted as Telegram counts it (UTF-16 units; an emoji is two).
func TestAnEmojiRichTicketEscalatesAsOneTelegramMessage(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	filed := f.now
	tk, _, err := f.db.CreateTicket(f.ctx, storage.NewTicket{Key: "draft:emoji", ResidentID: resident, ChatID: resident,
		Lang: "en", Text: "Lift broken again " + strings.Repeat("😡", 1400), Translation: "电梯又坏了" + strings.Repeat("😡", 1000),
		Category: "lift", Party: parties.PropertyManagement, At: filed}, nil)
	if err != nil {
		t.Fatal(err)
	}
	f.now = filed.Add(8*time.Hour + time.Minute)
	f.checkSLA(t, 1, 1) // never reminded before: the reminder comes with it
	esc := onlyOne(t, byPurpose(f.deliver(t), "escalation"), "escalation card")
	if n := msgsplit.Len(esc.Text); n > msgsplit.MaxMessageUnits {
		t.Errorf("ticket %s's escalation card is %d UTF-16 units (%d runes): Telegram needs %d messages for it",
			tk.Number(), n, len([]rune(esc.Text)), len(msgsplit.Split(esc.Text, msgsplit.MaxMessageUnits)))
	}
	if !strings.HasPrefix(esc.Text, "🚨") || !strings.HasSuffix(esc.Text, "…") {
		t.Errorf("the clipped escalation keeps its head and marks the cut: %.30q", esc.Text)
	}
}
