package handlers

import (
	"context"
	"regexp"

	"codesk/faq"
	"codesk/tickets"
)

// A resident chasing a report ("我上次报的电梯怎么还没修？", "any update on my
// ticket?") wants where it stands, not an FAQ entry or a second ticket.
var (
	chaseRef = regexp.MustCompile(`我报的|我反映的|我投诉的|我提交的|上次报|之前报|报的那个|报修的|工单|我的报修|我的投诉|` +
		`\bmy (ticket|report|complaint|request|repair)s?\b|\bi (reported|filed|complained)\b|\breported it\b`)
	chaseAsk = regexp.MustCompile(`怎么还没|还没有?(修|处理|人|动静|回复|消息)|怎么样了|进度|到哪|有消息|催|多久|什么时候|` +
		`\b(update|updates|status|still|when|how long|any news|progress|follow up|chasing)\b`)
	chaseAlone = regexp.MustCompile(`^(催一下|催一催|催催|催办|帮我催一下|any update|any updates|any news)$`)
)

// chasing reports a message that asks after the resident's own report while
// they have one open.
func (h *Handler) chasing(ctx context.Context, userID int64, text string) bool {
	s := faq.Normalize(text)
	if !chaseAlone.MatchString(s) && !(chaseRef.MatchString(s) && chaseAsk.MatchString(s)) {
		return false
	}
	tks, err := h.Tickets.ResidentTickets(ctx, userID, 20)
	if err != nil {
		h.Log.Warn("list resident tickets for a chase", "err", err)
		return false
	}
	for _, t := range tks {
		if t.Status.Open() {
			return true
		}
	}
	return false
}

// A resident disputing a resolution ("why resolved?? plumber never came",
// "工单怎么就说解决了 根本没人来过") wants that ticket back, not an FAQ entry
// or a new report with no link to it.
var (
	disputeClosed = regexp.MustCompile(`解决了|已解决|说解决|关闭了?|关了|结案|完结|办结|` +
		`\b(resolved|closed|marked (as )?(done|fixed|resolved|complete)|says fixed|say fixed)\b`)
	disputeNot = regexp.MustCompile(`没|根本|还是|依然|仍然|照样|不对|怎么就|凭什么|为什么|` +
		`\b(never|not|didn t|didnt|hasn t|hasnt|no one|nobody|still|why|wasn t|isn t)\b`)
)

// disputedTicket returns the resident's latest ticket they may still reopen
// when text disputes its resolution.
func (h *Handler) disputedTicket(ctx context.Context, userID int64, text string) (tickets.Ticket, bool) {
	s := faq.Normalize(text)
	if !disputeClosed.MatchString(s) || !disputeNot.MatchString(s) {
		return tickets.Ticket{}, false
	}
	tks, err := h.Tickets.ResidentTickets(ctx, userID, 20)
	if err != nil {
		h.Log.Warn("list resident tickets for a dispute", "err", err)
		return tickets.Ticket{}, false
	}
	now := h.Now()
	for _, t := range tks { // newest first
		if t.Status == tickets.StatusResolved && t.CanReopen(now) {
			return t, true
		}
	}
	return tickets.Ticket{}, false
}
