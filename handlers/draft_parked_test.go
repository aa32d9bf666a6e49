package handlers_test

import (
	"strings"
	"testing"

	"codesk/handlers"
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

// A photo sent without words, then "/report": the photo is kept with its
// own report, which comes back asking for its words once the new one is sent.
func TestANewReportKeepsAPhotoWaitingForWords(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	f.send(t, handlers.Incoming{UserID: resident, Kind: handlers.PhotoMessage, PhotoIDs: []string{"crack.jpg"}})
	f.say(t, resident, "/report")
	preview := f.say(t, resident, "5号楼信箱的门坏了")
	if strings.Contains(preview.Text, "照片") {
		t.Errorf("the earlier photo joined the new report: %q", preview.Text)
	}
	f.press(t, resident, findData(t, preview, "c:send:"))
	if back := f.out.last(t); !strings.Contains(back.Text, "照片（1 张）") {
		t.Fatalf("the photo's report is not back: %q", back.Text)
	}
	back := f.say(t, resident, "7号楼外墙裂了一条大缝")
	if !strings.Contains(back.Text, "外墙") && !strings.Contains(back.Text, "位置") {
		t.Fatalf("its words: %q", back.Text)
	}
	if strings.Contains(back.Text, "位置") {
		back = f.say(t, resident, "7号楼")
	}
	f.press(t, resident, findData(t, back, "c:send:"))
	cards := byPurpose(f.deliver(t), "card")
	if len(cards) != 2 || cards[0].PhotoID != "" || cards[1].PhotoID != "crack.jpg" || !strings.Contains(cards[1].Text, "外墙") {
		t.Fatalf("staff got %d cards: %+v", len(cards), cards)
	}
}

// "I'm only asking" on a new report answers it and brings back the report
// set aside for it.
func TestOnlyAskingBringsBackTheReportSetAside(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	f.say(t, resident, "3号楼1单元楼道灯坏了")
	f.say(t, resident, "/report")
	asked := f.say(t, resident, "电梯坏了")
	f.press(t, resident, findData(t, asked, "c:ask:"))
	back := f.out.last(t)
	if !strings.Contains(back.Text, "楼道灯坏了") || findData(t, back, "c:send:") == "" {
		t.Fatalf("the waiting report is not back: %q", back.Text)
	}
}

// Another matter told while a report waits is kept, and comes back once the
// waiting one is sent: nothing has to be typed again.
func TestAnotherMatterToldWhileAReportWaitsComesBackAfter(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	if preview := f.say(t, resident, "15号楼电梯按钮失灵"); !strings.Contains(preview.Text, "确认发送吗") {
		t.Fatalf("the first report's preview: %q", preview.Text)
	}
	before := f.out.count()
	f.say(t, resident, "还有9号楼门口的垃圾三天没人收了")
	if got := strings.Join(texts(f.out.sentSince(before)), "\n"); !strings.Contains(got, "记下") {
		t.Fatalf("the other matter is not said to be kept: %q", got)
	}
	f.say(t, resident, "还有9号楼门口的垃圾三天没人收了") // told again: kept once
	f.say(t, resident, "垃圾桶都满出来了，臭得不行")    // more about it: with it
	f.press(t, resident, findData(t, f.out.sent[before], "c:send:"))
	back := f.out.last(t)
	if !strings.Contains(back.Text, "垃圾") || !strings.Contains(back.Text, "满出来") {
		t.Fatalf("the other matter does not come back whole: %q", back.Text)
	}
	if !strings.Contains(strings.Join(buttonData(back), " "), "c:send:") {
		back = f.say(t, resident, "9号楼东门") // its place asked first
	}
	f.press(t, resident, findData(t, back, "c:send:"))
	if cards := byPurpose(f.deliver(t), "card"); len(cards) != 2 || strings.Contains(cards[0].Text, "垃圾") {
		t.Errorf("staff got %d cards", len(cards))
	}
}
