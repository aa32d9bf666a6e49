package faq

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// normalize_t2s.txt holds traditional->simplified character pairs derived from
// OpenCC (Apache-2.0). A character table (~20 KB) is enough for matching and far
// lighter than the full OpenCC phrase dictionaries (~1.2 MB embedded).
//
//go:embed normalize_t2s.txt
var t2sData string

var traditionalToSimplified = parseT2S(t2sData)

func parseT2S(data string) map[rune]rune {
	table := make(map[rune]rune, 3000)
	for _, line := range strings.Split(data, "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, pair := range strings.Fields(line) {
			r := []rune(pair)
			if len(r) == 2 {
				table[r[0]] = r[1]
			}
		}
	}
	return table
}

// Normalize folds text for matching: NFKC (which also turns full-width Latin
// letters, digits and punctuation into half-width), lower case, traditional to
// simplified Chinese, and punctuation/symbols/controls to single spaces.
// The result is trimmed, valid UTF-8 and Normalize(Normalize(s)) == Normalize(s).
func Normalize(text string) string {
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, " ")
	}
	text = norm.NFKC.String(text)
	var b strings.Builder
	b.Grow(len(text))
	space := true // suppresses leading and repeated spaces
	for _, r := range text {
		if s, ok := traditionalToSimplified[r]; ok {
			r = s
		}
		r = unicode.ToLower(r)
		if isMark(r) && space {
			continue // a mark with no letter before it carries nothing
		}
		if isSeparator(r) {
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		b.WriteRune(r)
		space = false
	}
	out := strings.TrimRight(b.String(), " ")
	// Lower-casing can, for a few exotic runes, yield text that NFKC changes
	// again; fold once more so the function stays idempotent.
	if !norm.NFKC.IsNormalString(out) {
		return Normalize(norm.NFKC.String(out))
	}
	return out
}

// isSeparator reports runes that carry no index content: whitespace,
// punctuation, symbols, controls, and unassigned or private-use runes.
func isSeparator(r rune) bool {
	switch {
	case unicode.IsLetter(r), unicode.IsDigit(r):
		return false
	case isMark(r):
		// combining marks belong to the letter before them
		return false
	}
	return true
}

func isMark(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Mc)
}
