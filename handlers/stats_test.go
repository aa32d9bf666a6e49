package handlers_test

import (
	"strings"
	"testing"

	"codesk/handlers"
)

func TestAdminsSeeWhatResidentsReportedAndHowItWent(t *testing.T) {
	f := newTicketFixture(t, nil)
	lift, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	f.fileTicket(t, neighbour, "隔壁602群租，住了十几个人")
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:resolve:"+itoa(lift.ID))
	f.deliver(t)
	f.press(t, resident, "r:rate:"+itoa(lift.ID)+":4")
	f.deliver(t)

	got := f.say(t, admin, "/stats").Text
	for _, want := range []string{"近 7 天反映的问题（工单）：2", "物业 1", "居委会 1", "已解决：1", "居民评分：4.0 / 5（1 人评价）", "当前未结：1，其中待受理：1"} {
		if !strings.Contains(got, want) {
			t.Errorf("stats lack %q:\n%s", want, got)
		}
	}
	if !strings.Contains(got, "电梯") || !strings.Contains(got, "群租") {
		t.Errorf("stats name the categories reported, got:\n%s", got)
	}
	if en := f.send(t, handlers.Incoming{UserID: admin, UserLang: "en", Kind: handlers.TextMessage, Text: "/stats"}).Text; !strings.Contains(en, "Concerns reported in the last 7 days: 2") {
		t.Errorf("English stats:\n%s", en)
	}
	if got := f.say(t, resident, "/stats").Text; strings.Contains(got, "工单") {
		t.Errorf("a resident must not see the statistics, got %q", got)
	}
}
