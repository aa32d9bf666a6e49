package faq

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestDumpConfidenceFeatures writes, per query of the development set and of
// the paraphrase set, the confidence features, the top entry and the expected
// one (FAQ_FEATURES=DIR). testdata/calibrate/fit.py fits the logistic model
// in match_params.go on these files (label: top == expect, out-of-scope lines
// negative); testdata/calibrate/README.md says how to rerun it. Ranking
// weights can be varied from the environment (envParams) before a refit.
func TestDumpConfidenceFeatures(t *testing.T) {
	out := os.Getenv("FAQ_FEATURES")
	dir := devsetDir()
	if dir == "" || out == "" {
		t.Skip("set FAQ_FEATURES=DIR with the development set present")
	}
	def := os.Getenv("FAQ_DEFAULT") // the default FAQ, or a draft of it
	if def == "" {
		def = "testdata/chengshangcheng44/faq.yaml" // the FAQ the sets were labelled against
	}
	sets := []struct{ name, faq, queries string }{
		{"devset", filepath.Join(dir, "faq.yaml"), filepath.Join(dir, "queries.jsonl")},
		{"own", def, "testdata/paraphrases/queries.jsonl"},
		{"own2", def, "testdata/paraphrases2/queries.jsonl"},
		{"own3", def, "testdata/paraphrases3/queries.jsonl"},
		{"devset2", filepath.Join(dir, "faq.yaml"), "testdata/luyuan2/queries.jsonl"},
		{"heldout", def, "testdata/heldout/queries.jsonl"},
		{"estate3", "testdata/estate3/faq.yaml", "testdata/estate3/queries.jsonl"},
		{"estate4", "testdata/estate4/faq.yaml", "testdata/estate4/queries.jsonl"},
		{"estate5", "testdata/estate5/faq.yaml", "testdata/estate5/queries.jsonl"},
		{"estate6", "testdata/estate6/faq.yaml", "testdata/estate6/queries.jsonl"},
		{"estate7", "testdata/estate7/faq.yaml", "testdata/estate7/queries.jsonl"},
		{"estate8", "testdata/estate8/faq.yaml", "testdata/estate8/queries.jsonl"},
		{"estate9", "testdata/estate9/faq.yaml", "testdata/estate9/queries.jsonl"},
		{"estate10", "testdata/estate10/faq.yaml", "testdata/estate10/queries.jsonl"},
		{"estate11", "testdata/estate11/faq.yaml", "testdata/estate11/queries.jsonl"},
	}
	for _, set := range sets {
		if _, err := os.Stat(set.queries); err != nil {
			continue
		}
		m := newMatcher(loadYAMLEntries(t, set.faq), envParams(t))
		f, err := os.Create(filepath.Join(out, set.name+".features.jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		enc := json.NewEncoder(f)
		enc.SetEscapeHTML(false)
		for _, q := range loadDevQueries(t, set.queries) {
			sc := m.pool.Get().(*scratch)
			r := m.score(sc, q.Q, 4)
			c := m.confidenceFeatures(r, q.Q)
			// order: fit.py's NAMES (model fields and diagnostics mixed; fit.py
			// picks the model's by name)
			feats := []float64{c.margin, c.logTerms, c.zh, c.logMatched, c.secondQnCov, c.topQnCov, c.siblingDeficit, c.queryCov, c.unknownShare, c.unitCov, c.unitCov2, c.conflict}
			top, topScore, topEntry := "", float32(0), int32(-1)
			if len(r.hits) > 0 {
				top, topScore, topEntry = m.ids[r.hits[0].entry], r.hits[0].score, r.hits[0].entry
			}
			// background topics (background.go): the best one's lead over the
			// top entry and its score; fit.py refuses as Match does
			bg := m.backgroundScore(q.Q, sc.terms, topEntry)
			feats = append(feats, float64(bg-topScore), float64(bg))
			m.pool.Put(sc)
			expect := ""
			if q.Expect != nil {
				expect = *q.Expect
			}
			if err := enc.Encode(map[string]any{"q": q.Q, "lang": q.Lang, "expect": expect, "top": top, "f": feats}); err != nil {
				t.Fatal(err)
			}
		}
		f.Close()
	}
}
