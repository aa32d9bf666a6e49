package faq

import "testing"

// A question made only of common words ("What does the owners' committee
// actually do?") is covered by any question that names the committee;
// measured against at least a few typical terms it no longer outranks the
// entry that answers the rest of the question.
func TestShortCommonQuestionDoesNotCoverEverything(t *testing.T) {
	// the default FAQ with four questions an entry, as it was when the
	// floor was introduced (its later questions name the candidates)
	entries := Default()
	for i := range entries {
		entries[i].Questions = entries[i].Questions[:min(4, len(entries[i].Questions))]
	}
	// and the question share of that time (0.3): with less weight on
	// questions the case no longer needs the floor
	params := defaultParams
	params.questionShare = 0.3
	q := "Which owners may be candidates for the owners' committee?"
	if got := newMatcher(entries, params).Rank(q, 1); len(got) == 0 || got[0].ID != "owners-committee-election" {
		t.Errorf("Rank(%q) = %v, want owners-committee-election first", q, got)
	}
	without := params
	without.questionFloorTerms = 0
	if got := newMatcher(entries, without).Rank(q, 1); len(got) == 0 || got[0].ID != "owners-committee-duties" {
		t.Errorf("without the floor Rank(%q) = %v: the case no longer shows what the floor is for", q, got)
	}
}
