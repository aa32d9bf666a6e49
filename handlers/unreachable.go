package handlers

import (
	"context"
	"errors"
	"fmt"

	"codesk/storage"
	"codesk/tickets"
)

// purposeUnreachable marks the note that a ticket's resident cannot be
// reached; a reply to it is not relayed (it could not arrive).
const purposeUnreachable = "unreachable"

// ResidentUnreachable is called by the outbox when a message to a ticket's
// resident can never be delivered (they blocked the bot or left Telegram).
// Staff were told "✅ 已转给居民" when their reply was queued, so the
// ticket's chat hears of it, once a day per ticket, and the ticket's history
// keeps it.
func (h *Handler) ResidentUnreachable(ctx context.Context, m storage.OutboxMessage) error {
	if m.TicketID == 0 || m.Purpose != purposeResident || h.Tickets == nil {
		return nil
	}
	t, err := h.Tickets.Ticket(ctx, m.TicketID)
	if errors.Is(err, storage.ErrNotFound) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("resident unreachable: ticket %d: %w", m.TicketID, err)
	}
	chat, ok := h.staffChat(t.Party)
	if !ok {
		h.Log.Error("no staff chat configured: unreachable resident not reported", "ticket", t.ID)
		return nil
	}
	card := h.cardRef(ctx, t.ID, chat)
	now := h.Now()
	key := fmt.Sprintf("ticket:%d:unreachable:%s", t.ID, now.Format("2006-01-02"))
	_, err = h.Tickets.UpdateTicket(ctx, t.ID, func(cur tickets.Ticket) (tickets.Ticket, []tickets.Event, []storage.OutboxMessage, error) {
		if cur.Party != t.Party {
			return cur, nil, nil, nil // moved meanwhile: the next failure tells the new party
		}
		ev := tickets.Event{TicketID: cur.ID, Kind: tickets.EventUndelivered,
			Text: "a message could not be delivered to the resident", At: now}
		note := storage.OutboxMessage{Key: key, ChatID: chat, Text: fmt.Sprintf(staffResidentUnreachable, cur.Number()),
			ReplyTo: card, TicketID: cur.ID, Purpose: purposeUnreachable, CreatedAt: now}
		return cur, []tickets.Event{ev}, []storage.OutboxMessage{note}, nil
	})
	if err != nil {
		return fmt.Errorf("resident unreachable: ticket %d: %w", t.ID, err)
	}
	return nil
}
