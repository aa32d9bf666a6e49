package faq

import (
	"slices"
	"strings"
)

// typoFixer corrects misspelt English words ("elevater", "maintanence")
// against the words of the FAQ and the synonym lexicon. Only words it does not
// know are touched, and only towards a word within a small edit distance that
// starts with the same letter, so out-of-scope words are rarely pulled in.
type typoFixer struct {
	known map[string]bool // words and stems of the vocabulary
	// byFirst buckets the vocabulary by first byte; each word keeps its count
	// so ties go to the more frequent word.
	byFirst map[byte][]vocabWord
}

type vocabWord struct {
	word  string
	count int
}

func newTypoFixer(words map[string]int) *typoFixer {
	f := &typoFixer{known: make(map[string]bool, 2*len(words)), byFirst: map[byte][]vocabWord{}}
	for w, n := range words {
		// a word cut out of an entry's text would keep that whole text alive
		w = strings.Clone(w)
		f.known[w] = true
		f.known[strings.Clone(stemEnglish(w))] = true
		if len(w) >= 4 && isASCIILetters(w) {
			f.byFirst[w[0]] = append(f.byFirst[w[0]], vocabWord{word: w, count: n})
		}
	}
	// equally close, equally frequent words: the first alphabetically, not
	// whichever map iteration put first
	for _, ws := range f.byFirst {
		slices.SortFunc(ws, func(a, b vocabWord) int { return strings.Compare(a.word, b.word) })
	}
	return f
}

// fix returns the vocabulary word closest to w, or w itself.
func (f *typoFixer) fix(w string) string {
	if len(w) < 4 || !isASCIILetters(w) || f.known[w] || f.known[stemEnglish(w)] {
		return w
	}
	maxDist := 1
	if len(w) >= 9 {
		maxDist = 2
	}
	best, bestDist, bestCount := w, maxDist+1, 0
	for _, v := range f.byFirst[w[0]] {
		if d := len(v.word) - len(w); d > maxDist || d < -maxDist {
			continue
		}
		// a four- or five-letter word is only corrected by the letter it
		// lacks ("tmes", "acess"): substitutions would turn too many real
		// short words into others
		if len(w) <= 5 && len(v.word) <= len(w) {
			continue
		}
		d := editDistance(w, v.word, maxDist)
		if d > maxDist {
			continue
		}
		if d < bestDist || (d == bestDist && v.count > bestCount) {
			best, bestDist, bestCount = v.word, d, v.count
		}
	}
	return best
}

// editDistance is the optimal-string-alignment distance between a and b
// (insertions, deletions, substitutions, adjacent transpositions), or
// limit+1 as soon as it must exceed limit.
func editDistance(a, b string, limit int) int {
	la, lb := len(a), len(b)
	prev2 := make([]int, lb+1)
	prev := make([]int, lb+1)
	cur := make([]int, lb+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= la; i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= lb; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[lb]
}
