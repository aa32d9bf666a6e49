package handlers_test

import (
	"strings"
	"testing"

	"codesk/handlers"
)

// Sent from its preview, a concern is acknowledged by editing the preview
// (through the outbox: an edit repeated after a crash cannot acknowledge
// twice), not by a new message plus a direct edit.
func TestSendingFromThePreviewTurnsThePreviewIntoTheAcknowledgement(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	preview := f.say(t, resident, "3号楼2单元电梯又坏了，困了人")
	const previewID = 4321 // the preview's message id, as the press reports it
	sends := f.out.count()
	f.pressIn(t, resident, resident, handlers.PrivateChat, previewID, findData(t, preview, "c:send:"))

	if n := f.out.count(); n != sends {
		t.Errorf("the press sent %d messages directly; the acknowledgement goes through the outbox", n-sends)
	}
	f.out.mu.Lock()
	edits := len(f.out.edits)
	f.out.mu.Unlock()
	if edits != 0 {
		t.Errorf("the preview was edited directly %d times; the outbox edits it once", edits)
	}
	var ack, card int
	for _, m := range f.deliver(t) {
		switch m.Purpose {
		case "card":
			card++
		case "resident":
			ack++
			if m.EditMessageID != previewID || m.ChatID != resident || m.ReplyTo != previewID {
				t.Errorf("the acknowledgement edits the preview (and threads under it should it be gone): %+v", m)
			}
			if !strings.Contains(m.Text, "已收到，工单号 #"+itoa(m.TicketID)) {
				t.Errorf("acknowledgement text = %q", m.Text)
			}
			if data := strings.Join(outboxData(m), ","); !strings.Contains(data, itoa(m.TicketID)) {
				t.Errorf("the acknowledgement carries the ticket's buttons, got %q", data)
			}
		}
	}
	if ack != 1 || card != 1 {
		t.Fatalf("want one acknowledgement and one card in the outbox, got %d and %d", ack, card)
	}
}

// Without a preview message id (a transport that has none), the
// acknowledgement is a new message.
func TestSendingWithoutAPreviewIDAcknowledgesWithANewMessage(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	preview := f.say(t, resident, "3号楼2单元电梯又坏了，困了人")
	f.press(t, resident, findData(t, preview, "c:send:"))
	for _, m := range f.deliver(t) {
		if m.Purpose == "resident" && (m.EditMessageID != 0 || m.ReplyTo != 0) {
			t.Errorf("acknowledgement without a preview id: %+v", m)
		}
	}
}

// A problem told and asked to be dealt with ("…你们能不能管管") is a report,
// not a question for the FAQ.
func TestAProblemAskedToBeDealtWithIsAReport(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	m := f.say(t, resident, "喂你好我是12号楼3单元的我家楼上天天晚上拖椅子吵得我睡不着已经好几个月了你们能不能管管")
	if !strings.Contains(m.Text, "确认发送吗") {
		t.Errorf("not drafted as a report: %q", m.Text)
	}
}

// A fitting in the resident's own home asked to be fixed ("热水器坏了物业
// 能来修吗") is first a question of whose repair it is: the FAQ's, not a
// report drafted at once. The same words about a shared thing are a report.
func TestAHomeApplianceAskedToBeFixedIsAQuestionFirst(t *testing.T) {
	t.Parallel()
	for text, drafted := range map[string]bool{
		"家里热水器坏了，物业能来修吗":   false,
		"卫生间马桶坏了，物业可以来修吗":  false,
		"楼道灯坏了好几天了，物业能来修吗": true,
	} {
		f := newTicketFixture(t, nil)
		m := f.say(t, resident, text)
		if got := strings.Contains(m.Text, "整理成工单"); got != drafted {
			t.Errorf("%q: drafted %v, want %v: %q", text, got, drafted, m.Text)
		}
	}
}
