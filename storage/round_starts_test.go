package storage_test

import (
	"context"
	"testing"

	"codesk/storage"
	"codesk/storage/storagetest"
)

// The first start noted for a round in a chat stays; other rounds, chats
// and tickets have their own.
func TestRoundStartKeepsTheFirstCardOfTheRound(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		start := func(ticket, chat int64, round string) int {
			t.Helper()
			id, err := db.RoundStart(ctx, ticket, chat, round)
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		note := func(ticket, chat int64, round string, msg int) {
			t.Helper()
			if err := db.NoteRoundStart(ctx, ticket, chat, round, msg); err != nil {
				t.Fatal(err)
			}
		}
		if got := start(1, -100, "0"); got != 0 {
			t.Fatalf("nothing noted: %d; want 0", got)
		}
		note(1, -100, "0", 40)
		note(1, -100, "0", 90) // moved away again later: the first card stays
		note(1, -100, "r1", 120)
		note(1, -200, "0", 7)
		note(2, -100, "0", 41)
		for _, c := range []struct {
			ticket, chat int64
			round        string
			want         int
		}{{1, -100, "0", 40}, {1, -100, "r1", 120}, {1, -200, "0", 7}, {2, -100, "0", 41}, {2, -200, "0", 0}} {
			if got := start(c.ticket, c.chat, c.round); got != c.want {
				t.Errorf("RoundStart(%d, %d, %q) = %d; want %d", c.ticket, c.chat, c.round, got, c.want)
			}
		}
	})
}
