package handlers

import (
	"context"
	"strings"
	"testing"
)

// sentTexts is a Messenger that keeps what was sent.
type sentTexts struct{ sent []OutMessage }

func (s *sentTexts) Send(_ context.Context, m OutMessage) (int, error) {
	s.sent = append(s.sent, m)
	return len(s.sent), nil
}
func (s *sentTexts) Edit(context.Context, int64, int, string, [][]Button) error { return nil }
func (s *sentTexts) AnswerCallback(context.Context, string, string) error       { return nil }

// Typed ticket actions in a staff chat are told where the buttons are; a
// resident's command gets an answer for staff, /lang that there is nothing
// to set; what handleGroup answers already (/help, /open) is left to it.
func TestStaffCommandsGetAStaffAnswer(t *testing.T) {
	t.Parallel()
	out := &sentTexts{}
	h := New(Deps{Messenger: out})
	in := Incoming{ChatID: -1001, Chat: GroupChat, UserID: 30001, MessageID: 9007}
	for name, want := range map[string]string{
		"claim": "工单卡片上按按钮", "resolve": "Resolve", "mytickets": "/open", "lang": "无需设置语言", "report": "/report 是居民",
	} {
		out.sent = nil
		handled, err := h.staffCommand(context.Background(), in, name)
		if err != nil || !handled || len(out.sent) != 1 {
			t.Fatalf("/%s: handled %v, err %v, sent %d", name, handled, err, len(out.sent))
		}
		if m := out.sent[0]; m.ChatID != in.ChatID || m.ReplyTo != in.MessageID || !strings.Contains(m.Text, want) ||
			strings.Contains(m.Text, "居民提问和反映问题请私聊我") {
			t.Errorf("/%s answered %+v; want %q under the command", name, m, want)
		}
	}
	for _, name := range []string{"help", "open", "todo", "tickets", "stats"} {
		out.sent = nil
		if handled, _ := h.staffCommand(context.Background(), in, name); handled || len(out.sent) != 0 {
			t.Errorf("/%s was answered here: %+v", name, out.sent)
		}
	}
}
