package handlers_test

import (
	"strings"
	"testing"
)

// A report begun in English stays English when the resident adds one line
// in Chinese, at the place question or at the preview: the bulk of what
// they wrote decides, not the last line. The ticket, its acknowledgement
// and the commands after it stay English too.
func TestOneLineInTheOtherLanguageDoesNotSwitchADraft(t *testing.T) {
	t.Parallel()
	const detail = "灯在三楼和四楼之间的楼梯拐角，已经坏了一个星期了，晚上根本看不清"
	for _, start := range []struct{ report, want string }{
		{"the light in the stairwell of building 3 is broken", "Send it?"}, // at the preview
		{"the light in the stairwell is broken", "Where exactly is it?"},   // at the place question
	} {
		f := newTicketFixture(t, nil)
		if m := f.say(t, resident, start.report); !strings.Contains(m.Text, start.want) {
			t.Fatalf("%q: %q", start.report, m.Text)
		}
		preview := f.say(t, resident, detail)
		if !strings.Contains(preview.Text, "Send it?") || !strings.Contains(preview.Text, detail) {
			t.Fatalf("%q, then one Chinese line: the preview switched or lost it: %q", start.report, preview.Text)
		}
		f.press(t, resident, findData(t, preview, "c:send:"))
		tks, _ := f.db.ResidentTickets(f.ctx, resident, 1)
		if len(tks) != 1 || tks[0].Lang != "en" {
			t.Fatalf("%q: the ticket's language: %+v", start.report, tks)
		}
		if got := f.say(t, resident, "/help").Text; !strings.HasPrefix(got, "How to use codesk") {
			t.Errorf("%q: after the English report, /help is not English: %q", start.report, got)
		}
	}
}

// A draft gone on wholly in the other language (most of its lines) switches,
// as does one line saying why ("sorry my chinese is bad"); one line of
// English on a Chinese report does not.
func TestADraftFollowsMostOfItsLines(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	f.say(t, resident, "the light in the stairwell of building 3 is broken")
	if m := f.say(t, resident, "灯在三楼和四楼之间的楼梯拐角，已经坏了一个星期了"); !strings.Contains(m.Text, "Send it?") {
		t.Fatalf("one Chinese line: %q", m.Text)
	}
	if m := f.say(t, resident, "晚上楼梯一片漆黑，老人上下楼很危险，请尽快安排人来修"); !strings.Contains(m.Text, "确认发送吗") {
		t.Errorf("two Chinese lines of three: want the draft in Chinese, got %q", m.Text)
	}

	f = newTicketFixture(t, nil)
	f.say(t, resident, "3号楼2单元楼道灯坏了")
	if m := f.say(t, resident, "the bulb on the third floor landing has been flickering for a week"); !strings.Contains(m.Text, "确认发送吗") {
		t.Errorf("one English line on a Chinese report switched it: %q", m.Text)
	}

	f = newTicketFixture(t, nil)
	f.say(t, resident, "3号楼2单元楼道灯坏了")
	if m := f.say(t, resident, "sorry my chinese is bad, the bulb on the third floor landing is out"); !strings.Contains(m.Text, "Send it?") {
		t.Errorf("a line saying their Chinese is bad: want English, got %q", m.Text)
	}

	f = newTicketFixture(t, nil)
	f.say(t, resident, "the light in the stairwell of building 3 is broken")
	if m := f.say(t, resident, "我英文不好，灯在三楼和四楼之间的楼梯拐角"); !strings.Contains(m.Text, "确认发送吗") {
		t.Errorf("a line saying their English is poor: want Chinese, got %q", m.Text)
	}
}
