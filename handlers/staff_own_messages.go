package handlers

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"codesk/storage"
	"codesk/tickets"
)

// A member who replied to a ticket goes on under their own message, or
// under the bot's "✅ sent to the resident" beneath it, as under the card.
// Only that member: a colleague's reply to them is talk among staff.

// staffMessageTTL is how long such a reply keeps leading to its ticket.
const staffMessageTTL = 7 * 24 * time.Hour

func staffMessageKey(chat int64, msg int) string { return fmt.Sprintf("staffmsg:%d:%d", chat, msg) }

// noteStaffMessage records message msg in the staff chat as in's author's
// about t, in t's current round (ticketRound). Losing it only means a later
// reply to it is not relayed.
func (h *Handler) noteStaffMessage(ctx context.Context, in Incoming, msg int, t tickets.Ticket) {
	if msg == 0 {
		return
	}
	value := strconv.FormatInt(t.ID, 10) + ":" + strconv.FormatInt(in.UserID, 10) + ":" + ticketRound(t)
	if err := h.State.Set(ctx, staffMessageKey(in.ChatID, msg), []byte(value), staffMessageTTL); err != nil {
		h.Log.Warn("remember a staff reply's message", "ticket", t.ID, "err", err)
	}
}

// ownStaffMessage returns the ticket in's reply continues: the one in's
// author wrote about in the message replied to. storage.ErrNotFound when
// the message is not theirs or not known; errOwnMessageClosed (with the
// ticket) when its ticket is closed; errOwnMessageEarlier (with the ticket)
// when it was written in a round before the ticket was reopened.
func (h *Handler) ownStaffMessage(ctx context.Context, in Incoming) (tickets.Ticket, error) {
	data, ok, err := h.State.Get(ctx, staffMessageKey(in.ChatID, in.ReplyTo))
	if err != nil {
		return tickets.Ticket{}, fmt.Errorf("staff message %d: %w", in.ReplyTo, err)
	}
	idText, rest, _ := strings.Cut(string(data), ":")
	author, round, hasRound := strings.Cut(rest, ":") // noted before rounds: none
	id, _ := strconv.ParseInt(idText, 10, 64)
	if !ok || author != strconv.FormatInt(in.UserID, 10) || id == 0 {
		return tickets.Ticket{}, storage.ErrNotFound
	}
	t, err := h.Tickets.Ticket(ctx, id)
	if err != nil {
		return tickets.Ticket{}, fmt.Errorf("ticket %d: %w", id, err)
	}
	if !t.Status.Open() {
		return t, errOwnMessageClosed
	}
	if hasRound && round != ticketRound(t) {
		return t, errOwnMessageEarlier
	}
	return t, nil
}

// errOwnMessageClosed: the member went on under their own message about a
// ticket since closed. Not relayed (after the close it is more likely a
// remark among staff, "明天我休息，小李接班"), but the member is told so.
var errOwnMessageClosed = errors.New("own staff message: ticket closed")

// errOwnMessageEarlier: the member went on under their own message about a
// ticket resolved and reopened since ("上次是老张去的"): about the last
// round, so kept among staff like a reply under the last round's relays.
var errOwnMessageEarlier = errors.New("own staff message: an earlier round of the ticket")
