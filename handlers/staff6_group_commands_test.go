package handlers_test

import (
	"strings"
	"testing"
)

// Commands typed in a staff chat: a ticket action is told where the
// buttons are, a resident's command gets a staff answer, not silence nor
// the residents' "message me privately".
func TestCommandsTypedInAStaffChatAreAnsweredForStaff(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	for i, c := range []struct{ text, want string }{
		{"/claim 1", "工单卡片上按按钮"},
		{"/resolve@codesk_bot 1", "工单卡片上按按钮"},
		{"/mytickets", "/open"},
		{"/lang en", "无需设置语言"},
	} {
		before := f.out.count()
		f.staffWrites(t, pmChat, pmMember, 9100+i, 0, c.text)
		sent := f.out.sentSince(before)
		if len(sent) != 1 || sent[0].ChatID != pmChat || !strings.Contains(sent[0].Text, c.want) ||
			strings.Contains(sent[0].Text, "居民提问和反映问题请私聊我") {
			t.Errorf("%q in a staff chat: %q; want an answer with %q", c.text, texts(sent), c.want)
		}
	}
	before := f.out.count()
	f.staffWrites(t, pmChat, pmMember, 9200, 0, "/claim@other_bot 1")
	if sent := f.out.sentSince(before); len(sent) != 0 {
		t.Errorf("a command for another bot was answered: %q", texts(sent))
	}
}
