package faq

// defaultParams were chosen on the development set (another estate's FAQ
// decides). Ranking weights sat on a plateau: varying each by half changed
// confident-right by at most 5 points. The threshold lies between the
// two-fold picks (0.36 and 0.50, each chosen on one half of the questions for
// <= 10% of out-of-scope questions answered), towards the cautious side: a
// wrong confident answer costs more than a "did you mean".
var defaultParams = matchParams{
	questionWeight:      1.0,
	answerWeight:        0.4,
	questionB:           0.3,
	answerB:             0.5,
	k1:                  1.2,
	hanUnigramWeight:    0.5,
	conceptWeight:       1.0,
	unknownBigramWeight: 0.6,
	questionShare:       0.3,
	threshold:           0.45,
	margin:              0.03,
	candidateMin:        0.15,
	candidateRatio:      0.5,
}
