package faq

import "strings"

// appendSeams appends the Chinese bigrams of text that join the end of one
// word the FAQ or the lexicon uses to the start of another ("权范" in
// "职权范围"): a bigram across that seam is no word, so it is no sign
// of a topic the FAQ lacks.
func (m *Matcher) appendSeams(dst []string, text string) []string {
	if strings.IndexFunc(text, isHanRune) < 0 {
		return dst
	}
	rs := []rune(text)
	for i := 1; i+2 < len(rs); i++ {
		if !isHanRune(rs[i-1]) || !isHanRune(rs[i]) || !isHanRune(rs[i+1]) || !isHanRune(rs[i+2]) {
			continue
		}
		if m.homophones.known(rs[i-1], rs[i]) && m.homophones.known(rs[i+1], rs[i+2]) && !m.homophones.known(rs[i], rs[i+1]) {
			dst = append(dst, string(rs[i:i+2]))
		}
	}
	return dst
}
