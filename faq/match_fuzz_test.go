package faq

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzNormalizeTokens(f *testing.F) {
	for _, seed := range []string{
		"", "物业费怎么交？", "ＰＡＲＫＩＮＧ　１２３", "維修資金", "How do I 办居住登记?",
		"a\xffb", "e\u0301", "\u0301x", "İstanbul", "½ ﬁ ㈱", "elevater maintanence",
	} {
		f.Add(seed)
	}
	m := NewMatcher(fixtureEntries())
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if !utf8.ValidString(n) {
			t.Fatalf("Normalize(%q) = %q: invalid UTF-8", s, n)
		}
		if again := Normalize(n); again != n {
			t.Fatalf("Normalize not idempotent: %q -> %q -> %q", s, n, again)
		}
		if strings.HasPrefix(n, " ") || strings.HasSuffix(n, " ") || strings.Contains(n, "  ") {
			t.Fatalf("Normalize(%q) = %q: stray spaces", s, n)
		}
		for _, tok := range Tokens(s) {
			if tok == "" || !utf8.ValidString(tok) || strings.ContainsRune(tok, ' ') {
				t.Fatalf("Tokens(%q) has bad token %q", s, tok)
			}
		}
		if l := DetectLang(s); l != "zh" && l != "en" {
			t.Fatalf("DetectLang(%q) = %q", s, l)
		}
		r := m.Match(s)
		if r.Score < 0 || r.Score > 1 || len(r.Candidates) > 3 {
			t.Fatalf("Match(%q) = %+v", s, r)
		}
	})
}
