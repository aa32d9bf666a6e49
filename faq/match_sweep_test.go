package faq

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// TestDevsetSweep prints the in-scope/out-of-scope tradeoff over decision
// thresholds (FAQ_SWEEP=1; needs the development set).
func TestDevsetSweep(t *testing.T) {
	dir := devsetDir()
	if dir == "" || os.Getenv("FAQ_SWEEP") == "" {
		t.Skip("set FAQ_SWEEP=1 with the development set present")
	}
	entries := loadYAMLEntries(t, filepath.Join(dir, "faq.yaml"))
	qs := loadDevQueries(t, filepath.Join(dir, "queries.jsonl"))
	params := defaultParams
	envFloat(t, "FAQ_UNI", &params.hanUnigramWeight)
	envFloat(t, "FAQ_OOVBI", &params.unknownBigramWeight)
	envFloat(t, "FAQ_CONCEPT", &params.conceptWeight)
	envFloat(t, "FAQ_AW", &params.answerWeight)
	envFloat(t, "FAQ_K1", &params.k1)
	envFloat(t, "FAQ_QB", &params.questionB)
	envFloat(t, "FAQ_AB", &params.answerB)
	envFloat(t, "FAQ_QS", &params.questionShare)
	for _, th := range []float64{0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90} {
		params.threshold = th
		s := evaluate(newMatcher(entries, params), qs)
		t.Logf("th %.2f  all %v  | zh right %.1f en right %.1f", th, s["all"],
			100*float64(s["zh"].right)/float64(s["zh"].in), 100*float64(s["en"].right)/float64(s["en"].in))
	}
}

// TestDevsetDump prints every query with its top entries (FAQ_DUMP=1).
func TestDevsetDump(t *testing.T) {
	dir := devsetDir()
	if dir == "" || os.Getenv("FAQ_DUMP") == "" {
		t.Skip("set FAQ_DUMP=1 with the development set present")
	}
	entries := loadYAMLEntries(t, filepath.Join(dir, "faq.yaml"))
	qs := loadDevQueries(t, filepath.Join(dir, "queries.jsonl"))
	m := NewMatcher(entries)
	for _, q := range qs {
		r := m.Rank(q.Q, 2)
		exp := "-"
		if q.Expect != nil {
			exp = *q.Expect
		}
		mark := "  "
		if len(r) > 0 && r[0].ID != exp {
			mark = "XX"
		}
		line := ""
		for _, s := range r {
			line += fmt.Sprintf(" %s:%.2f", s.ID, s.Score)
		}
		terms := appendTokens(nil, Normalize(q.Q), m.fixer.fix)
		t.Logf("%s %s exp=%s |%s | %q %v", mark, q.Lang, exp, line, q.Q, terms)
	}
}

func envFloat(t *testing.T, name string, dst *float64) {
	if v := os.Getenv(name); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		*dst = f
	}
}

// TestDevsetFrontier prints, for the parameters from the environment, the best
// confident-right rate with at most 10% of out-of-scope questions answered
// (FAQ_FRONTIER=1).
func TestDevsetFrontier(t *testing.T) {
	dir := devsetDir()
	if dir == "" || os.Getenv("FAQ_FRONTIER") == "" {
		t.Skip("set FAQ_FRONTIER=1 with the development set present")
	}
	entries := loadYAMLEntries(t, filepath.Join(dir, "faq.yaml"))
	qs := loadDevQueries(t, filepath.Join(dir, "queries.jsonl"))
	params := defaultParams
	envFloat(t, "FAQ_UNI", &params.hanUnigramWeight)
	envFloat(t, "FAQ_OOVBI", &params.unknownBigramWeight)
	envFloat(t, "FAQ_CONCEPT", &params.conceptWeight)
	envFloat(t, "FAQ_AW", &params.answerWeight)
	envFloat(t, "FAQ_K1", &params.k1)
	envFloat(t, "FAQ_QB", &params.questionB)
	envFloat(t, "FAQ_AB", &params.answerB)
	envFloat(t, "FAQ_QS", &params.questionShare)
	bestRight, bestTh := -1, 0.0
	var best *devStats
	for th := 0.40; th < 0.96; th += 0.01 {
		params.threshold = th
		s := evaluate(newMatcher(entries, params), qs)["all"]
		if s.answered*10 <= s.out && s.right > bestRight {
			bestRight, bestTh, best = s.right, th, s
		}
	}
	t.Logf("FRONTIER th %.2f %v", bestTh, best)

	// Two-fold check of the threshold choice: pick it on even lines, measure
	// on odd lines, and the other way round.
	var folds [2][]devQuery
	for i, q := range qs {
		folds[i%2] = append(folds[i%2], q)
	}
	for f := 0; f < 2; f++ {
		pickRight, pickTh := -1, 0.0
		for th := 0.40; th < 0.96; th += 0.01 {
			params.threshold = th
			s := evaluate(newMatcher(entries, params), folds[f])["all"]
			if s.answered*10 <= s.out && s.right > pickRight {
				pickRight, pickTh = s.right, th
			}
		}
		params.threshold = pickTh
		t.Logf("FOLD pick th %.2f on fold %d -> other fold %v", pickTh, f, evaluate(newMatcher(entries, params), folds[1-f])["all"])
	}
	for _, th := range []float64{0.60, 0.70, 0.75, 0.80, 0.85} {
		params.threshold = th
		s := evaluate(newMatcher(entries, params), qs)
		t.Logf("TRADEOFF th %.2f all %v | zh %v | en %v", th, s["all"], s["zh"], s["en"])
	}
}
