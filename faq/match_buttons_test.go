package faq

import (
	"slices"
	"testing"
)

// An entry one of whose sentences says what the question asks is offered
// before one that shares a single word with it: "charges" finds the e-bike
// charging entry through the stem, but the fee entries' answers speak of
// raising and owing the fee.
func TestButtonsPutTheEntryWhoseSentenceSaysItFirst(t *testing.T) {
	m := NewMatcher(loadYAMLEntries(t, "default.yaml"))
	r := m.Match("can the management just increase the charges whenever they like")
	var ids []string
	for _, c := range r.Candidates {
		ids = append(ids, c.ID)
	}
	arrears, ebike := slices.Index(ids, "property-fee-arrears"), slices.Index(ids, "ebike-charging")
	if r.ID != "" || len(ids) == 0 || ids[0] != "property-fee-rates" || arrears < 0 || (ebike >= 0 && ebike < arrears) {
		t.Errorf("Match = %q, buttons %v; want no answer, property-fee-rates first, property-fee-arrears before ebike-charging", r.ID, ids)
	}

	// with the statement coverage left out of the order the stem wins
	p := defaultParams
	p.buttonUnitWeight = 0
	r = newMatcher(loadYAMLEntries(t, "default.yaml"), p).Match("can the management just increase the charges whenever they like")
	if len(r.Candidates) < 2 || r.Candidates[1].ID != "ebike-charging" {
		t.Fatalf("without statement coverage the buttons are %v; this test no longer shows the difference", r.Candidates)
	}
}

// The buttons' order changes, not which entries qualify: an entry too weak
// to be offered stays out however well one sentence covers the question.
func TestButtonOrderKeepsTheScoreFloors(t *testing.T) {
	m := NewMatcher(loadYAMLEntries(t, "default.yaml"))
	for _, q := range []string{"can the management just increase the charges whenever they like", "消防泵坏了，维修资金能不能先用再表决", "小区里有健身房吗"} {
		r := m.Match(q)
		for _, c := range r.Candidates {
			if c.Score < defaultParams.candidateMin || c.Score < defaultParams.candidateRatio*r.Score || c.ID == r.ID {
				t.Errorf("Match(%q) offers %v (top score %.2f, answer %q)", q, c, r.Score, r.ID)
			}
		}
	}
}
