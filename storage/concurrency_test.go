package storage_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"codesk/faq"
	"codesk/storage"
	"codesk/storage/storagetest"
)

// Handlers run one goroutine per update; every write path must hold up under
// that without SQLITE_BUSY (the DSN's WAL, busy_timeout and immediate
// transactions are what make this pass).
func TestConcurrentWrites(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		const workers, perWorker = 8, 50
		var wg sync.WaitGroup
		errs := make(chan error, workers*perWorker*3)
		for w := range workers {
			wg.Go(func() {
				for i := range perWorker {
					user := int64(1000 + (w*perWorker+i)%20) // shared residents: real contention
					now := testTime.Add(time.Duration(i) * time.Second)
					if _, err := db.TouchResident(ctx, user, now); err != nil {
						errs <- fmt.Errorf("touch: %w", err)
					}
					if _, err := db.LogQuestion(ctx, storage.QuestionLog{UserID: user, ChatID: user, Text: "q",
						Source: storage.SourceNone, AskedAt: now}); err != nil {
						errs <- fmt.Errorf("log: %w", err)
					}
					if i%5 == 0 { // read-then-write transaction
						e := faq.Entry{ID: fmt.Sprintf("e-%d", w), Questions: []string{fmt.Sprintf("Question %d?", w)}, Answer: faq.Answer{EN: fmt.Sprint(i)}}
						if err := db.SaveFAQEntry(ctx, e, "admin"); err != nil {
							errs <- fmt.Errorf("save faq: %w", err)
						}
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		failed := 0
		for err := range errs {
			if failed < 5 {
				t.Error(err)
			}
			failed++
		}
		if failed > 0 {
			t.Fatalf("%d of %d concurrent writes failed", failed, workers*perWorker*2+workers*perWorker/5)
		}
		stats, err := db.QuestionStats(ctx, testTime.Add(-time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if stats.Total != workers*perWorker {
			t.Fatalf("%d questions logged; want %d", stats.Total, workers*perWorker)
		}
		if n, err := db.CountFAQEntries(ctx); err != nil || n != workers {
			t.Fatalf("CountFAQEntries = %d, %v; want %d", n, err, workers)
		}
	})
}

// Two admins saving the same new entry at once: one add, the rest see it
// unchanged; no unique-key errors and no duplicate history.
func TestConcurrentFAQSavesAreSerialised(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		entry := entryParking()
		const admins = 8
		var wg sync.WaitGroup
		errs := make(chan error, admins)
		for a := range admins {
			wg.Go(func() {
				if err := db.SaveFAQEntry(ctx, entry, fmt.Sprintf("admin:%d", a)); err != nil {
					errs <- err
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		expectActions(t, db, entry.ID, storage.FAQActionAdd)
	})
}
