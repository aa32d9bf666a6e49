package faq

import "slices"

// questionIndex holds every entry's questions as sorted term ids, one flat
// array for all: a term's weight in a question is its IDF-weighted kind
// weight (termWeight), so only ids and per-question totals are kept.
type questionIndex struct {
	terms  []int32   // term ids, question after question
	ends   []uint32  // question k's ids end at terms[ends[k]]
	totals []float32 // question k's summed term weight
	// rankTotals: the same with rankIDF (rankWeight)
	rankTotals []float32
	first      []uint32 // entry e's questions are first[e]:first[e+1]
}

func (m *Matcher) indexQuestions(entries []Entry) questionIndex {
	var qi questionIndex
	var ids []int32
	for _, e := range entries {
		qi.first = append(qi.first, uint32(len(qi.ends)))
		for _, q := range e.Questions {
			ids = m.knownTermIDs(ids[:0], q)
			var total, rankTotal float32
			for _, id := range ids {
				total += m.termWeight(id)
				rankTotal += m.rankWeight(id)
			}
			qi.terms = append(qi.terms, ids...)
			qi.ends = append(qi.ends, uint32(len(qi.terms)))
			qi.totals = append(qi.totals, total)
			qi.rankTotals = append(qi.rankTotals, rankTotal)
		}
	}
	qi.first = append(qi.first, uint32(len(qi.ends)))
	qi.terms = slices.Clone(qi.terms)
	qi.ends = slices.Clone(qi.ends)
	qi.totals = slices.Clone(qi.totals)
	qi.rankTotals = slices.Clone(qi.rankTotals)
	qi.first = slices.Clone(qi.first)
	return qi
}

// knownTermIDs appends the distinct ids of text's terms that the index
// knows, sorted.
func (m *Matcher) knownTermIDs(dst []int32, text string) []int32 {
	start := len(dst)
	for _, t := range appendTokens(nil, Normalize(text), nil) {
		if id, ok := m.terms.id(t); ok {
			dst = append(dst, id)
		}
	}
	slices.Sort(dst[start:])
	return append(dst[:start], slices.Compact(dst[start:])...)
}

// question returns question k's sorted term ids.
func (qi *questionIndex) question(k uint32) []int32 {
	start := uint32(0)
	if k > 0 {
		start = qi.ends[k-1]
	}
	return qi.terms[start:qi.ends[k]]
}

// termWeight is term id's weight in a question: its IDF times its kind's
// weight. The conversion rounds the product to float32 (never fused into a
// following addition), as when it was stored per question.
func (m *Matcher) termWeight(id int32) float32 {
	return float32(m.idf[id] * m.kindWeight(m.kinds[id]))
}

// questionCoverage is the largest IDF-weighted share of one of the entry's
// questions that the query's known terms cover. A question weighs at least
// floor: one of a few common words ("What does the owners' committee do?")
// would otherwise be covered by any query naming them. The caller keeps floor
// within the query's own weight, so a query that is such a question still
// covers it fully.
func (m *Matcher) questionCoverage(entry int32, known []int32, floor float32) float32 {
	_, best := m.bestQuestion(entry, known, floor)
	return best
}

// bestQuestion is the entry's question (an index into the question index,
// -1 when none covers anything) with the largest coverage, and that coverage.
func (m *Matcher) bestQuestion(entry int32, known []int32, floor float32) (int32, float32) {
	return m.bestQuestionBy(entry, known, floor, m.idf, m.questions.totals)
}

// rankQuestionCoverage is questionCoverage with the ranking's term weights
// (rankWeight); floor is in those weights.
func (m *Matcher) rankQuestionCoverage(entry int32, known []int32, floor float32) float32 {
	_, best := m.bestQuestionBy(entry, known, floor, m.rankIDF, m.questions.rankTotals)
	return best
}

// bestQuestionBy is bestQuestion with the term weights of idfs (m.idf or
// m.rankIDF) and the questions' totals in them.
func (m *Matcher) bestQuestionBy(entry int32, known []int32, floor float32, idfs, totals []float32) (int32, float32) {
	qi := &m.questions
	bestK, best := int32(-1), float32(0)
	for k := qi.first[entry]; k < qi.first[entry+1]; k++ {
		total := totals[k]
		if total == 0 {
			continue
		}
		var got float32
		for _, id := range qi.question(k) {
			if _, ok := slices.BinarySearch(known, id); ok {
				got += float32(idfs[id] * m.kindWeight(m.kinds[id]))
			}
		}
		if c := got / max(total, floor); c > best {
			bestK, best = int32(k), c
		}
	}
	return bestK, best
}

// askedIn reports whether one of entry's questions has term id.
func (m *Matcher) askedIn(entry, id int32) bool {
	qi := &m.questions
	for k := qi.first[entry]; k < qi.first[entry+1]; k++ {
		if _, ok := slices.BinarySearch(qi.question(k), id); ok {
			return true
		}
	}
	return false
}
