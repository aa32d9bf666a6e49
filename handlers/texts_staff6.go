package handlers

// Staff-facing texts of refused presses, stale menus, replies that stay
// among staff and typed commands in a staff chat (Chinese, English in
// brackets, like texts_tickets.go's). Press notices stay under Telegram's
// 200 characters.
const (
	// staffAlreadyClaimed answers a claim of a ticket a colleague has
	staffAlreadyClaimed = "工单 %s 已由 %s 认领（Ticket %s was already claimed by %s）"
	// staffAlreadyTaken: the same when who has it is not known
	staffAlreadyTaken = "工单 %s 已有人认领（Ticket %s was already claimed）"
	// staffAlreadyStatus answers a press on a resolved or closed ticket
	staffAlreadyStatus = "工单 %s 已是“%s”状态，无需再操作（Ticket %s is already %s）"
	// staffMenuChanged answers a pick from a menu drawn before a colleague
	// claimed, moved or resolved the ticket; %s is how it stands now (its
	// status, and staffHeldBy)
	staffMenuChanged = "工单 %s 在菜单打开后已有变化（现为：%s），请看卡片后重新选择（Changed since this menu opened: check the card and choose again）"
	// staffCardNowHere retires a card of a ticket moved to this very chat's
	// party (the desk taking an escalated ticket on itself)
	staffCardNowHere = "➡️ 已转为【%s】的工单，请在下方的新卡片上操作（Now with %s: use the new card below）"
	// staffSLARemindedEscalated: a party's reminder that comes with the
	// escalation (a late first check), one line instead of two
	staffSLARemindedEscalated = "⏰ 工单 %s 已 %s无人认领，已升级至三方联合办公室（unclaimed for %s: escalated to the co-office desk）"

	// staffNotRelayedReminder answers a reply to an SLA reminder
	staffNotRelayedReminder = "这条没有转给居民：这是提醒。认领请按“认领”按钮；答复居民请回复工单 %s 的卡片。(Not passed on: that is a reminder. Press Claim to take the ticket; reply to its card to answer the resident.)"
	// staffNotRelayedNotice answers a reply to another notice of the bot's
	staffNotRelayedNotice = "这条没有转给居民：回复的是机器人的通知。答复居民请回复工单 %s 的卡片。(Not passed on: that is the bot's notice. Reply to the ticket's card to answer the resident.)"
	// staffNotRelayedEarlier answers a reply to a message of the ticket's
	// round before it was reopened or came back
	staffNotRelayedEarlier = "这条没有转给居民：回复的是工单 %s 此前的消息。答复居民请回复它最新的卡片。(Not passed on: that is an earlier message of the ticket. Reply to its latest card to answer the resident.)"

	// staffUseTheCard answers a typed ticket action (/claim 1, /resolve 1)
	staffUseTheCard = "请在工单卡片上按按钮操作（认领、转派、已解决），回复卡片即可答复居民；/open 列出本群未结工单。(Use the buttons on the ticket's card — Claim, Reassign, Resolve — and reply to the card to answer the resident; /open lists this chat's open tickets.)"
	// staffResidentCommand answers a resident's command typed in a staff chat
	staffResidentCommand = "/%s 是居民在与我的私聊中用的命令。本群请用 /open 查看未结工单，用卡片上的按钮处理。(/%s is for residents in their private chat. Here, /open lists open tickets and the cards' buttons act on them.)"
	// staffNoLanguage answers /lang in a staff chat
	staffNoLanguage = "本群的卡片和通知都是中英双语，无需设置语言；居民在与我的私聊中用 /lang 选择自己的语言。(Cards and notices here are in Chinese and English: nothing to set. Residents choose their language with /lang in their private chat.)"
)
