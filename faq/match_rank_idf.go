package faq

// The ranking weighs a query term by how many entries are about it, not how
// many mention it. Answers mention the desk, the property company, opening
// times and fees in passing ("ask the 物业 office, open 8:30-17:30"), so
// BM25's document frequency over both fields makes such a word nearly
// worthless even when it is the topic of the question: "物业几点下班" was
// ranked to the rubbish-times entry (its answer has times) over the office
// hours entry, whose questions ask about the 物业 office. rankIDF counts an
// entry whose answers alone use a term as answerMentionDF of a document
// (0.3: 0.3 to 0.5 a plateau), so a word many answers mention but few
// questions ask about keeps weight where it is asked. Only the order of the
// entries uses it: the confidence features keep the plain IDF (idf) the model
// was fitted on — weighing them by rankIDF too ranked as well but answered
// more out-of-scope questions at the same threshold.

// rankIDF is the ranking IDF of a term that n entries' fields use df times
// in all, asked times in their questions.
func rankIDF(n, df, asked int, answerMentionDF float64) float32 {
	return idfOf(n, float64(asked)+answerMentionDF*float64(df-asked))
}

// rankWeight is term id's weight in the ranking: rankIDF times its kind's
// weight (termWeight with rankIDF).
func (m *Matcher) rankWeight(id int32) float32 {
	return float32(m.rankIDF[id] * m.kindWeight(m.kinds[id]))
}

// countAsked adds an entry's terms that its questions use to askedDF (per
// term id, grown as new ids appear).
func countAsked(askedDF []int32, counts []termCount) []int32 {
	for _, t := range counts {
		for int(t.id) >= len(askedDF) {
			askedDF = append(askedDF, 0)
		}
		if t.inQuestions > 0 {
			askedDF[t.id]++
		}
	}
	return askedDF
}
