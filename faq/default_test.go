package faq

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"codesk/parties"
)

func TestDefaultParsesAndIsComplete(t *testing.T) {
	if _, err := Parse(strings.NewReader(string(defaultYAML))); err != nil {
		t.Fatalf("embedded default.yaml does not parse: %v", err)
	}
	entries := Default()
	if len(entries) < 36 {
		t.Errorf("default FAQ has %d entries, want at least 36", len(entries))
	}
	ids := map[string]bool{}
	for _, e := range entries {
		if ids[e.ID] {
			t.Errorf("duplicate id %q", e.ID)
		}
		ids[e.ID] = true
		if e.Answer.ZH == "" || e.Answer.EN == "" {
			t.Errorf("%s: needs both zh and en answers", e.ID)
		}
		if !parties.Valid(e.Party) {
			t.Errorf("%s: party %q is not one of the three parties", e.ID, e.Party)
		}
		if e.Topic == "" {
			t.Errorf("%s: no topic", e.ID)
		}
		if n := len(e.Questions); n < 3 || n > 8 {
			t.Errorf("%s: %d questions, want 3-8", e.ID, n)
		}
		var zh, en int
		for _, q := range e.Questions {
			if hasHan(q) {
				zh++
			} else {
				en++
			}
		}
		if zh == 0 || en == 0 {
			t.Errorf("%s: questions should mix Chinese (%d) and English (%d)", e.ID, zh, en)
		}
	}
	if problems := Validate(entries); len(problems) != 0 {
		t.Errorf("Validate(Default()) = %v", problems)
	}
}

var (
	zhPlaceholder = regexp.MustCompile(`【待管理员填写：[^】]+】`)
	enPlaceholder = regexp.MustCompile(`\[ADMIN: [^\]]+\]`)
)

// Administrators search for the markers, so each must be well formed and an
// answer's two languages must ask for the same number of facts.
func TestDefaultPlaceholdersArePaired(t *testing.T) {
	total := 0
	for _, e := range Default() {
		zh := zhPlaceholder.FindAllString(e.Answer.ZH, -1)
		en := enPlaceholder.FindAllString(e.Answer.EN, -1)
		if len(zh) != len(en) {
			t.Errorf("%s: %d zh placeholders, %d en placeholders", e.ID, len(zh), len(en))
		}
		if strings.Count(e.Answer.ZH, "待管理员填写") != len(zh) || strings.Count(e.Answer.EN, "ADMIN") != len(en) {
			t.Errorf("%s: malformed placeholder (want 【待管理员填写：…】 / [ADMIN: …])", e.ID)
		}
		if strings.Contains(e.Answer.ZH, "ADMIN") || strings.Contains(e.Answer.EN, "待管理员") {
			t.Errorf("%s: placeholder in the wrong language", e.ID)
		}
		total += len(zh)
	}
	if total == 0 {
		t.Error("no placeholders found: the estate's facts must be left for administrators")
	}
}

func TestDefaultReturnsIndependentCopies(t *testing.T) {
	a := Default()
	a[0].Questions[0] = "changed"
	a[0].ID = "changed"
	b := Default()
	if reflect.DeepEqual(a[0], b[0]) {
		t.Error("editing one Default() result changed the next")
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// Paying and not paying share every content word; the lexicon's "how/where
// to pay" and "don't pay" concepts tell them apart, in both languages.
func TestDefaultTellsPayingFromNotPaying(t *testing.T) {
	m := NewMatcher(Default())
	cases := map[string]string{
		"How do I pay the property fee?":                "property-fee-payment",
		"物业费怎么交？":                                       "property-fee-payment",
		"What happens if I don't pay the property fee?": "property-fee-arrears",
		"不交物业费会怎么样":                                     "property-fee-arrears",
	}
	for q, want := range cases {
		if got := m.Match(q); got.ID != want {
			t.Errorf("Match(%q) = %q (candidates %v), want %q", q, got.ID, got.Candidates, want)
		}
	}
}

// An entry's title (its first question in a language) labels its "did you
// mean" button, so it must read as a question a resident would pick, not as
// a complaint ("楼道灯坏了好几天了" labelled the common-areas entry).
func TestDefaultTitlesAreQuestions(t *testing.T) {
	cue := regexp.MustCompile(`[？?]|吗|怎么|谁|哪|什么|多少|几|能不能|行不行|是不是|(?i)^(how|what|when|where|who|which|can|is|are|do|does|should|will)\b`)
	for _, e := range Default() {
		for _, lang := range []string{"zh", "en"} {
			if title := e.Title(lang); !cue.MatchString(title) {
				t.Errorf("%s: %s title %q does not read as a question", e.ID, lang, title)
			}
		}
	}
}
