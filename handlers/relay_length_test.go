package handlers_test

import (
	"strings"
	"testing"
	"unicode/utf16"

	"codesk/handlers"
)

// Long words travel whole both ways: a text too long for a photo caption
// goes as its own message ahead of the photo, and a staff reply near
// Telegram's message limit is not cut (the messenger splits it).
func TestLongRepliesWithPhotosArriveWhole(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:claim:"+itoa(tk.ID))
	f.deliver(t)

	// staff: a photo with a caption-length explanation
	explain := strings.Repeat("维保单位说要等配件。", 110) + "到货后通知您。" // > 1024 with the notice
	if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: pmChat, Chat: handlers.GroupChat, UserID: pmMember, MessageID: 90,
		ReplyTo: card.SentMessageID, Kind: handlers.PhotoMessage, PhotoIDs: []string{"small", "part-order"}, Text: explain}); err != nil {
		t.Fatal(err)
	}
	got := residentMessages(f.deliver(t), resident)
	if len(got) != 2 || got[0].PhotoID != "" || !strings.Contains(got[0].Text, "到货后通知您。") || got[1].PhotoID != "part-order" {
		t.Fatalf("want the whole text, then the photo: %+v", got)
	}

	// staff: a text over the 4,096 limit with the notice around it goes in
	// parts, each its own outbox message (a retry resends only its part)
	long := strings.Repeat("请把电梯间的杂物清走，", 400) + "谢谢。"
	if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: pmChat, Chat: handlers.GroupChat, UserID: pmMember, MessageID: 91,
		ReplyTo: card.SentMessageID, Kind: handlers.TextMessage, Text: long}); err != nil {
		t.Fatal(err)
	}
	parts := residentMessages(f.deliver(t), resident)
	var whole strings.Builder
	keys := map[string]bool{}
	for _, p := range parts {
		if n := len(utf16.Encode([]rune(p.Text))); n > 4096 {
			t.Errorf("a part of %d units", n)
		}
		keys[p.Key] = true
		whole.WriteString(p.Text)
	}
	if len(parts) < 2 || len(keys) != len(parts) || !strings.Contains(whole.String(), long) {
		t.Fatalf("want the whole reply in parts with keys of their own, got %d parts", len(parts))
	}
	relayed := parts[0]

	// resident: a long answer with a photo, replying to the relayed reply
	answer := strings.Repeat("配件的事我知道了，", 120) + "最后一句。"
	f.send(t, handlers.Incoming{UserID: resident, Kind: handlers.PhotoMessage, PhotoIDs: []string{"s", "lift-now"},
		Text: answer, ReplyTo: relayed.SentMessageID})
	var text, photo bool
	for _, m := range f.deliver(t) {
		if m.ChatID != pmChat {
			continue
		}
		text = text || (m.PhotoID == "" && strings.Contains(m.Text, "最后一句。"))
		photo = photo || (m.PhotoID == "lift-now" && m.Text == "")
	}
	if !text || !photo {
		t.Errorf("staff get the whole answer (%v) and the photo (%v)", text, photo)
	}
}
