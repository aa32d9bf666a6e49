package faq

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// scratch is per-query working memory, pooled to keep Match allocation-light.
type scratch struct {
	acc     []float32
	accRank []float32 // acc with the ranking's term weights (rankIDF)
	touched []int32
	known   []int32
	knownW  []weightedTerm
	hits    []hit
	terms   []string
	covered []string
	seams   []string
	runes   []rune
}

// ranking is the outcome of scoring one question: the best entries plus the
// query-level facts the confidence decision needs.
type ranking struct {
	hits []hit // best first
	// total is the query's IDF weight (unknown terms included); unknown is
	// the part of it carried by terms the FAQ never uses.
	total, unknown float32
	// terms is the number of distinct index terms of the query.
	terms int
	// siblingDeficit is how much more of the terms that tell the top two
	// entries apart the runner-up's questions hold (siblingScores), >= 0.
	siblingDeficit float32
	// unitCov1 and unitCov2 are the top two entries' statementCoverage.
	unitCov1, unitCov2 float32
	// conflict: the top entry is about another thing of a kind the query
	// names (alternativeConflict).
	conflict bool
}

// bothSayIt: the top two entries each have a statement saying all of the
// query, and score alike ("property fee?" is in a question of the fee
// entry and of the utility bills one): the words do not tell them apart,
// so the resident picks. No question of the question sets is this short.
func (r ranking) bothSayIt() bool {
	const whole, alike = 0.99, 0.1
	return len(r.hits) > 1 && r.unitCov1 >= whole && r.unitCov2 >= whole && r.hits[0].score-r.hits[1].score < alike
}

// Match picks the entry to answer question with, or none, plus up to three
// "did you mean" candidates.
func (m *Matcher) Match(question string) Result {
	p := m.params
	sc := m.pool.Get().(*scratch)
	defer m.pool.Put(sc)
	r := m.score(sc, question, 4)
	// a question a background topic explains at least as well as the top
	// entry is none of the FAQ's (background.go)
	top := int32(-1)
	if len(r.hits) > 0 {
		top = r.hits[0].entry
	}
	bg := float64(m.backgroundScore(question, sc.terms, top))
	if len(r.hits) == 0 {
		return Result{OutOfScope: bg >= backgroundFloor}
	}
	ranked := m.scored(r.hits, 1)
	res := Result{Score: ranked[0].Score}
	elsewhere := backgroundBeats(bg, float64(r.hits[0].score), backgroundFloor)
	// a top entry about another thing of the kind the question names (an
	// access card for a lost ID card) answers another question however well
	// the words match: it is offered, never answered (no question of the
	// question sets changed; "身份证丢了怎么补办" got the access-card answer)
	if !elsewhere && !r.conflict && !r.bothSayIt() && p.confidence.probability(m.confidenceFeatures(r, question)) >= p.threshold {
		res.ID = ranked[0].ID
	}
	res.Candidates = m.buttons(sc, r, res.ID, res.Score, bg)
	// with buttons left it is a close call for the resident (or the model)
	// to settle, not something to turn away
	res.OutOfScope = elsewhere && len(res.Candidates) == 0
	return res
}

// Rank returns the k best entries with scores (for LLM grounding), best
// first; entries that share no term with the question are left out.
func (m *Matcher) Rank(question string, k int) []Scored {
	return m.rank(question, k)
}

func (m *Matcher) rank(question string, k int) []Scored {
	if k <= 0 || len(m.ids) == 0 {
		return nil
	}
	sc := m.pool.Get().(*scratch)
	defer m.pool.Put(sc)
	r := m.score(sc, question, k)
	return m.scored(r.hits, k)
}

func (m *Matcher) scored(hits []hit, k int) []Scored {
	out := make([]Scored, 0, min(k, len(hits)))
	for _, h := range hits[:min(k, len(hits))] {
		out = append(out, Scored{ID: m.ids[h.entry], Score: float64(min(1, h.score))})
	}
	return out
}

// score ranks the entries for question, keeping at least the best k; the
// hits live in sc and are valid until sc goes back to the pool.
func (m *Matcher) score(sc *scratch, question string, k int) ranking {
	sc.covered = sc.covered[:0]
	var text string
	text, sc.runes = m.homophones.fix(sc.runes, Normalize(question))
	sc.terms = appendTokensCovered(sc.terms[:0], &sc.covered, text, m.fixer.fix)
	sc.seams = m.appendSeams(sc.seams[:0], text)
	slices.Sort(sc.terms)
	sc.terms = slices.Compact(sc.terms)
	slices.Sort(sc.covered)

	// Query coverage: accumulate each entry's covered share of the query,
	// with the confidence model's term weights and with the ranking's
	// (rankTotal: the query's weight in those, unknown terms alike).
	var total, unknown, rankTotal float32
	sc.touched = sc.touched[:0]
	sc.known = sc.known[:0]
	sc.knownW = sc.knownW[:0]
	for _, t := range sc.terms {
		kind := termKindOf(t)
		id, known := m.terms.id(t)
		_, covered := slices.BinarySearch(sc.covered, t)
		if !known || channelTerms[t] {
			w := m.unknownTermWeight(t, kind, covered)
			if kind == hanBigram && slices.Contains(sc.seams, t) {
				w = 0
			}
			total += w
			rankTotal += w
			unknown += w
			continue
		}
		sc.known = append(sc.known, id)
		w, wRank := m.idf[id]*m.kindWeight(kind), m.rankIDF[id]*m.kindWeight(kind)
		if covered {
			w *= float32(m.params.coveredWeight)
			wRank *= float32(m.params.coveredWeight)
		}
		total += w
		rankTotal += wRank
		sc.knownW = append(sc.knownW, weightedTerm{id, w})
		sc.touched = m.postings.accumulate(id, w, wRank, sc.acc, sc.accRank, sc.touched)
	}
	slices.Sort(sc.known)
	r := ranking{total: total, unknown: unknown, terms: len(sc.terms)}
	if m.onlyCharacterEvidence(sc.known) {
		// Single Chinese characters shared with an entry ("好" in "你好") are
		// no evidence on their own: such a question cannot score high.
		total *= 2
		rankTotal *= 2
	}

	// Keep the best by query coverage, then blend in how much of the entry's
	// closest question the query covers: a long message that contains a
	// question's key terms is a match even when much of it is chatter.
	depth := max(k, rerankDepth)
	sc.hits = sc.hits[:0]
	for _, e := range sc.touched {
		s, sRank := sc.acc[e], sc.accRank[e]
		sc.acc[e], sc.accRank[e] = 0, 0
		if total == 0 || s <= 0 {
			continue
		}
		// rankScore holds the ranking's query coverage until the blend
		sc.hits = insertHit(sc.hits, hit{entry: e, rankScore: sRank / rankTotal, queryCov: s / total}, depth)
	}
	var knownWeight, knownRankWeight float32 // the known terms' weight in question units
	for _, id := range sc.known {
		knownWeight += m.termWeight(id)
		knownRankWeight += m.rankWeight(id)
	}
	floor := min(m.questionFloor, knownWeight)
	rankFloor := min(m.rankQuestionFloor, knownRankWeight)
	for i := range sc.hits {
		h := &sc.hits[i]
		h.questionCov = m.questionCoverage(h.entry, sc.known, floor)
		h.score = m.blend(h.queryCov, h.questionCov)
		h.rankScore = m.blend(h.rankScore, m.rankQuestionCoverage(h.entry, sc.known, rankFloor))
	}
	// by the ranking's score: score, the confidence model's, may then fall
	// short of the next entry's (a negative margin is less confidence)
	slices.SortStableFunc(sc.hits, func(a, b hit) int {
		switch {
		case a.rankScore > b.rankScore:
			return -1
		case a.rankScore < b.rankScore:
			return 1
		}
		return int(a.entry - b.entry)
	})
	r.hits = sc.hits
	slices.SortFunc(sc.knownW, func(a, b weightedTerm) int { return int(a.id - b.id) })
	if len(r.hits) > 0 {
		r.unitCov1 = m.statementCoverage(r.hits[0].entry, sc.knownW, r.total)
		matched, _ := m.bestQuestion(r.hits[0].entry, sc.known, floor)
		r.conflict = m.alternativeConflict(sc.terms, r.hits[0].entry, matched)
	}
	if len(r.hits) > 1 {
		r.unitCov2 = m.statementCoverage(r.hits[1].entry, sc.knownW, r.total)
	}
	top, second := m.siblingScores(r.hits, sc.knownW)
	r.siblingDeficit = max(0, second-top)
	return r
}

// channelTerms name the bot itself: an FAQ answer may mention the bot ("the
// bot passes it to the committee"), but "are you a bot?" asks about no
// topic of the FAQ, so in a question they count as words the FAQ lacks.
var channelTerms = setOf("bot", "chatbot", "robot", "机器", "器人")

// rerankDepth is how many entries by query coverage are rescored.
const rerankDepth = 10

type hit struct {
	entry int32
	// score is what the confidence features and the buttons measure;
	// rankScore, the same with the ranking's term weights, orders the hits.
	score, rankScore float32
	// queryCov and questionCov are the two coverages blended into score.
	queryCov, questionCov float32
}

// insertHit keeps hits sorted by rankScore (ties: earlier entry first), at
// most n.
func insertHit(hits []hit, h hit, n int) []hit {
	pos := len(hits)
	for pos > 0 && (hits[pos-1].rankScore < h.rankScore || (hits[pos-1].rankScore == h.rankScore && hits[pos-1].entry > h.entry)) {
		pos--
	}
	if pos >= n {
		return hits
	}
	if len(hits) < n {
		hits = append(hits, hit{})
	}
	copy(hits[pos+1:], hits[pos:len(hits)-1])
	hits[pos] = h
	return hits
}

// unknownTermWeight is what a query term the FAQ never uses adds to the
// query's total: unknown words and characters say the FAQ may lack the topic.
// A term inside a lexicon phrase the query contains weighs nothing (covered:
// the phrase's concept stands for it), but a lexicon word outside any such
// phrase ("weather" without "wet weather") is as unknown as any other word:
// counting it as nothing answered "what's the weather this weekend?" with the
// renovation hours.
func (m *Matcher) unknownTermWeight(t string, kind termKind, covered bool) float32 {
	if covered {
		return 0
	}
	switch kind {
	case number:
		// most likely a flat or building number
		return 0
	case hanLightBigram:
		// across a word boundary ("钱能") it is an artefact
		return 0
	case hanBigram:
		// a word the FAQ does not use
		return m.maxIDF * float32(m.params.unknownBigramWeight)
	}
	return m.maxIDF * m.kindWeight(kind)
}

// blend combines query coverage and question coverage into the final score,
// a weighted geometric mean (questionShare 0: query coverage only). Question
// coverage counts as at least answerOnlyShare of query coverage: an entry
// whose answer alone covers most of the query ("what are the quiet hours?",
// answered in the noise entry, whose questions ask about complaints) used to
// score 0 whatever its answer held. At 0.05 the right entry was ranked first
// 9 times more and among the top three 18 times more on the 14 question sets,
// with no answer changed; 0.1 and 0.2 ranked as well but answered fewer
// (an answer-only top entry has no question coverage, so it is rarely
// answered: the floor mostly brings it among the buttons).
func (m *Matcher) blend(queryCov, questionCov float32) float32 {
	b := m.params.questionShare
	if b == 0 {
		return queryCov
	}
	questionCov = max(questionCov, float32(m.params.answerOnlyShare)*queryCov)
	return float32(math.Pow(float64(queryCov), 1-b) * math.Pow(float64(questionCov), b))
}

type termKind uint8

const (
	word termKind = iota
	number
	hanUnigram
	hanBigram
	// hanLightBigram is a bigram with a function or light character in it
	// ("跟物", "钱能"): mostly an artefact of a word boundary.
	hanLightBigram
	concept
)

func termKindOf(t string) termKind {
	if strings.HasPrefix(t, conceptPrefix) {
		return concept
	}
	r, size := utf8.DecodeRuneInString(t)
	if unicode.Is(unicode.Han, r) {
		if size == len(t) {
			return hanUnigram
		}
		if spansFunctionChar(t) {
			return hanLightBigram
		}
		return hanBigram
	}
	if isDigits(t) || isOrdinalOrTime(t) {
		return number
	}
	return word
}

func (m *Matcher) kindWeight(k termKind) float32 {
	switch k {
	case hanUnigram:
		return float32(m.params.hanUnigramWeight)
	case concept:
		return float32(m.params.conceptWeight)
	}
	return 1
}

// spansFunctionChar reports a bigram with a function or light character in
// it ("钱能", "金里"): when the FAQ never uses such a bigram it is an artefact
// of a word boundary, not a missing topic.
func spansFunctionChar(bigram string) bool {
	for _, r := range bigram {
		if isFunctionChar(r) {
			return true
		}
	}
	return false
}

// zhLightChars are frequent characters that mostly glue words together
// (prepositions, auxiliaries, measure words, directions).
var zhLightChars = runeSet("从里能会要去来到用上下对跟向往为以之后前中内外一两几每各该本此其等已可将才只还最更多少大小好做弄搞说讲看想找问走拿放点些次里边面头")

func (m *Matcher) onlyCharacterEvidence(known []int32) bool {
	for _, id := range known {
		if m.kinds[id] != hanUnigram {
			return false
		}
	}
	return true
}
