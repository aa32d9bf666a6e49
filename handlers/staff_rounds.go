package handlers

import (
	"context"
	"strconv"

	"codesk/storage"
	"codesk/tickets"
)

// A ticket's rounds: a resolve ends one, and a reopen starts the next. A
// reply under a message of an earlier round stays among staff
// (staff_not_relayed.go); a move is no new round, so the resident's words
// before it still get an answer.

// ticketRound names t's current round by its last resolution: a reopen
// keeps ResolvedAt until the next resolve. Seconds, as menuStamp: what the
// store gives back, whatever precision it keeps.
func ticketRound(t tickets.Ticket) string {
	if t.ResolvedAt == nil {
		return "0"
	}
	return strconv.FormatInt(t.ResolvedAt.Unix(), 36)
}

// noteRoundStarts records, before t moves, its live cards (liveCards) as
// where its current round began in their chats, unless an earlier card of
// the round is recorded there already (the ticket moved before). The new
// card a move brings is then not mistaken for a new round.
func (h *Handler) noteRoundStarts(ctx context.Context, t tickets.Ticket, live []storage.MessageRef) {
	round := ticketRound(t)
	for _, card := range live {
		if err := h.Tickets.NoteRoundStart(ctx, t.ID, card.ChatID, round, card.MessageID); err != nil {
			h.Log.Warn("record where a ticket's round began", "ticket", t.ID, "chat_id", card.ChatID, "err", err)
		}
	}
}

// roundStart is the first card of t's current round in chat recorded before
// a move (noteRoundStarts), or 0 when none is.
func (h *Handler) roundStart(ctx context.Context, t tickets.Ticket, chat int64) int {
	id, err := h.Tickets.RoundStart(ctx, t.ID, chat, ticketRound(t))
	if err != nil {
		h.Log.Warn("where a ticket's round began", "ticket", t.ID, "chat_id", chat, "err", err)
		return 0
	}
	return id
}
