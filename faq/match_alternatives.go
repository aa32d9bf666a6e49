package faq

import "slices"

// alternativeIDs maps the FAQ's concept terms that have a place in a family
// of alternatives (synonyms.txt "family" lines) to it.
func (m *Matcher) alternativeIDs() map[int32]alternative {
	out := map[int32]alternative{}
	for concept, alt := range concepts.alternatives {
		if id, ok := m.terms.id(concept); ok {
			out[id] = alt
		}
	}
	return out
}

// alternativeConflict reports a query concept the entry's questions lack
// while they name another group's concept of its family that the query does
// not: the entry is about a different thing of that kind (an electric car's
// charging against the e-bike entry, a gas bill against the property fee).
// terms are the query's distinct terms, sorted.
func (m *Matcher) alternativeConflict(terms []string, entry int32) bool {
	for _, t := range terms {
		alt, ok := concepts.alternatives[t]
		if !ok {
			continue
		}
		if id, known := m.terms.id(t); known && m.askedIn(entry, id) {
			continue
		}
		qi := &m.questions
		for k := qi.first[entry]; k < qi.first[entry+1]; k++ {
			for _, id := range qi.question(k) {
				other, ok := m.alternatives[id]
				if !ok || other.family != alt.family || other.group == alt.group {
					continue
				}
				if _, inQuery := slices.BinarySearch(terms, m.terms.term(id)); !inQuery {
					return true
				}
			}
		}
	}
	return false
}
