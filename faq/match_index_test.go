package faq

import (
	"fmt"
	"math"
	"testing"
)

func TestTermDictNumbersAndFindsTerms(t *testing.T) {
	d := newTermDict()
	var terms []string
	for i := range 5000 { // several rehashes
		terms = append(terms, fmt.Sprintf("t%d", i), string(rune(0x4E00+i)))
	}
	for i, term := range terms {
		if id := d.add(term); id != int32(i) {
			t.Fatalf("add(%q) = %d, want the next id %d", term, id, i)
		}
	}
	if id := d.add(terms[17]); id != 17 {
		t.Errorf("adding a known term again: id %d, want 17", id)
	}
	d.trim()
	if d.len() != len(terms) {
		t.Fatalf("len %d, want %d", d.len(), len(terms))
	}
	for i, term := range terms {
		if id, ok := d.id(term); !ok || id != int32(i) {
			t.Fatalf("id(%q) = %d, %v; want %d", term, id, ok, i)
		}
		if got := d.term(int32(i)); got != term {
			t.Fatalf("term(%d) = %q, want %q", i, got, term)
		}
	}
	for _, unknown := range []string{"", "t5000", "t", "一丁"} {
		if id, ok := d.id(unknown); ok {
			t.Errorf("id(%q) = %d, want not found", unknown, id)
		}
	}
}

// With fewer codes than distinct strengths the postings go wide; either way
// every reference must read back its exact strength.
func TestPostingsKeepExactStrengths(t *testing.T) {
	strength := func(e int, c termCount) float32 {
		return float32(e+1)/7 + float32(c.inQuestions)/3 + float32(c.inAnswers)/11
	}
	counts := func(e int, id int32) (termCount, bool) {
		return termCount{id: id, inQuestions: uint16(e % 2), inAnswers: uint16(id + 1)}, (e+int(id))%3 != 0
	}
	const entries, terms = 6, 4
	builder := func() *postingsBuilder { // build consumes it
		var b postingsBuilder
		for e := range entries {
			var cs []termCount
			for id := range int32(terms) {
				if c, listed := counts(e, id); listed {
					cs = append(cs, c)
				}
			}
			b.addEntry(cs)
		}
		return &b
	}
	for _, codeBits := range []uint{2, codeBitsFor(entries)} {
		p := builder().build(terms, codeBits, strength)
		if wantWide := codeBits == 2; p.wide != wantWide {
			t.Fatalf("codeBits %d: wide %v, want %v", codeBits, p.wide, wantWide)
		}
		for id := range int32(terms) {
			acc, accRank := make([]float32, entries), make([]float32, entries)
			touched := p.accumulate(id, 2, 3, acc, accRank, nil)
			var listedEntries []int32
			for e, s := range p.each(id) {
				listedEntries = append(listedEntries, e)
				if c, _ := counts(int(e), id); s != strength(int(e), c) {
					t.Errorf("codeBits %d term %d entry %d: strength %v, want %v", codeBits, id, e, s, strength(int(e), c))
				}
			}
			if fmt.Sprint(touched) != fmt.Sprint(listedEntries) {
				t.Errorf("codeBits %d term %d: touched %v, postings list %v", codeBits, id, touched, listedEntries)
			}
			for e := range entries {
				c, listed := counts(e, id)
				want := float32(0)
				if listed {
					want = 2 * strength(e, c)
				}
				if acc[e] != want {
					t.Errorf("codeBits %d term %d entry %d: accumulated %v, want %v", codeBits, id, e, acc[e], want)
				}
				if want := want / 2 * 3; accRank[e] != want {
					t.Errorf("codeBits %d term %d entry %d: accumulated for ranking %v, want %v", codeBits, id, e, accRank[e], want)
				}
				if has := p.has(id, int32(e)); has != listed {
					t.Errorf("codeBits %d: has(%d, %d) = %v, want %v", codeBits, id, e, has, listed)
				}
			}
			for i := 1; i < len(listedEntries); i++ {
				if listedEntries[i-1] >= listedEntries[i] {
					t.Errorf("codeBits %d term %d: postings not by entry: %v", codeBits, id, listedEntries)
				}
			}
		}
	}
}

func TestStatementCoverageReadsGapEncodedIDs(t *testing.T) {
	m := &Matcher{}
	m.statements.first = []uint32{0, 2, 3}
	for _, unit := range [][]int32{{1, 5, 300}, {2, 5, 70000, 1 << 30}, {5}} {
		m.statements.gaps = appendGaps(m.statements.gaps, unit)
		m.statements.ends = append(m.statements.ends, uint32(len(m.statements.gaps)))
	}
	known := []weightedTerm{{5, 1}, {300, 2}, {70000, 4}, {1 << 30, 0.5}}
	if got := m.statementCoverage(0, known, 10); got != 0.55 {
		t.Errorf("entry 0: coverage %v, want 0.55 (5, 70000 and 1<<30 in its second statement)", got)
	}
	if got := m.statementCoverage(1, known, 10); got != 0.1 {
		t.Errorf("entry 1: coverage %v, want 0.1", got)
	}
}

// Term ids order the sums of question and statement weights, so they must
// not follow map iteration order: every build scores alike, to the bit.
func TestMatcherBuildsAreBitIdentical(t *testing.T) {
	entries := append(Default(), syntheticEntries(200)...)
	questions := append([]string{"elevater broken", "maintanence fund vote"}, benchQuestions...)
	var first []string
	for build := range 4 {
		m := NewMatcher(entries)
		var got []string
		for _, q := range questions {
			for _, s := range m.Rank(q, 10) {
				got = append(got, fmt.Sprintf("%s %x", s.ID, math.Float64bits(s.Score)))
			}
			r := m.Match(q)
			got = append(got, fmt.Sprintf("%q %x %v", r.ID, math.Float64bits(r.Score), r.Candidates))
		}
		if build == 0 {
			first = got
			continue
		}
		if fmt.Sprint(got) != fmt.Sprint(first) {
			t.Fatalf("build %d scores differently from build 0:\n%v\n%v", build, got, first)
		}
	}
}
