package faq

import "testing"

func TestConfidenceGrowsWithEvidence(t *testing.T) {
	c := defaultParams.confidence
	base := confidenceFeatures{margin: 0.05, logTerms: 2.5, logMatched: 0.8, secondQnCov: 0.2, topQnCov: 0.3}
	p0 := c.probability(base)
	if p0 <= 0 || p0 >= 1 {
		t.Fatalf("probability %v outside (0,1)", p0)
	}
	wider := base
	wider.margin = 0.3
	more := base
	more.logMatched = 1.5
	for name, f := range map[string]confidenceFeatures{"wider margin": wider, "more matched": more} {
		if p := c.probability(f); p <= p0 {
			t.Errorf("%s: probability %.3f not above %.3f", name, p, p0)
		}
	}
}

func TestConfidenceSeparatesClearFromNearTopic(t *testing.T) {
	m := NewMatcher(fixtureEntries())
	prob := func(q string) float64 {
		sc := m.pool.Get().(*scratch)
		defer m.pool.Put(sc)
		return m.params.confidence.probability(m.confidenceFeatures(m.score(sc, q, 4), q))
	}
	clear, vague := prob("物业费可以用支付宝交吗"), prob("电梯")
	if clear < m.params.threshold || vague >= m.params.threshold {
		t.Errorf("clear question %.2f, bare topic word %.2f, threshold %.2f", clear, vague, m.params.threshold)
	}
}
