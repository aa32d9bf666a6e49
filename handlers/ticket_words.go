package handlers

import (
	"context"
	"strconv"

	"codesk/faq"
)

// ticketWords serves typed words that act on a ticket, when no draft is
// being written: a rating at the rating prompt ("5星", "很满意": a whole
// message that is a rating is one, whoever asked something since), and
// words that reopen or withdraw a ticket, ahead of any offer to a ticket
// staff wrote about ("撤销工单" is no answer to them). While staff wait for
// an answer, only words that name a ticket count ("明天不用来了，周五来吧"
// answers them), and a question never does.
func (h *Handler) ticketWords(ctx context.Context, in Incoming, text, chosen string) (bool, error) {
	if stars := typedRating(text); stars > 0 && h.mayTakeRating(ctx, in) {
		if t, ok := h.ticketAwaitingRating(ctx, in.UserID); ok {
			return true, h.rate(ctx, in, t, stars, ticketLang(t, chosen), "")
		}
	}
	_, talking, err := h.State.Get(ctx, conversationKey(in.UserID))
	if err != nil {
		return false, err
	}
	if stars, comment := typedRatingWithComment(text); stars > 0 && !talking && !asksOutright(text) && h.mayTakeRating(ctx, in) {
		// "很满意，师傅很负责", "1星，太差劲了": the rating and its comment;
		// not "满意，另外5号楼电梯又坏了" (a report of another thing) nor an
		// answer to staff
		if t, ok := h.ticketAwaitingRating(ctx, in.UserID); ok {
			// a remark on the service ("服务太差了") is the whole message:
			// no other matter in it, whatever the router makes of it
			remark := remarkStars(faq.Normalize(text)) > 0
			if r := h.Router.Route(comment); remark || r.Confidence < anotherMatterConfidence || relatedCategories(r.Category, t.Category) {
				return true, h.rate(ctx, in, t, stars, ticketLang(t, chosen), comment)
			}
		}
	}
	if (talking && !namesTicket.MatchString(faq.Normalize(text))) || asksOutright(text) {
		return false, nil
	}
	if t, ok := h.reopenedTicket(ctx, in.UserID, text); ok {
		return true, h.showTicket(ctx, in, t, ticketLang(t, chosen)) // with its reopen button
	}
	switch tks := h.withdrawnTickets(ctx, in.UserID, text); {
	case len(tks) == 1:
		// "撤销工单", "不用修了": the button, not the words, withdraws it,
		// asked in the language they write now
		t, lang := tks[0], h.language(chosen, in)
		return true, h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtWithdrawAsk.f(lang, t.Number(), h.categoryText(t.Category).in(lang)),
			Buttons: [][]Button{withdrawButton(t, lang)}})
	case len(tks) > 1:
		// several open and none named: which one
		lang := h.language(chosen, in)
		var rows [][]Button
		for _, t := range tks {
			rows = append(rows, []Button{{Text: "↩️ " + t.Number() + " " + h.categoryText(t.Category).in(lang),
				Data: "r:withdraw:" + strconv.FormatInt(t.ID, 10)}})
		}
		return true, h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtWithdrawWhich.in(lang), Buttons: rows})
	}
	return false, nil
}
