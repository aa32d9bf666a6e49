package handlers

import (
	"context"
	"fmt"
)

// Commands typed in a staff chat. Staff act on tickets with the cards'
// buttons and by replying to the cards (design.md: cards with claim,
// reassign and resolve; the staff help says so), not with typed commands:
// a typed "/claim 1" is told where the buttons are rather than met with
// silence, and a resident's command gets an answer for staff, not the
// residents' "message me privately".

// staffCommand answers command name typed in a staff chat when staff need
// another answer than handleGroup's; handled is false for the commands it
// leaves to handleGroup (/help, /open, ...).
func (h *Handler) staffCommand(ctx context.Context, in Incoming, name string) (handled bool, err error) {
	var text string
	switch name {
	case "claim", "take", "resolve", "done", "close", "reassign", "assign", "transfer":
		text = staffUseTheCard
	case "lang", "language":
		text = staffNoLanguage
	case "mytickets", "report", "concern", "menu", "cancel":
		text = fmt.Sprintf(staffResidentCommand, name, name)
	default:
		return false, nil
	}
	return true, h.send(ctx, OutMessage{ChatID: in.ChatID, ReplyTo: in.MessageID, Text: text})
}
