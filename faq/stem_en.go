package faq

import "strings"

// stemEnglish maps related English word forms to one stem, in the spirit of
// Porter's steps 1 and 5 plus a few derivational suffixes: "owners" -> "owner",
// "charging"/"charges" -> "charg", "parties"/"partied" -> "party", "monthly" ->
// "month", "voting" -> "vote". Irregular forms come from a table ("paid" ->
// "pay", "spent" -> "spend", "children" -> "child"). Like Porter it keeps a
// final e after a short consonant-vowel-consonant stem, so that "rate", "care",
// "site" and "note" do not fall together with "rat", "car", "sit" and "not".
// It only has to map related forms together, not produce words.
func stemEnglish(w string) string {
	if base, ok := irregularForms[w]; ok {
		w = base
	}
	if len(w) <= 3 || !isASCIILetters(w) {
		return w
	}
	// plurals and third person
	switch {
	case strings.HasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
	case strings.HasSuffix(w, "s"):
		w = w[:len(w)-1]
	}
	// past tense and participles
	switch {
	case strings.HasSuffix(w, "eed"):
		if measure(w[:len(w)-3]) > 0 {
			w = w[:len(w)-1]
		}
	case strings.HasSuffix(w, "ied") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ed") && hasVowel(w[:len(w)-2]):
		w = restoreE(w[:len(w)-2])
	case strings.HasSuffix(w, "ing") && hasVowel(w[:len(w)-3]) && len(w) > 4:
		w = restoreE(w[:len(w)-3])
	}
	for _, sfx := range []struct{ from, to string }{
		{"ational", "ate"}, {"ization", "ize"}, {"ation", ""}, {"ness", ""},
		{"ment", ""}, {"ly", ""},
	} {
		if strings.HasSuffix(w, sfx.from) && len(w)-len(sfx.from) >= 4 {
			w = w[:len(w)-len(sfx.from)] + sfx.to
			break
		}
	}
	// final e, as Porter's step 5a: drop it unless the stem is one short syllable
	if n := len(w); n >= 3 && w[n-1] == 'e' && w[n-2] != 'e' {
		stem := w[:n-1]
		if m := measure(stem); m > 1 || (m == 1 && !endsCVC(stem)) {
			w = stem
		}
	}
	return w
}

// restoreE undoes the spelling changes of adding -ed/-ing: "stopp" -> "stop",
// "rat" -> "rate" (from "rated"), so the form meets the base word's stem.
func restoreE(s string) string {
	n := len(s)
	if n >= 2 && s[n-1] == s[n-2] && !strings.ContainsRune("lsz", rune(s[n-1])) && isConsonant(s, n-1) {
		return s[:n-1]
	}
	if measure(s) == 1 && endsCVC(s) {
		return s + "e"
	}
	return s
}

func hasVowel(s string) bool {
	for i := range len(s) {
		if !isConsonant(s, i) {
			return true
		}
	}
	return false
}

// isConsonant reports whether s[i] is a consonant in Porter's sense: y after
// a consonant is a vowel.
func isConsonant(s string, i int) bool {
	switch s[i] {
	case 'a', 'e', 'i', 'o', 'u':
		return false
	case 'y':
		return i == 0 || !isConsonant(s, i-1)
	}
	return true
}

// measure is Porter's m: the number of vowel-consonant sequences in s.
func measure(s string) int {
	m, vowel := 0, false
	for i := range len(s) {
		if isConsonant(s, i) {
			if vowel {
				m++
			}
			vowel = false
		} else {
			vowel = true
		}
	}
	return m
}

// endsCVC reports a consonant-vowel-consonant ending whose last letter is not
// w, x or y ("hop", "rat", "sit"): such short stems keep their final e.
func endsCVC(s string) bool {
	n := len(s)
	if n < 3 || !isConsonant(s, n-3) || isConsonant(s, n-2) || !isConsonant(s, n-1) {
		return false
	}
	return !strings.ContainsRune("wxy", rune(s[n-1]))
}

func isASCIILetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// irregularForms maps irregular inflections (and a few spelling variants) to
// a base form the suffix rules then handle.
var irregularForms = map[string]string{
	"paid": "pay", "spent": "spend", "built": "build", "broke": "break", "broken": "break",
	"stole": "steal", "stolen": "steal", "bought": "buy", "sold": "sell", "took": "take",
	"taken": "take", "gave": "give", "given": "give", "went": "go", "gone": "go",
	"came": "come", "kept": "keep", "held": "hold", "chose": "choose", "chosen": "choose",
	"fell": "fall", "fallen": "fall", "ran": "run", "made": "make", "brought": "bring",
	"caught": "catch", "found": "find", "lost": "lose", "meant": "mean", "sent": "send",
	"wrote": "write", "written": "write", "threw": "throw", "thrown": "throw",
	"left": "leave", "felt": "feel", "heard": "hear", "met": "meet", "understood": "understand",
	"drove": "drive", "driven": "drive", "rode": "ride", "ridden": "ride", "hung": "hang",
	"froze": "freeze", "frozen": "freeze", "began": "begin", "begun": "begin",
	"children": "child", "men": "man", "women": "woman", "people": "person", "mice": "mouse",
	"feet": "foot", "teeth": "tooth", "lives": "life", "wives": "wife", "knives": "knife",
	"shelves": "shelf", "thieves": "thief", "daily": "day", "nightly": "night",
	"storey": "story", "storeys": "story", "neighbour": "neighbor", "neighbours": "neighbor",
	"neighbourhood": "neighborhood", "centre": "center", "centres": "center",
	"licence": "license", "licences": "license", "colour": "color", "odour": "odor",
	"mould": "mold", "mouldy": "moldy", "organise": "organize", "authorise": "authorize",
	"metre": "meter", "metres": "meter", "programme": "program", "cheque": "check",
	"kerb": "curb", "tyre": "tire", "tyres": "tire", "apologise": "apologize",
}
