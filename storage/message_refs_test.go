package storage_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"codesk/storage"
	"codesk/storage/storagetest"
)

func TestMessageRefs(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		first, _, err := db.CreateTicket(ctx, leakTicket("draft:1"), nil)
		if err != nil {
			t.Fatal(err)
		}
		second, _, err := db.CreateTicket(ctx, leakTicket("draft:2"), nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.RefMessage(ctx, -1001001, 10, first.ID, "card", testTime); err != nil {
			t.Fatal(err)
		}
		// Same message id in another chat is another message.
		if err := db.RefMessage(ctx, 501, 10, second.ID, "resident", testTime); err != nil {
			t.Fatal(err)
		}
		// A message keeps the ticket it was first recorded with.
		if err := db.RefMessage(ctx, -1001001, 10, second.ID, "relay", testTime); err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			chatID  int64
			msgID   int
			ticket  int64
			purpose string
		}{
			{-1001001, 10, first.ID, "card"},
			{501, 10, second.ID, "resident"},
		}
		for _, c := range cases {
			got, purpose, err := db.TicketByMessage(ctx, c.chatID, c.msgID)
			if err != nil || got.ID != c.ticket || purpose != c.purpose || got.Text != first.Text {
				t.Errorf("TicketByMessage(%d, %d) = #%d %q, %v; want #%d %q", c.chatID, c.msgID, got.ID, purpose, err, c.ticket, c.purpose)
			}
		}
		if _, _, err := db.TicketByMessage(ctx, -1001001, 11); !errors.Is(err, storage.ErrNotFound) {
			t.Fatalf("unknown message: %v; want ErrNotFound", err)
		}

		// Messages not about a ticket leave no ref when sent.
		if err := db.EnqueueOutbox(ctx, storage.OutboxMessage{Key: "notice:1", ChatID: 501, Text: "停水通知"}); err != nil {
			t.Fatal(err)
		}
		notice := outboxByKey(t, db, "notice:1")
		if err := db.MarkOutboxSent(ctx, notice.ID, 12, testTime); err != nil {
			t.Fatal(err)
		}
		if _, _, err := db.TicketByMessage(ctx, 501, 12); !errors.Is(err, storage.ErrNotFound) {
			t.Fatalf("a notice got a ticket ref: %v; want ErrNotFound", err)
		}
	})
}

func TestTicketMessagesListsEveryCardOldestFirst(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		tk, _, err := db.CreateTicket(ctx, leakTicket("draft:1"), nil)
		if err != nil {
			t.Fatal(err)
		}
		other, _, err := db.CreateTicket(ctx, leakTicket("draft:2"), nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range []struct {
			chat    int64
			msg     int
			ticket  int64
			purpose string
		}{
			{-1001, 30, tk.ID, "card"}, {501, 31, tk.ID, "resident"}, {-1000, 5, tk.ID, "escalation"},
			{-1002, 7, tk.ID, "card"}, {-1001, 32, other.ID, "card"},
		} {
			if err := db.RefMessage(ctx, r.chat, r.msg, r.ticket, r.purpose, testTime); err != nil {
				t.Fatal(err)
			}
		}
		got, err := db.TicketMessages(ctx, tk.ID, "card", "escalation")
		want := []storage.MessageRef{{ChatID: -1001, MessageID: 30, Purpose: "card"}, {ChatID: -1000, MessageID: 5, Purpose: "escalation"},
			{ChatID: -1002, MessageID: 7, Purpose: "card"}}
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("TicketMessages = %+v, %v; want %+v", got, err, want)
		}
		if got, err := db.TicketMessages(ctx, tk.ID); err != nil || len(got) != 0 {
			t.Errorf("no purposes: %+v, %v", got, err)
		}
	})
}
