package handlers

// Staff-facing texts of a reopened ticket's card, of a resolve by a
// colleague and of an escalation as its party sees it (Chinese, English in
// brackets, like texts_tickets.go's); and the resident's words for an
// answer that reaches both the desk and the ticket's party.
const (
	// staffCardLastHandled heads a reopened ticket's card: who had it
	// before, the one to ask what was done
	staffCardLastHandled = "上次由 %s 处理（last handled by %s）"
	// staffCardLastClaimedResolved: the same when a colleague resolved
	// what another had claimed
	staffCardLastClaimedResolved = "上次由 %s 受理、%s 标记解决（last claimed by %s, resolved by %s）"
	// staffCardResolvedBy heads a resolved ticket's card, under its title
	staffCardResolvedBy = "✅ 由 %s 标记解决（resolved by %s）"
	// staffCardResolvedFor: the same when the resolver is not the claimer
	staffCardResolvedFor = "✅ 由 %s 标记解决，受理人为 %s（resolved by %s; claimed by %s）"
	// staffResolvedByColleague tells the chat, under the card, that a
	// colleague resolved a ticket another had claimed: the claimer may be
	// arranging a visit still
	staffResolvedByColleague = "✅ 工单 %s 已由 %s 标记解决（受理人 %s）(Ticket %s was resolved by %s; %s had claimed it)"
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
