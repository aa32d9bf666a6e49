package faq

import "math"

// confidenceFeatures describes how sure a ranking is, for the decision to
// answer. All are in units that carry over between FAQs (score differences,
// coverage shares, a log count and a log of matched IDF mass in units of the
// FAQ's own typical question-term weight), so a model fitted on one estate's
// questions applies to another's.
type confidenceFeatures struct {
	margin      float64 // top score minus runner-up score
	logTerms    float64 // log(1 + distinct query terms)
	zh          float64 // 1 for a Chinese sentence frame
	logMatched  float64 // log(1 + query IDF mass the top entry covers / typical term weight)
	secondQnCov float64 // runner-up's best question coverage
	topQnCov    float64 // top entry's best question coverage
	// siblingDeficit is how much more of the query terms that tell the top
	// two entries apart the runner-up's questions hold (0 when the top
	// entry's hold as many or more): a sign the top entry is the wrong sibling.
	siblingDeficit float64
	// diagnostics, dumped for calibration but not in the model
	queryCov     float64 // IDF share of the query the top entry covers
	unknownShare float64 // IDF share of query terms the FAQ never uses
	// unitCov is the largest share of the query that one statement of the
	// top entry (a question or an answer sentence) covers: words scattered
	// over a long answer are weaker evidence than one sentence saying them.
	unitCov  float64
	unitCov2 float64 // the same for the runner-up (diagnostic)
	// conflict is 1 when the top entry's questions name another thing of a
	// kind the query names (alternativeConflict).
	conflict float64
}

func (m *Matcher) confidenceFeatures(r ranking, question string) confidenceFeatures {
	var top, second hit
	if len(r.hits) > 0 {
		top = r.hits[0]
	}
	if len(r.hits) > 1 {
		second = r.hits[1]
	}
	f := confidenceFeatures{
		margin:         float64(top.score - second.score),
		logTerms:       math.Log1p(float64(r.terms)),
		logMatched:     math.Log1p(float64(top.queryCov*(r.total-r.unknown)) / float64(m.typicalWeight)),
		secondQnCov:    float64(second.questionCov),
		topQnCov:       float64(top.questionCov),
		siblingDeficit: float64(r.siblingDeficit),
		queryCov:       float64(top.queryCov),
		unitCov:        float64(r.unitCov1),
		unitCov2:       float64(r.unitCov2),
	}
	if r.conflict {
		f.conflict = 1
	}
	if r.total > 0 {
		f.unknownShare = float64(r.unknown / r.total)
	}
	if DetectLang(question) == "zh" {
		f.zh = 1
	}
	return f
}

// typicalTermWeight is the mean weight (IDF times kind weight) of a distinct
// term of the FAQ's questions: the unit of logMatched. It tracks the FAQ's
// size and how much its entries overlap (long, overlapping answers spread
// terms over many entries and lower every IDF), where the largest possible
// IDF only tracks the size.
// totals are the questions' summed weights (questions.totals, or rankTotals
// for the ranking's weights).
func typicalTermWeight(questions *questionIndex, totals []float32, fallback float32) float32 {
	var sum float32
	for _, total := range totals {
		sum += total
	}
	n := len(questions.terms)
	if n == 0 || sum <= 0 {
		return max(fallback, 1)
	}
	return sum / float32(n)
}

// confidenceModel is a logistic model of "the top entry is the right answer"
// over confidenceFeatures.
type confidenceModel struct {
	bias, margin, logTerms, zh, logMatched, secondQnCov, topQnCov, siblingDeficit, unitCov, conflict float64
}

// probability is the modelled chance that the top entry answers the question.
func (c confidenceModel) probability(f confidenceFeatures) float64 {
	z := c.bias + c.margin*f.margin + c.logTerms*f.logTerms + c.zh*f.zh +
		c.logMatched*f.logMatched + c.secondQnCov*f.secondQnCov + c.topQnCov*f.topQnCov +
		c.siblingDeficit*f.siblingDeficit + c.unitCov*f.unitCov + c.conflict*f.conflict
	return 1 / (1 + math.Exp(-z))
}
