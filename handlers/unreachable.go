package handlers

import (
	"context"
	"errors"
	"fmt"
	"time"

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
func (h *Handler) ResidentUnreachable(ctx context.Context, m storage.OutboxMessage, cause error) error {
	if m.TicketID == 0 || m.Purpose != purposeResident || h.Tickets == nil {
		return nil
	}
	// one message refused (a bad photo) is not a resident gone: staff hear
	// that this message failed, and later replies are confirmed as usual
	gone := errors.Is(cause, ErrRecipientGone)
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
	escChat, escCard := h.escalationRef(ctx, t) // the desk may have replied
	now := h.Now()
	text := fmt.Sprintf(staffResidentUnreachable, t.Number())
	key := fmt.Sprintf("ticket:%d:unreachable:%s", t.ID, now.Format("2006-01-02"))
	if gone {
		if err := h.State.Set(ctx, unreachableKey(t.ResidentID), []byte("1"), unreachableTTL); err != nil {
			h.Log.Warn("remember an unreachable resident", "ticket", t.ID, "err", err)
		}
	} else {
		text = fmt.Sprintf(staffMessageRefused, t.Number())
		key = fmt.Sprintf("ticket:%d:refused:%d", t.ID, m.ID) // each failed message
	}
	_, err = h.Tickets.UpdateTicket(ctx, t.ID, func(cur tickets.Ticket) (tickets.Ticket, []tickets.Event, []storage.OutboxMessage, error) {
		if cur.Party != t.Party {
			return cur, nil, nil, nil // moved meanwhile: the next failure tells the new party
		}
		ev := tickets.Event{TicketID: cur.ID, Kind: tickets.EventUndelivered,
			Text: "a message could not be delivered to the resident", At: now}
		note := storage.OutboxMessage{Key: key, ChatID: chat, Text: text,
			ReplyTo: card, TicketID: cur.ID, Purpose: purposeUnreachable, CreatedAt: now}
		notes := []storage.OutboxMessage{note}
		if escChat != 0 && escChat != chat {
			desk := note
			desk.Key, desk.ChatID, desk.ReplyTo = key+":desk", escChat, escCard
			notes = append(notes, desk)
		}
		return cur, []tickets.Event{ev}, notes, nil
	})
	if err != nil {
		return fmt.Errorf("resident unreachable: ticket %d: %w", t.ID, err)
	}
	return nil
}

// unreachableKey marks a resident a message could not reach, until they
// write to the bot again; staff replying meanwhile are warned instead of
// told "✅ 已转给居民".
func unreachableKey(residentID int64) string { return fmt.Sprintf("unreachable:%d", residentID) }

// unreachableTTL: a resident who blocked the bot for a week is told of
// again by the next failure.
const unreachableTTL = 7 * 24 * time.Hour

// residentUnreachable reports whether a message to the resident failed
// since they last wrote; an error reads as no.
func (h *Handler) residentUnreachable(ctx context.Context, residentID int64) bool {
	_, ok, err := h.State.Get(ctx, unreachableKey(residentID))
	if err != nil {
		h.Log.Warn("unreachable mark", "err", err)
	}
	return ok
}
