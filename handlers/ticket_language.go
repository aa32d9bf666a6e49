package handlers

import (
	"context"

	"codesk/storage"
	"codesk/tickets"
)

// retellTicketLanguage moves the resident's live tickets (open, or still
// reopenable) to lang: notices about them, staff relays and their buttons
// follow /lang, not the language the report was written in. Best effort.
func (h *Handler) retellTicketLanguage(ctx context.Context, userID int64, lang string) {
	tks, err := h.Tickets.ResidentTickets(ctx, userID, 20)
	if err != nil {
		h.Log.Warn("list tickets for a language change", "err", err)
		return
	}
	now := h.Now()
	for _, t := range tks {
		if t.Lang == lang || !(t.Status.Open() || t.CanReopen(now)) {
			continue
		}
		if _, err := h.Tickets.UpdateTicket(ctx, t.ID, func(cur tickets.Ticket) (tickets.Ticket, []tickets.Event, []storage.OutboxMessage, error) {
			cur.Lang = lang
			return cur, nil, nil, nil
		}); err != nil {
			h.Log.Warn("change a ticket's language", "ticket", t.ID, "err", err)
		}
	}
}
