package faq

import "testing"

// The first questions residents ask, in the plainest words, must be answered
// with the right entry: they are what a newcomer tries first in the console
// and on Telegram, and a wrong or missing answer there loses trust at once.
// They were written as a resident would ask, not copied from the FAQ.
func TestDefaultFAQAnswersEverydayQuestions(t *testing.T) {
	m := NewMatcher(Default())
	for q, want := range map[string]string{
		"电梯坏了找谁修？":                               "lift-breakdown-entrapment",
		"The lift is broken, who do I call?":     "lift-breakdown-entrapment",
		"被关在电梯里了":                                "lift-breakdown-entrapment",
		"电梯什么时候换？":                               "elevator-replacement-schedule",
		"When will our lift be replaced?":        "elevator-replacement-schedule",
		"换电梯要我出钱吗":                               "elevator-replacement-cost",
		"物业费多少钱一平？":                              "property-fee-rates",
		"How much is the property fee?":          "property-fee-rates",
		"物业费怎么交？":                                "property-fee-payment",
		"How do I pay the property fee?":         "property-fee-payment",
		"不交物业费会怎样":                               "property-fee-arrears",
		"维修基金怎么用？":                               "maintenance-fund-how-to-use",
		"维修基金还剩多少":                               "maintenance-fund-balance",
		"维修基金能用来干嘛":                              "maintenance-fund-what-covers",
		"外墙漏水什么时候修好？":                            "exterior-wall-leak-progress",
		"When will the exterior walls be fixed?": "exterior-wall-leak-progress",
		"楼上漏水到我家怎么办？":                            "leak-into-my-flat",
		"半夜水管爆了找谁？":                              "emergency-after-hours",
		"停车位怎么申请？":                               "parking-allocation",
		"How do I get a parking space?":          "parking-allocation",
		"朋友开车来能进小区吗":                             "visitor-parking",
		"电动车在哪充电？":                               "ebike-charging",
		"Where can I charge my e-bike?":          "ebike-charging",
		"业主大会怎么投票？":                              "owners-meeting-voting",
		"How do I vote at the owners meeting?":   "owners-meeting-voting",
		"联合办公室几点开门？":                             "co-office-location-hours",
		"When is the co-office open?":            "co-office-location-hours",
		"楼道堆东西谁管？":                               "hallway-clutter",
		"群租房怎么举报？":                               "group-rental-rules",
		"监控什么时候装好？":                              "surveillance-upgrade",
		"消防栓没水找谁？":                               "fire-hydrant-renovation",
		"装修要办什么手续？":                              "home-renovation-rules",
		"垃圾几点扔？":                                 "garbage-sorting",
		"怎么联系业委会？":                               "contact-owners-committee",
		"邻居太吵了怎么办":                               "neighbour-dispute-mediation",
		"租房要去哪登记？":                               "residence-registration",
		"老人吃饭有地方吗":                               "elderly-services",
		"How do I report a problem?":             "report-a-concern",
		"How do I contact the owners committee?": "contact-owners-committee",
		"Can my friend park in the estate?":      "visitor-parking",
		"Who is on duty at the office today?":    "co-office-duty-rotation",
		"Where do I throw away old furniture?":   "garbage-sorting",
		"Water is leaking from my ceiling":       "leak-into-my-flat",
	} {
		if got := m.Match(q); got.ID != want {
			t.Errorf("Match(%q) = %q (score %.2f, candidates %v), want %s", q, got.ID, got.Score, got.Candidates, want)
		}
	}
}

// Small talk that shares only a word for "today" or "tomorrow" with one FAQ
// question ("今天联合办公室谁值班？") is not answered with that entry: such
// words say when a question is asked, not what it is about.
func TestDefaultFAQDoesNotAnswerSmallTalkAboutToday(t *testing.T) {
	m := NewMatcher(Default())
	for _, q := range []string{"今天天气怎么样", "明天天气好吗", "今天吃什么好"} {
		if got := m.Match(q); got.ID != "" {
			t.Errorf("Match(%q) answered %q (score %.2f), want no confident answer", q, got.ID, got.Score)
		}
	}
	if got := m.Match("今天谁值班？"); got.ID != "co-office-duty-rotation" {
		t.Errorf("Match(今天谁值班？) = %q, want co-office-duty-rotation", got.ID)
	}
}
