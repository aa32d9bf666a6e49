package storage_test

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"codesk/storage"
	"codesk/storage/storagetest"
)

func TestStoredUpdates(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		if id, err := db.LastStoredUpdateID(ctx); err != nil || id != 0 {
			t.Fatalf("LastStoredUpdateID on an empty store = %d, %v; want 0", id, err)
		}
		chinese := []byte(`{"update_id":102,"message":{"chat":{"id":501},"text":"电梯又坏了 \u2603 🙂"}}`)
		batch := []storage.StoredUpdate{
			{ID: 102, ChatID: 501, Payload: chinese, ReceivedAt: testTime},
			{ID: 100, ChatID: -1001001, Payload: []byte{0, 0xff, '\n', 0xe7}, ReceivedAt: testTime},
			{ID: 101, Payload: nil, ReceivedAt: testTime.Add(time.Second)}, // no chat
		}
		if err := db.StoreUpdates(ctx, batch); err != nil {
			t.Fatal(err)
		}
		// The same batch fetched again (offset not yet moved) is ignored, and
		// the first copy is kept.
		again := []storage.StoredUpdate{{ID: 102, ChatID: 1, Payload: []byte("{}"), ReceivedAt: testTime.Add(time.Hour)},
			{ID: 103, ChatID: 501, Payload: []byte(`{"update_id":103}`), ReceivedAt: testTime.Add(time.Hour)}}
		if err := db.StoreUpdates(ctx, again); err != nil {
			t.Fatalf("storing a duplicate update: %v; want it ignored", err)
		}
		got, err := db.UnhandledUpdates(ctx, 0)
		if err != nil {
			t.Fatal(err)
		}
		want := []storage.StoredUpdate{batch[1], batch[2], batch[0], again[1]}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("UnhandledUpdates:\n got  %+v\n want %+v", got, want)
		}
		if got, err := db.UnhandledUpdates(ctx, 2); err != nil || len(got) != 2 || got[0].ID != 100 || got[1].ID != 101 {
			t.Fatalf("UnhandledUpdates(2) = %+v, %v; want 100, 101", got, err)
		}

		for _, id := range []int64{100, 102, 103, 103} { // marking twice is fine
			if err := db.MarkUpdateHandled(ctx, id, testTime.Add(time.Minute)); err != nil {
				t.Fatal(err)
			}
		}
		if err := db.MarkUpdateHandled(ctx, 999, testTime); !errors.Is(err, storage.ErrNotFound) {
			t.Fatalf("marking an unknown update: %v; want ErrNotFound", err)
		}
		if got, err := db.UnhandledUpdates(ctx, 10); err != nil || !reflect.DeepEqual(got, []storage.StoredUpdate{batch[2]}) {
			t.Fatalf("UnhandledUpdates after handling = %+v, %v; want only 101", got, err)
		}
		// The poll offset resumes after the newest stored update, handled or not.
		if id, err := db.LastStoredUpdateID(ctx); err != nil || id != 103 {
			t.Fatalf("LastStoredUpdateID = %d, %v; want 103", id, err)
		}
	})
}

// Replicas share the database: one claim wins until its lease lapses, and a
// handled update is never claimed again.
func TestClaimUpdate(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		batch := []storage.StoredUpdate{
			{ID: 7, ChatID: 501, Payload: []byte(`{"update_id":7}`), ReceivedAt: testTime},
			{ID: 8, ChatID: 501, Payload: []byte(`{"update_id":8}`), ReceivedAt: testTime},
		}
		if err := db.StoreUpdates(ctx, batch); err != nil {
			t.Fatal(err)
		}
		lease := 5 * time.Minute
		claim := func(id int64, now time.Time, want bool, why string) {
			t.Helper()
			got, err := db.ClaimUpdate(ctx, id, now, lease)
			if err != nil || got != want {
				t.Fatalf("%s: ClaimUpdate(%d) = %v, %v; want %v", why, id, got, err, want)
			}
		}
		claim(7, testTime, true, "first claim")
		claim(7, testTime, false, "second claim at once")
		claim(7, testTime.Add(lease-time.Microsecond), false, "second claim within the lease")
		claim(8, testTime, true, "another update's claim")
		claim(7, testTime.Add(lease+time.Microsecond), true, "claim after the lease lapsed")
		claim(7, testTime.Add(lease+time.Second), false, "claim within the new lease")
		// A claim stays listed, with its end: if its claimant dies, the others
		// must see it, and its chat's later updates must wait for it.
		got, err := db.UnhandledUpdates(ctx, 10)
		if err != nil || len(got) != 2 {
			t.Fatalf("UnhandledUpdates with claims = %+v, %v; want both", got, err)
		}
		if want := testTime.Add(lease + time.Microsecond + lease); !got[0].ClaimedUntil.Equal(want) {
			t.Errorf("update 7 listed as claimed until %v; want %v", got[0].ClaimedUntil, want)
		}
		if want := testTime.Add(lease); !got[1].ClaimedUntil.Equal(want) {
			t.Errorf("update 8 listed as claimed until %v; want %v", got[1].ClaimedUntil, want)
		}

		if err := db.MarkUpdateHandled(ctx, 8, testTime.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		claim(8, testTime.Add(time.Hour), false, "claiming a handled update")
		claim(999, testTime, false, "claiming an unknown update")
	})
}

// A released claim can be taken at once; releasing a lapsed claim does not
// undo the claim another replica took since.
func TestReleaseUpdate(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		if err := db.StoreUpdates(ctx, []storage.StoredUpdate{{ID: 7, Payload: []byte("{}"), ReceivedAt: testTime}}); err != nil {
			t.Fatal(err)
		}
		lease := 5 * time.Minute
		if ok, err := db.ClaimUpdate(ctx, 7, testTime, lease); err != nil || !ok {
			t.Fatalf("first claim = %v, %v; want it granted", ok, err)
		}
		if err := db.ReleaseUpdate(ctx, 7, testTime.Add(lease)); err != nil {
			t.Fatal(err)
		}
		if ok, err := db.ClaimUpdate(ctx, 7, testTime.Add(time.Second), lease); err != nil || !ok {
			t.Fatalf("claim after release = %v, %v; want it granted", ok, err)
		}
		// The first claimant, cut short long after, releases its old claim.
		if err := db.ReleaseUpdate(ctx, 7, testTime.Add(lease)); err != nil {
			t.Fatal(err)
		}
		if ok, err := db.ClaimUpdate(ctx, 7, testTime.Add(2*time.Second), lease); err != nil || ok {
			t.Fatalf("claim after a stale release = %v, %v; want the newer claim kept", ok, err)
		}
		if err := db.ReleaseUpdate(ctx, 999, testTime); err != nil {
			t.Fatalf("releasing an unknown update: %v; want no error", err)
		}
	})
}

// A claimant renews and marks only while its own claim is there: once a
// lapsed claim was taken over, the first claimant can do neither.
func TestRenewAndMarkOnlyUnderTheOwnClaim(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		if err := db.StoreUpdates(ctx, []storage.StoredUpdate{{ID: 7, Payload: []byte("{}"), ReceivedAt: testTime}}); err != nil {
			t.Fatal(err)
		}
		lease := 5 * time.Minute
		renew := func(claimedUntil, now time.Time, want bool, why string) {
			t.Helper()
			if got, err := db.RenewUpdateClaim(ctx, 7, claimedUntil, now, lease); err != nil || got != want {
				t.Fatalf("%s: RenewUpdateClaim = %v, %v; want %v", why, got, err, want)
			}
		}
		mark := func(claimedUntil time.Time, want bool, why string) {
			t.Helper()
			if got, err := db.MarkClaimedUpdateHandled(ctx, 7, claimedUntil, testTime.Add(time.Hour)); err != nil || got != want {
				t.Fatalf("%s: MarkClaimedUpdateHandled = %v, %v; want %v", why, got, err, want)
			}
		}
		renew(testTime.Add(lease), testTime, false, "renewing an update never claimed")
		if ok, err := db.ClaimUpdate(ctx, 7, testTime, lease); err != nil || !ok {
			t.Fatalf("claim = %v, %v", ok, err)
		}
		first := testTime.Add(lease)
		renew(first, testTime.Add(4*time.Minute), true, "renewing the own claim")
		renewed := testTime.Add(4*time.Minute + lease)
		if ok, err := db.ClaimUpdate(ctx, 7, testTime.Add(lease+time.Second), lease); err != nil || ok {
			t.Fatalf("claim past the first lease but within the renewed one = %v, %v; want refused", ok, err)
		}
		renew(first, testTime.Add(5*time.Minute), false, "renewing with the claim's old end")
		mark(first, false, "marking under the claim's old end")

		// The renewed claim lapses and another claimant takes the update.
		if ok, err := db.ClaimUpdate(ctx, 7, renewed.Add(time.Second), lease); err != nil || !ok {
			t.Fatalf("takeover after the renewed lease lapsed = %v, %v; want granted", ok, err)
		}
		takeover := renewed.Add(time.Second + lease)
		renew(renewed, renewed.Add(2*time.Second), false, "renewing a claim taken over")
		mark(renewed, false, "marking a claim taken over")
		if un, err := db.UnhandledUpdates(ctx, 10); err != nil || len(un) != 1 {
			t.Fatalf("UnhandledUpdates after the lost mark = %+v, %v; want the update still unhandled", un, err)
		}
		mark(takeover, true, "marking under the own claim")
		mark(takeover, false, "marking twice")
		if un, err := db.UnhandledUpdates(ctx, 10); err != nil || len(un) != 0 {
			t.Fatalf("UnhandledUpdates after the mark = %+v, %v; want none", un, err)
		}
		renew(takeover, takeover, false, "renewing a handled update")
	})
}
