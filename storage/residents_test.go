package storage_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"codesk/storage"
	"codesk/storage/storagetest"
)

func TestTouchResidentAndLanguage(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		const user = int64(7_000_000_001) // Telegram ids exceed 32 bits
		if _, err := db.Resident(ctx, user); !errors.Is(err, storage.ErrNotFound) {
			t.Fatalf("Resident before touch: %v; want ErrNotFound", err)
		}
		if err := db.SetResidentLanguage(ctx, user, "zh"); !errors.Is(err, storage.ErrNotFound) {
			t.Fatalf("SetResidentLanguage before touch: %v; want ErrNotFound", err)
		}

		// A non-UTC time with nanoseconds comes back in UTC, to the microsecond.
		shanghai := time.FixedZone("CST", 8*3600)
		first := time.Date(2025, 3, 1, 17, 30, 15, 123456789, shanghai)
		r, err := db.TouchResident(ctx, user, first)
		if err != nil {
			t.Fatal(err)
		}
		wantFirst := time.Date(2025, 3, 1, 9, 30, 15, 123456000, time.UTC)
		if r.UserID != user || r.Language != "" || r.FirstSeen != wantFirst || r.LastSeen != wantFirst {
			t.Fatalf("first touch = %+v; want first_seen = last_seen = %v, no language", r, wantFirst)
		}

		later := wantFirst.Add(36 * time.Hour)
		r, err = db.TouchResident(ctx, user, later)
		if err != nil {
			t.Fatal(err)
		}
		if r.FirstSeen != wantFirst || r.LastSeen != later {
			t.Fatalf("second touch = %+v; want first_seen kept, last_seen %v", r, later)
		}

		if err := db.SetResidentLanguage(ctx, user, "en"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.TouchResident(ctx, user, later.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		got, err := db.Resident(ctx, user)
		if err != nil {
			t.Fatal(err)
		}
		want := storage.Resident{UserID: user, Language: "en", FirstSeen: wantFirst, LastSeen: later.Add(time.Minute)}
		if got != want {
			t.Fatalf("Resident = %+v; want %+v (touch must keep the language)", got, want)
		}
	})
}
