package faq

import (
	"slices"
	"strings"
)

// statements are the units of an entry — each question and each sentence of
// its answers — as sorted term ids. A question that one statement covers is
// better evidence than one whose words are scattered over a long answer.
// They are stored flat (a few bytes per term) to keep a large FAQ small.
type statements struct {
	ids []int32 // term ids, statement after statement
	// ends[k] is where statement k's ids end; first[e] is entry e's first
	// statement, first[len] the total.
	ends, first []int32
}

func (m *Matcher) indexStatements(entries []Entry) statements {
	var st statements
	var ids []int32
	for _, e := range entries {
		st.first = append(st.first, int32(len(st.ends)))
		for _, s := range append(slices.Clone(e.Questions), splitSentences(e.Answer.ZH+"\n"+e.Answer.EN)...) {
			ids = ids[:0]
			for _, t := range appendTokens(nil, Normalize(s), nil) {
				if id, ok := m.terms[t]; ok {
					ids = append(ids, id)
				}
			}
			slices.Sort(ids)
			ids = slices.Compact(ids)
			if len(ids) > 0 {
				st.ids = append(st.ids, ids...)
				st.ends = append(st.ends, int32(len(st.ids)))
			}
		}
	}
	st.first = append(st.first, int32(len(st.ends)))
	st.ids = slices.Clip(st.ids)
	st.ends = slices.Clip(st.ends)
	return st
}

func splitSentences(text string) []string {
	text = strings.ReplaceAll(text, ". ", "\n")
	return strings.FieldsFunc(text, func(r rune) bool {
		switch r {
		case '。', '！', '？', '；', '\n', '!', '?', ';':
			return true
		}
		return false
	})
}

// statementCoverage is the largest share of the query's weight (total) that
// one statement of entry covers; known is sorted by term id.
func (m *Matcher) statementCoverage(entry int32, known []weightedTerm, total float32) float32 {
	st := &m.statements
	if total <= 0 {
		return 0
	}
	var best float32
	for k := st.first[entry]; k < st.first[entry+1]; k++ {
		start := int32(0)
		if k > 0 {
			start = st.ends[k-1]
		}
		unit := st.ids[start:st.ends[k]]
		var got float32
		for _, q := range known {
			if _, ok := slices.BinarySearch(unit, q.id); ok {
				got += q.w
			}
		}
		best = max(best, got)
	}
	return best / total
}
