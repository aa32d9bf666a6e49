package faq

import (
	"encoding/binary"
	"slices"
	"strings"
)

// statements are the units of an entry — each question and each sentence of
// its answers — as sorted term ids. A question that one statement covers is
// better evidence than one whose words are scattered over a long answer.
// They are stored flat, each id as a varint of its gap to the previous one
// (about 2 bytes instead of 4): only the top two entries' are read per query.
type statements struct {
	gaps []byte // term id gaps, statement after statement
	// ends[k] is where statement k's gaps end; first[e] is entry e's first
	// statement, first[len] the total.
	ends, first []uint32
}

func (m *Matcher) indexStatements(entries []Entry) statements {
	var st statements
	var ids []int32
	for _, e := range entries {
		st.first = append(st.first, uint32(len(st.ends)))
		for _, s := range append(slices.Clone(e.Questions), splitSentences(e.Answer.ZH+"\n"+e.Answer.EN)...) {
			ids = m.knownTermIDs(ids[:0], s)
			if len(ids) > 0 {
				st.gaps = appendGaps(st.gaps, ids)
				st.ends = append(st.ends, uint32(len(st.gaps)))
			}
		}
	}
	st.first = append(st.first, uint32(len(st.ends)))
	st.gaps = slices.Clone(st.gaps)
	st.ends = slices.Clone(st.ends)
	st.first = slices.Clone(st.first)
	return st
}

// appendGaps appends sorted distinct ids as varints: the first id, then each
// id's distance to the one before.
func appendGaps(dst []byte, ids []int32) []byte {
	prev := int32(0)
	for _, id := range ids {
		dst = binary.AppendUvarint(dst, uint64(id-prev))
		prev = id
	}
	return dst
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
		start := uint32(0)
		if k > 0 {
			start = st.ends[k-1]
		}
		// walk the statement's ids and the query's together, both ascending,
		// adding the query weights of shared ids in the query's order
		unit := st.gaps[start:st.ends[k]]
		var got float32
		id, q := int32(0), 0
		for len(unit) > 0 && q < len(known) {
			gap, n := binary.Uvarint(unit)
			unit = unit[n:]
			id += int32(gap)
			for q < len(known) && known[q].id < id {
				q++
			}
			if q < len(known) && known[q].id == id {
				got += known[q].w
				q++
			}
		}
		best = max(best, got)
	}
	return best / total
}
