package handlers_test

import (
	"strings"
	"testing"
)

// After a report is sent, what residents say about it must not become a
// report of those words: a mistake is offered for withdrawal (or a plain OK
// with nothing to withdraw), a chase shows where it stands, a complaint
// about the wait or a dispute of an open ticket is offered to it.
func TestWordsAboutASentReportReachIt(t *testing.T) {
	t.Parallel()
	const lift = "the lift in building 7 is broken"
	for _, c := range []struct {
		report, text string
		want         string // "withdraw", "ok", "status", "offer", "draft"
	}{
		{"", "never mind, forget it", "ok"},
		{"", "oops wrong button", "ok"},
		{"", "sorry wrong chat", "ok"},
		{lift, "never mind, forget it", "withdraw"},
		{lift, "oops wrong button", "withdraw"},
		{lift, "弗要修了 已经好了", "withdraw"},
		{lift, "搞错了 弗要报了", "withdraw"},
		{lift, "I sent that by mistake", "withdraw"},
		{lift, "电梯哪能了", "status"},
		{lift, "我的电梯哪能了", "status"},
		{lift, "is my lift fixed yet?", "status"},
		{lift, "what about the lift?", "status"},
		{lift, "电梯修了伐", "status"},
		{lift, "why is nobody fixing it", "status"},
		{lift, "any news on my ticket?", "status"},
		{lift, "I reported it 3 days ago and nobody came", "offer"},
		{lift, "this is ridiculous, 3 days and nobody came", "offer"},
		{lift, "still broken", "offer"},
		// stays: new matters are drafted
		{lift, "3号楼门口垃圾堆了好几天了", "draft"},
		{lift, "the gym door in building 2 is broken", "draft"},
		{"", "the lift in building 7 is broken", "draft"},
	} {
		f := newTicketFixture(t, nil)
		if c.report != "" {
			f.fileTicket(t, resident, c.report)
			f.deliver(t)
		}
		m := f.say(t, resident, c.text)
		data := strings.Join(buttonData(m), " ")
		var got string
		switch {
		case strings.Contains(data, "r:withdraw:1"):
			got = "withdraw"
		case strings.Contains(data, "r:conv:1:y"):
			got = "offer"
		case strings.Contains(data, "r:show:1"):
			got = "status"
		case strings.Contains(data, "c:send:") || strings.Contains(data, "c:skip:"):
			got = "draft"
		case m.Text == "OK." || m.Text == "好的。":
			got = "ok"
		}
		if got != c.want {
			t.Errorf("%q after %q: got %s, want %s (%q %v)", c.text, c.report, got, c.want, m.Text, buttonData(m))
		}
	}
}

// A dispute of a claimed (not yet resolved) ticket is offered to it.
func TestADisputeOfAClaimedTicketIsOfferedToIt(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元楼道灯坏了")
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:claim:"+itoa(tk.ID))
	f.deliver(t)
	m := f.say(t, resident, "根本没修好 还是暗的")
	findData(t, m, "r:conv:"+itoa(tk.ID)+":y")
}

// Pinyin small talk is small talk.
func TestPinyinSmallTalk(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]string{"xie xie": "welcome", "xiexie, thanks": "welcome", "ni hao": "codesk", "zai jian": "whenever"} {
		f := newTicketFixture(t, nil)
		if m := f.say(t, resident, text); !strings.Contains(m.Text, want) {
			t.Errorf("%q: %q, want %q in it", text, m.Text, want)
		}
	}
}
