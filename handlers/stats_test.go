package handlers_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"codesk/faq"
	"codesk/handlers"
	"codesk/storage"
	"codesk/tickets"
)

func TestAdminsSeeWhatResidentsReportedAndHowItWent(t *testing.T) {
	t.Parallel()
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

// A report its resident withdrew is no work staff did: /stats counts it
// apart from the resolved ones, until staff resolve it after a reopening.
func TestStatsCountWithdrawnReportsApart(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	f.fileResolved(t, "3号楼2单元电梯又坏了")
	light, _ := f.fileTicket(t, resident, "3号楼1单元楼道灯坏了")
	gate, _ := f.fileTicket(t, neighbour, "北门门禁坏了，刷卡没反应")
	f.press(t, resident, "r:withdraw:"+itoa(light.ID))
	f.pressIn(t, neighbour, neighbour, handlers.PrivateChat, 0, "r:withdraw:"+itoa(gate.ID))
	f.deliver(t)

	got := f.say(t, admin, "/stats").Text
	if !strings.Contains(got, "已解决：1，居民撤销：2") {
		t.Errorf("want one resolved and two withdrawn:\n%s", got)
	}
	// the gate reopened and resolved by staff: staff's work after all
	f.pressIn(t, neighbour, neighbour, handlers.PrivateChat, 0, "r:reopen:"+itoa(gate.ID))
	reopened := onlyOne(t, byPurpose(f.deliver(t), "card"), "reopened card")
	if st := f.ticket(t, gate.ID).Status; st != tickets.StatusReopened {
		t.Fatalf("the gate ticket is %s after reopening", st)
	}
	f.staffPress(t, pmChat, pmMember, reopened.SentMessageID, "s:resolve:"+itoa(gate.ID))
	f.deliver(t)
	got = f.send(t, handlers.Incoming{UserID: admin, UserLang: "en", Kind: handlers.TextMessage, Text: "/stats"}).Text
	if !strings.Contains(got, "Resolved: 2, withdrawn by residents: 1") {
		t.Errorf("want two resolved and one withdrawn:\n%s", got)
	}
}

// The out-of-scope count is a part of "not answered": it must sit right under
// that line, not under "helpful", where an admin would read it as feedback.
func TestStatsPutOutOfScopeUnderNotAnswered(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	now := time.Now()
	for i, q := range []storage.QuestionLog{
		{Text: "电梯什么时候换", MatchedID: "elevator-replacement", Source: storage.SourceFAQ},
		{Text: "游泳池在哪", Source: storage.SourceNone},
		{Text: "明天会下雨吗", Source: storage.SourceOutOfScope},
	} {
		q.UserID, q.ChatID, q.Lang, q.AskedAt = resident, resident, "zh", now.Add(-time.Duration(i+1)*time.Minute)
		id, err := f.db.LogQuestion(f.ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if q.MatchedID != "" {
			if err := f.db.SetQuestionFeedback(f.ctx, id, resident, true, now); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, tc := range []struct {
		lang                      string
		notAnswered, sub, helpful string
	}{
		{"zh", "未回答：2", "  其中与小区无关（天气、证件等）：1", "有帮助：1，没帮助：0"},
		{"en", "Not answered: 2", "  of which not about the estate (weather, documents…): 1", "Helpful: 1, not helpful: 0"},
	} {
		got := f.adminStats(t, tc.lang)
		lines := strings.Split(got, "\n")
		i := slices.Index(lines, tc.notAnswered)
		if i < 0 || i+2 >= len(lines) || lines[i+1] != tc.sub || lines[i+2] != tc.helpful {
			t.Errorf("%s: want %q, then %q, then %q on consecutive lines, got:\n%s", tc.lang, tc.notAnswered, tc.sub, tc.helpful, got)
		}
	}
}

// Residents are shown the default FAQ's placeholders verbatim until an
// administrator fills them in, so /stats reminds administrators of them.
func TestStatsRemindAdminsOfFAQPlaceholders(t *testing.T) {
	t.Parallel()
	f := newAdminFixture(t)
	if got := f.say(t, admin, "/stats").Text; strings.Contains(got, "待管理员填写") {
		t.Errorf("a FAQ without placeholders needs no reminder, got:\n%s", got)
	}

	entries := slices.Clone(seedFAQ)
	for _, id := range []string{"office-a", "office-b", "office-c", "office-d", "office-e", "office-f"} {
		entries = append(entries, faq.Entry{ID: id, Topic: "offices", Questions: []string{"Where is " + id + "?", id + "在哪里？"},
			Answer: faq.Answer{ZH: "在【待管理员填写：地点】。", EN: "At [ADMIN: place]."}})
	}
	entries[0].Answer.ZH += "电话：【待管理员填写：电话】"
	f.catalog.Replace(entries)

	got := f.say(t, admin, "/stats").Text
	want := "FAQ 中还有 13 处【待管理员填写】占位内容（涉及 7 条：lift-replacement, office-a, office-b, office-c, office-d …）"
	if !strings.Contains(got, want) {
		t.Errorf("reminder should count 13 placeholders in 7 entries and name the first 5, want %q in:\n%s", want, got)
	}
	if strings.Contains(got, "office-e") {
		t.Errorf("reminder names more than 5 entries:\n%s", got)
	}
	en := f.adminStats(t, "en")
	if !strings.Contains(en, "The FAQ still has 13 placeholders for administrators ([ADMIN: …]) in 7 entries (lift-replacement, office-a") {
		t.Errorf("English reminder:\n%s", en)
	}
	if got := f.say(t, resident, "/stats").Text; strings.Contains(got, "待管理员填写") {
		t.Errorf("a resident must not get the reminder, got %q", got)
	}
}

// adminStats asks for /stats as the administrator with lang set in Telegram.
func (f *fixture) adminStats(t *testing.T, lang string) string {
	t.Helper()
	in := handlers.Incoming{ChatID: admin, UserID: admin, UserLang: lang, Kind: handlers.TextMessage, Text: "/stats"}
	if err := f.h.Handle(f.ctx, in); err != nil {
		t.Fatalf("handle /stats: %v", err)
	}
	return f.out.last(t).Text
}

// An answer picked from "did you mean" counts as answered in /stats and is
// no FAQ gap.
func TestStatsCountAPickedAnswerAsAnswered(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	m := f.say(t, resident, "电梯")
	f.press(t, resident, buttonData(m)[0])
	got := f.say(t, admin, "/stats").Text
	if !strings.Contains(got, "FAQ 已回答：1") || strings.Contains(got, "FAQ 缺口") {
		t.Errorf("a picked answer should count as answered and leave the gaps:\n%s", got)
	}
}
