package handlers

import (
	"context"
	"time"
)

// openTicketAbout reports whether the resident has an open ticket about
// the danger e (its text names the same kind), active in the last hours:
// a message naming it again is more of that ticket, not a new report. A
// reply counts only for the ticket it replies to.
func (h *Handler) openTicketAbout(ctx context.Context, in Incoming, e emergency) bool {
	if in.ReplyTo != 0 {
		t, _, err := h.Tickets.TicketByMessage(ctx, in.ChatID, in.ReplyTo)
		return err == nil && t.ResidentID == in.UserID && t.Status.Open() && emergencyIn(t.Text) == e
	}
	tks, err := h.Tickets.ResidentTickets(ctx, in.UserID, 20)
	if err != nil {
		h.Log.Warn("list resident tickets for a danger", "err", err)
		return false
	}
	now := h.Now()
	for _, t := range tks {
		if t.Status.Open() && emergencyIn(t.Text) == e && now.Sub(t.UpdatedAt) <= sameDangerWindow {
			return true
		}
	}
	return false
}

// sameDangerWindow: a danger told again within it is the one reported; a
// gas smell three days later is a new one.
const sameDangerWindow = 6 * time.Hour
