package faq

// Sibling entries (two entries about the co-office, three about the lifts)
// share most of their vocabulary, so a question about one covers nearly as
// much of the other and the two score alike. What tells them apart is the
// few query terms only one of them uses in its questions. siblingScores
// weighs the query's terms by a local IDF over the question vocabularies of
// just the top two entries: a term both use counts little, a term one uses
// counts most. When the runner-up's questions hold more of those telling
// terms than the top entry's, the top entry is often the wrong sibling (the
// confidence feature siblingDeficit). Re-ranking by it instead moved as
// many right answers down as up on the two question sets.

// weightedTerm is a known query term with its query weight.
type weightedTerm struct {
	id int32
	w  float32
}

// siblingScores returns the top two hits' shares of the query's locally
// weighted terms that either entry's questions contain (0, 0 with fewer
// than two hits).
func (m *Matcher) siblingScores(hits []hit, known []weightedTerm) (top, second float32) {
	if len(hits) < 2 {
		return 0, 0
	}
	a, b := hits[0].entry, hits[1].entry
	shared, single := idf(2, 2), idf(2, 1)
	var total float32
	for _, t := range known {
		inA, inB := m.askedIn(a, t.id), m.askedIn(b, t.id)
		switch {
		case inA && inB:
			total += t.w * shared
			top += t.w * shared
			second += t.w * shared
		case inA:
			total += t.w * single
			top += t.w * single
		case inB:
			total += t.w * single
			second += t.w * single
		}
	}
	if total == 0 {
		return 0, 0
	}
	return top / total, second / total
}
