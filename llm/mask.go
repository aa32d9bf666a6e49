package llm

import (
	"regexp"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// MaxQuestionRunes bounds resident text sent to the model: enough for any
// real question, too little to smuggle in a long counter-prompt.
const MaxQuestionRunes = 1000

// Placeholders that replace personal data in resident text.
const (
	MaskPhone    = "[phone]"
	MaskIDNumber = "[id-number]"
	MaskEmail    = "[email]"
	MaskNumber   = "[number]"
)

// piiPattern is one kind of personal data; digit-based patterns must not
// be part of a longer run of digits (a phone inside an ID number is the ID).
type piiPattern struct {
	re          *regexp.Regexp
	mask        string
	digitBounds bool
}

var piiPatterns = []piiPattern{
	{regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}`), MaskEmail, false},
	// Resident ID card: 17 digits and a check digit or X.
	{regexp.MustCompile(`\d{17}[\dXx]`), MaskIDNumber, true},
	// Mobile, optionally +86 and spaced or dashed as 3-4-4.
	{regexp.MustCompile(`(?:\+?86[\s\-]?)?1[3-9]\d(?:[\s\-]?\d{4}){2}`), MaskPhone, true},
	// Landline with area code: 021-54231234, 0571 8888888, (021)54231234.
	{regexp.MustCompile(`\(?0\d{2,3}\)?[\s\-]?\d{7,8}`), MaskPhone, true},
	// Any other long digit run: bank cards, passport-like numbers.
	{regexp.MustCompile(`\d{12,}`), MaskNumber, true},
}

// specialTokens are chat-template markers some local servers would parse
// inside user content (<|im_start|>system …): they are removed.
var specialTokens = regexp.MustCompile(`(?i)<\|[a-z_]{1,30}\|>|\[/?INST\]|</?s>|<<SYS>>|<</SYS>>`)

// Sanitize prepares resident text to leave the bot: width-folded (NFKC, so
// full-width digits are masked too), chat-template markers removed, phone
// numbers, ID card numbers, emails and long numbers masked, and the result
// cut to MaxQuestionRunes. Room and building numbers are kept: they are
// what the question is about.
func Sanitize(text string) string {
	text = norm.NFKC.String(strings.ToValidUTF8(text, " "))
	text = specialTokens.ReplaceAllString(text, " ")
	for _, p := range piiPatterns {
		text = replaceBounded(text, p)
	}
	return truncateRunes(strings.TrimSpace(text), MaxQuestionRunes)
}

func replaceBounded(text string, p piiPattern) string {
	locs := p.re.FindAllStringIndex(text, -1)
	if len(locs) == 0 {
		return text
	}
	var b strings.Builder
	last := 0
	for _, loc := range locs {
		start, end := loc[0], loc[1]
		if p.digitBounds && (isDigitAt(text, start-1) || isDigitAt(text, end)) {
			continue
		}
		b.WriteString(text[last:start])
		b.WriteString(p.mask)
		last = end
	}
	b.WriteString(text[last:])
	return b.String()
}

func isDigitAt(s string, i int) bool {
	return i >= 0 && i < len(s) && s[i] >= '0' && s[i] <= '9'
}

func truncateRunes(s string, n int) string {
	count := 0
	for i := range s {
		if count == n {
			return s[:i]
		}
		count++
	}
	return s
}
