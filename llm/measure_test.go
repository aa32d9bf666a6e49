package llm

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"codesk/faq"
	"codesk/llm/llmtest"
)

type paraphrase struct {
	Q      string  `json:"q"`
	Lang   string  `json:"lang"`
	Expect *string `json:"expect"`
}

func loadParaphrases(t *testing.T) []paraphrase {
	t.Helper()
	file, err := os.Open(filepath.Join("..", "faq", "testdata", "paraphrases", "queries.jsonl"))
	if err != nil {
		t.Fatalf("paraphrase set: %v", err)
	}
	defer file.Close()
	var out []paraphrase
	sc := bufio.NewScanner(file)
	for sc.Scan() {
		var p paraphrase
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			t.Fatalf("paraphrase set: %v", err)
		}
		out = append(out, p)
	}
	return out
}

// oracleModel answers like a perfect model: it selects the expected entry
// when it is a candidate, and answers grounded when it is in the context.
func oracleModel(expect map[string]string) func(llmtest.Request) string {
	return func(req llmtest.Request) string {
		want := expect[req.Messages[2].Content]
		inContext := want != "" && strings.Contains(req.Messages[1].Content, "[id: "+want+"]")
		switch req.Messages[0].Content {
		case selectSystemPrompt:
			if inContext {
				return fmt.Sprintf(`{"id": %q}`, want)
			}
			return `{"id": null}`
		default:
			if inContext {
				return fmt.Sprintf(`{"grounded": true, "answer": "ok", "used_ids": [%q]}`, want)
			}
			return `{"grounded": false, "answer": ""}`
		}
	}
}

// askFlow is design.md Flow 1 with a model: a confident FAQ match never
// calls it; "did you mean" candidates go to Select first (curated text
// wins); only when none fits is an answer written from the top entries.
func askFlow(ctx context.Context, c *Client, cat *faq.Catalog, user int64, q, lang string) error {
	res := cat.Match(q)
	if res.ID != "" {
		return nil
	}
	entries := func(scored []faq.Scored) []faq.Entry {
		var out []faq.Entry
		for _, s := range scored {
			if e, ok := cat.Entry(s.ID); ok {
				out = append(out, e)
			}
		}
		return out
	}
	if len(res.Candidates) > 0 {
		id, err := c.Select(ctx, user, q, lang, entries(res.Candidates))
		if err != nil || id != "" {
			return err
		}
	}
	_, err := c.Answer(ctx, user, q, lang, entries(cat.Rank(q, 3)))
	return err
}

// TestModelCallsPer100Questions measures the model calls the paraphrase set
// costs, with and without the cache, for the note. Passes: every
// question once, then every question again (residents re-asking after a
// notice).
func TestModelCallsPer100Questions(t *testing.T) {
	qs := loadParaphrases(t)
	cat := faq.NewCatalog(faq.Default())
	expect := map[string]string{}
	for _, p := range qs {
		if p.Expect != nil {
			expect[Sanitize(p.Q)] = *p.Expect
		}
	}
	confident := 0
	for _, p := range qs {
		if cat.Match(p.Q).ID != "" {
			confident++
		}
	}
	for _, withCache := range []bool{false, true} {
		srv := llmtest.NewServer(t)
		srv.ReplyFunc(oracleModel(expect))
		ttl := DefaultCacheTTL
		if !withCache {
			ttl = -1
		}
		c, err := New(Config{BaseURL: srv.BaseURL(), Model: "m", DailyQuota: -1, CacheTTL: ttl, Timeout: 5 * time.Second}, newTestState(), nil)
		if err != nil {
			t.Fatal(err)
		}
		var perPass []int64
		for range 2 {
			before := c.Stats().Calls
			for i, p := range qs {
				if err := askFlow(context.Background(), c, cat, int64(i+1), p.Q, p.Lang); err != nil {
					t.Fatalf("%q: %v", p.Q, err)
				}
			}
			perPass = append(perPass, c.Stats().Calls-before)
		}
		selects := 0
		for _, r := range srv.Requests() {
			if r.Messages[0].Content == selectSystemPrompt {
				selects++
			}
		}
		per100 := func(n int64) float64 { return 100 * float64(n) / float64(len(qs)) }
		t.Logf("cache=%v: %d questions, %d confident FAQ matches; calls per 100 questions: first pass %.1f, repeat pass %.1f (cache hits %d; %d select, %d answer calls in all)",
			withCache, len(qs), confident, per100(perPass[0]), per100(perPass[1]), c.Stats().CacheHits, selects, len(srv.Requests())-selects)
		unsure := int64(len(qs) - confident)
		if perPass[0] > 2*unsure {
			t.Errorf("first pass made %d calls for %d unsure questions: at most 2 each", perPass[0], unsure)
		}
		if withCache && perPass[1] != 0 {
			t.Errorf("with the cache, re-asked questions made %d calls, want 0", perPass[1])
		}
		if !withCache && perPass[1] != perPass[0] {
			t.Errorf("without the cache both passes should cost the same: %v", perPass)
		}
		if slices.Contains(perPass, 0) && !withCache {
			t.Errorf("no calls at all: the flow is not exercised")
		}
	}
}
