package faq

// defaultParams: the ranking weights were chosen on the development set and
// sat on a plateau (varying each by half changed confident-right by at most 5
// points).
//
// The confidence model was fitted, not hand-set: a logistic regression (L2 on
// standardised features, then unstandardised) of "top entry is the expected
// one" over confidenceFeatures, on the union of two estates' question sets
// (Lüyuan devset 200 questions, Chengshangcheng paraphrases 272; out-of-scope
// questions and wrong top entries are the negatives; features dumped by
// TestDumpConfidenceFeatures). It was kept because it held up across estates:
// fitted on one set alone, with the threshold picked on that set for <= 8%
// out-of-scope answered and <= 3% wrong, it raised confident-right on the
// other set (Chengshangcheng -> Lüyuan 62% -> 79%, out-of-scope answered 12%;
// Lüyuan -> Chengshangcheng 47% -> 54%, 8%). The threshold 0.75 lies where
// the single-set fits put it (0.74-0.79).
var defaultParams = matchParams{
	questionWeight:      1.0,
	answerWeight:        0.4,
	questionB:           0.3,
	answerB:             0.5,
	k1:                  1.2,
	hanUnigramWeight:    0.5,
	lightBigramWeight:   1.0,
	conceptWeight:       1.0,
	unknownBigramWeight: 0.6,
	questionShare:       0.3,
	confidence: confidenceModel{
		bias:        -5.259,
		margin:      8.093,
		queryCov:    0.982,
		logTerms:    1.108,
		zh:          -1.177,
		logMatched:  1.588,
		secondQnCov: 2.359,
	},
	threshold:      0.75,
	candidateMin:   0.15,
	candidateRatio: 0.5,
}
