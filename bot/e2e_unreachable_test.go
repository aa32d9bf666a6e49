package bot_test

import (
	"strings"
	"testing"
	"time"

	"codesk/bot/botapitest"
)

// A resident who blocked the bot after reporting gets nothing, and the
// staff who replied hear so in their chat (Telegram answers 403).
func TestStaffHearWhenTheResidentBlockedTheBot(t *testing.T) {
	d := startCoOffice(t, 0.05)
	tg := d.tg
	const wait = 30 * time.Second // a loaded CI machine (handlers tests on PostgreSQL alongside) can take over 10 s
	li := botapitest.User{ID: 3201, FirstName: "李", LanguageCode: "zh-hans"}
	home := botapitest.PrivateChat(li)
	wang := botapitest.User{ID: 2102, FirstName: "王师傅"}
	tg.SetMember(pmChat.ID, wang.ID, botapitest.StatusMember)

	tg.UserSays(home, li, "5号楼1单元楼道的灯坏了，晚上黑漆漆的")
	preview := tg.WaitMessage(t, home.ID, wait, contains("确认发送吗"))
	tg.UserPressesButton(t, home, li, preview.MessageID, "✅ 确认发送")
	tg.WaitMessage(t, home.ID, wait, contains("#1"))
	card := tg.WaitMessage(t, pmChat.ID, wait, contains("工单 #1"))

	tg.SetBlocked(home.ID, true)
	before := len(tg.Sent(home.ID))
	tg.UserReplies(pmChat, wang, card.MessageID, "今天下午换灯泡")
	note := tg.WaitMessage(t, pmChat.ID, wait, contains("无法送达"))
	if !strings.Contains(note.Text, "#1") {
		t.Errorf("the note names the ticket: %q", note.Text)
	}
	if n := len(tg.Sent(home.ID)); n != before {
		t.Errorf("a blocked chat received %d messages", n-before)
	}
}
