package tickets

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"codesk/faq"
)

// compiledCue is a Cue ready to match folded text.
type compiledCue struct {
	weight   float64
	terms    []string
	patterns []*regexp.Regexp
}

func compileCues(cues []Cue) ([]compiledCue, error) {
	out := make([]compiledCue, 0, len(cues))
	for _, c := range cues {
		cc := compiledCue{weight: c.Weight}
		for _, t := range c.Terms {
			cc.terms = append(cc.terms, faq.Normalize(t))
		}
		for _, p := range c.Patterns {
			re, err := regexp.Compile(p)
			if err != nil {
				return nil, err // Validate has reported it already
			}
			cc.patterns = append(cc.patterns, re)
		}
		out = append(out, cc)
	}
	return out, nil
}

// score sums the weights of the cues that match folded text, each cue once.
func score(cues []compiledCue, folded string) float64 {
	total := 0.0
	for i := range cues {
		if cues[i].matches(folded) {
			total += cues[i].weight
		}
	}
	return total
}

func (c *compiledCue) matches(folded string) bool {
	for _, t := range c.terms {
		if containsTerm(folded, t) {
			return true
		}
	}
	for _, re := range c.patterns {
		if re.MatchString(folded) {
			return true
		}
	}
	return false
}

// englishEndings are the inflections a Latin term may carry and still match,
// longest first so "leakers" is not cut at "leaker".
var englishEndings = []string{"ings", "ers", "ing", "es", "ed", "er", "s", "d"}

// containsTerm reports whether term occurs in text on word boundaries where
// the term has Latin edges (see Cue). Chinese edges need no boundary.
func containsTerm(text, term string) bool {
	first, _ := utf8.DecodeRuneInString(term)
	last, _ := utf8.DecodeLastRuneInString(term)
	latinStart, latinEnd := isLatinWordRune(first), isLatinWordRune(last)
	for from := 0; from <= len(text)-len(term); {
		i := strings.Index(text[from:], term)
		if i < 0 {
			return false
		}
		start := from + i
		end := start + len(term)
		from = start + 1
		if latinStart && start > 0 {
			prev, _ := utf8.DecodeLastRuneInString(text[:start])
			if isLatinWordRune(prev) {
				continue
			}
		}
		if latinEnd && !endsWord(text[end:], term, unicode.IsLetter(last)) {
			continue
		}
		return true
	}
	return false
}

// endsWord reports whether rest (the text after a term) starts at a word end,
// allowing an English ending when the term ends in a letter.
func endsWord(rest, term string, letter bool) bool {
	if atBoundary(rest) {
		return true
	}
	if !letter {
		return false
	}
	for _, e := range englishEndings {
		if e == "d" && !strings.HasSuffix(term, "e") {
			continue
		}
		if strings.HasPrefix(rest, e) && atBoundary(rest[len(e):]) {
			return true
		}
	}
	return false
}

func atBoundary(rest string) bool {
	if rest == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return !isLatinWordRune(r)
}

// isLatinWordRune reports runes that continue a Latin word: ASCII-range
// letters and digits, not Han characters (Chinese has no spaces to wait for).
func isLatinWordRune(r rune) bool {
	return r < 0x250 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}
