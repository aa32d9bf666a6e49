package faq

import (
	"strings"
	"testing"
)

func TestBackgroundTopicsParse(t *testing.T) {
	entries, err := parseBackground(backgroundYAML)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) < 50 {
		t.Fatalf("%d background topics, want at least 50", len(entries))
	}
	seen := map[string]bool{}
	for _, e := range entries {
		if seen[e.ID] {
			t.Errorf("topic %q twice", e.ID)
		}
		seen[e.ID] = true
		var zh, en int
		for _, q := range e.Questions {
			if DetectLang(q) == "zh" {
				zh++
			} else {
				en++
			}
		}
		// residents write both languages: a topic known in one only turns
		// away half of its questions
		if zh == 0 || en == 0 {
			t.Errorf("topic %q has %d Chinese and %d English questions, want both", e.ID, zh, en)
		}
	}
	if m := backgroundMatcher(); m == nil || len(m.ids) != len(entries) {
		t.Errorf("background matcher not built from the %d topics", len(entries))
	}
}

func TestBadBackgroundTopicsAreRejected(t *testing.T) {
	for name, text := range map[string]string{
		"not YAML":       "topics: [",
		"no questions":   "topics:\n  - id: weather\n",
		"no id":          "topics:\n  - questions: [\"今天天气怎么样\"]\n",
		"wrong type":     "topics: 3\n",
		"questions map":  "topics:\n  - id: weather\n    questions: {a: b}\n",
		"topic a string": "topics:\n  - weather\n",
	} {
		if _, err := parseBackground([]byte(text)); err == nil || !strings.Contains(err.Error(), "background topics") {
			t.Errorf("%s: err = %v, want a background topics error", name, err)
		}
	}
}

// Questions about the weather share words with a typhoon or a renovation
// entry ("周末", "rain") and used to get those answers; a background topic
// explains them better, so they are turned away while the estate's own
// questions on the same entries are still answered.
func TestBackgroundTopicsTurnAwayWhatNoEstateAnswers(t *testing.T) {
	entries := loadYAMLEntries(t, "testdata/estate4/faq.yaml")
	plain := defaultParams
	plain.background = false
	without, with := newMatcher(entries, plain), NewMatcher(entries)
	for _, q := range []string{"明天深圳会下雨吗", "What's the weather like this weekend?"} {
		if got := without.Match(q); got.ID == "" {
			t.Fatalf("without background topics Match(%q) gives no answer: the case no longer shows what they do", q)
		}
		if got := with.Match(q); got.ID != "" {
			t.Errorf("Match(%q) = %q (score %.2f), want no answer", q, got.ID, got.Score)
		}
	}
	for q, want := range map[string]string{
		"台风来之前要做什么准备":                    "typhoon-preparedness",
		"Can I renovate at the weekend?": "renovation-hours",
	} {
		if got := with.Match(q); got.ID != want {
			t.Errorf("Match(%q) = %q (score %.2f), want %s", q, got.ID, got.Score, want)
		}
	}
}

// Everyday-life questions get neither an answer nor a button, and are
// marked out of scope for the handler's note ("明天会下雨吗" used to get the
// leak entry, "How do I renew my passport?" the retention one).
func TestDefaultFAQTurnsAwayEverydayLifeQuestions(t *testing.T) {
	m := NewMatcher(Default())
	for _, q := range []string{
		"明天会下雨吗", "护照过期了怎么换", "给我讲个笑话",
		"How do I renew my passport?", "which metro line goes to the airport", "tell me a joke", "is it going to rain tomorrow?",
	} {
		if got := m.Match(q); got.ID != "" || len(got.Candidates) != 0 || !got.OutOfScope {
			t.Errorf("Match(%q) = %q with buttons %v, out of scope %v; want neither, out of scope", q, got.ID, got.Candidates, got.OutOfScope)
		}
	}
	// a topic scoring under candidateBackgroundFloor takes the answer away
	// but leaves weak buttons (here the office hours): lower, it cost right
	// entries among the buttons on the question sets
	if got := m.Match("去机场坐几号线"); got.ID != "" {
		t.Errorf("Match(去机场坐几号线) = %q, want no answer", got.ID)
	}
	// a question the FAQ explains keeps its buttons and is not out of scope
	if got := m.Match("漏水"); (len(got.Candidates) == 0 && got.ID == "") || got.OutOfScope {
		t.Errorf("Match(漏水) = %q with buttons %v, out of scope %v; want the leak entries offered", got.ID, got.Candidates, got.OutOfScope)
	}
}

// Something of estate life named in a question keeps it the estate's,
// however well a background topic explains the rest.
func TestQuestionsNamingEstateLifeStayTheEstates(t *testing.T) {
	m := NewMatcher(Default())
	// a noise complaint told as a low mood (the feeling-down topic explains
	// more of it than the mediation entry)
	if got := m.Match("楼上太吵了 压力好大 晚上睡不着"); got.ID != "neighbour-dispute-mediation" {
		t.Errorf("Match(noise complaint) = %q (score %.2f, out of scope %v), want neighbour-dispute-mediation", got.ID, got.Score, got.OutOfScope)
	}
	// a lost access card is no lost ID card (the ID-card topic explains
	// "丢了怎么补办" as well)
	if got := m.Match("门禁卡丢了怎么补办"); got.ID != "access-cards" || got.OutOfScope {
		t.Errorf("Match(门禁卡丢了怎么补办) = %q, out of scope %v; want access-cards", got.ID, got.OutOfScope)
	}
	// the bus at the estate's gate: a gap of this FAQ, offered as close
	// entries, not turned away
	if got := m.Match("小区门口几路公交"); got.OutOfScope || len(got.Candidates) == 0 {
		t.Errorf("Match(小区门口几路公交) = out of scope %v, buttons %v; want buttons", got.OutOfScope, got.Candidates)
	}
}

// A question whose everyday side a topic explains, but which asks for
// something the top entry is about and at most one topic mentions, stays the
// estate's: the insurance topic explains "insurance claim", not the estate's
// cameras. Concepts many topics share do not count: the weekend of "What's
// the weather like this weekend?" is no renovation question.
func TestTopicExplainingOnlyTheEverydaySideLeavesTheEntry(t *testing.T) {
	m := NewMatcher(Default())
	offers := func(r Result, id string) bool {
		if r.ID == id {
			return true
		}
		for _, c := range r.Candidates {
			if c.ID == id {
				return true
			}
		}
		return false
	}
	for _, q := range []string{"can I get the CCTV footage for my insurance claim?", "I need the camera recording for my car insurance claim"} {
		if got := m.Match(q); got.OutOfScope || !offers(got, "surveillance-upgrade") {
			t.Errorf("Match(%q) = %q, buttons %v, out of scope %v; want the surveillance entry", q, got.ID, got.Candidates, got.OutOfScope)
		}
	}
	for _, q := range []string{"What's the weather like this weekend?", "周末天气怎么样"} {
		if got := m.Match(q); got.ID != "" {
			t.Errorf("Match(%q) = %q, want no answer", q, got.ID)
		}
	}
}

// OutOfScope means neither an answer nor a button: the handler tells the
// resident the question is not the estate's, which buttons would contradict.
func TestOutOfScopeComesAlone(t *testing.T) {
	m := NewMatcher(Default())
	topics, err := parseBackground(backgroundYAML)
	if err != nil {
		t.Fatal(err)
	}
	var seen int
	for _, e := range append(topics, Default()...) {
		for _, q := range e.Questions {
			got := m.Match(q)
			if !got.OutOfScope {
				continue
			}
			seen++
			if got.ID != "" || len(got.Candidates) != 0 {
				t.Errorf("Match(%q) is out of scope with answer %q and buttons %v", q, got.ID, got.Candidates)
			}
		}
	}
	if seen < 100 {
		t.Errorf("only %d questions out of scope: the check saw too few", seen)
	}
}

// An estate whose FAQ answers what a background topic covers gets its own
// answer: an administrator fixes a wrong "not about the estate" by adding
// the entry.
func TestAnEntryOnABackgroundTopicAnswersIt(t *testing.T) {
	kindergarten := Entry{ID: "kindergarten-enrolment",
		Questions: []string{"幼儿园怎么报名？", "How do I enrol my child in the kindergarten?", "孩子上幼儿园要准备什么材料？"},
		Answer: Answer{ZH: "小区配套幼儿园每年5月报名，请带户口本、房产证和孩子的疫苗接种证到幼儿园办公室登记。",
			EN: "The estate's kindergarten takes applications every May: bring the household register, the property certificate and the child's vaccination record to the kindergarten office."}}
	without, with := NewMatcher(Default()), NewMatcher(append(Default(), kindergarten))
	for _, q := range []string{"幼儿园怎么报名", "kindergarten application when?"} {
		if got := without.Match(q); !got.OutOfScope {
			t.Fatalf("without the entry Match(%q) is not out of scope (%+v): the case no longer shows what the entry does", q, got)
		}
		if got := with.Match(q); got.ID != kindergarten.ID {
			t.Errorf("Match(%q) = %q (score %.2f, out of scope %v), want %s", q, got.ID, got.Score, got.OutOfScope, kindergarten.ID)
		}
	}
}

// "What is the weather tomorrow" is the weather, not the outage-notices
// entry it shares "tomorrow" with; a facility asked about in the compound
// ("Is there a gym in the compound?") is a gap of this FAQ, for the desk,
// not something outside estate matters, while the metro near the estate
// still is.
func TestWeatherTomorrowIsOutOfScopeAndTheCompoundsGymIsNot(t *testing.T) {
	m := NewMatcher(Default())
	for _, q := range []string{"What is the weather tomorrow", "how is the weather tomorrow", "is there a metro station near the estate", "离小区最近的地铁站在哪"} {
		if got := m.Match(q); !got.OutOfScope || got.ID != "" || len(got.Candidates) != 0 {
			t.Errorf("Match(%q) = %q with buttons %v, out of scope %v; want out of scope alone", q, got.ID, got.Candidates, got.OutOfScope)
		}
	}
	for _, q := range []string{"Is there a gym in the compound?", "is there a gym or a pool in the compound", "is there a swimming pool in the estate"} {
		if got := m.Match(q); got.OutOfScope || got.ID != "" {
			t.Errorf("Match(%q) = %q, out of scope %v; want no answer, not out of scope", q, got.ID, got.OutOfScope)
		}
	}
}
