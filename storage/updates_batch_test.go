package storage_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"codesk/storage"
	"codesk/storage/storagetest"
)

// A listing is claimed in one go: the caller gets exactly the updates
// nobody else holds, and a second claimant gets none of them.
func TestClaimUpdatesGrantsOnlyWhatNobodyHolds(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		var batch []storage.StoredUpdate
		for id := int64(1); id <= 6; id++ {
			batch = append(batch, storage.StoredUpdate{ID: id, ChatID: 501, Payload: []byte("{}"), ReceivedAt: testTime})
		}
		if err := db.StoreUpdates(ctx, batch); err != nil {
			t.Fatal(err)
		}
		lease := time.Minute
		if ok, err := db.ClaimUpdate(ctx, 2, testTime, lease); err != nil || !ok { // held by another replica
			t.Fatalf("claim 2 = %v, %v", ok, err)
		}
		if err := db.MarkUpdateHandled(ctx, 3, testTime); err != nil {
			t.Fatal(err)
		}
		if ok, err := db.ClaimUpdate(ctx, 4, testTime.Add(-2*lease), lease); err != nil || !ok { // a dead replica's, lapsed
			t.Fatalf("claim 4 = %v, %v", ok, err)
		}
		got, err := db.ClaimUpdates(ctx, []int64{6, 1, 2, 3, 4, 5, 999}, testTime.Add(time.Second), lease)
		if err != nil {
			t.Fatal(err)
		}
		if want := []int64{1, 4, 5, 6}; !slices.Equal(got, want) {
			t.Errorf("ClaimUpdates = %v; want %v (2 is held, 3 handled, 999 unknown)", got, want)
		}
		again, err := db.ClaimUpdates(ctx, []int64{1, 4, 5, 6}, testTime.Add(2*time.Second), lease)
		if err != nil || len(again) != 0 {
			t.Errorf("a second claimant got %v, %v; want nothing", again, err)
		}
		// Each claim is an ordinary claim: it renews and marks under its end.
		until := testTime.Add(time.Second + lease)
		if ok, err := db.MarkClaimedUpdateHandled(ctx, 5, until, testTime); err != nil || !ok {
			t.Errorf("mark under the batch claim = %v, %v; want marked", ok, err)
		}
		if none, err := db.ClaimUpdates(ctx, nil, testTime, lease); err != nil || len(none) != 0 {
			t.Errorf("ClaimUpdates(nil) = %v, %v", none, err)
		}
	})
}

// Renewing many claims in one transaction renews each exactly as
// RenewUpdateClaim would: a claim taken over, handled or with a stale end
// is left out and left alone.
func TestRenewUpdateClaimsRenewsOnlyTheOwnClaims(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		var batch []storage.StoredUpdate
		for id := int64(1); id <= 4; id++ {
			batch = append(batch, storage.StoredUpdate{ID: id, Payload: []byte("{}"), ReceivedAt: testTime})
		}
		if err := db.StoreUpdates(ctx, batch); err != nil {
			t.Fatal(err)
		}
		lease := time.Minute
		if _, err := db.ClaimUpdates(ctx, []int64{1, 2, 3, 4}, testTime, lease); err != nil {
			t.Fatal(err)
		}
		until := testTime.Add(lease)
		// 2 lapsed and another replica took it; 3 was handled.
		if ok, err := db.ClaimUpdate(ctx, 2, until.Add(time.Second), lease); err != nil || !ok {
			t.Fatalf("takeover of 2 = %v, %v", ok, err)
		}
		if ok, err := db.MarkClaimedUpdateHandled(ctx, 3, until, testTime); err != nil || !ok {
			t.Fatalf("mark 3 = %v, %v", ok, err)
		}
		now := until.Add(2 * time.Second)
		got, err := db.RenewUpdateClaims(ctx, map[int64]time.Time{1: until, 2: until, 3: until, 4: until.Add(time.Second)}, now, lease)
		if err != nil {
			t.Fatal(err)
		}
		if want := []int64{1}; !slices.Equal(got, want) {
			t.Errorf("RenewUpdateClaims = %v; want %v (2 taken over, 3 handled, 4 with a stale end)", got, want)
		}
		if ok, err := db.RenewUpdateClaim(ctx, 1, now.Add(lease), now, lease); err != nil || !ok {
			t.Errorf("1's claim should end at now+lease after the renewal: %v, %v", ok, err)
		}
		if ok, err := db.RenewUpdateClaim(ctx, 4, until, now, lease); err != nil || !ok {
			t.Errorf("4's claim should be left as it was: %v, %v", ok, err)
		}
	})
}
