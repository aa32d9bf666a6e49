package handlers

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

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

// roundStartTTL bounds how long a noted round start is kept: longer than a
// ticket stays open in practice. Lost, a move's new card is taken for the
// start of the round, as before moves were noted.
const roundStartTTL = 180 * 24 * time.Hour

func roundStartKey(ticketID, chat int64) string {
	return fmt.Sprintf("roundstart:%d:%d", ticketID, chat)
}

// noteRoundStarts remembers, before t moves, its live cards (liveCards) as
// where its current round began in their chats, unless an earlier card of
// the round is noted there already (the ticket moved before). The new card
// a move brings is then not mistaken for a new round.
func (h *Handler) noteRoundStarts(ctx context.Context, t tickets.Ticket, live []storage.MessageRef) {
	round := ticketRound(t)
	for _, card := range live {
		if h.roundStart(ctx, t, card.ChatID) != 0 {
			continue
		}
		value := round + ":" + strconv.Itoa(card.MessageID)
		if err := h.State.Set(ctx, roundStartKey(t.ID, card.ChatID), []byte(value), roundStartTTL); err != nil {
			h.Log.Warn("remember where a ticket's round began", "ticket", t.ID, "chat_id", card.ChatID, "err", err)
		}
	}
}

// roundStart is the first card of t's current round in chat noted before a
// move (noteRoundStarts), or 0 when none is.
func (h *Handler) roundStart(ctx context.Context, t tickets.Ticket, chat int64) int {
	data, ok, err := h.State.Get(ctx, roundStartKey(t.ID, chat))
	if err != nil {
		h.Log.Warn("where a ticket's round began", "ticket", t.ID, "chat_id", chat, "err", err)
		return 0
	}
	round, msg, _ := strings.Cut(string(data), ":")
	if !ok || round != ticketRound(t) {
		return 0 // noted in a round since ended
	}
	id, _ := strconv.Atoi(msg)
	return id
}
