package faq

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"gopkg.in/yaml.v3"
)

// The development set lives outside the repository (shared/data/devset). This
// evaluation runs only when it is present; the unit tests do not need it.
// FAQ_DEVSET overrides the folder; FAQ_DEVSET_OUT writes `codesk faq match`
// style JSON lines for score.py.

type devQuery struct {
	Q      string  `json:"q"`
	Lang   string  `json:"lang"`
	Expect *string `json:"expect"`
}

func devsetDir() string {
	if d := os.Getenv("FAQ_DEVSET"); d != "" {
		return d
	}
	for _, d := range []string{"../../shared/data/devset", "/work/shared/data/devset"} {
		if _, err := os.Stat(filepath.Join(d, "faq.yaml")); err == nil {
			return d
		}
	}
	return ""
}

func loadYAMLEntries(t testing.TB, path string) []Entry {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	var doc struct {
		Entries []struct {
			ID        string            `yaml:"id"`
			Topic     string            `yaml:"topic"`
			Questions []string          `yaml:"questions"`
			Answer    map[string]string `yaml:"answer"`
		} `yaml:"entries"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	var out []Entry
	for _, e := range doc.Entries {
		out = append(out, Entry{ID: e.ID, Topic: e.Topic, Questions: e.Questions,
			Answer: Answer{ZH: e.Answer["zh"], EN: e.Answer["en"]}})
	}
	return out
}

func loadDevQueries(t testing.TB, path string) []devQuery {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	var qs []devQuery
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var q devQuery
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		qs = append(qs, q)
	}
	return qs
}

type devStats struct {
	in, right, wrong, none, top3, out, answered int
}

func (s devStats) String() string {
	pct := func(a, b int) float64 { return 100 * float64(a) / float64(max(b, 1)) }
	return fmt.Sprintf("right %5.1f%% wrong %4.1f%% none %5.1f%% top3 %5.1f%% | oos answered %5.1f%%",
		pct(s.right, s.in), pct(s.wrong, s.in), pct(s.none, s.in), pct(s.top3, s.in), pct(s.answered, s.out))
}

func evaluate(m *Matcher, qs []devQuery) map[string]*devStats {
	stats := map[string]*devStats{"all": {}, "zh": {}, "en": {}}
	for _, q := range qs {
		r := m.Match(q.Q)
		top3 := []string{}
		if r.ID != "" {
			top3 = append(top3, r.ID)
		}
		for _, c := range r.Candidates {
			top3 = append(top3, c.ID)
		}
		if len(top3) > 3 {
			top3 = top3[:3]
		}
		for _, key := range []string{"all", q.Lang} {
			s := stats[key]
			if q.Expect == nil {
				s.out++
				if r.ID != "" {
					s.answered++
				}
				continue
			}
			s.in++
			switch {
			case r.ID == *q.Expect:
				s.right++
			case r.ID == "":
				s.none++
			default:
				s.wrong++
			}
			for _, id := range top3 {
				if id == *q.Expect {
					s.top3++
				}
			}
		}
	}
	return stats
}

func TestDevsetEvaluation(t *testing.T) {
	dir := devsetDir()
	if dir == "" {
		t.Skip("development set not present")
	}
	entries := loadYAMLEntries(t, filepath.Join(dir, "faq.yaml"))
	qs := loadDevQueries(t, filepath.Join(dir, "queries.jsonl"))
	m := NewMatcher(entries)
	stats := evaluate(m, qs)
	for _, k := range []string{"all", "zh", "en"} {
		t.Logf("%-3s %v", k, stats[k])
	}
	if out := os.Getenv("FAQ_DEVSET_OUT"); out != "" {
		writeMatchJSONL(t, m, qs, out)
	}
	// Floors a little below the measured numbers (92% right, 1% wrong, 97%
	// top-3, 10% out-of-scope answered): a regression guard, not a target.
	if s := stats["all"]; s.right*100 < 87*s.in || s.wrong*100 > 4*s.in || s.top3*100 < 95*s.in || s.answered*100 > 14*s.out {
		t.Errorf("devset regression: %v", s)
	}

	// testdata/luyuan2: questions for the same FAQ written later, from its
	// entries alone, the closest thing here to another estate's residents
	// (measured: 79% right, 3% wrong, 98% top-3, 9% out-of-scope answered).
	t.Run("luyuan2", func(t *testing.T) { setFloors{"luyuan2", 70, 5, 94, 14}.check(t, m) })
}

// TestDefaultFAQQuestionSets runs the default FAQ's question sets with a
// regression guard each, floors a little below the measured numbers:
// paraphrases, paraphrases2 and paraphrases3 were tuned on (paraphrases3
// only by the confidence fit); heldout was written before the last two and
// never used for tuning, the honest measure of unseen questions.
func TestDefaultFAQQuestionSets(t *testing.T) {
	// the 44 entries the sets were labelled against (its README says why)
	m := NewMatcher(loadYAMLEntries(t, "testdata/chengshangcheng44/faq.yaml"))
	for _, set := range []setFloors{
		// measured: 82% right, 2% wrong, 100% top-3, 3% out-of-scope answered
		{"paraphrases", 77, 4, 97, 8},
		// measured: 74%, 4%, 97%, 13%
		{"paraphrases2", 68, 6, 93, 16},
		// measured: 71%, 5%, 96%, 9%
		{"paraphrases3", 62, 9, 89, 16},
		// measured: 77%, 4%, 97%, 8%
		{"heldout", 72, 6, 94, 13},
	} {
		t.Run(set.dir, func(t *testing.T) { set.check(t, m) })
	}
}

// TestOtherEstatesQuestionSets guards the measure of estates no part of the
// matcher was tuned on: each testdata/estateN is an estate's FAQ written
// without seeing any question set or the lexicon, and questions written from
// that FAQ alone by another author who never ran the matcher. estate3's
// totals chose between changes; estate4 (a Shenzhen high-rise estate: access
// cards, Cantonese, typhoons) was read for what the matcher lacks, which is
// how dialect folding came about; estate5 (a Beijing former work-unit
// compound) and estate6 (a Chengdu resettlement community, Sichuan dialect)
// were only measured, never read. estate7 (a Wuhan commodity-housing estate
// of walk-ups and towers, Hubei colloquialisms) came after the background
// topics and was only measured, as was estate8 (a Xi'an affordable-housing
// estate: heating, Shaanxi colloquialisms). estate9 (a Nanjing former
// work-unit compound) and estate10 (a Qingdao estate with district heating)
// came after the button order and were written in ordinary colloquial
// Mandarin, the Lüyuan set's style, rather than in dialect. estate11 (an old
// Beijing estate of walk-ups and towers, Beijing colloquialisms and 儿化)
// came in session 10, after the ranking's rework.
func TestOtherEstatesQuestionSets(t *testing.T) {
	for _, set := range []setFloors{
		// measured on first sight: 77% right, 3% wrong, 97% top-3, 8% answered;
		// now 82%, 3%, 97%, 6%
		{"estate3", 76, 6, 94, 12},
		// measured on first sight: 58%, 3%, 90%, 14%; now 65%, 3%, 92%, 8%
		{"estate4", 60, 7, 87, 14},
		// measured on first sight: 66%, 1%, 91%, 4%; now 66%, 1%, 93%, 4%
		{"estate5", 61, 5, 87, 10},
		// measured on first sight: 74%, 3%, 95%, 8% (75% with dialects folded)
		{"estate6", 69, 6, 92, 14},
		// measured on first sight: 69%, 2%, 95%, 8% (the same before the
		// background topics: its answered out-of-scope questions are near-topic)
		{"estate7", 64, 6, 91, 14},
		// measured on first sight: 71%, 1%, 99%, 8% (before the background
		// topics 73%, 1%, 99%, 12%: two in-scope questions about "documents"
		// are now turned away)
		{"estate8", 66, 5, 94, 14},
		// measured on first sight: 79%, 5%, 97%, 8%
		{"estate9", 73, 8, 93, 14},
		// measured on first sight: 77%, 4%, 98%, 8%
		{"estate10", 72, 7, 94, 14},
		// measured on first sight: 75%, 4%, 97%, 6%
		{"estate11", 70, 7, 94, 12},
	} {
		t.Run(set.dir, func(t *testing.T) {
			set.check(t, NewMatcher(loadYAMLEntries(t, filepath.Join("testdata", set.dir, "faq.yaml"))))
		})
	}
}

// setFloors is a regression guard for a question set in testdata/dir:
// percent floors of right answers and of the right entry in the top 3 (of
// in-scope questions), ceilings of wrong answers (of in-scope) and of
// out-of-scope questions answered.
type setFloors struct {
	dir                          string
	right, wrong, top3, answered int
}

func (f setFloors) check(t *testing.T, m *Matcher) {
	t.Helper()
	stats := evaluate(m, loadDevQueries(t, filepath.Join("testdata", f.dir, "queries.jsonl")))
	for _, k := range []string{"all", "zh", "en"} {
		t.Logf("%-3s %v", k, stats[k])
	}
	s := stats["all"]
	if s.right*100 < f.right*s.in || s.wrong*100 > f.wrong*s.in || s.top3*100 < f.top3*s.in || s.answered*100 > f.answered*s.out {
		t.Errorf("%s regression: %v", f.dir, s)
	}
}

func writeMatchJSONL(t *testing.T, m *Matcher, qs []devQuery, path string) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	enc.SetEscapeHTML(false)
	for _, q := range qs {
		r := m.Match(q.Q)
		var id any
		if r.ID != "" {
			id = r.ID
		}
		cands := []string{}
		for _, c := range r.Candidates {
			cands = append(cands, c.ID)
		}
		if err := enc.Encode(map[string]any{"q": q.Q, "id": id, "score": r.Score, "candidates": cands}); err != nil {
			t.Fatal(err)
		}
	}
}
