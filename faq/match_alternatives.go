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
// terms are the query's distinct terms, sorted; matched is the entry's
// question that covers the query best (bestQuestion).
func (m *Matcher) alternativeConflict(terms []string, entry, matched int32) bool {
	qi := &m.questions
	questions := int(qi.first[entry+1] - qi.first[entry])
	for _, t := range terms {
		alt, ok := concepts.alternatives[t]
		if !ok {
			continue
		}
		if id, known := m.terms.id(t); known && m.askedIn(entry, id) {
			continue
		}
		// the other thing must be what the entry is about: named in at
		// least half its questions, not in passing ("电动车被偷了，能调监控看吗"
		// does not make the surveillance entry one about e-bikes), or in the
		// very question the query matched ("新冠疫苗在哪打" matched the dog
		// entry's "狂犬疫苗在哪打")
		for id, alt2 := range m.alternatives {
			if alt2.family != alt.family || alt2.group == alt.group {
				continue
			}
			if 2*m.questionsAsking(entry, id) < questions && !m.questionHas(matched, id) {
				continue
			}
			if _, inQuery := slices.BinarySearch(terms, m.terms.term(id)); !inQuery {
				return true
			}
		}
	}
	return false
}

// questionHas reports whether question k (an index into the question
// index, -1 for none) has term id.
func (m *Matcher) questionHas(k, id int32) bool {
	if k < 0 {
		return false
	}
	_, ok := slices.BinarySearch(m.questions.question(uint32(k)), id)
	return ok
}

// questionsAsking counts entry's questions that have term id.
func (m *Matcher) questionsAsking(entry, id int32) int {
	qi := &m.questions
	n := 0
	for k := qi.first[entry]; k < qi.first[entry+1]; k++ {
		if _, ok := slices.BinarySearch(qi.question(k), id); ok {
			n++
		}
	}
	return n
}
