package main

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"codesk/faq"
	"codesk/internal/logtest"
	"codesk/parties"
	"codesk/storage/storagetest"
)

// Another replica's edit reaches this one's matcher at the next revision
// check, long before the periodic full reload.
func TestAnotherReplicasFAQEditIsServedAtTheNextRevisionCheck(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	db := storagetest.Open(t)
	if _, err := db.ReplaceFAQ(ctx, faq.Default(), "test"); err != nil {
		t.Fatal(err)
	}
	entries, err := db.FAQEntries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	catalog := faq.NewCatalog(entries)
	var logs logtest.Buffer
	src := &countingSource{faqSource: db, checks: make(chan struct{}, 100)}
	done := make(chan struct{})
	go func() {
		defer close(done)
		reloadFAQ(ctx, slog.New(slog.NewTextHandler(&logs, nil)), src, catalog, 20*time.Millisecond, time.Hour)
	}()
	defer func() { cancel(); <-done }()
	// The first two checks pass (the first always reads the entries), so
	// only the revision can bring the edit in.
	<-src.checks
	<-src.checks

	const question = "小区的游泳池几点开放？"
	if r := catalog.Match(question); r.ID != "" {
		t.Fatalf("the default FAQ already answers %q with %s", question, r.ID)
	}
	pool := faq.Entry{
		ID: "swimming-pool", Topic: "facilities",
		Questions: []string{"小区的游泳池几点开放？", "When is the pool open?"},
		Answer:    faq.Answer{ZH: "游泳池夏季每天 9:00–21:00 开放。", EN: "The pool opens 9:00–21:00 daily in summer."},
		Party:     parties.PropertyManagement,
	}
	if err := db.SaveFAQEntry(ctx, pool, "admin:other-replica"); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		if r := catalog.Match(question); r.ID == "swimming-pool" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the edit made elsewhere was not served within 5 s (the full reload is an hour away); log:\n%s", logs.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// countingSource signals each revision check.
type countingSource struct {
	faqSource
	checks chan struct{}
}

func (s *countingSource) FAQRevision(ctx context.Context) (string, error) {
	rev, err := s.faqSource.FAQRevision(ctx)
	select {
	case s.checks <- struct{}{}:
	default:
	}
	return rev, err
}
