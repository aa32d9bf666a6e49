package handlers

// Staff-facing texts of the SLA reminders once their ticket moved on, of
// the desk's reassignments and of /open's urgent tickets (Chinese, English
// in brackets, like texts_tickets.go's).
const (
	// staffReminderClaimed: a reminder's line once its ticket was claimed
	staffReminderClaimed = "⏰ 工单 %s 已由 %s 认领（claimed by %s）"
	// staffReminderStatus: a reminder's line once its ticket is in another
	// status (resolved, closed, or back to new after a move)
	staffReminderStatus = "⏰ 工单 %s 当前状态：%s"
	// staffReminderMoved: a reminder's line in a chat its ticket has left
	staffReminderMoved = "⏰ 工单 %s 已转给【%s】（moved to %s）"
	// staffTakenUp answers a press on a reminder of a ticket taken up since
	staffTakenUp = "工单 %s 已由 %s 认领，请在工单卡片上操作（Already claimed by %s: use the ticket's card）"
	// staffNoLongerWaiting: the same, for a ticket in another status
	staffNoLongerWaiting = "工单 %s 当前状态：%s，无需认领（Nothing to claim）"
	// staffNowWith answers a press in a chat the ticket has left
	staffNowWith = "此处操作无效：工单 %s 已转给【%s】（The ticket is now with %s）"
	// staffCardMovedBy titles the new party's card when the desk moved a
	// ticket of another party's: both who moved it and whose it was
	staffCardMovedBy = "➡️ 工单 %s 由【%s】从【%s】转来（Reassigned by %s from %s）"
	// staffToDoUrgentFirst follows /open's head when urgent tickets lead it
	staffToDoUrgentFirst = "🚨 紧急工单排在最前（urgent tickets first）"
	// staffToDoUrgentMark prefixes an urgent ticket's line in /open
	staffToDoUrgentMark = "🚨 "
)
