package faq

import (
	"slices"
	"testing"
)

func TestTokensChinese(t *testing.T) {
	got := Tokens("电梯坏了吗")
	for _, want := range []string{"电", "梯", "电梯", "梯坏", "坏", "#lift", "#repair"} {
		if !slices.Contains(got, want) {
			t.Errorf("Tokens(电梯坏了吗) = %v, missing %q", got, want)
		}
	}
	for _, stop := range []string{"了", "吗", "了吗"} {
		if slices.Contains(got, stop) {
			t.Errorf("Tokens(电梯坏了吗) = %v, has function word %q", got, stop)
		}
	}
}

func TestTokensTraditionalEqualsSimplified(t *testing.T) {
	if a, b := Tokens("維修資金"), Tokens("维修资金"); !slices.Equal(a, b) {
		t.Errorf("traditional %v != simplified %v", a, b)
	}
}

func TestTokensEnglish(t *testing.T) {
	got := Tokens("How are the owners' committees charging the fees?")
	for _, want := range []string{"owner", "committee", "charg", "fee", "#owners_committee"} {
		if !slices.Contains(got, want) {
			t.Errorf("Tokens = %v, missing %q", got, want)
		}
	}
	for _, stop := range []string{"how", "are", "the"} {
		if slices.Contains(got, stop) {
			t.Errorf("Tokens = %v, has stop word %q", got, stop)
		}
	}
}

func TestStemEnglish(t *testing.T) {
	groups := [][]string{
		{"charge", "charges", "charging", "charged"},
		{"owner", "owners"},
		{"party", "parties"},
		{"stop", "stopped", "stopping"},
		{"agreement", "agree", "agrees"},
		{"month", "monthly"},
	}
	for _, g := range groups {
		for _, w := range g[1:] {
			if a, b := stemEnglish(g[0]), stemEnglish(w); a != b {
				t.Errorf("stem(%q)=%q but stem(%q)=%q", g[0], a, w, b)
			}
		}
	}
	if stemEnglish("bus") != "bus" || stemEnglish("gas") != "gas" {
		t.Errorf("short words must stay: bus->%q gas->%q", stemEnglish("bus"), stemEnglish("gas"))
	}
}

func TestSynonymConceptsBridgeLanguages(t *testing.T) {
	pairs := [][2]string{
		{"电梯", "elevator"}, {"升降机", "lift"}, {"维修基金", "sinking fund"},
		{"业委会", "owners' committee"}, {"管理费", "service charge"}, {"垃圾", "rubbish"},
		{"监控", "CCTV"}, {"群租", "group rental"}, {"加装电梯", "adding a lift"},
	}
	for _, p := range pairs {
		zh, en := Tokens(p[0]), Tokens(p[1])
		shared := false
		for _, t := range zh {
			if t[0] == '#' && slices.Contains(en, t) {
				shared = true
			}
		}
		if !shared {
			t.Errorf("%q %v and %q %v share no concept", p[0], zh, p[1], en)
		}
	}
}

func TestTyposAreFixedAgainstVocabulary(t *testing.T) {
	f := newTypoFixer(map[string]int{"elevator": 3, "maintenance": 2, "while": 1})
	for in, want := range map[string]string{
		"elevater": "elevator", "maintanence": "maintenance", "elevator": "elevator",
		"passport": "passport", // nothing close: unchanged
		"whale":    "whale",    // short words are not corrected
	} {
		if got := f.fix(in); got != want {
			t.Errorf("fix(%q) = %q, want %q", in, got, want)
		}
	}
}
