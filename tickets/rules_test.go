package tickets

import (
	"strings"
	"testing"

	"codesk/parties"
)

const minimalRules = `version: 1
decision: {min_score: 2, min_confidence: 0.4, scale: 3, other_share: 0.4}
intent:
  question_mark: 2
  report: [{weight: 2, terms: [坏了, broken]}]
  question: [{weight: 2, terms: [吗, how]}]
categories:
  - id: bikes
    party: neighborhood_committee
    names: {zh: 自行车, en: Bikes}
    cues:
      - {weight: 3, terms: [自行车, bicycle], patterns: ['bike\s?shed']}
      - {weight: -3, terms: [充电]}
`

func TestParseRulesOverride(t *testing.T) {
	rules, err := ParseRules(strings.NewReader(minimalRules))
	if err != nil {
		t.Fatalf("ParseRules: %v", err)
	}
	r, err := NewRouter(rules)
	if err != nil {
		t.Fatalf("NewRouter: %v", err)
	}
	if d := r.Route("楼下自行车乱放"); d.Party != parties.NeighborhoodCommittee || d.Category != "bikes" {
		t.Errorf("override rules: got %s/%s, want neighborhood_committee/bikes", d.Party, d.Category)
	}
	if d := r.Route("the bike shed roof is gone"); d.Party != parties.NeighborhoodCommittee {
		t.Errorf("override pattern: got %s, want neighborhood_committee", d.Party)
	}
	// The negative cue cancels the term: no evidence left, so the desk triages.
	if d := r.Route("自行车充电"); d.Party != parties.CoOffice {
		t.Errorf("negative cue: got %s, want co_office", d.Party)
	}
	if d := r.Route("电梯坏了"); d.Party != parties.CoOffice {
		t.Errorf("text outside the override's categories: got %s, want co_office", d.Party)
	}
}

func TestParseRulesRejectsBadFiles(t *testing.T) {
	tests := []struct {
		name, from, to, wantErr string
	}{
		{"unknown party", "party: neighborhood_committee", "party: street_office", `unknown party "street_office"`},
		{"co_office is no owner", "party: neighborhood_committee", "party: co_office", `unknown party "co_office"`},
		{"unknown field", "    names: {zh: 自行车, en: Bikes}", "    names: {zh: 自行车, en: Bikes}\n    owner: x", "field owner not found"},
		{"bad pattern", `bike\s?shed`, `bike(shed`, "pattern"},
		{"zero weight", "{weight: 3, terms: [自行车", "{weight: 0, terms: [自行车", "weight must not be 0"},
		{"wrong version", "version: 1", "version: 2", "version: got 2"},
		{"threshold out of range", "min_confidence: 0.4", "min_confidence: 1.5", "min_confidence"},
		{"missing name", "names: {zh: 自行车, en: Bikes}", "names: {zh: 自行车}", "needs both zh and en"},
		{"bad id", "id: bikes", "id: Bikes!", "id must match"},
		{"reserved id", "id: bikes", "id: other", "reserved"},
		{"empty term", "terms: [自行车, bicycle]", "terms: [自行车, '？']", "empty after folding"},
		{"only negative cues", "{weight: 3, terms: [自行车", "{weight: -3, terms: [自行车", "positive weight"},
		{"negative model weight", "other_share: 0.4}", "other_share: 0.4, model_weight: -1, model_clip: 4}", "model_weight"},
		{"model weight without clip", "other_share: 0.4}", "other_share: 0.4, model_weight: 0.5}", "model_clip"},
		{"no intent cues", "  question: [{weight: 2, terms: [吗, how]}]\n", "", "needs both report and question"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(minimalRules, tt.from) {
				t.Fatalf("test setup: %q not in minimalRules", tt.from)
			}
			bad := strings.Replace(minimalRules, tt.from, tt.to, 1)
			_, err := ParseRules(strings.NewReader(bad))
			if err == nil {
				t.Fatalf("ParseRules accepted a file with %s", tt.name)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %q does not mention %q", err, tt.wantErr)
			}
		})
	}
}

func TestParseRulesRejectsEmptyAndDuplicate(t *testing.T) {
	if _, err := ParseRules(strings.NewReader("# nothing\n")); err == nil {
		t.Error("ParseRules accepted an empty file")
	}
	rules, err := ParseRules(strings.NewReader(minimalRules))
	if err != nil {
		t.Fatal(err)
	}
	rules.Categories = append(rules.Categories, rules.Categories[0])
	if _, err := NewRouter(rules); err == nil || !strings.Contains(err.Error(), "duplicate id") {
		t.Errorf("NewRouter with a duplicate category: err = %v, want duplicate id", err)
	}
}

func TestDefaultRulesAreFreshCopies(t *testing.T) {
	a := DefaultRules()
	a.Categories[0].Party = "nobody"
	if DefaultRules().Categories[0].Party == "nobody" {
		t.Error("changing one DefaultRules() result changed the next")
	}
	if _, err := NewRouter(a); err == nil {
		t.Error("NewRouter accepted rules with an unknown party")
	}
}
