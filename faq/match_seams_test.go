package faq

import (
	"slices"
	"testing"
)

func TestSeamsBetweenKnownWordsAreNoUnknownTopic(t *testing.T) {
	m := NewMatcher(append(fixtureEntries(),
		Entry{ID: "committee-powers", Questions: []string{"业委会的职权有哪些？"}, Answer: Answer{ZH: "业委会在业主大会授权的范围内履职。", EN: "Within the mandate the general meeting gives."}},
	))
	// 委会, 职权 and 范围 are the FAQ's words; 会职 and 权范 only join them
	if got := m.appendSeams(nil, "业委会职权范围"); !slices.Equal(got, []string{"会职", "权范"}) {
		t.Errorf("seams of 业委会职权范围 = %v, want [会职 权范]", got)
	}
	// 物业费 is one word: its bigrams are no seams
	if got := m.appendSeams(nil, "物业费怎么交"); len(got) != 0 {
		t.Errorf("seams of 物业费怎么交 = %v, want none", got)
	}
	if got := m.appendSeams(nil, "how do I pay"); len(got) != 0 {
		t.Errorf("seams of English text = %v", got)
	}
}
