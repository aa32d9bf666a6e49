package storage_test

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"codesk/parties"
	"codesk/storage"
	"codesk/storage/storagetest"
	"codesk/tickets"
)

// The SLA clock runs from the last status or party move: a claim stops it, a
// reassignment back to new or a reopening restarts it, other changes leave it.
func TestStatusChangedAtIsTheSLAClock(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		tk, _, err := db.CreateTicket(ctx, leakTicket("draft:1"), nil)
		if err != nil {
			t.Fatal(err)
		}
		if !tk.StatusChangedAt.Equal(testTime) {
			t.Fatalf("new ticket StatusChangedAt = %v; want its creation %v", tk.StatusChangedAt, testTime)
		}
		unclaimed := func(olderThan time.Time) []int64 {
			t.Helper()
			got, err := db.UnclaimedTickets(ctx, olderThan)
			if err != nil {
				t.Fatal(err)
			}
			return ticketIDs(got)
		}
		change := func(at time.Time, edit func(*tickets.Ticket)) tickets.Ticket {
			t.Helper()
			got, err := db.UpdateTicket(ctx, tk.ID, func(cur tickets.Ticket) (tickets.Ticket, []tickets.Event, []storage.OutboxMessage, error) {
				edit(&cur)
				cur.UpdatedAt = at
				return cur, []tickets.Event{{Kind: tickets.EventResidentMessage, Text: "补充", At: at}}, nil, nil
			})
			if err != nil {
				t.Fatal(err)
			}
			return got
		}

		// Details added: the clock keeps running from creation.
		tk = change(testTime.Add(time.Hour), func(cur *tickets.Ticket) { cur.Text += "（补充）" })
		if !tk.StatusChangedAt.Equal(testTime) || !tk.UpdatedAt.Equal(testTime.Add(time.Hour)) {
			t.Fatalf("details moved the clock: %+v", tk)
		}
		if got := unclaimed(testTime.Add(90 * time.Minute)); !reflect.DeepEqual(got, []int64{tk.ID}) {
			t.Fatalf("unclaimed after details = %v; want [%d]", got, tk.ID)
		}

		// Claimed: no longer unclaimed, whatever the age.
		tk = change(testTime.Add(2*time.Hour), func(cur *tickets.Ticket) { cur.Status, cur.AssigneeID = tickets.StatusClaimed, 20001 })
		if got := unclaimed(testTime.Add(100 * time.Hour)); len(got) != 0 {
			t.Fatalf("a claimed ticket is unclaimed: %v", got)
		}

		// Reassigned (claimed -> new, another party): the clock restarts.
		reassigned := testTime.Add(3 * time.Hour)
		tk = change(reassigned, func(cur *tickets.Ticket) {
			cur.Status, cur.Party, cur.AssigneeID = tickets.StatusNew, parties.OwnersCommittee, 0
		})
		if !tk.StatusChangedAt.Equal(reassigned) {
			t.Fatalf("reassign: StatusChangedAt = %v; want %v", tk.StatusChangedAt, reassigned)
		}
		if got := unclaimed(reassigned); len(got) != 0 {
			t.Fatalf("unclaimed at the restart itself = %v; want none (not older)", got)
		}
		if got := unclaimed(reassigned.Add(time.Second)); !reflect.DeepEqual(got, []int64{tk.ID}) {
			t.Fatalf("unclaimed after restart = %v; want [%d]", got, tk.ID)
		}

		// A new ticket moved to another party stays new; the clock restarts all the same.
		moved := testTime.Add(4 * time.Hour)
		tk = change(moved, func(cur *tickets.Ticket) { cur.Party = parties.NeighborhoodCommittee })
		if !tk.StatusChangedAt.Equal(moved) {
			t.Fatalf("party move: StatusChangedAt = %v; want %v", tk.StatusChangedAt, moved)
		}

		// Resolved, then reopened: waiting for staff again, from the reopening.
		change(testTime.Add(5*time.Hour), func(cur *tickets.Ticket) { cur.Status = tickets.StatusResolved })
		reopened := testTime.Add(6 * time.Hour)
		tk = change(reopened, func(cur *tickets.Ticket) { cur.Status = tickets.StatusReopened })
		if got := unclaimed(reopened.Add(time.Minute)); !reflect.DeepEqual(got, []int64{tk.ID}) || !tk.StatusChangedAt.Equal(reopened) {
			t.Fatalf("reopened: unclaimed = %v, StatusChangedAt = %v; want [%d] since %v", got, tk.StatusChangedAt, tk.ID, reopened)
		}
	})
}

// A reminder is bookkeeping: the mark and its message are stored, updated_at
// stays; an escalation with its history row is a change.
func TestSLAMarksAreStoredAndARemindOnlyChangeKeepsUpdatedAt(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		tk, _, err := db.CreateTicket(ctx, leakTicket("draft:1"), nil)
		if err != nil {
			t.Fatal(err)
		}
		remindAt := testTime.Add(2 * time.Hour)
		got, err := db.UpdateTicket(ctx, tk.ID, func(cur tickets.Ticket) (tickets.Ticket, []tickets.Event, []storage.OutboxMessage, error) {
			cur.RemindedAt = &remindAt
			return cur, nil, []storage.OutboxMessage{{Key: "ticket:1:sla:remind", ChatID: -1001001, Text: "⏰",
				TicketID: cur.ID, Purpose: "reminder", CreatedAt: remindAt}}, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if got.RemindedAt == nil || !got.RemindedAt.Equal(remindAt) || !got.UpdatedAt.Equal(testTime) || got.EscalatedAt != nil {
			t.Fatalf("after reminder: %+v; want RemindedAt %v, UpdatedAt %v", got, remindAt, testTime)
		}
		if m := outboxByKey(t, db, "ticket:1:sla:remind"); m.ChatID != -1001001 || m.Purpose != "reminder" {
			t.Fatalf("reminder message = %+v", m)
		}

		escalateAt := testTime.Add(8 * time.Hour)
		got, err = db.UpdateTicket(ctx, tk.ID, func(cur tickets.Ticket) (tickets.Ticket, []tickets.Event, []storage.OutboxMessage, error) {
			cur.EscalatedAt = &escalateAt
			return cur, []tickets.Event{{Kind: tickets.EventEscalated, At: escalateAt}}, nil, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		read, err := db.Ticket(ctx, tk.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(read, got) || read.EscalatedAt == nil || !read.EscalatedAt.Equal(escalateAt) ||
			!read.UpdatedAt.Equal(escalateAt) || !read.RemindedAt.Equal(remindAt) || !read.StatusChangedAt.Equal(testTime) {
			t.Fatalf("after escalation: returned %+v, read %+v", got, read)
		}
	})
}

func TestTicketMessageIsTheLatestOfItsPurpose(t *testing.T) {
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
		if _, _, err := db.TicketMessage(ctx, first.ID, "card"); !errors.Is(err, storage.ErrNotFound) {
			t.Fatalf("no card yet: %v; want ErrNotFound", err)
		}
		// All at one time, and the later card with a smaller message id (another
		// chat): latest means recorded last.
		refs := []struct {
			chat    int64
			msg     int
			ticket  int64
			purpose string
		}{
			{-1001001, 900, first.ID, "card"},
			{-1001001, 901, first.ID, "relay"},
			{-1001001, 902, second.ID, "card"},
			{-1001002, 40, first.ID, "card"}, // reassigned: a fresh card in the new party's chat
			{-1001002, 41, first.ID, "relay"},
		}
		for _, r := range refs {
			if err := db.RefMessage(ctx, r.chat, r.msg, r.ticket, r.purpose, testTime); err != nil {
				t.Fatal(err)
			}
		}
		cases := []struct {
			ticket  int64
			purpose string
			chat    int64
			msg     int
		}{
			{first.ID, "card", -1001002, 40},
			{first.ID, "relay", -1001002, 41},
			{second.ID, "card", -1001001, 902},
		}
		for _, c := range cases {
			chat, msg, err := db.TicketMessage(ctx, c.ticket, c.purpose)
			if err != nil || chat != c.chat || msg != c.msg {
				t.Errorf("TicketMessage(%d, %q) = %d, %d, %v; want %d, %d", c.ticket, c.purpose, chat, msg, err, c.chat, c.msg)
			}
		}
		if _, _, err := db.TicketMessage(ctx, second.ID, "relay"); !errors.Is(err, storage.ErrNotFound) {
			t.Fatalf("no relay of #2: %v; want ErrNotFound", err)
		}

		// Delivered through the outbox: MarkOutboxSent records the ref.
		if err := db.EnqueueOutbox(ctx, storage.OutboxMessage{Key: "ticket:2:card:x", ChatID: -1001003, Text: "card",
			TicketID: second.ID, Purpose: "card"}); err != nil {
			t.Fatal(err)
		}
		if err := db.MarkOutboxSent(ctx, outboxByKey(t, db, "ticket:2:card:x").ID, 7, testTime); err != nil {
			t.Fatal(err)
		}
		if chat, msg, err := db.TicketMessage(ctx, second.ID, "card"); err != nil || chat != -1001003 || msg != 7 {
			t.Fatalf("card sent by the outbox: %d, %d, %v; want -1001003, 7", chat, msg, err)
		}
	})
}
