package handlers

import (
	"fmt"
	"strings"

	"codesk/tickets"
)

// What a member is told when a press on a card asks for what the ticket's
// status no longer allows: in plain words, who has it or how it stands,
// not the status machine's "not allowed".

// staffAction is the action of the pressed button ("claim", "to", ...), or
// "" when in is no press.
func staffAction(in Incoming) string {
	if in.Callback == nil {
		return ""
	}
	action, _, _ := strings.Cut(strings.TrimPrefix(in.Callback.Data, "s:"), ":")
	return action
}

// refusalNotice says why action cannot be done on t as it is now.
func refusalNotice(action string, t tickets.Ticket) string {
	n := t.Number()
	switch {
	case !t.Status.Open():
		return fmt.Sprintf(staffAlreadyStatus, n, t.Status.Name("zh"), n, t.Status.Name("en"))
	case action == "claim" && t.Assignee != "":
		return fmt.Sprintf(staffAlreadyClaimed, n, t.Assignee, n, t.Assignee)
	case action == "claim":
		return fmt.Sprintf(staffAlreadyTaken, n, n)
	}
	return fmt.Sprintf(staffIllegal, t.Status.StaffName())
}
