package handlers_test

import (
	"strings"
	"testing"
)

// Starting a new report while another waits unsent ("/report", "I want to
// report a problem") keeps the waiting one: it comes back once the new one
// is sent, and both reach staff.
func TestANewReportKeepsTheOneWaitingUnsent(t *testing.T) {
	t.Parallel()
	for _, start := range []string{"/report", "I want to report a problem", "我要报修"} {
		f := newTicketFixture(t, nil)
		f.say(t, resident, "3号楼1单元楼道灯坏了")
		before := f.out.count()
		f.say(t, resident, start)
		if f.out.count() < before+2 || !strings.Contains(f.out.sent[before].Text, "留着") && !strings.Contains(f.out.sent[before].Text, "is kept") {
			t.Fatalf("%q: the waiting report is not said to be kept: %q", start, f.out.last(t).Text)
		}
		preview := f.say(t, resident, "5号楼信箱的门坏了")
		f.press(t, resident, findData(t, preview, "c:send:"))
		back := f.out.last(t)
		if !strings.Contains(back.Text, "楼道灯坏了") {
			t.Fatalf("%q: the waiting report does not come back: %q", start, back.Text)
		}
		f.press(t, resident, findData(t, back, "c:send:"))
		var cards []string
		for _, m := range byPurpose(f.deliver(t), "card") {
			cards = append(cards, m.Text)
		}
		if len(cards) != 2 || !strings.Contains(strings.Join(cards, ""), "信箱") || !strings.Contains(strings.Join(cards, ""), "楼道灯") {
			t.Errorf("%q: staff got %d cards: %q", start, len(cards), cards)
		}
	}
}

// A waiting report takes neither an insult nor a number no button has.
func TestAnInsultOrABareNumberIsNoPartOfAReport(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	f.say(t, resident, "14号楼旁边草地上好多狗屎")
	if m := f.say(t, resident, "fuck you stupid bot"); !strings.Contains(m.Text, "Sorry this has been frustrating") {
		t.Errorf("the insult gets %q", m.Text)
	}
	if m := f.say(t, resident, "傻逼机器人"); !strings.Contains(m.Text, "抱歉") {
		t.Errorf("the insult gets %q", m.Text)
	}
	if m := f.say(t, resident, "👍"); !strings.Contains(m.Text, "狗屎") || findData(t, m, "c:send:") == "" {
		t.Errorf("a thumbs-up at the preview: %q", m.Text)
	}
	preview := f.say(t, resident, "7")
	if !strings.Contains(preview.Text, "狗屎") || strings.Contains(preview.Text, "7") || strings.Contains(preview.Text, "stupid") || strings.Contains(preview.Text, "傻逼") {
		t.Fatalf("the preview after a number: %q", preview.Text)
	}
	f.press(t, resident, findData(t, preview, "c:send:"))
	card := onlyOne(t, byPurpose(f.deliver(t), "card"), "card")
	if strings.Contains(card.Text, "stupid") || strings.Contains(card.Text, "\n7") {
		t.Errorf("the card carries what was no part of the report:\n%s", card.Text)
	}
	// "垃圾" alone is a topic, not an insult
	if m := f.say(t, resident, "垃圾"); strings.Contains(m.Text, "抱歉让您着急") {
		t.Errorf("'垃圾' taken as an insult: %q", m.Text)
	}
}
