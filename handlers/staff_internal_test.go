package handlers_test

import (
	"fmt"
	"strings"
	"testing"

	"codesk/faq"
	"codesk/handlers"
)

// Staff talk among themselves under a card too: a reply marked #内部 stays
// in the chat, and every reply that does go out says so under it.
func TestAStaffRemarkMarkedInternalStaysAmongStaffAndARelayIsConfirmed(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	_, card := f.fileTicket(t, resident, "9号楼3单元水管漏水，楼道里全是水")
	if !strings.Contains(card.Text, "#内部") {
		t.Errorf("the card does not tell staff how to keep a remark internal:\n%s", card.Text)
	}
	for i, remark := range []string{"#内部 老王你下午去看一下", "#internal old Wang please go", "内部：这户比较难缠", "// 先别回",
		"＃internal full width", "# 内部 带空格", "@老王 #内部 你去看一下", "@老王 @小李 【内部】这户比较难缠",
		"@老王 这单你去", "内部备注：这户上次投诉过，注意态度", "[internal] Wang please check", "internal: check the meter", "#內部 繁體",
		"内部 这个是老问题了", "@codesk_botx 这个你去"} {
		before := f.out.count()
		f.staffWrites(t, pmChat, pmMember, 60+i, card.SentMessageID, remark)
		if got := residentMessages(f.deliver(t), resident); len(got) != 0 {
			t.Errorf("%q reached the resident: %+v", remark, got)
		}
		if f.out.count() != before {
			t.Errorf("%q got a reply in the staff chat: %q", remark, f.out.last(t).Text)
		}
	}

	f.staffWrites(t, pmChat, pmMember, 90, card.SentMessageID, "师傅下午两点到，请家里留人")
	onlyOne(t, residentMessages(f.deliver(t), resident), "relayed reply")
	if got := f.out.last(t); got.ChatID != pmChat || got.ReplyTo != 90 || !strings.Contains(got.Text, "已转给居民") {
		t.Errorf("the relay is not confirmed under the staff reply: %+v", got)
	}
}

// An album's caption comes with its first photo only: when it marks the
// album internal, the other photos stay among staff too.
func TestAnInternalAlbumStaysAmongStaff(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	_, card := f.fileTicket(t, resident, "9号楼3单元水管漏水，楼道里全是水")
	for i, caption := range []string{"#内部 隔壁单元也有问题，先别告诉居民", "", ""} {
		in := handlers.Incoming{ChatID: pmChat, Chat: handlers.GroupChat, UserID: pmMember, UserName: "王师傅",
			MessageID: 80 + i, ReplyTo: card.SentMessageID, Kind: handlers.PhotoMessage, Text: caption,
			PhotoIDs: []string{fmt.Sprintf("p%d", i)}, AlbumID: "alb1"}
		if err := f.h.Handle(f.ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	if got := residentMessages(f.deliver(t), resident); len(got) != 0 {
		t.Errorf("photos of an internal album reached the resident: %+v", got)
	}
	// another album, not internal, goes
	in := handlers.Incoming{ChatID: pmChat, Chat: handlers.GroupChat, UserID: pmMember, UserName: "王师傅",
		MessageID: 90, ReplyTo: card.SentMessageID, Kind: handlers.PhotoMessage, PhotoIDs: []string{"q1"}, AlbumID: "alb2"}
	if err := f.h.Handle(f.ctx, in); err != nil {
		t.Fatal(err)
	}
	if got := residentMessages(f.deliver(t), resident); len(got) != 1 {
		t.Errorf("a photo of another album: %+v", got)
	}
}

// Without a model, a Chinese reply to a resident who writes English goes
// untranslated: staff are told so under it, and the resident why.
func TestStaffHearWhenAReplyGoesUntranslated(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	_, card := f.fileTicket(t, resident, "The corridor light on the 5th floor of building 3 is broken")
	f.deliver(t)
	f.staffWrites(t, pmChat, pmMember, 70, card.SentMessageID, "您好，请问是几楼？")
	if got := f.out.last(t).Text; !strings.Contains(got, "已转给居民") || !strings.Contains(got, "没有翻译") {
		t.Errorf("a Chinese reply to an English resident: %q", got)
	}
	if got := residentMessages(f.deliver(t), resident); len(got) != 1 || !strings.Contains(got[0].Text, "no translation was available") {
		t.Errorf("the resident is not told the reply is untranslated: %+v", got)
	}
	f.staffWrites(t, pmChat, pmMember, 71, card.SentMessageID, "Which floor is it?")
	if got := f.out.last(t).Text; strings.Contains(got, "没有翻译") {
		t.Errorf("an English reply: %q", got)
	}
	if got := residentMessages(f.deliver(t), resident); len(got) != 1 || strings.Contains(got[0].Text, "no translation") {
		t.Errorf("an English reply relayed: %+v", got)
	}
}

// After /lang, notices about the resident's tickets come in the language
// chosen, not the one the report was written in.
func TestLangChangesTheLanguageOfTicketNotices(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼电梯坏了，按钮没反应")
	f.say(t, resident, "/lang en")
	f.staffWrites(t, pmChat, pmMember, 70, card.SentMessageID, "Which floor is it?")
	got := residentMessages(f.deliver(t), resident)
	if len(got) != 1 || !strings.Contains(got[0].Text, tk.Number()) || faq.DetectLang(strings.ReplaceAll(got[0].Text, "Which floor is it?", "")) != "en" {
		t.Errorf("the relay after /lang en: %+v", got)
	}
}

// An internal remark goes with the ticket to the party it is passed to
// (why it came to them), and never to the resident, not even in the
// ticket's history.
func TestAnInternalRemarkGoesWithTheTicketNotToTheResident(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	f.staffWrites(t, pmChat, pmMember, 60, card.SentMessageID, "#内部 这个归业委会管，换电梯要用维修资金")
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:to:"+itoa(tk.ID)+":oc")
	var ocCard string
	for _, m := range f.deliver(t) {
		if m.ChatID == ocChat && m.Purpose == "card" {
			ocCard = m.Text
		}
		if m.ChatID == resident && strings.Contains(m.Text, "归业委会管") {
			t.Errorf("the remark reached the resident: %q", m.Text)
		}
	}
	if !strings.Contains(ocCard, "归业委会管") {
		t.Errorf("the owners' committee's card lacks the remark:\n%s", ocCard)
	}
	f.press(t, resident, "r:show:"+itoa(tk.ID))
	if got := f.out.last(t).Text; strings.Contains(got, "归业委会管") || strings.Contains(got, "内部") {
		t.Errorf("the resident's view of the ticket shows the remark:\n%s", got)
	}
}

// A reply addressed to the bot ("@codesk_bot …") is for the resident, who
// gets it without the mention; a colleague's @mention stays among staff.
func TestAReplyAddressedToTheBotIsRelayed(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	_, card := f.fileTicket(t, resident, "9号楼3单元水管漏水，楼道里全是水")
	f.staffWrites(t, pmChat, pmMember, 60, card.SentMessageID, "@codesk_bot 师傅明天上午九点上门")
	got := residentMessages(f.deliver(t), resident)
	if len(got) != 1 || !strings.Contains(got[0].Text, "师傅明天上午九点上门") || strings.Contains(got[0].Text, "@codesk_bot") {
		t.Errorf("the resident got %+v", got)
	}
}

// Photos sent after the report (the resident's, an internal one) go with
// the ticket to the party it is passed to.
func TestPhotosGoWithAReassignedTicket(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	f.staffWrites(t, pmChat, pmMember, 60, card.SentMessageID, "请问能拍张照片吗？")
	f.deliver(t)
	f.press(t, resident, "r:add:"+itoa(tk.ID))
	f.send(t, handlers.Incoming{UserID: resident, Kind: handlers.PhotoMessage, Text: "就是这个按钮", PhotoIDs: []string{"button.jpg"}})
	f.deliver(t)
	if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: pmChat, Chat: handlers.GroupChat, UserID: pmMember, UserName: "王师傅",
		MessageID: 61, ReplyTo: card.SentMessageID, Kind: handlers.PhotoMessage, Text: "#内部 现场照片", PhotoIDs: []string{"site.jpg"}}); err != nil {
		t.Fatal(err)
	}
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:to:"+itoa(tk.ID)+":oc")
	var photos []string
	for _, m := range f.deliver(t) {
		if m.ChatID == ocChat && m.PhotoID != "" {
			photos = append(photos, m.PhotoID)
		}
		if m.ChatID == resident && m.PhotoID == "site.jpg" {
			t.Errorf("the internal photo reached the resident")
		}
	}
	if strings.Join(photos, " ") != "button.jpg site.jpg" {
		t.Errorf("the owners' committee got photos %q", photos)
	}
}
