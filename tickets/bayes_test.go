package tickets

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"codesk/faq"
	"codesk/parties"
)

var updateBayes = flag.Bool("update-bayes", false, "rewrite bayes_counts.tsv from testdata/concerns/*.jsonl")

// labelledSets are the files the statistical model is trained on: our own
// labelled concerns, never the devset.
var labelledSets = []string{"concerns.jsonl", "holdout.jsonl", "blind2.jsonl", "crosscheck.jsonl"}

func countLabelled(sets ...[]labelledConcern) bayesCounts {
	var texts []string
	var party []int
	for _, set := range sets {
		for _, c := range set {
			texts = append(texts, c.Text)
			party = append(party, partyIndex(c.Party))
		}
	}
	return countFeatures(texts, party)
}

// The embedded counts must be what the labelled sets give; `go generate`
// (this test with -update-bayes) rewrites them.
func TestBayesCountsUpToDate(t *testing.T) {
	var sets [][]labelledConcern
	for _, name := range labelledSets {
		sets = append(sets, readConcerns(t, name))
	}
	want := countLabelled(sets...).marshal()
	if *updateBayes {
		if err := os.WriteFile("bayes_counts.tsv", want, 0o644); err != nil {
			t.Fatalf("write bayes counts: %v", err)
		}
		return
	}
	if !bytes.Equal(defaultBayesCounts, want) {
		t.Fatal("bayes_counts.tsv is stale: run `go generate ./tickets`")
	}
}

func TestBayesCountsRoundTrip(t *testing.T) {
	c := countFeatures([]string{"电梯坏了", "The committee hid the fund accounts", "楼上邻居太吵"}, []int{0, 1, 2})
	got, err := parseBayesCounts(c.marshal())
	if err != nil {
		t.Fatalf("parseBayesCounts: %v", err)
	}
	if got.docs != c.docs || len(got.features) != len(c.features) {
		t.Fatalf("round trip: docs %v/%v, %d/%d features", got.docs, c.docs, len(got.features), len(c.features))
	}
	for f, v := range c.features {
		if got.features[f] != v {
			t.Errorf("feature %q: got %v, want %v", f, got.features[f], v)
		}
	}
	for _, bad := range []string{"", "x\t1\t2\n", "x\t1\t2\t-1\n", "x\ta\t0\t0\n"} {
		if _, err := parseBayesCounts([]byte(bad)); err == nil {
			t.Errorf("parseBayesCounts(%q): want an error", bad)
		}
	}
}

func TestTextFeatures(t *testing.T) {
	got := textFeatures(faq.Normalize("电梯坏了! The lifts were LEAKING in 3 towers"))
	want := []string{"电", "电梯", "梯", "梯坏", "坏", "坏了", "了", "lift", "leak", "tower"}
	if len(got) != len(want) {
		t.Fatalf("textFeatures = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("textFeatures = %q, want %q", got, want)
		}
	}
}

// The model alone leans the right way on plain examples of each party.
func TestBayesModelLeans(t *testing.T) {
	m, err := defaultBayesModel()
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]parties.ID{
		"车库的灯坏了好几天":                                  parties.PropertyManagement,
		"the committee never published the accounts": parties.OwnersCommittee,
		"楼上邻居半夜太吵":                                   parties.NeighborhoodCommittee,
	} {
		odds, known := m.logOdds(faq.Normalize(text))
		if known == 0 {
			t.Errorf("%q: no known features", text)
			continue
		}
		best := 0
		for k := range odds {
			if odds[k] > odds[best] {
				best = k
			}
		}
		if parties.All[best] != want {
			t.Errorf("%q: model leans %s (%v), want %s", text, parties.All[best], odds, want)
		}
	}
}
