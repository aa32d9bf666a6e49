package storage_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"

	"codesk/faq"
	"codesk/parties"
	"codesk/storage"
	"codesk/storage/storagetest"
)

var testTime = time.Date(2025, 3, 1, 9, 30, 15, 123456000, time.UTC)

func entryWallLeak() faq.Entry {
	return faq.Entry{
		ID:    "exterior-wall-leak",
		Topic: "repairs",
		Questions: []string{
			"How is the exterior wall leak repair going?",
			"外墙渗水维修进展怎么样？",
		},
		Answer: faq.Answer{
			ZH: "外墙渗水维修已于3月开工，预计4月底完成。\n如有新的渗水点，请拍照报修。",
			EN: `Repairs started in March; "done" by end of April.`,
		},
		Party: parties.PropertyManagement,
	}
}

func entryGymHours() faq.Entry {
	return faq.Entry{
		ID:        "gym-hours",
		Topic:     "facilities",
		Questions: []string{"健身房几点开门？"},
		Answer:    faq.Answer{ZH: "每天 6:00–22:00 开放。"},
		// No party: nobody owns follow-ups.
	}
}

func entryCommitteeElection() faq.Entry {
	return faq.Entry{
		ID:        "committee-election",
		Topic:     "governance",
		Questions: []string{"When is the owners' committee election?", "业委会什么时候选举 😀?"},
		Answer:    faq.Answer{EN: "The election is planned for June; notices go up in every lobby."},
		Party:     parties.OwnersCommittee,
	}
}

func entryParking() faq.Entry {
	return faq.Entry{
		ID:        "parking-permit",
		Topic:     "parking",
		Questions: []string{"How do I get a parking permit?", "停车证怎么办理？"},
		Answer:    faq.Answer{ZH: "带房产证到物业服务中心办理。", EN: "Bring your deed to the service centre."},
		Party:     parties.PropertyManagement,
	}
}

func TestFAQEntriesRoundTripLosslessly(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		want := []faq.Entry{entryWallLeak(), entryGymHours(), entryCommitteeElection()}
		if _, err := db.ReplaceFAQ(ctx, want, "import"); err != nil {
			t.Fatal(err)
		}
		got, err := db.FAQEntries(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("entries changed on the way through the database:\n got  %#v\n want %#v", got, want)
		}
		if n, err := db.CountFAQEntries(ctx); err != nil || n != 3 {
			t.Fatalf("CountFAQEntries = %d, %v; want 3", n, err)
		}
	})
}

func TestReplaceFAQCountsAndRecordsHistory(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		wall, gym, election, parking := entryWallLeak(), entryGymHours(), entryCommitteeElection(), entryParking()

		first, err := db.ReplaceFAQ(ctx, []faq.Entry{wall, gym, election}, "admin:1")
		if err != nil {
			t.Fatal(err)
		}
		if want := (storage.FAQImportSummary{Added: 3}); first != want {
			t.Fatalf("first import = %+v; want %+v", first, want)
		}

		// election changes, wall stays, gym goes, parking arrives; order changes too.
		election2 := election
		election2.Answer.ZH = "选举定于六月举行。"
		election2.Questions = append([]string{}, election.Questions[0])
		before := time.Now().Add(-time.Second)
		second, err := db.ReplaceFAQ(ctx, []faq.Entry{election2, wall, parking}, "admin:2")
		if err != nil {
			t.Fatal(err)
		}
		if want := (storage.FAQImportSummary{Added: 1, Updated: 1, Removed: 1, Unchanged: 1}); second != want {
			t.Fatalf("second import = %+v; want %+v", second, want)
		}
		got, err := db.FAQEntries(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if want := []faq.Entry{election2, wall, parking}; !reflect.DeepEqual(got, want) {
			t.Fatalf("entries after replace (in file order):\n got  %#v\n want %#v", got, want)
		}

		history, err := db.FAQHistory(ctx, election.ID, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(history) != 2 {
			t.Fatalf("election history has %d rows; want update + add", len(history))
		}
		update, add := history[0], history[1]
		if update.Action != storage.FAQActionUpdate || update.Actor != "admin:2" ||
			!reflect.DeepEqual(update.Before, &election) || !reflect.DeepEqual(update.After, &election2) {
			t.Errorf("update row = %+v (before %+v, after %+v)", update, update.Before, update.After)
		}
		if update.At.Location() != time.UTC || update.At.Before(before) || update.At.After(time.Now().Add(time.Second)) {
			t.Errorf("update recorded at %v; want now, in UTC", update.At)
		}
		if add.Action != storage.FAQActionAdd || add.Actor != "admin:1" || add.Before != nil || !reflect.DeepEqual(add.After, &election) {
			t.Errorf("add row = %+v (before %+v, after %+v)", add, add.Before, add.After)
		}
		if update.ID <= add.ID {
			t.Errorf("history not newest first: ids %d, %d", update.ID, add.ID)
		}

		gymHistory, err := db.FAQHistory(ctx, gym.ID, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(gymHistory) != 2 || gymHistory[0].Action != storage.FAQActionDelete ||
			!reflect.DeepEqual(gymHistory[0].Before, &gym) || gymHistory[0].After != nil {
			t.Fatalf("removed entry history = %+v; want delete with the old entry first", gymHistory)
		}

		wallHistory, err := db.FAQHistory(ctx, wall.ID, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(wallHistory) != 1 {
			t.Fatalf("unchanged entry has %d history rows; want only its add", len(wallHistory))
		}

		// Importing the same file again changes nothing and records nothing.
		third, err := db.ReplaceFAQ(ctx, []faq.Entry{election2, wall, parking}, "admin:3")
		if err != nil {
			t.Fatal(err)
		}
		if want := (storage.FAQImportSummary{Unchanged: 3}); third != want {
			t.Fatalf("re-import = %+v; want %+v", third, want)
		}
		all, err := db.FAQHistory(ctx, "", 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != 6 { // 3 adds, update, delete, add
			t.Fatalf("total history rows = %d; want 6", len(all))
		}
		limited, err := db.FAQHistory(ctx, "", 2)
		if err != nil || len(limited) != 2 || limited[0].ID != all[0].ID {
			t.Fatalf("FAQHistory limit 2 = %d rows, %v; want the 2 newest", len(limited), err)
		}
	})
}

func TestReplaceFAQRejectsBadInputAndChangesNothing(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		if _, err := db.ReplaceFAQ(ctx, []faq.Entry{entryWallLeak()}, "admin"); err != nil {
			t.Fatal(err)
		}
		for name, entries := range map[string][]faq.Entry{
			"duplicate id": {entryGymHours(), entryGymHours()},
			"empty id":     {entryGymHours(), {Topic: "x", Answer: faq.Answer{EN: "y"}}},
		} {
			if _, err := db.ReplaceFAQ(ctx, entries, "admin"); err == nil {
				t.Errorf("%s: ReplaceFAQ succeeded; want an error", name)
			}
		}
		got, err := db.FAQEntries(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].ID != "exterior-wall-leak" {
			t.Fatalf("failed imports changed the FAQ: %+v", got)
		}
	})
}

func TestSaveAndDeleteFAQEntry(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		wall, gym := entryWallLeak(), entryGymHours()
		if _, err := db.ReplaceFAQ(ctx, []faq.Entry{wall, gym}, "import"); err != nil {
			t.Fatal(err)
		}

		parking := entryParking()
		if err := db.SaveFAQEntry(ctx, parking, "admin:9"); err != nil {
			t.Fatal(err)
		}
		wall2 := wall
		wall2.Answer.EN = "Repairs are finished."
		if err := db.SaveFAQEntry(ctx, wall2, "admin:9"); err != nil {
			t.Fatal(err)
		}
		if err := db.SaveFAQEntry(ctx, gym, "admin:9"); err != nil { // unchanged
			t.Fatal(err)
		}
		got, err := db.FAQEntries(ctx)
		if err != nil {
			t.Fatal(err)
		}
		// Updates keep their place; new entries go last.
		if want := []faq.Entry{wall2, gym, parking}; !reflect.DeepEqual(got, want) {
			t.Fatalf("entries = %#v; want %#v", got, want)
		}
		expectActions(t, db, wall.ID, storage.FAQActionUpdate, storage.FAQActionAdd)
		expectActions(t, db, gym.ID, storage.FAQActionAdd)
		expectActions(t, db, parking.ID, storage.FAQActionAdd)

		if err := db.DeleteFAQEntry(ctx, gym.ID, "admin:9"); err != nil {
			t.Fatal(err)
		}
		if err := db.DeleteFAQEntry(ctx, gym.ID, "admin:9"); !errors.Is(err, storage.ErrNotFound) {
			t.Fatalf("second delete: %v; want ErrNotFound", err)
		}
		expectActions(t, db, gym.ID, storage.FAQActionDelete, storage.FAQActionAdd)
		if n, err := db.CountFAQEntries(ctx); err != nil || n != 2 {
			t.Fatalf("CountFAQEntries = %d, %v; want 2", n, err)
		}
		// The last entry stays, whoever asked for its deletion when.
		if err := db.DeleteFAQEntry(ctx, parking.ID, "admin:9"); err != nil {
			t.Fatal(err)
		}
		if err := db.DeleteFAQEntry(ctx, wall.ID, "admin:9"); !errors.Is(err, storage.ErrLastFAQEntry) {
			t.Fatalf("deleting the last entry: %v; want ErrLastFAQEntry", err)
		}
		if n, err := db.CountFAQEntries(ctx); err != nil || n != 1 {
			t.Fatalf("CountFAQEntries = %d, %v; want 1", n, err)
		}
		if err := db.SaveFAQEntry(ctx, faq.Entry{Answer: faq.Answer{EN: "x"}}, "admin:9"); err == nil {
			t.Fatal("SaveFAQEntry with empty id succeeded")
		}
	})
}

// Two admins adding entries with the same question at once: one wins, the
// other is told why, and the stored FAQ stays valid.
func TestConcurrentSavesKeepQuestionsUnique(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		if _, err := db.ReplaceFAQ(ctx, []faq.Entry{entryWallLeak()}, "import"); err != nil {
			t.Fatal(err)
		}
		for round := range 10 {
			var wg sync.WaitGroup
			errs := make([]error, 2)
			for i := range 2 {
				wg.Go(func() {
					e := faq.Entry{ID: fmt.Sprintf("pool-%d-%d", round, i), Questions: []string{fmt.Sprintf("When does pool %d open?", round)},
						Answer: faq.Answer{EN: "At six."}}
					errs[i] = db.SaveFAQEntry(ctx, e, fmt.Sprintf("admin:%d", i))
				})
			}
			wg.Wait()
			var pe *faq.ProblemsError
			if errs[0] == nil && errs[1] == nil {
				t.Fatalf("round %d: both saves of one question succeeded", round)
			}
			for _, err := range errs {
				if err != nil && !errors.As(err, &pe) {
					t.Errorf("round %d: the losing save: %v; want the duplicate question reported", round, err)
				}
			}
		}
		entries, err := db.FAQEntries(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if problems := faq.Validate(entries); len(problems) > 0 {
			t.Errorf("the stored FAQ is invalid: %v", problems)
		}
	})
}

// Two edits of the copy of an entry as it was: the expectation is checked in
// the save's transaction, so only the first lands, however close together
// they come.
func TestSaveFAQEntryIfChecksInTheTransaction(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		gym := entryGymHours()
		if _, err := db.ReplaceFAQ(ctx, []faq.Entry{entryWallLeak(), gym}, "import"); err != nil {
			t.Fatal(err)
		}
		stale := errors.New("changed since shown")
		unchanged := func(cur *faq.Entry) error {
			if cur == nil || cur.Answer != gym.Answer {
				return stale
			}
			return nil
		}
		for round := range 5 {
			base, _ := db.FAQEntries(ctx)
			gym = base[1]
			var wg sync.WaitGroup
			errs := make([]error, 2)
			for i := range 2 {
				wg.Go(func() {
					e := gym
					e.Answer.EN = fmt.Sprintf("round %d, admin %d", round, i)
					errs[i] = db.SaveFAQEntryIf(ctx, e, fmt.Sprintf("admin:%d", i), unchanged)
				})
			}
			wg.Wait()
			if (errs[0] == nil) == (errs[1] == nil) {
				t.Fatalf("round %d: want exactly one save, got %v and %v", round, errs[0], errs[1])
			}
			for _, err := range errs {
				if err != nil && !errors.Is(err, stale) {
					t.Errorf("round %d: the refused save: %v", round, err)
				}
			}
		}
	})
}

func expectActions(t *testing.T, db *storage.DB, entryID string, want ...string) {
	t.Helper()
	history, err := db.FAQHistory(context.Background(), entryID, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range history {
		got = append(got, c.Action)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("history of %s = %v; want %v", entryID, got, want)
	}
}

func TestFAQRevisionMovesWithEveryContentChangeOnly(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		revs := map[string]bool{}
		step := func(what string, change func() error, wantMoved bool) {
			t.Helper()
			before, err := db.FAQRevision(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if err := change(); err != nil {
				t.Fatalf("%s: %v", what, err)
			}
			after, err := db.FAQRevision(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if moved := after != before; moved != wantMoved {
				t.Errorf("%s: revision %s -> %s, moved %v, want %v", what, before, after, moved, wantMoved)
			}
			if wantMoved && revs[after] {
				t.Errorf("%s: revision %s was seen before", what, after)
			}
			revs[before], revs[after] = true, true
		}
		step("import", func() error {
			_, err := db.ReplaceFAQ(ctx, []faq.Entry{entryWallLeak(), entryGymHours()}, "admin:1")
			return err
		}, true)
		step("the same import again", func() error {
			_, err := db.ReplaceFAQ(ctx, []faq.Entry{entryWallLeak(), entryGymHours()}, "admin:1")
			return err
		}, false)
		step("add an entry", func() error { return db.SaveFAQEntry(ctx, entryParking(), "admin:1") }, true)
		edited := entryParking()
		edited.Answer.EN = "Ask at the property office."
		step("edit it", func() error { return db.SaveFAQEntry(ctx, edited, "admin:2") }, true)
		step("delete it", func() error { return db.DeleteFAQEntry(ctx, edited.ID, "admin:2") }, true)
	})
}
