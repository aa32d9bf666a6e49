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

// accumulate adds term id's weighted strengths w*strength to each entry's
// acc and wRank*strength to its accRank (the two term weightings of score),
// appending entries whose acc was 0 to touched; both weights are positive.
// It is the inner loop of scoring: no calls but append, shift and mask in
// registers.
func (p *postings) accumulate(id int32, w, wRank float32, acc, accRank []float32, touched []int32) []int32 {
	from, to := p.start[id], p.start[id+1]
	accRank = accRank[:len(acc)]
	if p.wide {
		strengths := p.strengths[from:to]
		for i, e := range p.refs[from:to] {
			if acc[e] == 0 {
				touched = append(touched, int32(e))
			}
			acc[e] += w * strengths[i]
			accRank[e] += wRank * strengths[i]
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
		accRank[e] += wRank * s
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
	inQuestions, inAnswers uint16 // saturated: strengths saturate long before
}

// clampCount fits a term's count in a field into a termCount.
func clampCount(n int32) uint16 { return uint16(min(n, 1<<16-1)) }

// postingsBuilder gathers entries' term counts, then lays out the postings.
// The counts sit in fixed-size chunks: one slice for all of them (2.5 million
// at 10,000 entries) would hold its old and new arrays at once each time it
// grew, the largest share of the memory a large FAQ needs while it loads.
type postingsBuilder struct {
	chunks [][]termCount
	n      int   // counts so far
	ends   []int // entry e's counts end at count ends[e]
	df     []uint32
}

const countChunk = 1 << 16

// addEntry records the next entry's distinct terms (a term without
// question counts is in its answers only).
func (b *postingsBuilder) addEntry(terms []termCount) {
	for _, t := range terms {
		if b.n%countChunk == 0 {
			b.chunks = append(b.chunks, make([]termCount, 0, countChunk))
		}
		last := &b.chunks[len(b.chunks)-1]
		*last = append(*last, t)
		b.n++
		for int(t.id) >= len(b.df) {
			b.df = append(b.df, 0)
		}
		b.df[t.id]++
	}
	b.ends = append(b.ends, b.n)
}

// count returns the i-th count of all entries.
func (b *postingsBuilder) count(i int) termCount { return b.chunks[i/countChunk][i%countChunk] }

// codeBitsFor is how many bits of a reference entry numbers leave for the
// strength code with n entries (at most 31, so shifts need no range check).
func codeBitsFor(n int) uint { return min(31, uint(32-bits.Len32(uint32(max(n-1, 0))))) }

// build lays out the postings of terms terms with codeBits bits for strength
// codes; strength gives a term's match strength in entry e from its counts.
// It consumes the builder: each chunk of counts is let go once laid out.
func (b *postingsBuilder) build(terms int, codeBits uint, strength func(e int, t termCount) float32) postings {
	start := make([]uint32, terms+1)
	for id := range terms {
		df := uint32(0)
		if id < len(b.df) {
			df = b.df[id]
		}
		start[id+1] = start[id] + df
	}
	codes, ok := b.strengthCodes(codeBits, strength)
	p := postings{start: start, refs: make([]uint32, b.n), codeBits: codeBits, wide: !ok}
	if p.wide {
		p.codeBits = 0
		p.strengths = make([]float32, b.n)
	} else {
		p.strengths = make([]float32, len(codes))
		for s, code := range codes {
			p.strengths[code] = s
		}
	}
	next := append([]uint32(nil), start[:len(start)-1]...)
	from := 0
	for e, end := range b.ends {
		for i := from; i < end; i++ {
			t := b.count(i)
			s, at := strength(e, t), next[t.id]
			next[t.id]++
			if p.wide {
				p.refs[at], p.strengths[at] = uint32(e), s
			} else {
				p.refs[at] = uint32(e)<<codeBits | codes[s]
			}
			if (i+1)%countChunk == 0 {
				b.chunks[i/countChunk] = nil
			}
		}
		from = end
	}
	b.chunks = nil
	return p
}

// strengthCodes numbers the distinct strengths in order of first use, or
// reports that they outnumber the codes codeBits bits can tell apart.
func (b *postingsBuilder) strengthCodes(codeBits uint, strength func(e int, t termCount) float32) (map[float32]uint32, bool) {
	codes := map[float32]uint32{}
	from := 0
	for e, end := range b.ends {
		for i := from; i < end; i++ {
			s := strength(e, b.count(i))
			if _, ok := codes[s]; !ok {
				if uint32(len(codes))>>codeBits != 0 {
					return nil, false
				}
				codes[s] = uint32(len(codes))
			}
		}
		from = end
	}
	return codes, true
}
