package faq

import (
	"slices"
	"strings"
	"testing"
)

// An English phrase whose stems belong to two concepts makes every question
// with that word name both ("building" stemmed to "build" once made each
// building a construction site). Phrases that truly mean both are listed.
func TestLexiconEnglishPhrasesHaveOneMeaning(t *testing.T) {
	both := map[string]bool{
		"ag":         true, // "aged": an age and the elderly
		"approv":     true, // approve, approval: consent and a permit
		"approval":   true,
		"permit":     true, // a permit, and to permit
		"battery":    true, // a battery, and batteries are hazardous waste
		"delivery":   true, // deliveries to the door and loading
		"water supp": true, // the water supply and its interruption
		// a shot of one kind is a vaccination too
		"flu shot": true, "flu jab": true, "raby shot": true, "raby jab": true,
		"shingl jab": true, "booster shot": true,
	}
	owners := map[string][]string{}
	for _, phrases := range concepts.en {
		for _, p := range phrases {
			key := strings.Join(p.stems, " ")
			if !slices.Contains(owners[key], p.concept) {
				owners[key] = append(owners[key], p.concept)
			}
		}
	}
	for key, cs := range owners {
		if len(cs) > 1 && !both[key] {
			slices.Sort(cs)
			t.Errorf("English phrase %q stands for %v", key, cs)
		}
	}
}
