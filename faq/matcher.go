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
	params matchParams
	ids    []string
	terms  *termDict
	idf    []float32
	// rankIDF orders the entries (match_rank_idf.go); idf, which the
	// confidence model was fitted on, measures them.
	rankIDF    []float32
	kinds      []termKind
	postings   postings
	fixer      *typoFixer
	homophones *homophoneFixer
	// alternatives places the FAQ's concepts in their families of
	// alternatives (match_alternatives.go).
	alternatives map[int32]alternative
	// questions holds each entry's questions' terms for question coverage.
	questions questionIndex
	// statements holds each entry's questions and answer sentences.
	statements statements
	maxIDF     float32
	// background indexes questions no estate FAQ answers (background.go);
	// nil for the background matcher itself.
	background *Matcher
	// typicalWeight is the mean weight of a question term (typicalTermWeight).
	typicalWeight float32
	// questionFloor is the least total weight a question's coverage is
	// measured against (questionFloorTerms typical terms).
	questionFloor float32
	// rankQuestionFloor is questionFloor in the ranking's weights (rankWeight).
	rankQuestionFloor float32
	pool              sync.Pool // *scratch
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
	answerOnlyShare              float64         // blend: question coverage counts as at least this share of query coverage
	answerMentionDF              float64         // rankIDF: an entry whose answers alone use a term counts this much of a document
	questionFloorTerms           float64         // a question weighs at least this many typical terms
	background                   bool            // compare with the background topics (background.go)
	confidence                   confidenceModel // chance that the top entry is right
	threshold                    float64         // confident answer: that chance at least this
	candidateMin                 float64         // "did you mean": score at least this
	candidateRatio               float64         // ...and at least this share of the top score
	buttonUnitWeight             float64         // "did you mean" order: score plus this times statement coverage
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
	// OutOfScope: no answer and no buttons, because a background topic,
	// something no estate FAQ answers (the weather, passports), explains the
	// question at least as well as any entry (background.go).
	OutOfScope bool
}

// NewMatcher indexes entries.
func NewMatcher(entries []Entry) *Matcher {
	return newMatcher(entries, defaultParams)
}

func newMatcher(entries []Entry, p matchParams) *Matcher {
	n := len(entries)
	m := &Matcher{params: p, ids: make([]string, n), terms: newTermDict()}
	words := map[string]int{}
	for _, w := range concepts.words {
		words[w]++
	}
	var (
		pb             postingsBuilder
		qLens, aLens   = make([]int, n), make([]int, n)
		qTotal, aTotal int
		tokens         []string
		counts         []termCount
		askedDF        []int32 // per term, the entries whose questions use it
	)
	for i, e := range entries {
		m.ids[i] = e.ID
		qText := Normalize(strings.Join(e.Questions, "\n"))
		aText := Normalize(e.Answer.ZH + "\n" + e.Answer.EN)
		countWords(words, qText)
		countWords(words, aText)
		tokens = appendTokens(tokens[:0], qText, nil)
		qLens[i] = len(tokens)
		tokens = appendTokens(tokens, aText, nil)
		aLens[i] = len(tokens) - qLens[i]
		counts = m.countTerms(counts[:0], tokens[:qLens[i]], tokens[qLens[i]:])
		pb.addEntry(counts)
		askedDF = countAsked(askedDF, counts)
		qTotal += qLens[i]
		aTotal += aLens[i]
	}
	m.fixer = newTypoFixer(words)
	m.terms.trim()

	avgQ, avgA := 1.0, 1.0
	if n > 0 {
		avgQ = max(1, float64(qTotal)/float64(n))
		avgA = max(1, float64(aTotal)/float64(n))
	}
	m.postings = pb.build(m.terms.len(), codeBitsFor(n), func(e int, t termCount) float32 {
		aNorm := 1 - p.answerB + p.answerB*float64(aLens[e])/avgA
		if t.inQuestions == 0 {
			return saturate(p.answerWeight*float64(t.inAnswers)/aNorm, p.k1)
		}
		qNorm := 1 - p.questionB + p.questionB*float64(qLens[e])/avgQ
		return saturate(p.questionWeight*float64(t.inQuestions)/qNorm+p.answerWeight*float64(t.inAnswers)/aNorm, p.k1)
	})
	m.idf = make([]float32, m.terms.len())
	m.rankIDF = make([]float32, m.terms.len())
	m.kinds = make([]termKind, m.terms.len())
	for id := range int32(m.terms.len()) {
		m.kinds[id] = termKindOf(m.terms.term(id))
		df := len(m.postings.of(id))
		m.idf[id] = idf(n, df)
		m.rankIDF[id] = rankIDF(n, df, int(askedDF[id]), p.answerMentionDF)
	}
	m.maxIDF = idf(n, 0)
	m.questions = m.indexQuestions(entries)
	m.statements = m.indexStatements(entries)
	m.typicalWeight = typicalTermWeight(&m.questions, m.questions.totals, m.maxIDF)
	m.questionFloor = float32(p.questionFloorTerms) * m.typicalWeight
	m.rankQuestionFloor = float32(p.questionFloorTerms) * typicalTermWeight(&m.questions, m.questions.rankTotals, m.maxIDF)
	m.homophones = m.homophoneFixer()
	m.alternatives = m.alternativeIDs()
	m.pool.New = func() any { return &scratch{acc: make([]float32, n), accRank: make([]float32, n)} }
	if p.background {
		m.background = backgroundMatcher()
	}
	return m
}

// countTerms appends an entry's distinct terms with their counts, given its
// question and answer tokens (both reordered). New terms are numbered in a
// fixed order, the questions' in byte order, then the answers' only: term ids
// order the sums of term weights, so map order would make scores vary in
// their last bits from one build to the next.
func (m *Matcher) countTerms(dst []termCount, question, answer []string) []termCount {
	slices.Sort(question)
	slices.Sort(answer)
	count := func(tokens []string, t string) int32 {
		i, _ := slices.BinarySearch(tokens, t)
		j := i
		for j < len(tokens) && tokens[j] == t {
			j++
		}
		return int32(j - i)
	}
	for i := 0; i < len(question); {
		n := count(question[i:], question[i])
		dst = append(dst, termCount{id: m.terms.add(question[i]), inQuestions: clampCount(n), inAnswers: clampCount(count(answer, question[i]))})
		i += int(n)
	}
	for i := 0; i < len(answer); {
		n := count(answer[i:], answer[i])
		if count(question, answer[i]) == 0 {
			dst = append(dst, termCount{id: m.terms.add(answer[i]), inAnswers: clampCount(n)})
		}
		i += int(n)
	}
	return dst
}

// saturate maps a field-weighted term frequency to a match strength in [0,1]:
// BM25's tf*(k1+1)/(tf+k1), which is 1 at tf 1, capped at 1.
func saturate(tf, k1 float64) float32 {
	return float32(min(1, tf*(k1+1)/(tf+k1)))
}

// idf is BM25's inverse document frequency (always positive).
func idf(n, df int) float32 {
	return idfOf(n, float64(df))
}

func idfOf(n int, df float64) float32 {
	return float32(math.Log(1 + (float64(n)-df+0.5)/(df+0.5)))
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
