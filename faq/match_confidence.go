package faq

import "math"

// confidenceFeatures describes how sure a ranking is, for the decision to
// answer: all in comparable units across FAQs (shares and logs, no raw IDF).
func (m *Matcher) confidenceFeatures(r ranking, question string) []float64 {
	var top, second hit
	if len(r.hits) > 0 {
		top = r.hits[0]
	}
	if len(r.hits) > 1 {
		second = r.hits[1]
	}
	unknownShare := 0.0
	if r.total > 0 {
		unknownShare = float64(r.unknown / r.total)
	}
	ratio := 0.0
	if top.score > 0 {
		ratio = float64(second.score / top.score)
	}
	zh := 0.0
	if DetectLang(question) == "zh" {
		zh = 1
	}
	matched := float64(top.queryCov * (r.total - r.unknown))
	return []float64{
		float64(top.score),
		float64(top.score - second.score),
		ratio,
		float64(top.queryCov),
		float64(top.questionCov),
		unknownShare,
		math.Log1p(float64(r.terms)),
		zh,
		math.Log1p(matched / float64(max(m.maxIDF, 1))),
		float64(second.questionCov),
	}
}
