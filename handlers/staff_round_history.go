package handlers

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"codesk/storage"
	"codesk/tickets"
)

// What a ticket's card says of its earlier rounds: a reopened ticket goes
// to whoever is on duty now, who needs what was said and done before (as a
// moved ticket's new party does), and who had it, to ask them; a resolved
// card says who resolved it.

// reopenedCard is what a reopened ticket's card carries from before the
// reopen, read before the reopen's update: the conversation so far, who
// handled the ticket, and the card it reopens (its message id in the chat
// the new card goes to, 0 when that card is elsewhere or unknown), which
// the new card answers so that the chat shows the two together.
type reopenedCard struct {
	history     string
	lastHandled string
	replyTo     int
}

// reopenedCardOf reads what the card of t, about to be reopened, carries
// to chat.
func (h *Handler) reopenedCardOf(ctx context.Context, t tickets.Ticket, chat int64) (reopenedCard, error) {
	past, err := h.Tickets.TicketEvents(ctx, t.ID)
	if err != nil {
		return reopenedCard{}, fmt.Errorf("events of ticket %d: %w", t.ID, err)
	}
	return reopenedCard{history: conversationSoFar(past), lastHandled: lastHandled(past), replyTo: h.cardRef(ctx, t.ID, chat)}, nil
}

// messages are the reopened card of t for chat, with what the resident said
// was wrong (reason, the formatted line; "" for none) under the conversation.
func (c reopenedCard) messages(t tickets.Ticket, chat int64, key string, cat text, reason string) []storage.OutboxMessage {
	title := fmt.Sprintf(staffCardReopened, t.Number())
	if c.lastHandled != "" {
		title += "\n" + c.lastHandled
	}
	history := c.history
	if reason != "" {
		history = strings.TrimPrefix(history+"\n"+reason, "\n")
	}
	msgs := cardMessagesWith(t, chat, key, title, cat, history)
	msgs[0].ReplyTo = c.replyTo
	return msgs
}

// lastReopen is the index in evs of the ticket's latest reopen, -1 if none.
func lastReopen(evs []tickets.Event) int {
	for i := len(evs) - 1; i >= 0; i-- {
		if evs[i].Kind == tickets.EventStatus && evs[i].ToStatus == tickets.StatusReopened {
			return i
		}
	}
	return -1
}

// lastHandled says who handled the ticket in the round evs end with: who
// claimed it with its party of then, and who resolved it; "" when neither
// is known. A claim is a status step out of new or reopened (a resident's
// answer moving waiting back to claimed is none).
func lastHandled(evs []tickets.Event) string {
	var claim, resolve tickets.Event
	for _, e := range evs {
		switch {
		case e.Kind == tickets.EventReassigned:
			claim = tickets.Event{} // another party's claim is not theirs
		case e.Kind != tickets.EventStatus:
		case e.ToStatus == tickets.StatusReopened:
			claim, resolve = tickets.Event{}, tickets.Event{}
		case e.ToStatus == tickets.StatusClaimed && (e.FromStatus == tickets.StatusNew || e.FromStatus == tickets.StatusReopened):
			claim = e
		case e.ToStatus == tickets.StatusResolved:
			resolve = e
		}
	}
	claimer, resolver := actorName(claim), actorName(resolve)
	if claimer != "" && resolver != "" && claim.ActorID != resolve.ActorID {
		return fmt.Sprintf(staffCardLastClaimedResolved, claimer, resolver, claimer, resolver)
	}
	who := resolver
	if who == "" {
		who = claimer
	}
	if who == "" {
		return ""
	}
	return fmt.Sprintf(staffCardLastHandled, who, who)
}

// resolvedLine is the line on the card of t, resolved or closed, saying who
// resolved it in its latest round (and who had claimed it, when another);
// "" when no resolve is known (withdrawn by the resident).
func resolvedLine(t tickets.Ticket, evs []tickets.Event) string {
	if t.Status.Open() {
		return ""
	}
	for i := len(evs) - 1; i >= 0; i-- {
		e := evs[i]
		if e.Kind == tickets.EventStatus && e.ToStatus == tickets.StatusReopened {
			return ""
		}
		if e.Kind != tickets.EventStatus || e.ToStatus != tickets.StatusResolved {
			continue
		}
		who := actorName(e)
		if t.Assignee != "" && t.AssigneeID != e.ActorID {
			return fmt.Sprintf(staffCardResolvedFor, who, t.Assignee, who, t.Assignee)
		}
		return fmt.Sprintf(staffCardResolvedBy, who, who)
	}
	return ""
}

// actorName is who did e, as staff read it: the name, or the user id when
// Telegram gave none; "" for no actor.
func actorName(e tickets.Event) string {
	switch {
	case e.Actor != "":
		return e.Actor
	case e.ActorID != 0:
		return strconv.FormatInt(e.ActorID, 10)
	}
	return ""
}
