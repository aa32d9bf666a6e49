package tickets

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"codesk/parties"
)

type labelledConcern struct {
	Text  string     `json:"text"`
	Lang  string     `json:"lang"`
	Party parties.ID `json:"party"`
}

func readConcerns(t *testing.T, name string) []labelledConcern {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "concerns", name))
	if err != nil {
		t.Fatalf("open labelled concerns: %v", err)
	}
	defer f.Close()
	var out []labelledConcern
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var c labelledConcern
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !parties.Valid(c.Party) {
			t.Fatalf("%s: bad party %q", name, c.Party)
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return out
}

// Floors for the labelled sets: a regression in the rules or the model fails
// here. The model is trained on these sets, so today's numbers (97-100%
// right, 0% wrong) are not estimates of unseen text; TestBayesCrossValidation
// holds the held-out target (>= 90% right, <= 5% wrong) on sets left out of
// training. The floors sit a little below today's numbers.
func TestRoutingAccuracyFloors(t *testing.T) {
	r := defaultRouter(t)
	for _, set := range labelledSets {
		t.Run(set, func(t *testing.T) {
			concerns := readConcerns(t, set)
			right, wrong := routeCounts(t, r, concerns)
			n := float64(len(concerns))
			t.Logf("%s: %d concerns, right %.1f%%, wrong %.1f%%, co_office %.1f%%",
				set, len(concerns), 100*float64(right)/n, 100*float64(wrong)/n, 100*float64(len(concerns)-right-wrong)/n)
			if float64(right)/n < 0.92 {
				t.Errorf("right party %.1f%% < 92%%", 100*float64(right)/n)
			}
			if float64(wrong)/n > 0.03 {
				t.Errorf("wrong party %.1f%% > 3%%", 100*float64(wrong)/n)
			}
		})
	}
}

func TestIsConcernOnLabelledConcerns(t *testing.T) {
	r := defaultRouter(t)
	concerns := readConcerns(t, "concerns.jsonl")
	hits := 0
	for _, c := range concerns {
		if ok, _ := r.IsConcern(c.Text); ok {
			hits++
		}
	}
	rate := float64(hits) / float64(len(concerns))
	t.Logf("IsConcern on labelled concerns: %.1f%%", 100*rate)
	if rate < 0.9 {
		t.Errorf("IsConcern recognised %.1f%% of labelled concerns, want >= 90%%", 100*rate)
	}
}

// testdata/concerns/blind3.jsonl was written from the devset README's
// labelling rules alone, by an author who never saw the router, its rules or
// another concern set, and was scored once before anything was tuned on it
// (94.2% right, 0.8% wrong, 5.0% co_office). It is not in the model's
// training: it stays the honest measure of unseen concerns, and this guard
// sits a little below that first score.
func TestRoutingOnUnseenConcerns(t *testing.T) {
	r := defaultRouter(t)
	concerns := readConcerns(t, "blind3.jsonl")
	right, wrong := routeCounts(t, r, concerns)
	n := float64(len(concerns))
	t.Logf("blind3: right %.1f%%, wrong %.1f%%", 100*float64(right)/n, 100*float64(wrong)/n)
	if float64(right)/n < 0.90 || float64(wrong)/n > 0.03 {
		t.Errorf("unseen concerns: right %.1f%% (floor 90%%), wrong %.1f%% (ceiling 3%%)", 100*float64(right)/n, 100*float64(wrong)/n)
	}
}

// routeCounts routes each concern and counts the right and the wrong party
// (co_office, the desk's triage, is neither), logging each wrong one.
func routeCounts(t *testing.T, r *Router, concerns []labelledConcern) (right, wrong int) {
	t.Helper()
	for _, c := range concerns {
		switch d := r.Route(c.Text); d.Party {
		case c.Party:
			right++
		case parties.CoOffice:
		default:
			wrong++
			t.Logf("wrong: %q -> %s (%.2f), want %s", c.Text, d.Party, d.Confidence, c.Party)
		}
	}
	return right, wrong
}
