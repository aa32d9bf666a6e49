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
