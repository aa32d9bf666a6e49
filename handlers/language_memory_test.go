package handlers_test

import (
	"strings"
	"testing"

	"codesk/handlers"
)

// A Chinese speaker whose phone is set to English gets Chinese for commands
// once they have written in Chinese; an explicit /lang choice still wins.
func TestCommandsFollowTheLanguageTheResidentWritesIn(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	cmd := func(text string) handlers.OutMessage {
		t.Helper()
		if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: resident, UserID: resident, UserLang: "en-US",
			Kind: handlers.TextMessage, Text: text}); err != nil {
			t.Fatal(err)
		}
		return f.out.last(t)
	}
	english := func(s string) bool { return strings.HasPrefix(s, "How to use codesk") }
	if got := cmd("/help").Text; !english(got) {
		t.Fatalf("before anything is written, the client's English setting is used; got %q", got)
	}
	cmd("电梯什么时候换")
	if got := cmd("/help").Text; english(got) || !strings.ContainsRune(got, '问') {
		t.Errorf("after writing in Chinese, /help is in Chinese; got %q", got)
	}
	cmd("when are the lifts replaced")
	if got := cmd("/help").Text; !english(got) {
		t.Errorf("after writing in English, /help follows; got %q", got)
	}
	cmd("电梯什么时候换")
	cmd("/lang en")
	if got := cmd("/help").Text; !english(got) {
		t.Errorf("an explicit /lang en wins over the written language; got %q", got)
	}
}

// An English speaker naming an estate thing in Chinese, or saying 谢谢, is
// still answered in English (and a Chinese speaker's "我的wifi坏了" in
// Chinese): a mixed or polite message does not switch the language.
func TestMixedOrPoliteMessagesKeepTheResidentsLanguage(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	say := func(user int64, text string) string {
		t.Helper()
		if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: user, UserID: user, Kind: handlers.TextMessage, Text: text}); err != nil {
			t.Fatal(err)
		}
		return f.out.last(t).Text
	}
	hasHan := func(s string) bool {
		return strings.ContainsFunc(s, func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff })
	}
	say(resident, "when are the lifts replaced?")
	// the estate's words as seen on notices, and thanks, are no switch to Chinese
	for _, text := range []string{"业委会 email?", "lost my 门禁卡 what to do", "谢谢", "门禁卡?", "业委会"} {
		if got := say(resident, text); got == "" || hasHan(strings.SplitN(got, " ", 2)[0]) {
			t.Errorf("%q from an English speaker: got %q", text, got)
		}
	}
	if got := say(resident, "/help"); !strings.HasPrefix(got, "How to use codesk") {
		t.Errorf("after 谢谢, /help stays English; got %q", got)
	}
	// longer mixed text has a frame: a Chinese sentence with a Latin term is
	// Chinese, and so are a few characters with one ("你能干嘛")
	for _, text := range []string{"B1车库晚上几点关门？", "请问APP在哪里下载", "你能干嘛"} {
		if got := say(resident, text); !hasHan(strings.SplitN(got, " ", 2)[0]) {
			t.Errorf("%q: want a Chinese reply, got %q", text, got)
		}
	}
	// on an English phone too: the English written first is remembered, so
	// the bare terms after it do not switch
	const englishPhone = int64(777001)
	if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: englishPhone, UserID: englishPhone, UserLang: "en", Kind: handlers.TextMessage, Text: "When will the lifts be replaced?"}); err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"门禁卡?", "业委会", "/help"} {
		if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: englishPhone, UserID: englishPhone, UserLang: "en", Kind: handlers.TextMessage, Text: text}); err != nil {
			t.Fatal(err)
		}
		if got := f.out.last(t).Text; got == "" || hasHan(strings.SplitN(got, " ", 2)[0]) {
			t.Errorf("%q from an English speaker on an English phone: got %q", text, got)
		}
	}
	// and a Chinese speaker's one Latin word ("WiFi", "APP", "OK", "help")
	// keeps Chinese
	const older = int64(777002)
	for i, text := range []string{"你好", "WiFi", "APP", "OK", "help"} {
		if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: older, UserID: older, Kind: handlers.TextMessage, Text: text}); err != nil {
			t.Fatal(err)
		}
		if got := f.out.last(t).Text; i > 0 && !hasHan(got) {
			t.Errorf("%q after 你好: got %q", text, got)
		}
	}
	say(neighbour, "电梯什么时候换")
	if got := say(neighbour, "/help"); !hasHan(got) {
		t.Fatalf("/help for a Chinese speaker: %q", got)
	}
	say(neighbour, "ok thx")
	if got := say(neighbour, "/help"); !hasHan(got) {
		t.Errorf("after 'ok thx', /help stays Chinese; got %q", got)
	}
}

// "请用中文回答", "English please": the language is set at once.
func TestAskingForALanguageSetsIt(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]string{"请用中文回答": "zh", "能说中文吗": "zh", "我看不懂英文": "zh", "Chinese please": "zh",
		"English please": "en", "do you speak english": "en", "用英文": "en"} {
		f := newFixture(t)
		f.say(t, resident, text)
		r, err := f.db.Resident(f.ctx, resident)
		if err != nil || r.Language != want {
			t.Errorf("%q: language %q (%v), want %q", text, r.Language, err, want)
		}
	}
}

// "English please" while a report waits sets the language and is no line
// of the report.
func TestAskingForALanguageDuringAReport(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	f.say(t, resident, "3号楼2单元电梯坏了")
	f.say(t, resident, "English please")
	if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: resident, UserID: resident, Kind: handlers.TextMessage, Text: "好"}); err != nil {
		t.Fatal(err)
	}
	card := onlyOne(t, byPurpose(f.deliver(t), "card"), "card")
	if strings.Contains(card.Text, "English please") {
		t.Errorf("the card carries the request:\n%s", card.Text)
	}
}

// "English please" after staff wrote sets the language; it is not offered
// to the ticket as an answer.
func TestAskingForALanguageAfterStaffWrote(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	_, card := f.fileTicket(t, resident, "9号楼大堂灯坏了")
	f.staffWrites(t, pmChat, pmMember, 70, card.SentMessageID, "师傅下午过去")
	f.deliver(t)
	m := f.say(t, resident, "English please")
	if strings.Contains(strings.Join(buttonData(m), " "), "r:conv:") {
		t.Errorf("offered to the ticket: %q", m.Text)
	}
	if r, _ := f.db.Resident(f.ctx, resident); r.Language != "en" {
		t.Errorf("language %q", r.Language)
	}
}
