package handlers

import (
	"slices"
	"testing"

	"codesk/faq"
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
		// a space is no comma in general: a typo'd question, or a part leaning on the one before
		"包月车为 多少钱一个月":            {"包月车为 多少钱一个月"},
		"新电梯每户大概要扣多少维修金 是怎么算出来的": {"新电梯每户大概要扣多少维修金 是怎么算出来的"},
	} {
		if got := questionParts(text); !slices.Equal(got, want) {
			t.Errorf("questionParts(%q) = %q, want %q", text, got, want)
		}
	}
}

// keyedFAQ answers the questions it knows by their exact words.
type keyedFAQ map[string]string

func (k keyedFAQ) Match(q string) faq.Result { return faq.Result{ID: k[q]} }
func (k keyedFAQ) Entry(id string) (faq.Entry, bool) {
	return faq.Entry{ID: id}, id != ""
}

// Two questions each answered on its own are answered one by one, unless a
// part names its subject only by a pronoun: then the whole is one question.
func TestFirstOfSeveralQuestions(t *testing.T) {
	t.Parallel()
	h := &Handler{Deps: Deps{FAQ: keyedFAQ{
		"电梯什么时候换": "lift-replacement", "物业费怎么交": "fee-payment",
		"What does the maintenance fund pay for": "fund-covers", "do I get it back": "fee-refund",
		"它什么时候换": "lift-replacement",
	}}}
	for _, c := range []struct {
		text, whole, first string
	}{
		{"电梯什么时候换？物业费怎么交？", "third-entry", "电梯什么时候换"},
		{"电梯什么时候换？物业费怎么交？", "fee-payment", ""}, // the whole is already one of theirs
		{"What does the maintenance fund pay for, and do I get it back?", "third-entry", ""},
		{"物业费怎么交？它什么时候换？", "third-entry", ""},
		{"我住7号楼。电梯什么时候换？", "third-entry", ""}, // one question
	} {
		first, ok := h.firstOfSeveralQuestions(c.text, c.whole)
		if first != c.first || ok != (c.first != "") {
			t.Errorf("firstOfSeveralQuestions(%q, %q) = %q, %v; want %q", c.text, c.whole, first, ok, c.first)
		}
	}
}
