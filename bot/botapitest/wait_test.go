package botapitest

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot"
)

// recordingTB captures Fatalf instead of stopping the test.
type recordingTB struct {
	testing.TB
	failed string
}

func (r *recordingTB) Helper() {}
func (r *recordingTB) Fatalf(format string, args ...any) {
	r.failed = fmt.Sprintf(format, args...)
}

func TestWaitForFailsWithADumpOfRecentActivity(t *testing.T) {
	s := NewServer(t)
	b := newClient(t, s)
	s.UserSays(aliceDM, alice, "物业费怎么交？")
	if _, err := b.SendMessage(context.Background(), &bot.SendMessageParams{ChatID: aliceDM.ID, Text: "请到前台。"}); err != nil {
		t.Fatal(err)
	}
	_, _ = b.SendMessage(context.Background(), &bot.SendMessageParams{ChatID: aliceDM.ID, Text: "a & b", ParseMode: "HTML"})

	rec := &recordingTB{TB: t}
	s.WaitFor(rec, 30*time.Millisecond, func(s *Server) bool { return len(s.Sent(aliceDM.ID)) == 5 })
	for _, want := range []string{"condition not met", "物业费怎么交？", "请到前台。", "REJECTED sendMessage", "can't parse entities"} {
		if !strings.Contains(rec.failed, want) {
			t.Errorf("failure message lacks %q:\n%s", want, rec.failed)
		}
	}
}

func TestWaitMessageReturnsTheMatch(t *testing.T) {
	s := NewServer(t)
	b := newClient(t, s)
	go func() {
		time.Sleep(20 * time.Millisecond)
		for _, text := range []string{"first", "工单已创建 #12"} {
			_, _ = b.SendMessage(context.Background(), &bot.SendMessageParams{ChatID: aliceDM.ID, Text: text})
		}
	}()
	m := s.WaitMessage(t, aliceDM.ID, testWait, func(m Message) bool { return strings.Contains(m.Text, "工单") })
	if m.Text != "工单已创建 #12" || m.MessageID != 2 {
		t.Errorf("WaitMessage = %+v", m)
	}
	before := s.LastMessageID(aliceDM.ID)
	s.UserSays(aliceDM, alice, "谢谢")
	go func() {
		_, _ = b.SendMessage(context.Background(), &bot.SendMessageParams{ChatID: aliceDM.ID, Text: "不客气"})
	}()
	if r := s.WaitReply(t, aliceDM.ID, before, testWait); r.Text != "不客气" {
		t.Errorf("WaitReply = %+v", r)
	}

	rec := &recordingTB{TB: t}
	s.WaitMessage(rec, aliceDM.ID, 20*time.Millisecond, func(m Message) bool { return m.Text == "never" })
	if !strings.Contains(rec.failed, "no matching bot message in chat 42") {
		t.Errorf("failure = %q", rec.failed)
	}
}
