package faq

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// homophoneFixer repairs Chinese characters typed with the wrong homophone,
// the usual slip of a pinyin input method ("物业废" for 物业费, "值斑表" for
// 值班表, "电平车" for 电瓶车). Only a character that forms no known bigram
// with its neighbours is touched, and only towards a character read the same
// way (tones ignored) that makes a word the FAQ or the lexicon uses with a
// neighbour: out-of-scope words rarely have such a homophone.
type homophoneFixer struct {
	table *pinyinTable
	// bySyllable lists the characters of the FAQ and the lexicon per
	// syllable id, each once, most used first.
	bySyllable map[uint16][]rune
	// use counts the FAQ's entries using each character (0 for the
	// lexicon's own).
	use map[rune]int
	// terms is the FAQ's term dictionary: a bigram in it or among the
	// lexicon's terms is a word the FAQ or the lexicon uses.
	terms *termDict
}

func newHomophoneFixer(chars map[rune]int, terms *termDict) *homophoneFixer {
	f := &homophoneFixer{table: loadPinyin(), bySyllable: map[uint16][]rune{}, terms: terms, use: chars}
	var ids [8]uint16
	for r := range chars {
		if zhStopChars[r] {
			continue
		}
		for _, id := range f.table.appendSyllables(ids[:0], r) {
			f.bySyllable[id] = append(f.bySyllable[id], r)
		}
	}
	for _, rs := range f.bySyllable {
		slices.SortFunc(rs, func(a, b rune) int {
			if chars[a] != chars[b] {
				return chars[b] - chars[a]
			}
			return int(a - b)
		})
	}
	return f
}

// fix returns normalized text with homophone typos repaired (the text itself
// when there are none), using buf for the runes (returned for reuse).
func (f *homophoneFixer) fix(buf []rune, normalized string) (string, []rune) {
	rs := buf[:0]
	for _, r := range normalized {
		rs = append(rs, r)
	}
	changed := false
	var syllables [8]uint16
	for j, c := range rs {
		// function and light characters (到, 说, 要) are too common to be
		// taken for slips
		if !isHanRune(c) || isFunctionChar(c) {
			continue
		}
		// after a number it is a measure word ("18幢电梯" is no "18装电梯")
		if j > 0 && unicode.IsDigit(rs[j-1]) {
			continue
		}
		hasLeft := j > 0 && isHanRune(rs[j-1])
		hasRight := j+1 < len(rs) && isHanRune(rs[j+1])
		if !hasLeft && !hasRight {
			continue
		}
		if (hasLeft && f.known(rs[j-1], c)) || (hasRight && f.known(c, rs[j+1])) {
			continue
		}
		// every content neighbour must make a word with the replacement, and
		// either the replacement completes a lexicon phrase of three or more
		// characters ("电平车": 电瓶车) or the FAQ never uses the character
		// typed and uses the replacement: a character the FAQ knows is seldom
		// a typo ("楼顶漏了" is no "顶楼了", "有人接电话" no "人家电话")
		best, bestUse := c, f.use[c]
		for _, id := range f.table.appendSyllables(syllables[:0], c) {
			for _, d := range f.bySyllable[id] {
				words, ok := 0, true
				if hasLeft && !isFunctionChar(rs[j-1]) {
					ok = ok && f.isWord(rs[j-1], d)
					words++
				}
				if hasRight && !isFunctionChar(rs[j+1]) {
					ok = ok && f.isWord(d, rs[j+1])
					words++
				}
				if !ok || words == 0 {
					continue
				}
				// with one neighbour to go by, the word must be the lexicon's:
				// the FAQ's text has bigrams across words (访客|停到: 客停)
				if words == 1 && !f.lexiconWord(rs, j, d, hasLeft && !isFunctionChar(rs[j-1])) {
					continue
				}
				if completesPhrase(rs, j, d) || (f.use[c] == 0 && f.use[d] > bestUse) {
					best, bestUse = d, f.use[d]
				}
			}
		}
		if best != c {
			rs[j] = best
			changed = true
		}
	}
	if !changed {
		return normalized, rs
	}
	return string(rs), rs
}

// isWord reports a content bigram (no function or light character) the FAQ
// or the lexicon uses.
func (f *homophoneFixer) isWord(a, b rune) bool {
	return !isFunctionChar(a) && !isFunctionChar(b) && f.known(a, b)
}

// lexiconWord reports that d makes a bigram of the lexicon's phrases with
// its left neighbour in rs (left) or its right one.
func (f *homophoneFixer) lexiconWord(rs []rune, j int, d rune, left bool) bool {
	var buf [2 * utf8.UTFMax]byte
	var bigram []byte
	if left {
		bigram = utf8.AppendRune(utf8.AppendRune(buf[:0], rs[j-1]), d)
	} else {
		bigram = utf8.AppendRune(utf8.AppendRune(buf[:0], d), rs[j+1])
	}
	return concepts.terms[string(bigram)]
}

// known reports a bigram the FAQ or the lexicon uses.
func (f *homophoneFixer) known(a, b rune) bool {
	var buf [2 * utf8.UTFMax]byte
	bigram := utf8.AppendRune(utf8.AppendRune(buf[:0], a), b)
	if concepts.terms[string(bigram)] {
		return true
	}
	_, ok := f.terms.id(string(bigram))
	return ok
}

func isHanRune(r rune) bool { return unicode.Is(unicode.Han, r) }

// homophoneFixer builds the matcher's fixer over the characters of its terms
// (weighted by how many entries use them) and of the lexicon's phrases.
func (m *Matcher) homophoneFixer() *homophoneFixer {
	chars := map[rune]int{}
	for id := range int32(m.terms.len()) {
		if m.kinds[id] == hanUnigram {
			r, _ := utf8.DecodeRune(m.terms.bytes(id))
			chars[r] += len(m.postings.of(id))
		}
	}
	for _, phrases := range concepts.zh {
		for _, p := range phrases {
			for _, r := range p.runes {
				if _, ok := chars[r]; !ok && isHanRune(r) {
					chars[r] = 0
				}
			}
		}
	}
	return newHomophoneFixer(chars, m.terms)
}

// isFunctionChar reports a stop or light character: a neighbour like that
// need not make a word with a repaired character ("物业费可以": 费可).
func isFunctionChar(r rune) bool { return zhStopChars[r] || zhLightChars[r] }

// completesPhrase reports a lexicon phrase of three or more characters that
// covers rs[j] once it is replaced by d (two characters are too easily a
// word by chance: "有人接电话" is no "人家电话").
func completesPhrase(rs []rune, j int, d rune) bool {
	c := rs[j]
	rs[j] = d
	defer func() { rs[j] = c }()
	for start := max(0, j-concepts.maxZh+1); start <= j; start++ {
		for _, p := range concepts.zh[rs[start]] {
			if len(p.runes) >= 3 && start+len(p.runes) > j && hasRunePrefix(rs[start:], p.runes) {
				return true
			}
		}
	}
	return false
}
