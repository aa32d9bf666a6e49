package handlers

// Staff-facing texts of a ticket card posted anew to its party's chat
// (staff_card_repair.go).
const (
	// staffCardPostedThere retires a card of a ticket whose party now has
	// a chat of its own, and answers a press on it
	// staffNotRelayedHere opens the answer to a reply under such a card
	staffNotRelayedHere  = "这条没有转给居民（Not passed on）"
	staffCardPostedThere = "➡️ 工单 %s 的卡片已发到【%s】的群，请在那里操作（The card is now in %s's chat: act there）"
)
