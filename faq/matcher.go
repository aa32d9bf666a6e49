package faq

import (
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// Matcher finds the FAQ entry that answers a question. It is immutable after
// NewMatcher and safe for concurrent use.
//
// Scoring is BM25F-like over two fields, the entry's questions and its answers
// (both languages, lower weight), but normalised by the query: an entry's score
// is the IDF-weighted share of the question's informative terms that the entry
// covers, each term counting with a saturated, field-weighted match strength in
// [0,1]. Scores are therefore in [0,1] and comparable across questions, so one
// threshold works for short and long questions alike.
type Matcher struct {
	params   matchParams
	ids      []string
	terms    map[string]int32
	idf      []float32
	kinds    []termKind
	postings [][]posting
	fixer    *typoFixer
	// questions holds, per entry, each question's weighted terms for
	// question coverage.
	questions [][]questionTerms
	// vocab holds, per entry, the sorted distinct term ids of its questions.
	vocab [][]int32
	// statements holds each entry's questions and answer sentences.
	statements statements
	maxIDF     float32
	// typicalWeight is the mean weight of a question term (typicalTermWeight).
	typicalWeight float32
	pool          sync.Pool // *scratch
}

type questionTerms struct {
	terms   []int32 // sorted term ids
	weights []float32
	total   float32
}

type posting struct {
	entry    int32
	strength float32 // match strength in [0,1]
}

// matchParams are the scoring and decision constants (see match_params.go).
type matchParams struct {
	questionWeight, answerWeight float64         // field weights before saturation
	questionB, answerB           float64         // BM25 length normalisation per field
	k1                           float64         // term-frequency saturation
	hanUnigramWeight             float64         // relative weight of single Chinese characters
	conceptWeight                float64         // relative weight of synonym concepts
	coveredWeight                float64         // relative weight of a query term inside a lexicon phrase
	unknownBigramWeight          float64         // weight of a Chinese bigram the FAQ never uses
	questionShare                float64         // weight of question coverage in the blended score
	confidence                   confidenceModel // chance that the top entry is right
	threshold                    float64         // confident answer: that chance at least this
	candidateMin                 float64         // "did you mean": score at least this
	candidateRatio               float64         // ...and at least this share of the top score
}

// Scored is an entry id with its score in [0,1].
type Scored struct {
	ID    string
	Score float64
}

// Result is the outcome of matching one question.
type Result struct {
	ID         string   // entry to answer with confidently; "" when no confident match
	Score      float64  // the top entry's score in [0,1] (the calibrated confidence), 0 when nothing matched
	Candidates []Scored // at most 3 "did you mean" entries, best first, NOT including ID; empty when nothing is even close
}

// NewMatcher indexes entries.
func NewMatcher(entries []Entry) *Matcher {
	return newMatcher(entries, defaultParams)
}

type fieldTerms struct {
	question, answer map[string]int
	qLen, aLen       int
}

func newMatcher(entries []Entry, p matchParams) *Matcher {
	m := &Matcher{params: p, ids: make([]string, len(entries)), terms: map[string]int32{}}
	words := map[string]int{}
	for _, w := range concepts.words {
		words[w]++
	}
	fields := make([]fieldTerms, len(entries))
	var qTotal, aTotal int
	for i, e := range entries {
		m.ids[i] = e.ID
		qText := Normalize(strings.Join(e.Questions, "\n"))
		aText := Normalize(e.Answer.ZH + "\n" + e.Answer.EN)
		countWords(words, qText)
		countWords(words, aText)
		f := fieldTerms{question: map[string]int{}, answer: map[string]int{}}
		for _, t := range appendTokens(nil, qText, nil) {
			f.question[t]++
			f.qLen++
		}
		for _, t := range appendTokens(nil, aText, nil) {
			f.answer[t]++
			f.aLen++
		}
		qTotal += f.qLen
		aTotal += f.aLen
		fields[i] = f
	}
	m.fixer = newTypoFixer(words)

	n := len(entries)
	avgQ, avgA := 1.0, 1.0
	if n > 0 {
		avgQ = max(1, float64(qTotal)/float64(n))
		avgA = max(1, float64(aTotal)/float64(n))
	}
	// document frequencies and posting lists, entry by entry so postings stay sorted
	for i, f := range fields {
		seen := func(t string) int32 {
			id, ok := m.terms[t]
			if !ok {
				id = int32(len(m.postings))
				m.terms[t] = id
				m.postings = append(m.postings, nil)
			}
			return id
		}
		qNorm := 1 - p.questionB + p.questionB*float64(f.qLen)/avgQ
		aNorm := 1 - p.answerB + p.answerB*float64(f.aLen)/avgA
		for t, tfQ := range f.question {
			tfA := f.answer[t]
			w := p.questionWeight*float64(tfQ)/qNorm + p.answerWeight*float64(tfA)/aNorm
			id := seen(t)
			m.postings[id] = append(m.postings[id], posting{entry: int32(i), strength: saturate(w, p.k1)})
		}
		for t, tfA := range f.answer {
			if _, inQ := f.question[t]; inQ {
				continue
			}
			w := p.answerWeight * float64(tfA) / aNorm
			id := seen(t)
			m.postings[id] = append(m.postings[id], posting{entry: int32(i), strength: saturate(w, p.k1)})
		}
	}
	m.idf = make([]float32, len(m.postings))
	m.kinds = make([]termKind, len(m.postings))
	for t, id := range m.terms {
		m.kinds[id] = termKindOf(t)
	}
	for id, ps := range m.postings {
		m.idf[id] = idf(n, len(ps))
	}
	m.maxIDF = idf(n, 0)
	m.questions = make([][]questionTerms, n)
	for i, e := range entries {
		for _, q := range e.Questions {
			m.questions[i] = append(m.questions[i], m.weighQuestion(Normalize(q)))
		}
	}
	m.vocab = questionVocab(m.questions)
	m.statements = m.indexStatements(entries)
	m.typicalWeight = typicalTermWeight(m.questions, m.maxIDF)
	m.pool.New = func() any { return &scratch{acc: make([]float32, n)} }
	return m
}

// saturate maps a field-weighted term frequency to a match strength in [0,1]:
// BM25's tf*(k1+1)/(tf+k1), which is 1 at tf 1, capped at 1.
func saturate(tf, k1 float64) float32 {
	return float32(min(1, tf*(k1+1)/(tf+k1)))
}

// idf is BM25's inverse document frequency (always positive).
func idf(n, df int) float32 {
	return float32(math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5)))
}

func countWords(words map[string]int, normalized string) {
	for _, w := range strings.Fields(normalized) {
		if isASCIILetters(w) {
			words[w]++
			continue
		}
		// split off Latin parts glued to Chinese ("请问parking")
		for _, part := range strings.FieldsFunc(w, func(r rune) bool { return r > unicode.MaxASCII }) {
			if isASCIILetters(part) {
				words[part]++
			}
		}
	}
}

func (m *Matcher) weighQuestion(normalized string) questionTerms {
	terms := appendTokens(nil, normalized, nil)
	slices.Sort(terms)
	terms = slices.Compact(terms)
	type weighted struct {
		id int32
		w  float32
	}
	var ws []weighted
	for _, t := range terms {
		if id, ok := m.terms[t]; ok {
			ws = append(ws, weighted{id, m.idf[id] * m.kindWeight(termKindOf(t))})
		}
	}
	slices.SortFunc(ws, func(a, b weighted) int { return int(a.id - b.id) })
	q := questionTerms{terms: make([]int32, len(ws)), weights: make([]float32, len(ws))}
	for i, x := range ws {
		q.terms[i], q.weights[i] = x.id, x.w
		q.total += x.w
	}
	return q
}
