package botapitest

import (
	"context"
	"testing"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// BenchmarkSendMessage measures one sendMessage with a keyboard through the real
// client: the fake's cost per bot reply in burst tests.
func BenchmarkSendMessage(b *testing.B) {
	s := NewServer(b)
	client := s.NewClient(b)
	params := &bot.SendMessageParams{
		ChatID:      aliceDM.ID,
		Text:        "物业费可以在物业前台或 App 缴纳。",
		ReplyMarkup: keyboard([]models.InlineKeyboardButton{{Text: "不是我要问的", CallbackData: "faq:miss"}}),
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := client.SendMessage(context.Background(), params); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkUserSays measures queueing one resident message (what a 300-resident
// burst test does 1500 times).
func BenchmarkUserSays(b *testing.B) {
	s := NewServer(b)
	b.ReportAllocs()
	for b.Loop() {
		s.UserSays(aliceDM, alice, "物业费怎么交？")
	}
}
