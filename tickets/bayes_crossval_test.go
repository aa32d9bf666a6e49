package tickets

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"codesk/faq"
	"codesk/parties"
)

// TestBayesCrossValidation measures how the router does on text its
// statistical model has not seen: for each labelled set, the model is trained
// on the others. The rules stay as they are, and they were written against
// every set, so the rules-only column is optimistic; "model only" is the
// model's own honest score. Each fold must keep the held-out target (>= 90%
// right, <= 5% wrong). BAYES_EXTRA="a.jsonl b.jsonl" logs more sets scored
// with the model trained on all labelled sets (e.g. the devset);
// BAYES_WEIGHT / BAYES_CLIP override model_weight / model_clip to compare.
// BAYES_VERBOSE=1 logs every miss.
func TestBayesCrossValidation(t *testing.T) {
	rules := DefaultRules()
	if v, err := strconv.ParseFloat(os.Getenv("BAYES_WEIGHT"), 64); err == nil {
		rules.Decision.ModelWeight = v
	}
	if v, err := strconv.ParseFloat(os.Getenv("BAYES_CLIP"), 64); err == nil {
		rules.Decision.ModelClip = v
	}
	withModel, err := NewRouter(rules)
	if err != nil {
		t.Fatal(err)
	}
	rules.Decision.ModelWeight = 0
	rulesOnly, err := NewRouter(rules)
	if err != nil {
		t.Fatal(err)
	}
	sets := map[string][]labelledConcern{}
	for _, n := range labelledSets {
		sets[n] = readConcerns(t, n)
	}
	type fold struct {
		name        string
		train, test [][]labelledConcern
	}
	var folds []fold
	for i, n := range labelledSets {
		f := fold{name: "cv " + strings.TrimSuffix(n, ".jsonl"), test: [][]labelledConcern{sets[n]}}
		for j, m := range labelledSets {
			if j != i {
				f.train = append(f.train, sets[m])
			}
		}
		folds = append(folds, f)
	}
	for _, path := range strings.Fields(os.Getenv("BAYES_EXTRA")) {
		f := fold{name: path, test: [][]labelledConcern{readConcernsFile(t, path)}}
		for _, n := range labelledSets {
			f.train = append(f.train, sets[n])
		}
		folds = append(folds, f)
	}
	for _, f := range folds {
		fitted := *withModel
		fitted.model = newBayesModel(countLabelled(f.train...), bayesSmoothing)
		var base, alone, both routeTally
		for _, c := range f.test[0] {
			base.add(rulesOnly.Route(c.Text).Party, c.Party)
			alone.add(modelOnlyParty(&fitted, c.Text), c.Party)
			d := fitted.Route(c.Text)
			both.add(d.Party, c.Party)
			if d.Party != c.Party && os.Getenv("BAYES_VERBOSE") != "" {
				t.Logf("  miss %q -> %s (%.2f), want %s", c.Text, d.Party, d.Confidence, c.Party)
			}
		}
		t.Logf("%-20s n=%3d  rules only: %s | model only: %s | rules+model: %s", f.name, base.n, base, alone, both)
		if !strings.HasPrefix(f.name, "cv ") {
			continue
		}
		if r := float64(both.right) / float64(both.n); r < 0.9 {
			t.Errorf("%s: right %.1f%% < 90%%", f.name, 100*r)
		}
		if w := float64(both.wrong) / float64(both.n); w > 0.05 {
			t.Errorf("%s: wrong %.1f%% > 5%%", f.name, 100*w)
		}
	}
}

// modelOnlyParty decides from the model's evidence alone, with the rules'
// decision thresholds.
func modelOnlyParty(r *Router, text string) parties.ID {
	ev := r.modelEvidence(faq.Normalize(text))
	best, second := 0, 1
	if ev[1] > ev[0] {
		best, second = 1, 0
	}
	if ev[2] > ev[best] {
		best, second = 2, best
	} else if ev[2] > ev[second] {
		second = 2
	}
	conf := 1 - math.Exp(-(ev[best]-ev[second])/r.decision.Scale)
	if ev[best] >= r.decision.MinScore && conf >= r.decision.MinConfidence {
		return parties.All[best]
	}
	return parties.CoOffice
}

type routeTally struct{ right, wrong, n int }

func (r *routeTally) add(got, want parties.ID) {
	r.n++
	switch got {
	case want:
		r.right++
	case parties.CoOffice:
	default:
		r.wrong++
	}
}

func (r routeTally) String() string {
	n := float64(r.n)
	return fmt.Sprintf("right %5.1f%% wrong %4.1f%% co %4.1f%%",
		100*float64(r.right)/n, 100*float64(r.wrong)/n, 100*float64(r.n-r.right-r.wrong)/n)
}

func readConcernsFile(t *testing.T, path string) []labelledConcern {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	var out []labelledConcern
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var c labelledConcern
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, c)
	}
	return out
}
