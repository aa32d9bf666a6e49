package handlers

// Staff-facing texts of a reopened ticket's card, of a resolve by a
// colleague and of an escalation as its party sees it (Chinese, English in
// brackets, like texts_tickets.go's); and the resident's words for an
// answer that reaches both the desk and the ticket's party.

const (
	// staffCardEscalated marks the card of a ticket escalated to the desk
	staffCardEscalated = "⏫ 已升级至三方联合办公室（Escalated to the co-office desk）"
	// staffToDoEscalated follows an escalated ticket's status in /open
	staffToDoEscalated = " · 已升级"
	// staffSLAUrgentMark heads the SLA lines of a ticket reporting a
	// danger now, as its card does
	staffSLAUrgentMark = "🚨 紧急 URGENT "
)

// txtPartyAndDesk names the desk and the ticket's party together, for
// texts that name one (txtDetailsAdded's 【%s】, txtFollowUpAsk's):
// an answer on an escalated ticket reaches both chats.
var txtPartyAndDesk = text{"%s】和【%s", "%s and %s"}
