package faq

import (
	"iter"
	"math/bits"
)

// postings lists, per term, the entries that use it with the term's match
// strength there. All terms' lists share one array: a slice per term cost a
// 24-byte header for each of ~280,000 terms at 10,000 entries.
//
// A reference packs the entry number with a code for the strength: the
// strengths take few distinct values (they depend only on a term's counts in
// an entry's two fields and the entry's field lengths; 238 at 10,000
// synthetic entries), so a reference takes 4 bytes instead of 8 and the
// strengths stay exact. Should there be more distinct strengths than codes,
// the postings are wide instead: references are bare entry numbers and
// strengths holds each reference's strength.
type postings struct {
	start     []uint32  // term t's references are refs[start[t]:start[t+1]]
	refs      []uint32  // entry<<codeBits | code, by entry within a term
	codeBits  uint      // < 32: the bits entry numbers leave; 0 when wide
	strengths []float32 // by code, or when wide by reference
	wide      bool
}

// of returns term id's references.
func (p *postings) of(id int32) []uint32 { return p.refs[p.start[id]:p.start[id+1]] }

// entry is the entry a reference points to.
func (p *postings) entry(ref uint32) int32 { return int32(ref >> (p.codeBits & 31)) }

// each yields the entries of term id's postings with their strengths.
func (p *postings) each(id int32) iter.Seq2[int32, float32] {
	return func(yield func(int32, float32) bool) {
		mask := uint32(1)<<(p.codeBits&31) - 1
		for i := p.start[id]; i < p.start[id+1]; i++ {
			ref, s := p.refs[i], float32(0)
			if p.wide {
				s = p.strengths[i]
			} else {
				s = p.strengths[ref&mask]
			}
			if !yield(p.entry(ref), s) {
				return
			}
		}
	}
}

// accumulate adds term id's weighted strength w*strength to each entry's
// acc, appending entries whose acc was 0 to touched. It is the inner loop of
// scoring: no calls but append, shift and mask in registers.
func (p *postings) accumulate(id int32, w float32, acc []float32, touched []int32) []int32 {
	from, to := p.start[id], p.start[id+1]
	if p.wide {
		strengths := p.strengths[from:to]
		for i, e := range p.refs[from:to] {
			if acc[e] == 0 {
				touched = append(touched, int32(e))
			}
			acc[e] += w * strengths[i]
		}
		return touched
	}
	shift := p.codeBits & 31
	mask := uint32(1)<<shift - 1
	strengths := p.strengths
	for _, ref := range p.refs[from:to] {
		e := ref >> shift
		s := strengths[ref&mask]
		if acc[e] == 0 {
			touched = append(touched, int32(e))
		}
		acc[e] += w * s
	}
	return touched
}

// has reports whether term id's postings include entry.
func (p *postings) has(id, entry int32) bool {
	refs := p.of(id)
	lo, hi := 0, len(refs)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if p.entry(refs[mid]) < entry {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo < len(refs) && p.entry(refs[lo]) == entry
}

// termCount is one distinct term of an entry with its counts in the entry's
// questions and answers.
type termCount struct {
	id                     int32
	inQuestions, inAnswers int32
}

// postingsBuilder gathers entries' term counts, then lays out the postings.
type postingsBuilder struct {
	counts []termCount
	ends   []int // entry e's counts end at counts[ends[e]]
	df     []uint32
}

// addEntry records the next entry's distinct terms (a term without
// question counts is in its answers only).
func (b *postingsBuilder) addEntry(terms []termCount) {
	b.counts = append(b.counts, terms...)
	b.ends = append(b.ends, len(b.counts))
	for _, t := range terms {
		for int(t.id) >= len(b.df) {
			b.df = append(b.df, 0)
		}
		b.df[t.id]++
	}
}

// codeBitsFor is how many bits of a reference entry numbers leave for the
// strength code with n entries (at most 31, so shifts need no range check).
func codeBitsFor(n int) uint { return min(31, uint(32-bits.Len32(uint32(max(n-1, 0))))) }

// build lays out the postings of terms terms with codeBits bits for strength
// codes; strength gives a term's match strength in entry e from its counts.
func (b *postingsBuilder) build(terms int, codeBits uint, strength func(e int, t termCount) float32) postings {
	start := make([]uint32, terms+1)
	for id := range terms {
		df := uint32(0)
		if id < len(b.df) {
			df = b.df[id]
		}
		start[id+1] = start[id] + df
	}
	if p, ok := b.layout(start, codeBits, strength); ok {
		return p
	}
	p, _ := b.layout(start, 0, strength)
	return p
}

// layout places every entry's references at its terms' next free places;
// with codeBits 0 it lays out wide postings, otherwise it fails when the
// distinct strengths outnumber the codes.
func (b *postingsBuilder) layout(start []uint32, codeBits uint, strength func(e int, t termCount) float32) (postings, bool) {
	p := postings{start: start, refs: make([]uint32, len(b.counts)), codeBits: codeBits, wide: codeBits == 0}
	if p.wide {
		p.strengths = make([]float32, len(b.counts))
	}
	next := append([]uint32(nil), start[:len(start)-1]...)
	codes := map[float32]uint32{}
	from := 0
	for e, end := range b.ends {
		for _, t := range b.counts[from:end] {
			s, at := strength(e, t), next[t.id]
			next[t.id]++
			if p.wide {
				p.refs[at], p.strengths[at] = uint32(e), s
				continue
			}
			code, ok := codes[s]
			if !ok {
				code = uint32(len(codes))
				if code>>codeBits != 0 {
					return postings{}, false
				}
				codes[s] = code
				p.strengths = append(p.strengths, s)
			}
			p.refs[at] = uint32(e)<<codeBits | code
		}
		from = end
	}
	return p, true
}
