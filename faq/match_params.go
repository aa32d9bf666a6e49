package faq

// defaultParams: the ranking weights were chosen on two estates' question
// sets together (Lüyuan devset, Chengshangcheng paraphrases) by rank accuracy
// (right entry first / in the top 3), keeping only changes that helped both;
// they sit on a plateau (each weight varied by a third moves top-1 by at most
// 2 points, except questionShare: 0.4 costs 5 on the paraphrases).
// questionShare went from 0.3 to 0.2 once five sets were measured: confident
// right answers rose on all five (Lüyuan 90.0 -> 90.7%, luyuan2 74.5 ->
// 77.9%, paraphrases 81.5 -> 82.5%, paraphrases2 72.8 -> 74.2%, paraphrases3
// 67.4 -> 68.9%, each at its refitted threshold), 0.15-0.25 a plateau; the
// held-out set stayed at 74.1% right with 3.0% wrong (was 3.7%) and top-3
// 95.6% (was 97.0%).
// conceptWeight 1.6 with coveredWeight 0.5 lets a synonym concept, not the
// literal wording of its phrase, carry a term.
//
// The confidence model was fitted, not hand-set: testdata/calibrate/fit.py
// (see its README) fits a logistic regression of "top entry is the expected
// one" over confidenceFeatures on the union of both sets (472 questions;
// out-of-scope questions and wrong top entries are the negatives). Its matched
// mass is counted in the FAQ's typical question-term weight, not its largest
// IDF: Chengshangcheng's longer, overlapping answers lower all its IDFs, and
// with the largest IDF as unit its right answers looked weak (69% answered).
// siblingDeficit (match_sibling.go) mostly catches the wrong sibling ranked
// first: with it, confident wrong answers fell from 2.0% to 1.3% (Lüyuan) and
// 2.4% to 0.9% (Chengshangcheng) while right answers rose a little.
// unitCov (match_units.go: the share of the query one question or answer
// sentence of the top entry covers) helped both estates: Lüyuan 90.0 ->
// 91.3% right, Chengshangcheng 75.8 -> 77.7%, wrong unchanged.
// conflict (match_alternatives.go: the top entry's questions are about
// another thing of a kind the query names — an e-bike for an electric car,
// the property fee for a gas bill) turns away near-topic questions that word
// evidence alone answers. With it, seams (match_seams.go: a bigram joining
// two known words is no missing topic) and questionFloorTerms (a question of
// a few common words, "What does the owners' committee do?", no longer
// counts as fully covered by any question naming the committee, unless the
// query is no more than such words) help near-topic questions.
//
// The current fit is on the union of five tuning sets: both estates' first
// sets, paraphrases2, and two sets written later from the FAQ entries alone
// by authors who saw no other set (paraphrases3 for the default FAQ, luyuan2
// for Lüyuan's); before it they measured what unseen wording does to a
// matcher tuned elsewhere: 61% and 78% right, 12% and 14% out-of-scope
// answered. Two more estates, each an FAQ written without seeing any set or
// the lexicon and questions written from that FAQ alone, measure unseen FAQs
// (testdata/estate3, estate4; never fitted). On first sight: estate3 77.3%
// right, 8.0% out-of-scope answered; estate4 (Shenzhen towers, Cantonese,
// two or three questions per entry) 58.0% and 14.0%. Then a lexicon word
// outside any lexicon phrase of the question stopped counting as covered
// (unknownTermWeight), the model was refitted, Cantonese folded, five-letter
// typos fixed, and the lexicon grew by 1,800 everyday phrasings of
// situations (fault symptoms, late payment, leaks, knocking through walls;
// written from general knowledge, then pruned of phrases with everyday words
// by their effect on the tuning sets and the held-out set, so held-out is no
// longer untouched: estate3 is the clean measure). Threshold 0.62, the fit's
// pick for <= 10% out-of-scope answered on the union (<= 8% would be 0.64:
// 2 to 3 points fewer right answers on the unseen estates for 1 point less
// out-of-scope on the union). With the price concept split from money and
// seven default-FAQ questions reworded to the plainest phrasing
// (default_everyday_test.go): paraphrases 81.5% right, 2.4% wrong, 3.3%
// out-of-scope answered, top-3 99.5%; paraphrases2 74.2%, 4.6%, 12.5%, 96.7%;
// paraphrases3 71.2%, 4.5%, 8.8%, 95.5%; Lüyuan 91.3%, 0.7%, 10.0%, 97.3%;
// luyuan2 79.9%, 4.0%, 11.4%, 98.0%; held-out 77.8%, 4.4%, 7.7%, 95.6%;
// estate3 82.0%, 3.3%, 6.0%, 97.3%; estate4 64.7%, 3.3%, 8.0%, 90.0%;
// estate5 (untouched, first sight 66.0%, 1.3%, 4.0%, 90.7%) 65.3%, 1.3%,
// 4.0%, 90.7%. The two estates with two or three questions per entry
// (estate4, estate5) are where the matcher is weakest: their right entries
// are ranked first 79% and 84% of the time, but with less question
// coverage, so fewer clear the threshold.
// Questions worded far from every entry (a situation instead of the thing,
// "the red hose box has no hose in it") and near-sibling entries are the
// weakness left; English questions more than Chinese ones.
// Cross-estate check, fitting on one estate and picking its threshold there:
// Chengshangcheng -> Lüyuan 92.7% right, 0.7% wrong, 8.0% out-of-scope
// answered (t 0.65); Lüyuan -> Chengshangcheng 84.4%, 3.3%, 11.5% (t 0.51).
// A refused question still gets its entry among the "did you mean" buttons,
// while a confident wrong or out-of-scope answer misleads. Those buttons
// start at a score of 0.10 (was 0.15): on the estates whose entries have two
// or three questions the right entry is often weakly matched, and the lower
// floor put it among the buttons 2 points more often (estate4 90.0 -> 92.0%,
// estate5 90.7 -> 92.7%); more out-of-scope questions get buttons too, each
// with "none of these", and none gets an answer.
// The buttons are ordered by score plus 0.3 times statement coverage
// (match_buttons.go), and a button needs 0.4 of the top score (was 0.5).
// Right entry in the top 3, before -> after (2026-11-27): paraphrases 99.5
// -> 100%, paraphrases2 96.7 -> 98.0, paraphrases3 95.5 -> 96.2, held-out
// 95.6 -> 96.3, Lüyuan 97.3 -> 98.0, estate3 98.0 -> 98.7, estate4 92.0 ->
// 92.7, estate5 92.7 -> 93.3, estate6 97.3 -> 98.0, estate7 94.7 -> 95.3
// (luyuan2, estate8 unchanged; 0.2-0.5 a plateau). Answers do not change.
// Statement coverage in the ranking itself moved top-1 both ways (estate4
// +2.6, estate8 -2.6 points).
//
// Background topics (background.go, 2026-11-27): 86 topics of everyday
// life no estate FAQ answers (the weather, passports, the metro, jokes, tax,
// hospitals), three questions each in zh and three in en, written from
// general knowledge by an author who saw no question set (pets and the bot
// itself taken out after review: pets are estate life, and "can I talk to
// a real person" wants the desk). A question one of them explains at least
// as well as the top entry, with a score of at least 0.4, gets no answer,
// unless it names something of estate life (a lexicon concept no topic
// uses: 门禁卡, a lift). Out-of-scope questions answered, before -> after:
// paraphrases 4.9 -> 3.3%, paraphrases2 12.5 -> 10.0%, paraphrases3 8.8 ->
// 5.9%, luyuan2 11.4 -> 9.1%, estate3 6.0 -> 4.0%, estate4 8.0 -> 2.0%,
// estate5 4.0 -> 2.0%, estate8 (first sight) 12.0 -> 8.0% (Lüyuan 8.0,
// held-out 7.7, estate6 and estate7 8.0 unchanged: what they answer is
// near-topic, "is there a gym in the compound?", which no background topic
// may cover); confident right answers unchanged but for one question each
// on paraphrases (82.5 -> 82.0%) and estate8 (72.7 -> 72.0%). As a model
// feature instead of a rule it did worse (1 to 3 points fewer right answers
// after refitting). With out-of-scope answers down, a lower threshold would
// buy right answers (0.58: +0.5 to +2 points) with more wrong ones (estate4
// 3.3 -> 4.7%, estate5 0.7 -> 2.0%), so it stays.
// A topic that lacks a concept the top entry's questions ask about, one at
// most one topic mentions, explains only the everyday side of a question
// ("CCTV footage for my insurance claim"): it no longer beats the entry.
// estate8 72.0 -> 72.7%, estate9 78.7 -> 79.3% right, nothing else moved
// (with concepts of up to three topics, estate4 answered one more
// out-of-scope question; with any concept, three sets did).
// The model below is the fit of session 5; fit.py on today's dump (after the
// day-word and everyday-question changes) gives a slightly stricter one,
// 0.7 to 1.3 points fewer right and up to 1.3 fewer wrong on every set.
//
// Tried and left out (each moved the union pick by at most 3 paraphrase
// questions, within noise, and no cross-estate check improved): margin
// relative to the top score, number of near-top entries, agreement of the
// question- and query-coverage rankings, the top two entries' shares of the
// query in their question vocabularies, sibling shares over whole entries,
// the largest missing term, unknown-term share, "a lexicon concept no entry
// uses", a salience score of uncovered words from a general Chinese
// word-frequency list, interactions (zh*matched, margin*topQnCov,
// unknown*zh), agreement of question type (when / where / who / how much /
// how / can / what if / why), a discount for unknown English words, lighter
// bigrams across function characters, unknown Chinese words counted per
// uncovered stretch instead of per unknown bigram (it answered more
// near-topic questions on both unseen sets: 9 -> 13%, 14 -> 21%: the extra
// bigrams of an unknown word are evidence of a missing topic), and an
// answer sentence standing in for a question in the ranking blend. Refusals
// of a right top entry and answered near-topic questions often have the
// same lexical evidence; what helped was evidence of a different kind
// (conflict) and fixing how evidence is counted (seams, questionFloorTerms),
// not another coverage feature.
// Also left out after measuring on the estates (2026-11-27), each moving
// top-1 or trading right answers for out-of-scope ones without a net gain
// in confident right answers: question coverage that ignores the script the
// query lacks (top-1 +0.4 overall, confident right down on four sets),
// answer sentences as discounted pseudo-questions (estate4 top-1 78.7 ->
// 83.3%, confident right 60.7 -> 58.7%), lighter bigrams with a stop
// character (top-1 +1.1, confident right unchanged), the most confident
// sentence of a long message instead of the whole (more wrong answers),
// half weight for question-frame concepts (when, whom, location ...: worse
// everywhere), a feature for the FAQ's questions per entry and fitting on
// the default FAQ cut to two or three questions (estate5 unchanged), and a
// second lexicon round of 8,160 phrases (after refitting: estate3 82.0 ->
// 75.3%, estate5 unchanged). Ranking gains on questions that are already
// near the threshold rarely become confident answers.
// Ranking (2026-12): rankIDF (match_rank_idf.go: an entry whose answers
// alone mention a term counts 0.3 of a document) and a question-coverage
// floor of 0.05 of query coverage in the blend (answer-only matches rank).
// Over the 14 question sets the right entry is first 43 more times (239 ->
// 196 misses; estates 136 -> 112) and in the top three 18 more; confident
// right 1636 -> 1639, wrong 60 -> 53, out-of-scope answered 42 unchanged
// (estates 886 -> 889, 32 -> 31, 22). The model was not refitted: with
// rankIDF in its features too, or with a refit, the same threshold answered
// more out-of-scope questions.
var defaultParams = matchParams{
	questionWeight:      1.0,
	answerWeight:        0.4,
	questionB:           0.3,
	answerB:             0.5,
	k1:                  1.2,
	hanUnigramWeight:    0.5,
	conceptWeight:       1.6,
	coveredWeight:       0.5,
	unknownBigramWeight: 0.6,
	questionShare:       0.2,
	answerOnlyShare:     0.05,
	answerMentionDF:     0.3,
	questionFloorTerms:  3,
	background:          true,
	confidence: confidenceModel{
		bias:           -6.572,
		margin:         7.065,
		logTerms:       0.891,
		zh:             -0.921,
		logMatched:     1.503,
		secondQnCov:    0.850,
		topQnCov:       1.800,
		siblingDeficit: -0.687,
		unitCov:        2.854,
		conflict:       -3.590,
	},
	threshold:        0.62,
	candidateMin:     0.10,
	candidateRatio:   0.4,
	buttonUnitWeight: 0.3,
}
