package handlers

import "time"

// Layouts of times shown to people, on the estate's clock.
const (
	layoutDateTime  = "2006-01-02 15:04"
	layoutMonthTime = "01-02 15:04"
)

// localTime is t on the estate's clock (Deps.TimeZone; UTC when unset). Use
// it only where a time is formatted for people: storage and comparisons
// keep t as it is.
func (h *Handler) localTime(t time.Time) time.Time {
	if h.TimeZone == nil {
		return t.UTC()
	}
	return t.In(h.TimeZone)
}
