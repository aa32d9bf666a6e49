package tickets

import (
	"strings"
	"unicode"
)

// textFeatures turns folded text (faq.Normalize) into the distinct features
// the statistical model counts: Chinese character unigrams and bigrams within
// runs of Han characters, and stemmed English words (stop words and bare
// numbers dropped). Each feature appears once: a word repeated in a long
// rambling line is not more evidence.
func textFeatures(folded string) []string {
	seen := make(map[string]bool, len(folded)/2)
	var out []string
	add := func(f string) {
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	runes := []rune(folded)
	for i := 0; i < len(runes); {
		r := runes[i]
		switch {
		case unicode.Is(unicode.Han, r):
			j := i
			for j < len(runes) && unicode.Is(unicode.Han, runes[j]) {
				j++
			}
			for k := i; k < j; k++ {
				add(string(runes[k]))
				if k+1 < j {
					add(string(runes[k : k+2]))
				}
			}
			i = j
		case isLatinWordRune(r):
			j := i
			for j < len(runes) && isLatinWordRune(runes[j]) {
				j++
			}
			if w := string(runes[i:j]); !englishStopWords[w] && !isDigits(w) {
				if stem := stemWord(w); len(stem) > 1 {
					add(stem)
				}
			}
			i = j
		default:
			i++
		}
	}
	return out
}

// stemWord strips common English inflections so "leaking", "leaked" and
// "leaks" count as one word; crude, but the model only needs consistency.
func stemWord(w string) string {
	switch {
	case len(w) > 5 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 5 && strings.HasSuffix(w, "ing"):
		w = w[:len(w)-3]
	case len(w) > 4 && strings.HasSuffix(w, "ed"):
		w = w[:len(w)-2]
	case len(w) > 4 && strings.HasSuffix(w, "es") && !strings.HasSuffix(w, "ses"):
		w = w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		w = w[:len(w)-1]
	}
	// "stopped" -> "stopp" -> "stop"; "leaked" -> "leak"
	if n := len(w); n > 3 && w[n-1] == w[n-2] && w[n-1] != 'l' && w[n-1] != 's' {
		w = w[:n-1]
	}
	return strings.TrimSuffix(w, "e")
}

func isDigits(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// englishStopWords carry no routing evidence; dropping them keeps long
// rambling lines from being decided by their filler.
var englishStopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but so if of to in on at by for from with
		about as into over than then there this that these those it its it's is are was were be been
		being am i me my we our us you your he him his she her they them their what which who whom
		do does did done have has had will would can could should shall may might must just also
		very really too up down out off again all any some such only own same here when where how
		s t d ll m re ve not no`) {
		m[w] = true
	}
	return m
}()
