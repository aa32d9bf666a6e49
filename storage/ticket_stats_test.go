package storage_test

import (
	"context"
	"testing"
	"time"

	"codesk/storage"
	"codesk/storage/storagetest"
	"codesk/tickets"
)

// /stats tells work staff did from reports residents withdrew: a ticket's
// latest resolution decides, so a withdrawn ticket reopened and resolved
// by staff counts as resolved.
func TestTicketStatsCountWithdrawnApart(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		since := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
		at := func(h int) time.Time { return since.Add(time.Duration(h) * time.Hour) }
		resolve := func(id int64, h int, note string) {
			t.Helper()
			_, err := db.UpdateTicket(ctx, id, func(cur tickets.Ticket) (tickets.Ticket, []tickets.Event, []storage.OutboxMessage, error) {
				ev := tickets.Event{Kind: tickets.EventStatus, FromStatus: cur.Status, ToStatus: tickets.StatusResolved, Text: note, At: at(h)}
				cur.Status = tickets.StatusResolved
				return cur, []tickets.Event{ev}, nil, nil
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		reopen := func(id int64, h int) {
			t.Helper()
			_, err := db.UpdateTicket(ctx, id, func(cur tickets.Ticket) (tickets.Ticket, []tickets.Event, []storage.OutboxMessage, error) {
				ev := tickets.Event{Kind: tickets.EventStatus, FromStatus: cur.Status, ToStatus: tickets.StatusReopened, At: at(h)}
				cur.Status = tickets.StatusReopened
				return cur, []tickets.Event{ev}, nil, nil
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		var ids []int64
		for i, key := range []string{"d:staff", "d:withdrawn", "d:back", "d:open"} {
			nt := leakTicket(key)
			nt.ResidentID, nt.ChatID, nt.At = int64(700+i), int64(700+i), at(1)
			tk, _, err := db.CreateTicket(ctx, nt, nil)
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, tk.ID)
		}
		resolve(ids[0], 2, "")
		resolve(ids[1], 2, tickets.WithdrawnNote)
		resolve(ids[2], 2, tickets.WithdrawnNote)
		reopen(ids[2], 3)
		resolve(ids[2], 4, "")

		st, err := db.TicketStats(ctx, since)
		if err != nil {
			t.Fatal(err)
		}
		if st.Reported != 4 || st.Resolved != 2 || st.Withdrawn != 1 || st.OpenNow != 1 {
			t.Errorf("reported %d, resolved %d, withdrawn %d, open %d; want 4, 2, 1, 1", st.Reported, st.Resolved, st.Withdrawn, st.OpenNow)
		}
	})
}
