package handlers_test

import (
	"strings"
	"testing"

	"codesk/handlers"
)

// A party typed at a waiting report ("业委会", "to the owners committee")
// sends it there, as the "another party" choice would; the resident still
// confirms.
func TestAPartyTypedAtAWaitingReportChoosesIt(t *testing.T) {
	t.Parallel()
	for typed, want := range map[string]string{"业委会": "业委会", "发给居委会吧": "居委会", "to the owners committee": "业委会"} {
		f := newTicketFixture(t, nil)
		f.say(t, resident, "6号楼电梯又坏了")
		preview := f.say(t, resident, typed)
		if !strings.Contains(preview.Text, "【"+want+"】") || findData(t, preview, "c:send:") == "" {
			t.Errorf("%q: %q", typed, preview.Text)
		}
	}
	f := newTicketFixture(t, nil)
	f.say(t, resident, "6号楼电梯又坏了")
	if m := f.say(t, resident, "业委会什么时候换届"); strings.Contains(m.Text, "【业委会】") && strings.Contains(m.Text, "电梯") {
		t.Errorf("a question about the committee moved the report: %q", m.Text)
	}
}

// A question that says it asks ("请问群租物业管不管") is answered while a
// report waits, not added to it.
func TestAPoliteQuestionIsNoPartOfAWaitingReport(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	f.say(t, resident, "9号楼601住了十几个人 群租 天天半夜进出")
	if m := f.say(t, resident, "请问群租物业管不管"); strings.Contains(m.Text, "请问群租") {
		t.Errorf("the question joined the report: %q", m.Text)
	}
	// "好的" sends the waiting report (the preview is edited, nothing new said)
	if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: resident, UserID: resident, Kind: handlers.TextMessage, Text: "好的"}); err != nil {
		t.Fatal(err)
	}
	card := onlyOne(t, byPurpose(f.deliver(t), "card"), "card")
	if !strings.Contains(card.Text, "群租") || strings.Contains(card.Text, "请问") {
		t.Errorf("the card:\n%s", card.Text)
	}
}

// The same report sent again, while the first is open, is offered to it
// rather than filed twice.
func TestTheSameReportAgainIsOfferedToTheFirst(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, _ := f.fileTicket(t, resident, "5号楼2单元楼道灯坏了")
	m := f.say(t, resident, "5号楼2单元，楼道灯坏了！")
	if !strings.Contains(m.Text, tk.Number()) || strings.Contains(m.Text, "确认发送吗") {
		t.Errorf("the repeat: %q %v", m.Text, buttonData(m))
	}
}

// A typed "好" under the party choice asks again which party; it does not
// send the report to the party the resident was about to change.
func TestAYesUnderThePartyChoiceDoesNotSend(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	preview := f.say(t, resident, "6号楼电梯又坏了")
	f.press(t, resident, findData(t, preview, "c:party:"))
	again := f.say(t, resident, "好")
	if findData(t, again, "c:to:") == "" || !strings.Contains(again.Text, "物业") {
		t.Fatalf("after 好 at the party choice: %q %v", again.Text, buttonData(again))
	}
	if cards := byPurpose(f.deliver(t), "card"); len(cards) != 0 {
		t.Fatalf("sent on 好 at the party choice: %q", cards[0].Text)
	}
	f.press(t, resident, findData(t, again, "c:to:"))
	// once a party is picked, 好 sends as at any preview
	if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: resident, UserID: resident, Kind: handlers.TextMessage, Text: "好"}); err != nil {
		t.Fatal(err)
	}
	onlyOne(t, byPurpose(f.deliver(t), "card"), "card")
}
