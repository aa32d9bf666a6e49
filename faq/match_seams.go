package faq

import "unicode/utf8"

// appendSeams appends the Chinese bigrams of text that join the end of one
// word the FAQ or the lexicon uses to the start of another ("权范" in
// "职权范围"): a bigram across that seam is no word, so it is no sign of a
// topic the FAQ lacks. The bigrams are substrings of text.
func (m *Matcher) appendSeams(dst []string, text string) []string {
	// the last four runes and where each starts; n counts the Han runes in
	// a row up to the current one
	var rs [4]rune
	var at [5]int
	n := 0
	for i, r := range text {
		if !isHanRune(r) {
			n = 0
			continue
		}
		copy(rs[:], rs[1:])
		copy(at[:4], at[1:4])
		rs[3], at[3], at[4] = r, i, i+utf8.RuneLen(r)
		n++
		if n < 4 {
			continue
		}
		known := m.homophones.known
		if !known(rs[1], rs[2]) && known(rs[0], rs[1]) && known(rs[2], rs[3]) {
			dst = append(dst, text[at[1]:at[3]])
		}
	}
	return dst
}
