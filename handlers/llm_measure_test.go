package handlers_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"codesk/faq"
	"codesk/handlers"
	"codesk/llm"
	"codesk/llm/llmtest"
	"codesk/storage"
	"codesk/storage/storagetest"
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

// oracle answers like a perfect model: it chooses the expected entry when
// it is a candidate and answers grounded when it is in the context.
func oracle(expect map[string]string) func(llmtest.Request) string {
	return func(req llmtest.Request) string {
		user := req.Contents("user")
		system := req.Contents("system")
		want := ""
		if len(user) == 1 {
			want = expect[user[0]]
		}
		inContext := want != "" && len(system) == 2 && strings.Contains(system[1], "[id: "+want+"]")
		switch op(req) {
		case "select":
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

// TestModelCallsPer100Questions runs the paraphrase set through the
// conversation (real matcher and FAQ, real llm.Client, fake model) twice —
// residents re-asking after a notice — and counts requests at the fake,
// with and without the answer cache. The numbers go in the note.
func TestModelCallsPer100Questions(t *testing.T) {
	qs := loadParaphrases(t)
	// the 44 entries the paraphrase set was labelled against
	labelled, err := os.Open(filepath.Join("..", "faq", "testdata", "chengshangcheng44", "faq.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	entries, err := faq.Parse(labelled)
	labelled.Close()
	if err != nil {
		t.Fatal(err)
	}
	catalog := faq.NewCatalog(entries)
	expect := map[string]string{}
	confident := 0
	for _, p := range qs {
		if p.Expect != nil {
			expect[llm.Sanitize(p.Q)] = *p.Expect
		}
		if catalog.Match(p.Q).ID != "" {
			confident++
		}
	}
	for _, withCache := range []bool{false, true} {
		model := llmtest.NewServer(t)
		model.ReplyFunc(oracle(expect))
		ttl := time.Duration(-1)
		if withCache {
			ttl = llm.DefaultCacheTTL
		}
		state := storage.NewMemoryState(time.Now)
		quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
		client, err := llm.New(llm.Config{BaseURL: model.BaseURL(), Model: "m", DailyQuota: -1, CacheTTL: ttl, Timeout: 5 * time.Second}, state, quiet)
		if err != nil {
			t.Fatal(err)
		}
		out := &recorder{}
		db := storagetest.Open(t)
		h := handlers.New(handlers.Deps{Messenger: out, FAQ: catalog, Residents: db, Questions: db, State: state, Log: quiet, LLM: client})

		var perPass []int
		sources := map[string]int{}
		for pass := range 2 {
			before := len(model.Requests())
			for i, p := range qs {
				in := handlers.Incoming{ChatID: int64(1000 + i), UserID: int64(1000 + i), Kind: handlers.TextMessage, Text: p.Q}
				if err := h.Handle(context.Background(), in); err != nil {
					t.Fatalf("%q: %v", p.Q, err)
				}
			}
			perPass = append(perPass, len(model.Requests())-before)
			if pass == 0 {
				logged, err := db.RecentQuestions(context.Background(), len(qs))
				if err != nil {
					t.Fatal(err)
				}
				for _, q := range logged {
					sources[q.Source]++
				}
			}
		}
		selects := 0
		for _, r := range model.Requests() {
			if op(r) == "select" {
				selects++
			}
		}
		per100 := func(n int) float64 { return 100 * float64(n) / float64(len(qs)) }
		t.Logf("cache=%v: %d questions (%d confident FAQ matches); model calls per 100 questions: first pass %.1f, repeat pass %.1f; %d select + %d answer calls; first-pass outcomes %v",
			withCache, len(qs), confident, per100(perPass[0]), per100(perPass[1]), selects, len(model.Requests())-selects, sources)
		if sources[storage.SourceFAQ] != confident {
			t.Errorf("%d questions answered by the FAQ alone, want the %d confident matches", sources[storage.SourceFAQ], confident)
		}
		if unsure := len(qs) - confident; perPass[0] > 2*unsure || perPass[0] == 0 {
			t.Errorf("first pass made %d calls for %d unsure questions: want some, at most 2 each", perPass[0], unsure)
		}
		if withCache && perPass[1] != 0 {
			t.Errorf("with the cache, re-asked questions made %d calls, want 0", perPass[1])
		}
		if !withCache && perPass[1] != perPass[0] {
			t.Errorf("without the cache both passes cost the same: %v", perPass)
		}
	}
}
