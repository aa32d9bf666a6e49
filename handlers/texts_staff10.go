package handlers

// Staff-facing texts of a reopened ticket's card, of a resolve by a
// colleague and of an escalation as its party sees it (Chinese, English in
// brackets, like texts_tickets.go's); and the resident's words for an
// answer that reaches both the desk and the ticket's party.

// txtPartyAndDesk names the desk and the ticket's party together, for
// texts that name one (txtDetailsAdded's 【%s】, txtFollowUpAsk's):
// an answer on an escalated ticket reaches both chats.
var txtPartyAndDesk = text{"%s】和【%s", "%s and %s"}
