package handlers

import (
	"slices"
	"testing"
)

// Two questions in one message come apart; one question with a comma in it
// does not.
func TestQuestionParts(t *testing.T) {
	t.Parallel()
	for text, want := range map[string][]string{
		"电梯什么时候换？物业费怎么交？":                                                                      {"电梯什么时候换", "物业费怎么交"},
		"停车位怎么申请，访客车能进来吗":                                                                      {"停车位怎么申请", "访客车能进来吗"},
		"how do I get a new access card and where is the bike shed?":                           {"how do I get a new access card", "where is the bike shed"},
		"where is the co-office and what are the office hours? also can I pay the fee online?": {"where is the co-office", "what are the office hours", "also can I pay the fee online"},
		"我家厨房漏水，楼下说渗到他家了，怎么办":                                                                  {"我家厨房漏水，楼下说渗到他家了，怎么办"},
		"上个月我被困在电梯里半小时，电梯到底什么时候换":                                                              {"上个月我被困在电梯里半小时", "电梯到底什么时候换"},
		"how do I pay the property fee":                                                        {"how do I pay the property fee"},
		"the lift and the stairs, when are they repaired?":                                     {"the lift and the stairs", "when are they repaired"},
	} {
		if got := questionParts(text); !slices.Equal(got, want) {
			t.Errorf("questionParts(%q) = %q, want %q", text, got, want)
		}
	}
}
