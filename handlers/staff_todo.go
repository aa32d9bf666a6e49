package handlers

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"codesk/parties"
	"codesk/tickets"
)

// staffToDoMax bounds the list: a chat with more open tickets than this
// has a backlog the list cannot fix, and one message must hold it.
const staffToDoMax = 30

// staffToDoScan bounds the open tickets read for the list: urgent ones
// lead it, so they are looked for beyond the oldest staffToDoMax.
const staffToDoScan = 500

// staffToDo answers /open in a staff chat: the open tickets the chat's party
// owns (the desk: also those escalated to it), urgent ones (a danger now,
// as their cards say) first and marked, then oldest first, with how long
// each has waited and who has it, so nothing is lost among the cards.
func (h *Handler) staffToDo(ctx context.Context, in Incoming, party parties.ID) error {
	ok, err := h.mayAct(ctx, in.UserID, party, in.ChatID)
	if err != nil {
		h.Log.Warn("membership for /open", "chat_id", in.ChatID, "err", err)
		return h.send(ctx, OutMessage{ChatID: in.ChatID, ReplyTo: in.MessageID, Text: staffFailure})
	}
	if !ok {
		return h.send(ctx, OutMessage{ChatID: in.ChatID, ReplyTo: in.MessageID, Text: staffNotAllowed})
	}
	owners := []parties.ID{party}
	if party == parties.CoOffice && h.Parties != nil {
		// the desk's chat also holds the cards of parties without a chat
		// of their own (staffChat)
		for _, p := range parties.All {
			if c, ok := h.Parties.ChatOf(p); !ok || c == 0 {
				owners = append(owners, p)
			}
		}
	}
	list, err := h.Tickets.OpenTickets(ctx, owners, party == parties.CoOffice, staffToDoScan)
	if err != nil {
		return fmt.Errorf("open tickets of %s: %w", party, err)
	}
	if len(list) == 0 {
		return h.send(ctx, OutMessage{ChatID: in.ChatID, ReplyTo: in.MessageID, Text: staffToDoNone})
	}
	urgent := make(map[int64]bool)
	for _, t := range list {
		if emergencyIn(t.Text) != noEmergency {
			urgent[t.ID] = true
		}
	}
	// stable: oldest first among the urgent, and among the others
	slices.SortStableFunc(list, func(a, b tickets.Ticket) int {
		switch {
		case urgent[a.ID] == urgent[b.ID]:
			return 0
		case urgent[a.ID]:
			return -1
		}
		return 1
	})
	var b strings.Builder
	if len(list) > staffToDoMax {
		fmt.Fprintf(&b, staffToDoHeadFirst, staffToDoMax)
	} else {
		fmt.Fprintf(&b, staffToDoHead, len(list))
	}
	if len(urgent) > 0 {
		b.WriteString("\n" + staffToDoUrgentFirst)
	}
	now := h.Now()
	for i, t := range list {
		if i == staffToDoMax {
			b.WriteString("\n" + staffToDoMore)
			break
		}
		zh := waitedDays(now.Sub(t.CreatedAt))
		who := t.Assignee
		if who == "" {
			who = "—"
		}
		b.WriteString("\n")
		if urgent[t.ID] {
			b.WriteString(staffToDoUrgentMark)
		}
		status := t.Status.Name("zh")
		if t.Status == tickets.StatusWaiting {
			status = "等待居民回复" // staff read it: not the resident's "等待您回复"
		}
		if t.EscalatedAt != nil {
			status += staffToDoEscalated // the desk is on it too
		}
		fmt.Fprintf(&b, "%s【%s】%s · %s · %s", t.Number(), status, h.categoryText(t.Category).zh, zh, who)
		if t.Party != party {
			fmt.Fprintf(&b, " · %s", parties.Name(t.Party, "zh"))
		}
		fmt.Fprintf(&b, "\n  %s", clip(strings.Join(strings.Fields(t.Text), " "), 40))
	}
	return h.send(ctx, OutMessage{ChatID: in.ChatID, ReplyTo: in.MessageID, Text: b.String()})
}

// waitedDays is how long a ticket has been open, in days past two days
// ("768 小时" reads worse than "32 天").
func waitedDays(d time.Duration) string {
	if d >= 48*time.Hour {
		return fmt.Sprintf("%d 天", int(d/(24*time.Hour)))
	}
	zh, _ := waited(d)
	return zh
}
