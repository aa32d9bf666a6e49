package handlers

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"codesk/faq"
	"codesk/storage"
	"codesk/tickets"
)

// A resident may take back a report that needs no more work ("the light
// came back on"): the ticket is resolved by them, staff are told under the
// card and its buttons go, and like any resolved ticket it can be reopened
// within the window. Typed ("撤销工单", "不用修了") it is offered as a
// button first: a typed sentence is too easily meant otherwise.

// withdrawCue asks to withdraw a sent report.
var withdrawCue = regexp.MustCompile(`(撤销|撤回|取消|删除|作废|关闭|不要了?)(这个|那个|我的|刚才的|#?\s*\d+\s*号?|[^\s，。的]{1,6}的)?(工单|报修|报告|投诉|反映)|(不要|不想|不用)(再)?投诉了|` +
	`\b(don t|do not|dont) need (the|my|this|that) (repair|ticket|report|request)( anymore| any more)?\b|` +
	`(工单|报修)(不要了|撤销|撤回|取消)|不用(修|来|处理)了|` +
	`\b(cancel|withdraw|close|delete) (my |the |this |that )?(ticket|report|complaint|request)\b|` +
	// "it's working again, cancel pls", "fixed now, you can close it"
	`\b(fixed|working|works|sorted|resolved|fine now|ok now|not needed|never ?mind|nvm|don t need)\b.{0,40}\b(cancel|withdraw|close) (it|that|this one|pls|please|plz)\b|` +
	`\b(cancel|withdraw|close) (it|that|this one)\b.{0,40}\b(fixed|working|works|sorted|resolved|fine now|ok now|not needed)\b|` +
	`\bno need (for anyone |for someone |for the plumber |for a plumber )?to come\b|` +
	// "刚刚报的不要了", "刚才报的那个撤了吧": the report named by when it was sent
	`(刚刚|刚才|之前|上次|我)(报|发|提交|反映)的(那个|这个|那条|这条|那张)?\s*(不要了|不用了|算了|撤了|撤掉|撤销|撤回|取消|作废|不算)|` +
	// "搞错了 撤回", "撤回吧": a bare withdrawal, asked while no draft waits
	`^(我)?(搞错了|弄错了|报错了|发错了|写错了|不好意思)?\s*(撤回|撤销|撤掉|撤了)(吧|了|一下)?$|` +
	`\b(i )?(reported|sent|filed) (it|that|the wrong thing) by mistake\b`)

// notWithdraw: the words deny the withdrawal ("不要关闭这个工单"), report
// someone else saying it ("物业说不用修了"), or go on with more to do
// ("师傅明天不用来了，后天下午来", "but it still leaks").
// "我不要投诉了" withdraws; "能不能不要投诉了", "别投诉" ask someone else not
// to, "物业让我不要投诉了" tells of being asked, "再不来修就…" threatens.
var notWithdraw = regexp.MustCompile(`(不要|别|请勿|不能|不可以|不准|能不能不要)(再)?(关闭|取消|撤销|撤回|删除|关)|(别|请勿|不能|不可以|不准|能不能不要|能不能别|可不可以不要)(再)?投诉|说(的)?(不用|不要|取消)|(让|叫|要|劝)(我|他|她|我们|他们)(不要|别|不用)|再不.{0,8}就|` +
	`可是|但是|还在|还没|还是|后天|改天|下次|明天|今天|上午|下午|晚上|周[一二三四五六日天末]|礼拜|点(钟)?(再)?来|\b(don t|do not|dont|not|never) (close|cancel|withdraw|delete)\b|\bbut\b|\bstill\b|\b(tomorrow|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|` +
	// a fault told ("isn't working, someone has to close it by hand")
	`\b(not|isn t|isnt|doesn t|doesnt|don t|dont|never|no longer|stopped) (working|work|works|fixed|closing)\b|\bbroken\b|` +
	// an emergency is no withdrawal ("no need for anyone to come, it's an emergency, send someone now")
	`\b(emergency|urgent|asap|send (someone|somebody)|right now)\b|紧急|快来|赶紧`)

// workingAgain: the reason given for a withdrawal ("灯已经好了", "the light
// works again"), which the router may read as a fault.
var workingAgain = regexp.MustCompile(`好了|亮了|修好|没事|不漏了|通了|恢复|\b(works|working|fixed|sorted|fine|ok|okay|back on)\b`)

// namesTicket: the words name a ticket outright ("撤销工单", "cancel my
// ticket", "#1"), as a message that is an answer to staff would not.
var namesTicket = regexp.MustCompile(`工单|报修|单子|#\s*\d|\d+\s*号工单|\b(ticket|report|complaint|request)\b`)

// withdrawnTickets are the open tickets a withdraw request may mean: the
// one it names (by number, or clearly by subject), else every open one,
// newest first (at most maxWithdrawChoices), for the resident to pick.
func (h *Handler) withdrawnTickets(ctx context.Context, userID int64, text string) []tickets.Ticket {
	s := faq.Normalize(text)
	n := namedTicketNumber(text)
	if !withdrawCue.MatchString(s) || notWithdraw.MatchString(s) || (asksOutright(text) && n == "") {
		// "我怎么取消报告" asks how: the FAQ's, unless a ticket is named
		return nil
	}
	if rest := strings.TrimSpace(withdrawCue.ReplaceAllString(s, " ")); h.Router.DescribesProblem(rest) && !workingAgain.MatchString(rest) {
		// "之前报的算了 现在3号楼电梯又坏了": a new fault told, which must
		// not be lost behind an offer to withdraw
		return nil
	}
	tks, err := h.Tickets.ResidentTickets(ctx, userID, 20)
	if err != nil {
		h.Log.Warn("list resident tickets for a withdrawal", "err", err)
		return nil
	}
	var open []tickets.Ticket
	for _, t := range tks { // newest first
		if t.Status.Open() {
			open = append(open, t)
		}
	}
	if n != "" {
		for _, t := range open {
			if strconv.FormatInt(t.ID, 10) == n {
				return []tickets.Ticket{t}
			}
		}
		return nil // a number not theirs or not open: no guess
	}
	// "路灯不用修了": the open ticket about that; "不用修了" names none
	// ("修" alone reads as a repair, any repair)
	if r := h.Router.Route(text); r.Confidence >= clearlyAnotherConfidence {
		for _, t := range open {
			if t.Category == r.Category {
				return []tickets.Ticket{t}
			}
		}
	}
	return open[:min(len(open), maxWithdrawChoices)]
}

const maxWithdrawChoices = 3

// ticketNumber is "#12", "ticket 12", "ticket no. 12" or "工单12" in a
// message.
var ticketNumber = regexp.MustCompile(`(?i)#\s*(\d+)|(?:工单|ticket|report)\s*(?:号|no\.?|number)?\s*[:：]?\s*#?\s*(\d+)(?:\s*(?:楼|层|次|单元|times?|floor))?|(\d+)\s*号\s*(?:工单|报修)`)

// namedTicketNumber is the ticket number text names, or "".
func namedTicketNumber(text string) string {
	m := ticketNumber.FindStringSubmatch(text)
	if m == nil {
		return ""
	}
	// the pattern takes a unit after "工单 3" along: "工单 3楼的灯", "report 2
	// times" name a floor or a count, no ticket
	if last, _ := utf8.DecodeLastRuneInString(strings.ToLower(m[0])); m[2] != "" && strings.ContainsRune("楼层次元sr", last) {
		return ""
	}
	for _, g := range m[1:] {
		if g != "" {
			return g
		}
	}
	return ""
}

func withdrawButton(t tickets.Ticket, lang string) []Button {
	return []Button{{Text: txtBtnWithdraw.in(lang), Data: "r:withdraw:" + strconv.FormatInt(t.ID, 10)}}
}

// withdraw resolves an open ticket at its resident's request.
func (h *Handler) withdraw(ctx context.Context, in Incoming, t tickets.Ticket, lang string) error {
	chat, chatOK := h.staffChat(t.Party)
	card := h.cardRef(ctx, t.ID, chat)
	escChat, escCard := h.escalationRef(ctx, t)
	now := h.Now()
	key := keyEvent(t.ID, nonce(in), "withdrawn")
	updated, err := h.Tickets.UpdateTicket(ctx, t.ID, func(cur tickets.Ticket) (tickets.Ticket, []tickets.Event, []storage.OutboxMessage, error) {
		switch {
		case cur.ResidentID != in.UserID:
			return cur, nil, nil, errNotYours
		case !cur.Status.Open():
			return cur, nil, nil, errNotOpen
		}
		ev := statusEvent(cur, tickets.StatusResolved, in, now)
		ev.Text = tickets.WithdrawnNote
		cur.Status, cur.UpdatedAt = tickets.StatusResolved, now
		var msgs []storage.OutboxMessage
		note := fmt.Sprintf(staffResidentWithdrew, cur.Number())
		if chatOK {
			msgs = append(msgs, storage.OutboxMessage{Key: key, ChatID: chat, Text: note, ReplyTo: card,
				TicketID: cur.ID, Purpose: purposeNotice, CreatedAt: now})
		}
		if escChat != 0 && escChat != chat {
			msgs = append(msgs, storage.OutboxMessage{Key: key + ":desk", ChatID: escChat, Text: note, ReplyTo: escCard,
				TicketID: cur.ID, Purpose: purposeNotice, CreatedAt: now})
		}
		return cur, []tickets.Event{ev}, msgs, nil
	})
	switch {
	case errors.Is(err, errNotOpen):
		h.ack(ctx, in, txtTicketNotOpen.f(lang, t.Number(), t.Status.Name(lang)))
		return nil
	case errors.Is(err, errNotYours):
		return errStale
	case err != nil:
		return fmt.Errorf("withdraw ticket %d: %w", t.ID, err)
	}
	// then closed: nothing to rate (a typed "5星" is not for it), still
	// reopenable within the window
	closed, err := h.Tickets.UpdateTicket(ctx, t.ID, func(cur tickets.Ticket) (tickets.Ticket, []tickets.Event, []storage.OutboxMessage, error) {
		if cur.Status != tickets.StatusResolved {
			return cur, nil, nil, nil
		}
		ev := statusEvent(cur, tickets.StatusClosed, in, now)
		ev.Text = tickets.WithdrawnNote
		cur.Status = tickets.StatusClosed
		return cur, []tickets.Event{ev}, nil, nil
	})
	if err != nil {
		h.Log.Warn("close a withdrawn ticket", "ticket", t.ID, "err", err) // resolved is fine too
	} else {
		updated = closed
	}
	h.ack(ctx, in, "")
	h.redrawOtherCards(ctx, Incoming{}, updated) // no claim or resolve buttons on a withdrawn ticket
	return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtWithdrawn.f(lang, updated.Number())})
}

// reopenCue asks to reopen a resolved report.
var reopenCue = regexp.MustCompile(`(重新打开|重开|再打开|重新处理)(这个|那个|我的|刚才的|#?\s*\d+\s*号?)?(工单|报修|报告|投诉)|(工单|报修)\s*#?\s*\d*\s*号?\s*(重新打开|重开)|` +
	`\breopen (my |the |this |that |it\b|#?\d)|\b(reopen|re open) (ticket|report|complaint)|^(please )?reopen\b`)

// reopenedTicket is the reopenable ticket a reopen request names: its
// number, else the one of the category it names, else the one resolved last.
func (h *Handler) reopenedTicket(ctx context.Context, userID int64, text string) (tickets.Ticket, bool) {
	if !reopenCue.MatchString(faq.Normalize(text)) {
		return tickets.Ticket{}, false
	}
	// "when does the pool reopen?" matched no object above; "发票可以重开
	// 吗" neither
	tks, err := h.Tickets.ResidentTickets(ctx, userID, 20)
	if err != nil {
		h.Log.Warn("list resident tickets for a reopen", "err", err)
		return tickets.Ticket{}, false
	}
	now := h.Now()
	n := namedTicketNumber(text)
	r := h.Router.Route(text)
	var latest, about *tickets.Ticket
	for i, t := range tks {
		if !t.CanReopen(now) {
			continue
		}
		if n != "" {
			if strconv.FormatInt(t.ID, 10) == n {
				return t, true
			}
			continue
		}
		if latest == nil || t.ResolvedAt.After(*latest.ResolvedAt) {
			latest = &tks[i]
		}
		if r.Confidence >= anotherMatterConfidence && t.Category == r.Category && (about == nil || t.ResolvedAt.After(*about.ResolvedAt)) {
			about = &tks[i]
		}
	}
	switch {
	case about != nil:
		return *about, true
	case latest != nil:
		return *latest, true
	}
	return tickets.Ticket{}, false
}

// mistakeRun: a message made only of words that take back what was just
// sent or wave it away ("never mind, forget it", "oops wrong button",
// "sorry wrong chat", "搞错了 弗要报了", "弗要修了 已经好了"); mistakeCore
// must be among them (a bare "sorry" or "搞错了" says too little).
var (
	mistakeRun = regexp.MustCompile(`^((oops|sorry|my bad|ah|oh|pls|please|never ?mind|nvm|forget it|forget about it|ignore (that|this|it|me)|disregard (that|this)|` +
		`wrong (button|chat|person|group|number|one|place|message)|(i )?(sent|pressed|tapped|clicked) (it |that |this )?(by mistake|wrongly)|` +
		`搞错了|弄错了|发错了|发错人了|按错了|点错了|打错了|报错了|不好意思|对不起|算了|(弗|不|勿|覅)要?(报|修)了|不用(报|修)了|已经好了|好了|没事了)\s*)+$`)
	mistakeCore = regexp.MustCompile(`never ?mind|nvm|forget (about )?it|ignore (that|this|it|me)|disregard|wrong (button|chat|person|group|number|one|place|message)|` +
		`by mistake|wrongly|发错|按错|点错|打错|报错|(弗|不|勿|覅)要?(报|修)了|不用(报|修)了`)
)

// sentByMistake reports text that takes back or waves away what was sent.
func sentByMistake(text string) bool {
	s := strings.TrimSpace(faq.Normalize(text))
	return mistakeRun.MatchString(s) && mistakeCore.MatchString(s)
}

// justSentTicket is the resident's newest ticket when it is open and was
// sent within placeAfterReport: what "sorry, wrong button" takes back.
func (h *Handler) justSentTicket(ctx context.Context, userID int64) (tickets.Ticket, bool) {
	tks, err := h.Tickets.ResidentTickets(ctx, userID, 1)
	if err != nil {
		h.Log.Warn("list resident tickets for a mistake", "err", err)
		return tickets.Ticket{}, false
	}
	if len(tks) == 0 || !tks[0].Status.Open() || h.Now().Sub(tks[0].CreatedAt) > placeAfterReport {
		return tickets.Ticket{}, false
	}
	return tks[0], true
}
