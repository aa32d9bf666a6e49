package handlers_test

import (
	"maps"
	"strings"
	"testing"

	"codesk/faq"
)

// withParkingFAQ is testFAQ plus an entry on giving up a parking space.
func withParkingFAQ() scriptedFAQ {
	s := scriptedFAQ{results: maps.Clone(testFAQ.results), entries: maps.Clone(testFAQ.entries)}
	s.entries["parking-cancel"] = faq.Entry{ID: "parking-cancel", Questions: []string{"怎么退租车位？", "How do I give up my parking space?"},
		Answer: faq.Answer{ZH: "退租车位请到物业前台办理。", EN: "Give up a parking space at the management office."}}
	for _, q := range []string{"我想取消停车位", "I want to cancel my parking space", "取消停车位"} {
		s.results[q] = faq.Result{ID: "parking-cancel", Score: 0.8}
	}
	return s
}

// At a waiting preview, a wish to cancel something else ("我想取消停车位")
// is another matter, answered as a question: no cancel of the draft, no
// line of it; the draft still waits and sends as it was. Real cancels
// still cancel, and real additions still add.
func TestAtThePreviewCancellingAnotherThingIsAQuestion(t *testing.T) {
	t.Parallel()
	const report = "3号楼2单元楼道灯坏了"
	start := func(t *testing.T) (*ticketFixture, string) {
		f := newTicketFixture(t, nil)
		f.h.FAQ = withParkingFAQ()
		preview := f.say(t, resident, report)
		return f, findData(t, preview, "c:send:")
	}
	for _, text := range []string{"我想取消停车位", "I want to cancel my parking space", "取消停车位"} {
		f, send := start(t)
		m := f.say(t, resident, text)
		if !strings.Contains(m.Text, "退租车位请到物业前台办理") && !strings.Contains(m.Text, "Give up a parking space") {
			t.Errorf("%q: want the parking answer, got %q", text, m.Text)
		}
		f.press(t, resident, send) // the preview still waits
		tks, _ := f.db.ResidentTickets(f.ctx, resident, 5)
		if len(tks) != 1 || tks[0].Text != report {
			t.Errorf("%q: the waiting draft was cancelled or took the line: %+v", text, tks)
		}
	}
	for _, text := range []string{"取消", "我想取消", "取消这个报修", "取消我的报修", "cancel", "不报了"} {
		f, _ := start(t)
		if m := f.say(t, resident, text); !strings.Contains(m.Text, "已取消") {
			t.Errorf("%q: want the draft cancelled, got %q", text, m.Text)
		}
		if tks, _ := f.db.ResidentTickets(f.ctx, resident, 5); len(tks) != 0 {
			t.Errorf("%q: %d tickets filed", text, len(tks))
		}
	}
	for _, text := range []string{"还有，灯罩也掉了", "是3楼", "also the switch sparks", "取消了两次预约，灯还是不亮"} {
		f, _ := start(t)
		m := f.say(t, resident, text)
		if !strings.Contains(m.Text, "确认发送吗") || !strings.Contains(m.Text, text) {
			t.Errorf("%q: want it added to the preview, got %q", text, m.Text)
		}
	}
}
