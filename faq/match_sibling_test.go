package faq

import "testing"

// siblingPair is two entries that share most of their question vocabulary
// and differ in one word each ("hours" versus "rota").
func siblingPair() []Entry {
	return []Entry{
		{ID: "office-hours", Questions: []string{"When is the shared office open, what are the office opening hours?"},
			Answer: Answer{EN: "The shared office in block 3 is open 9 to 5 on weekdays."}},
		{ID: "office-rota", Questions: []string{"Which party staffs the shared office, where is the office rota?"},
			Answer: Answer{EN: "Each party staffs the shared office on fixed weekdays; the rota is on the door."}},
		{ID: "parking", Questions: []string{"Where can visitors park?"},
			Answer: Answer{EN: "Visitors park in the lot by the north gate."}},
	}
}

func TestSiblingScoresFavourTheEntryWithTheTellingTerm(t *testing.T) {
	m := NewMatcher(siblingPair())
	scores := func(q string) (ids [2]string, top, second float32) {
		sc := m.pool.Get().(*scratch)
		defer m.pool.Put(sc)
		r := m.score(sc, q, 4)
		if len(r.hits) < 2 {
			t.Fatalf("%q: %d hits, want both office entries", q, len(r.hits))
		}
		top, second = m.siblingScores(r.hits, sc.knownW)
		return [2]string{m.ids[r.hits[0].entry], m.ids[r.hits[1].entry]}, top, second
	}
	for q, want := range map[string]string{
		"shared office rota":          "office-rota",
		"shared office opening hours": "office-hours",
	} {
		ids, top, second := scores(q)
		got := ids[0]
		if second > top {
			got = ids[1]
		}
		if got != want {
			t.Errorf("%q: sibling scores %s %.2f, %s %.2f; want %s ahead", q, ids[0], top, ids[1], second, want)
		}
	}
}

func TestSiblingDeficitLowersConfidence(t *testing.T) {
	c := defaultParams.confidence
	base := confidenceFeatures{margin: 0.05, logTerms: 2.5, logMatched: 1.5, secondQnCov: 0.3, topQnCov: 0.3}
	behind := base
	behind.siblingDeficit = 0.5
	if p, p0 := c.probability(behind), c.probability(base); p >= p0 {
		t.Errorf("runner-up holding the telling terms: probability %.3f, not below %.3f", p, p0)
	}
}

func TestSiblingScoresNeedTwoHits(t *testing.T) {
	m := NewMatcher(siblingPair())
	if top, second := m.siblingScores([]hit{{entry: 0}}, []weightedTerm{{id: 0, w: 1}}); top != 0 || second != 0 {
		t.Errorf("one hit: sibling scores %.2f, %.2f, want 0, 0", top, second)
	}
}
