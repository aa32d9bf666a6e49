package handlers

// Texts of the "is this for your ticket?" question (followup.go).
var (
	txtFollowUpAsk        = text{"这条消息是给【%[2]s】关于工单 %[1]s 的回复吗？", "Is this your reply to %[2]s about ticket %[1]s?"}
	txtNothingAdded       = text{"好的，工单 %s 没有补充内容。", "OK, nothing was added to ticket %s."}
	txtAddToTicketAsk     = text{"要把这条补充到您的工单 %s（%s）吗？", "Add this to your ticket %s (%s)?"}
	txtFollowUpSend       = text{"✅ 是，发给工单 %s", "✅ Yes, send it to ticket %s"}
	txtFollowUpPickOne    = text{"请点上面的按钮，告诉我是哪张工单的回复；都不是的话，点“不是”那个按钮。", "Please tap a button above: the ticket it is for, or the “No” one."}
	txtFollowUpSendOther  = text{"↪️ 不，是给工单 %s（%s）的", "↪️ No, it's for ticket %s (%s)"}
	txtFollowUpQuestion   = text{"❓ 不是，我在提问", "❓ No, I'm asking a question"}
	txtFollowUpNewConcern = text{"📝 不是，这是新问题", "📝 No, it's a new concern"}
	txtFollowUpNotSent    = text{"好的，不发给工单。", "OK, not sent to the ticket."}
)
