package handlers

import "context"

// openTicketAbout reports whether the resident has an open ticket about
// the danger e (its text names the same kind): a message naming it again
// is more of that ticket, not a new report.
func (h *Handler) openTicketAbout(ctx context.Context, userID int64, e emergency) bool {
	tks, err := h.Tickets.ResidentTickets(ctx, userID, 20)
	if err != nil {
		h.Log.Warn("list resident tickets for a danger", "err", err)
		return false
	}
	for _, t := range tks {
		if t.Status.Open() && emergencyIn(t.Text) == e {
			return true
		}
	}
	return false
}
