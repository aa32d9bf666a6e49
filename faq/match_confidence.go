package faq

import "math"

// confidenceFeatures describes how sure a ranking is, for the decision to
// answer. All are in units that carry over between FAQs (shares, a log count
// and a log of matched IDF mass relative to the FAQ's largest IDF), so a model
// fitted on one estate's questions applies to another's.
type confidenceFeatures struct {
	margin       float64 // top score minus runner-up score
	queryCov     float64 // IDF share of the query the top entry covers
	logTerms     float64 // log(1 + distinct query terms)
	zh           float64 // 1 for a Chinese sentence frame
	logMatched   float64 // log(1 + query IDF mass the top entry covers / max IDF)
	secondQnCov  float64 // runner-up's best question coverage
	unknownShare float64 // IDF share of query terms the FAQ never uses (diagnostic)
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
		margin:      float64(top.score - second.score),
		queryCov:    float64(top.queryCov),
		logTerms:    math.Log1p(float64(r.terms)),
		logMatched:  math.Log1p(float64(top.queryCov*(r.total-r.unknown)) / float64(max(m.maxIDF, 1))),
		secondQnCov: float64(second.questionCov),
	}
	if r.total > 0 {
		f.unknownShare = float64(r.unknown / r.total)
	}
	if DetectLang(question) == "zh" {
		f.zh = 1
	}
	return f
}

// confidenceModel is a logistic model of "the top entry is the right answer"
// over confidenceFeatures.
type confidenceModel struct {
	bias, margin, queryCov, logTerms, zh, logMatched, secondQnCov float64
}

// probability is the modelled chance that the top entry answers the question.
func (c confidenceModel) probability(f confidenceFeatures) float64 {
	z := c.bias + c.margin*f.margin + c.queryCov*f.queryCov + c.logTerms*f.logTerms +
		c.zh*f.zh + c.logMatched*f.logMatched + c.secondQnCov*f.secondQnCov
	return 1 / (1 + math.Exp(-z))
}
