package storage

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"codesk/parties"
	"codesk/tickets"
)

// TicketStats summarises residents' concerns for administrators: what was
// reported since a time, to whom, and how it went; and what is open now.
type TicketStats struct {
	Reported      int                // tickets created since
	ByParty       map[parties.ID]int // of those, per party now owning them
	TopCategories []CategoryCount    // of those, the most reported, at most 5
	Resolved      int                // of those, resolved or closed by staff
	Withdrawn     int                // of those, withdrawn by the resident
	Escalated     int                // of those, escalated to the co-office unclaimed
	Rated         int                // of those, rated by the resident
	RatingSum     int
	OpenNow       int // all tickets not resolved or closed, whenever reported
	UnclaimedNow  int // of those, waiting for staff to claim them (new or reopened)
}

// CategoryCount is a ticket category and how many tickets it had.
type CategoryCount struct {
	Category string
	Count    int
}

// AverageRating is the mean rating of the rated tickets, 0 when none.
func (s TicketStats) AverageRating() float64 {
	if s.Rated == 0 {
		return 0
	}
	return float64(s.RatingSum) / float64(s.Rated)
}

// TicketStats counts tickets reported at or after since, and those open now.
func (db *DB) TicketStats(ctx context.Context, since time.Time) (TicketStats, error) {
	st := TicketStats{ByParty: map[parties.ID]int{}}
	var rows []struct {
		Party     string `db:"party"`
		Category  string `db:"category"`
		Status    string `db:"status"`
		Rating    int    `db:"rating"`
		Escalated bool   `db:"escalated"`
		Withdrawn bool   `db:"withdrawn"`
	}
	// A ticket was withdrawn when its latest resolution was the resident's.
	err := db.db.SelectContext(ctx, &rows, db.db.Rebind(`
		SELECT party, category, status, rating, escalated_at IS NOT NULL AS escalated,
		       COALESCE((SELECT e.text FROM ticket_events e
		                 WHERE e.ticket_id = tickets.id AND e.kind = ? AND e.to_status = ?
		                 ORDER BY e.id DESC LIMIT 1), '') = ? AS withdrawn
		FROM tickets WHERE created_at >= ?`),
		tickets.EventStatus, tickets.StatusResolved, tickets.WithdrawnNote, utc(since))
	if err != nil {
		return TicketStats{}, fmt.Errorf("storage: tickets reported since %v: %w", since, err)
	}
	categories := map[string]int{}
	for _, r := range rows {
		st.Reported++
		st.ByParty[parties.ID(r.Party)]++
		categories[r.Category]++
		switch s := tickets.Status(r.Status); {
		case s != tickets.StatusResolved && s != tickets.StatusClosed:
		case r.Withdrawn:
			st.Withdrawn++
		default:
			st.Resolved++
		}
		if r.Escalated {
			st.Escalated++
		}
		if r.Rating > 0 {
			st.Rated++
			st.RatingSum += r.Rating
		}
	}
	for c, n := range categories {
		st.TopCategories = append(st.TopCategories, CategoryCount{Category: c, Count: n})
	}
	slices.SortFunc(st.TopCategories, func(a, b CategoryCount) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Category, b.Category)
	})
	st.TopCategories = st.TopCategories[:min(5, len(st.TopCategories))]

	err = db.db.QueryRowContext(ctx, db.db.Rebind(`
		SELECT COALESCE(SUM(CASE WHEN status NOT IN (?, ?) THEN 1 ELSE 0 END), 0),
		       COALESCE(SUM(CASE WHEN status IN (?, ?) THEN 1 ELSE 0 END), 0)
		FROM tickets`),
		tickets.StatusResolved, tickets.StatusClosed, tickets.StatusNew, tickets.StatusReopened).
		Scan(&st.OpenNow, &st.UnclaimedNow)
	if err != nil {
		return TicketStats{}, fmt.Errorf("storage: open tickets: %w", err)
	}
	return st, nil
}
