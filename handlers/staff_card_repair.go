package handlers

import (
	"context"
	"errors"
	"fmt"

	"codesk/parties"
	"codesk/storage"
	"codesk/tickets"
)

// A ticket whose card is in a chat that no longer owns it though it never
// moved: its party got a chat of its own after the card went to the desk's
// chat, or its chat's id changed (a group upgraded to a supergroup). No
// card would be live and nobody could act on it, so the first press,
// staff reply, relay of the resident's words or SLA check that finds so
// posts a fresh card in the owning chat.

// ensureOwnCard posts a fresh card of t to its party's chat, through the
// outbox, when its latest card is in another chat, and retires that card
// with a pointer to the new one. posted reports it did. Best effort: it
// logs its failures.
func (h *Handler) ensureOwnCard(ctx context.Context, t tickets.Ticket) (posted bool) {
	own, ok := h.staffChat(t.Party)
	if !ok || !t.Status.Open() {
		return false
	}
	// A card still in the outbox for the chat (a move's, or one this posted)
	// is on its way, however long Telegram keeps it waiting. Asked before the
	// latest card, so a card sent in between is seen as delivered there.
	switch queued, err := h.Tickets.TicketMessagePending(ctx, t.ID, purposeCard, own); {
	case err != nil:
		h.Log.Warn("look for a ticket's card on its way", "ticket", t.ID, "err", err)
		return false
	case queued:
		return false
	}
	chat, msg, err := h.Tickets.TicketMessage(ctx, t.ID, purposeCard)
	switch {
	case errors.Is(err, storage.ErrNotFound):
		return false // its first card is on its way
	case err != nil:
		h.Log.Warn("find a ticket's card", "ticket", t.ID, "err", err)
		return false
	case chat == own:
		return false
	}
	past, err := h.Tickets.TicketEvents(ctx, t.ID)
	if err != nil {
		h.Log.Warn("events for a ticket's missing card", "ticket", t.ID, "err", err)
		return false
	}
	// one card per chat and party: a second press before it arrives adds none
	key := fmt.Sprintf("%s:chat%d", keyCard(t.ID, t.Party), own)
	cat, history := h.categoryText(t.Category), conversationSoFar(past)
	_, err = h.Tickets.UpdateTicket(ctx, t.ID, func(cur tickets.Ticket) (tickets.Ticket, []tickets.Event, []storage.OutboxMessage, error) {
		if cur.Party != t.Party {
			return cur, nil, nil, errMoved
		}
		msgs := cardMessagesWith(cur, own, key, fmt.Sprintf(staffCardTicket, cur.Number()), cat, history)
		return cur, nil, append(msgs, earlierPhotos(cur, own, key, past)...), nil
	})
	if err != nil {
		h.Log.Warn("post a ticket's missing card", "ticket", t.ID, "err", err)
		return false
	}
	h.Log.Info("ticket card posted to its party's chat", "ticket", t.ID, "chat_id", own, "old_chat_id", chat)
	note := cardPostedThere(t)
	h.retireCards(ctx, Incoming{}, t, []storage.MessageRef{{ChatID: chat, MessageID: msg, Purpose: purposeCard}},
		func(int64) string { return note })
	return true
}

// cardPostedThere says where t's card now is, on the card it replaced and
// to a press there.
func cardPostedThere(t tickets.Ticket) string {
	return fmt.Sprintf(staffCardPostedThere, t.Number(), parties.Name(t.Party, "zh"), parties.Name(t.Party, "en"))
}
