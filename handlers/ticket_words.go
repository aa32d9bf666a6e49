package handlers

import (
	"context"
	"errors"
	"regexp"
	"strconv"
	"strings"

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
			return true, h.rate(ctx, in, t, stars, typedLang(t, chosen, in), "")
		}
	}
	talkedAbout, talking, err := h.State.Get(ctx, conversationKey(in.UserID))
	if err != nil {
		return false, err
	}
	if stars, comment := typedRatingWithComment(text); stars > 0 && !(talking && h.staffTalkAboutOpen(ctx, in.UserID, talkedAbout)) &&
		!asksOutright(text) && h.mayTakeRating(ctx, in) {
		// "很满意，师傅很负责", "1星，太差劲了": the rating and its comment;
		// not "满意，另外5号楼电梯又坏了" (a report of another thing) nor an
		// answer to staff about an open ticket; staff who wrote "灯泡换好
		// 了" before resolving wait for no answer (before, "非常好，5星，师
		// 傅很负责" then started a report)
		if t, ok := h.ticketAwaitingRating(ctx, in.UserID); ok {
			// a remark on the service ("服务太差了") is the whole message:
			// no other matter in it, whatever the router makes of it
			remark := remarkStars(faq.Normalize(text)) > 0
			if r := h.Router.Route(comment); remark || r.Confidence < anotherMatterConfidence || relatedCategories(r.Category, t.Category) {
				return true, h.rate(ctx, in, t, stars, typedLang(t, chosen, in), comment)
			}
		}
	}
	if !talking {
		if handled, err := h.afterSending(ctx, in, text, chosen); handled || err != nil {
			return handled, err
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

// afterSending serves what residents say about a report already sent, which
// would otherwise start a report of those words: "sorry, wrong button" (the
// report just sent offered for withdrawal, else a plain OK); its place
// corrected ("刚才说错了，是6号楼不是5号楼": offered to it); "灯亮了 谢谢"
// with the fix awaiting its rating (thanks and the rating prompt); "根本没修
// 好" or "3 days and nobody came" while the ticket is still open (offered to
// it, so staff read it).
func (h *Handler) afterSending(ctx context.Context, in Incoming, text, chosen string) (bool, error) {
	if _, awaiting, err := h.State.Get(ctx, awaitKey(in.UserID)); err != nil || awaiting {
		return false, err // details or a comment asked for: awaitedInput's
	}
	if plainGrade(text) && !h.mayTakeRating(ctx, in) {
		if _, ok := h.ticketAwaitingRating(ctx, in.UserID); ok {
			// "not bad" on the answer just given, not the fix: acknowledged
			return true, h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtOKShort.in(h.language(chosen, in))})
		}
	}
	if sentByMistake(text) {
		if t, ok := h.justSentTicket(ctx, in.UserID); ok {
			lang := h.language(chosen, in)
			return true, h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtWithdrawAsk.f(lang, t.Number(), h.categoryText(t.Category).in(lang)),
				Buttons: [][]Button{withdrawButton(t, lang)}})
		}
		return true, h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtOKShort.in(h.language(chosen, in))})
	}
	if correctsSentPlace(text) && !in.notForTicket {
		// "刚才说错了，是6号楼不是5号楼": the place of the report just sent,
		// for its staff to read (not an FAQ search, nor a second report)
		if t, ok := h.justSentTicket(ctx, in.UserID); ok {
			lang := ticketLang(t, chosen)
			return true, h.offerToTicket(ctx, in, t, chosen, txtAddToTicketAsk.f(lang, t.Number(), h.categoryText(t.Category).in(lang)))
		}
	}
	if stars := settledRating(text); stars > 0 {
		if t, ok := h.ticketAwaitingRating(ctx, in.UserID); ok && h.mayTakeRating(ctx, in) {
			return true, h.rate(ctx, in, t, stars, typedLang(t, chosen, in), "") // "fixed, great job"
		}
	}
	if settledThanks(text) {
		if t, ok := h.ticketAwaitingRating(ctx, in.UserID); ok && h.mayTakeRating(ctx, in) {
			lang := ticketLang(t, chosen)
			return true, h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtSettledRateAsk.f(lang, t.Number()), Buttons: [][]Button{ratingRow(t)}})
		}
	}
	if in.notForTicket || !disputesResolution(text) && !waitComplaint.MatchString(faq.Normalize(text)) {
		return false, nil // said not to be for a ticket: not offered again
	}
	if _, ok := h.disputedTicket(ctx, in.UserID, text); ok {
		return false, nil // a resolved ticket disputed: its reopen button (ticketMessage)
	}
	tks, err := h.Tickets.ResidentTickets(ctx, in.UserID, 20)
	if err != nil {
		return true, err
	}
	if t, ok := h.ticketWithNews(tks, text); ok {
		lang := ticketLang(t, chosen)
		return true, h.offerToTicket(ctx, in, t, chosen, txtAddToTicketAsk.f(lang, t.Number(), h.categoryText(t.Category).in(lang)))
	}
	return false, nil
}

// waitComplaint: a complaint that nobody came after a report ("I reported it
// 3 days ago and nobody came", "3天了还没人来", "报了三天了都没人来修"), news
// for staff rather than a question: the wait is told. "why is nobody
// coming" and "怎么还没人来修" ask where it stands.
var waitComplaint = regexp.MustCompile(`\b(reported|filed|sent|told you|days?|weeks?|hours?)\b.{0,40}\b(nobody|no one|noone|no body) (came|has come|turned up|showed up|has been|bothered|called)\b|` +
	`^(我|都|已经|这都|我都)?((好)?(\d+|[一二两三四五六七八九十几半]+) ?(个)?(天|日|周|星期|礼拜|月|小时|钟头)|报了|等了|报修了|反映了)[^\s]{0,10}?` +
	`(没|没有)(人(来|管|理|处理|联系|回复?)(修|看|处理|过)?|动静)(了|啊|呀|呢|吗|哦|啦)*$`)

// staffTalkAboutOpen: of the tickets staff wrote about lately (talkedAbout,
// the conversation list), one is still open, so words typed now may answer
// them. A failed lookup counts as open: the answer is not taken away.
func (h *Handler) staffTalkAboutOpen(ctx context.Context, userID int64, talkedAbout []byte) bool {
	for _, field := range strings.Fields(string(talkedAbout)) {
		id, at := conversationEntry(field, h.Now())
		if id == 0 || h.Now().Sub(at) >= conversationTTL {
			continue
		}
		t, err := h.ownTicket(ctx, userID, id)
		if errors.Is(err, errStale) {
			continue
		}
		if err != nil || t.Status.Open() {
			return true
		}
	}
	return false
}
