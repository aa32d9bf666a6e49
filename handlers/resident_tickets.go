package handlers

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"codesk/faq"
	"codesk/parties"
	"codesk/storage"
	"codesk/tickets"
)

// Refusals inside ticket changes; they abort the change and become a notice.
var (
	errNotYours     = errors.New("ticket belongs to another resident")
	errNotOpen      = errors.New("ticket is not open")
	errAlreadyRated = errors.New("ticket already rated")
	errNotRatable   = errors.New("ticket not resolved")
	errMoved        = errors.New("ticket moved to another party meanwhile")
	errAlreadyThere = errors.New("ticket already with that party")
)

// awaited is input the resident was asked for: details for a ticket, or a
// comment after rating it.
type awaited struct {
	Kind     string `json:"kind"` // awaitDetails | awaitComment
	TicketID int64  `json:"ticket_id"`
}

const (
	awaitDetails = "details"
	awaitComment = "comment"
	awaitTTL     = 15 * time.Minute
	myTicketsMax = 10
)

func awaitKey(userID int64) string { return fmt.Sprintf("await:%d", userID) }

func (h *Handler) setAwait(ctx context.Context, userID int64, a awaited) error {
	data, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("encode awaited input: %w", err)
	}
	if err := h.State.Set(ctx, awaitKey(userID), data, awaitTTL); err != nil {
		return fmt.Errorf("save awaited input of %d: %w", userID, err)
	}
	h.forgetStaffAsked(ctx, userID)
	return nil
}

// awaitedInput consumes a message the resident was asked for. Photos keep
// the wait open (an album arrives as several messages); text ends it.
func (h *Handler) awaitedInput(ctx context.Context, in Incoming, chosen string) (bool, error) {
	data, ok, err := h.State.Get(ctx, awaitKey(in.UserID))
	if err != nil || !ok {
		return false, err
	}
	var a awaited
	if err := json.Unmarshal(data, &a); err != nil {
		return false, fmt.Errorf("decode awaited input: %w", err)
	}
	if in.Kind != TextMessage && in.Kind != PhotoMessage {
		return false, nil
	}
	if a.Kind != awaitComment && in.Kind == TextMessage && asksOutright(in.Text) && h.FAQ.Match(in.Text).ID != "" {
		// a question the FAQ answers ("when is the desk open?") is answered;
		// the details the resident meant to add may still come next
		return false, nil
	}
	if in.Kind == TextMessage || a.Kind == awaitComment {
		if err := h.State.Delete(ctx, awaitKey(in.UserID)); err != nil {
			return true, fmt.Errorf("clear awaited input: %w", err)
		}
	}
	if strings.TrimSpace(in.Text) == "" && len(in.PhotoIDs) == 0 {
		return false, nil
	}
	t, err := h.ownTicket(ctx, in.UserID, a.TicketID)
	if errors.Is(err, errStale) {
		return false, nil
	}
	if err != nil {
		return true, err
	}
	if a.Kind == awaitDetails && in.Kind == TextMessage && cancelWords[replyWord(in.Text)] {
		// "算了" after "add details": nothing to add, nothing passed on
		return true, h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtNothingAdded.f(ticketLang(t, chosen), t.Number())})
	}
	if a.Kind == awaitDetails && in.Kind == TextMessage && h.unrelatedReport(t, in.Text) {
		// "the gym door is broken" while details for the lift ticket were
		// awaited (a question came between): a report of its own
		return false, nil
	}
	if a.Kind == awaitComment {
		lang := typedLang(t, chosen, in) // "it took too long" on a Chinese ticket: thanked in English
		if typedRating(in.Text) > 0 && !plainGrade(in.Text) {
			// "5星" after tapping 3: the rating stands; no comment to pass on
			return true, h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtAlreadyRated.in(lang)})
		}
		if noComment.MatchString(faq.Normalize(in.Text)) {
			// the button's words typed: nothing to pass on
			return true, h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtThanks.in(lang)})
		}
		if in.Kind != TextMessage || h.commentAsksTheFAQ(in.Text) || h.notAComment(t, in.Text) {
			// The comment is optional: a question the FAQ answers is a
			// question, not a comment.
			return false, nil
		}
		return true, h.rateComment(ctx, in, t, lang)
	}
	return true, h.addDetails(ctx, in, t, chosen)
}

// residentReply adds a resident's reply to one of our ticket messages to
// that ticket; handled is false when the replied-to message is no ticket of
// theirs.
func (h *Handler) residentReply(ctx context.Context, in Incoming, chosen string) (bool, error) {
	t, purpose, err := h.Tickets.TicketByMessage(ctx, in.ChatID, in.ReplyTo)
	if errors.Is(err, storage.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return true, fmt.Errorf("ticket of message %d: %w", in.ReplyTo, err)
	}
	if purpose != purposeResident || t.ResidentID != in.UserID {
		return false, nil
	}
	if strings.TrimSpace(in.Text) == "" && len(in.PhotoIDs) == 0 {
		return false, nil
	}
	if body := strings.TrimSpace(in.Text); !t.Status.Open() && in.Kind == TextMessage && !disputesResolution(body) && !h.complains(body) {
		// "好的，谢谢！保修卡在哪里领？" under a resolved ticket's message: a
		// question, thanks or a rating, handled as if written on its own
		in.ReplyTo = 0
		var replyLang string
		return true, h.handlePrivate(ctx, in, &replyLang)
	}
	return true, h.addDetails(ctx, in, t, chosen)
}

// ownTicket loads a ticket of this resident; another resident's ticket is
// as unknown as a missing one (errStale), so nothing leaks.
func (h *Handler) ownTicket(ctx context.Context, userID, id int64) (tickets.Ticket, error) {
	if id <= 0 {
		return tickets.Ticket{}, errStale
	}
	t, err := h.Tickets.Ticket(ctx, id)
	if errors.Is(err, storage.ErrNotFound) {
		return tickets.Ticket{}, errStale
	}
	if err != nil {
		return tickets.Ticket{}, fmt.Errorf("load ticket %d: %w", id, err)
	}
	if t.ResidentID != userID {
		h.Log.Warn("resident refused access to another resident's ticket", "user_id", userID, "ticket", id)
		return tickets.Ticket{}, errStale
	}
	return t, nil
}

func ticketLang(t tickets.Ticket, chosen string) string {
	if chosen == "zh" || chosen == "en" {
		return chosen
	}
	if t.Lang == "en" {
		return "en"
	}
	return "zh"
}

// addDetails appends the resident's text or photo to an open ticket and
// relays it to the party's chat, as a reply to the card when known. An
// answer to staff puts a waiting ticket back to claimed.
func (h *Handler) addDetails(ctx context.Context, in Incoming, t tickets.Ticket, chosen string) error {
	lang := ticketLang(t, chosen)
	if !t.Status.Open() {
		if body := strings.TrimSpace(in.Text); body != "" && t.CanReopen(h.Now()) &&
			(disputesResolution(body) || h.complains(body)) {
			// "你们根本没来修" as a reply to a resolved ticket: kept for the
			// reopen, as a typed dispute is
			h.holdDispute(ctx, in, t.ID, body)
		}
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtTicketNotOpen.f(lang, t.Number(), t.Status.Name(lang)),
			Buttons: reopenButtons(t, lang, h.Now())})
	}
	body := strings.TrimSpace(in.Text)
	var photos []string
	if len(in.PhotoIDs) > 0 {
		photos = []string{in.PhotoIDs[len(in.PhotoIDs)-1]}
	}
	if n := runeLen(body); n > MaxQuestionRunes {
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtTooLong.f(lang, n, MaxQuestionRunes)})
	}
	// a party that got a chat of its own since gets the card there first,
	// so the words arrive where someone can act on them (before the update:
	// the card's history is then without them, relayed after it)
	h.ensureOwnCard(ctx, t)
	chat, _ := h.staffChat(t.Party)
	replyTo := h.cardRef(ctx, t.ID, chat)
	deskChat, deskRef := h.escalationRef(ctx, t)
	relayed := h.withTranslation(ctx, in.UserID, body, "zh", t.ID) // staff read Chinese
	key := keyEvent(t.ID, nonce(in), "resident")
	now := h.Now()
	updated, err := h.Tickets.UpdateTicket(ctx, t.ID, func(cur tickets.Ticket) (tickets.Ticket, []tickets.Event, []storage.OutboxMessage, error) {
		if cur.ResidentID != in.UserID {
			return cur, nil, nil, errNotYours
		}
		if !cur.Status.Open() {
			return cur, nil, nil, errNotOpen
		}
		evs := []tickets.Event{{TicketID: cur.ID, Kind: tickets.EventResidentMessage, ActorID: in.UserID, Actor: in.UserName,
			Text: body, PhotoIDs: photos, At: now}}
		if cur.Status == tickets.StatusWaiting {
			evs = append(evs, statusEvent(cur, tickets.StatusClaimed, in, now))
			cur.Status = tickets.StatusClaimed
		}
		cur.UpdatedAt = now
		// The party may have changed since t was read: relay to the current one.
		var msgs []storage.OutboxMessage
		if c, ok := h.staffChat(cur.Party); ok {
			rt := 0
			if c == chat {
				rt = replyTo
			}
			msgs = relayToStaff(cur, c, rt, key, relayed, photos)
			if cur.EscalatedAt != nil && deskChat != 0 && deskChat != c {
				// the desk may be working on it: it hears the answer too
				msgs = append(msgs, relayToStaff(cur, deskChat, deskRef, key+":desk", relayed, photos)...)
			}
		}
		return cur, evs, msgs, nil
	})
	switch {
	case errors.Is(err, errNotOpen):
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtTicketNotOpen.f(lang, t.Number(), t.Status.Name(lang))})
	case errors.Is(err, errNotYours):
		h.Log.Warn("resident refused adding to another resident's ticket", "user_id", in.UserID, "ticket", t.ID)
		return nil
	case err != nil:
		return fmt.Errorf("add details to ticket %d: %w", t.ID, err)
	}
	if updated.Status != t.Status {
		// "waiting for the resident" no more: the cards say so
		h.redrawOtherCards(ctx, Incoming{}, updated)
	}
	return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtDetailsAdded.f(lang, updated.Number(), h.passedTo(updated, deskChat, lang))})
}

// escalationRef is the desk's chat while the desk may act on t as an
// escalation, and the message id of t's escalation card there (0 when none
// was sent); chat 0 when it may not (escalationCard). For notices to the
// desk: a failed look-up only loses the reply-to.
func (h *Handler) escalationRef(ctx context.Context, t tickets.Ticket) (chat int64, msg int) {
	chat, msg, err := h.escalationCard(ctx, t)
	if err != nil {
		h.Log.Warn("find escalation card", "ticket", t.ID, "err", err)
	}
	return chat, msg
}

// myTickets lists the resident's own tickets, newest first.
func (h *Handler) myTickets(ctx context.Context, in Incoming, lang string) error {
	list, err := h.Tickets.ResidentTickets(ctx, in.UserID, myTicketsMax)
	if err != nil {
		return fmt.Errorf("tickets of %d: %w", in.UserID, err)
	}
	// a report written and not sent is no ticket, but the resident asking
	// for theirs must not think it gone (or sent)
	d, waiting, err := h.loadDraft(ctx, in.UserID)
	if err != nil {
		return err
	}
	waiting = waiting && d.active() && (strings.TrimSpace(d.Text) != "" || len(d.PhotoIDs) > 0)
	var draftLine string
	var draftRow []Button
	if waiting {
		what := clip(strings.ReplaceAll(d.Text, "\n", " "), 40)
		if what == "" {
			what = txtPreviewPhotos.f(lang, len(d.PhotoIDs))
		}
		draftLine = txtMyTicketsDraft.f(lang, what)
		draftRow = []Button{{Text: txtBtnOpenDraft.in(lang), Data: "c:show:" + d.ID}}
	}
	if len(list) == 0 {
		if waiting {
			return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtMyTicketsNone.in(lang) + "\n" + draftLine, Buttons: [][]Button{draftRow}})
		}
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtMyTicketsNone.in(lang),
			Buttons: [][]Button{{{Text: txtMenuConcern.in(lang), Data: "m:concern"}}}})
	}
	var b strings.Builder
	b.WriteString(txtMyTicketsHead.f(lang, len(list)))
	var rows [][]Button
	var row []Button
	for _, t := range list {
		b.WriteString("\n")
		b.WriteString(txtTicketLine.f(lang, t.Number(), t.Status.Name(lang), h.categoryText(t.Category).in(lang),
			parties.Name(t.Party, lang), clip(strings.ReplaceAll(t.Text, "\n", " "), 40)))
		row = append(row, Button{Text: t.Number() + " " + txtBtnDetails.in(lang), Data: "r:show:" + strconv.FormatInt(t.ID, 10)})
		if len(row) == 3 {
			rows, row = append(rows, row), nil
		}
	}
	if len(row) > 0 {
		rows = append(rows, row)
	}
	if waiting {
		b.WriteString("\n\n" + draftLine)
		rows = append(rows, draftRow)
	}
	return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: b.String(), Buttons: rows})
}

// residentCallback serves "r:<action>:<ticketID>[:<n>]" presses; every one
// checks the ticket is the presser's own.
func (h *Handler) residentCallback(ctx context.Context, in Incoming, rest, chosen string) error {
	action, args, _ := strings.Cut(rest, ":")
	idText, extra, _ := strings.Cut(args, ":")
	id, err := strconv.ParseInt(idText, 10, 64)
	if err != nil {
		return errStale
	}
	t, err := h.ownTicket(ctx, in.UserID, id)
	if err != nil {
		return err
	}
	lang := ticketLang(t, chosen)
	switch action {
	case "show":
		h.ack(ctx, in, "")
		return h.showTicket(ctx, in, t, lang)
	case "add":
		if !t.Status.Open() {
			h.ack(ctx, in, txtTicketNotOpen.f(lang, t.Number(), t.Status.Name(lang)))
			return nil
		}
		h.ack(ctx, in, "")
		if err := h.setAwait(ctx, in.UserID, awaited{Kind: awaitDetails, TicketID: t.ID}); err != nil {
			return err
		}
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtAskDetails.f(lang, parties.InSentence(t.Party, lang))})
	case "rate":
		stars, err := strconv.Atoi(extra)
		if err != nil || stars < 1 || stars > 5 {
			return errStale
		}
		return h.rate(ctx, in, t, stars, lang, "")
	case "nocomment":
		h.ack(ctx, in, txtThanks.in(lang))
		if err := h.State.Delete(ctx, awaitKey(in.UserID)); err != nil {
			return fmt.Errorf("clear awaited input: %w", err)
		}
		return nil
	case "reopen":
		return h.reopen(ctx, in, t, lang)
	case "withdraw":
		return h.withdraw(ctx, in, t, lang)
	case "conv":
		return h.followUpChoice(ctx, in, t.ID, extra, chosen)
	}
	return errStale
}

func (h *Handler) showTicket(ctx context.Context, in Incoming, t tickets.Ticket, lang string) error {
	events, err := h.Tickets.TicketEvents(ctx, t.ID)
	if err != nil {
		return fmt.Errorf("history of ticket %d: %w", t.ID, err)
	}
	var b strings.Builder
	b.WriteString(txtTicketDetails.f(lang, t.Number(), t.Status.Name(lang), h.categoryText(t.Category).in(lang),
		parties.Name(t.Party, lang), h.localTime(t.CreatedAt).Format(layoutDateTime), t.Text))
	if t.Location != "" {
		b.WriteString("\n" + txtPreviewLocation.f(lang, t.Location))
	}
	if t.Rating > 0 {
		b.WriteString("\n" + strings.Repeat("⭐", t.Rating))
	}
	if len(events) > 0 {
		b.WriteString("\n\n" + txtHistoryHead.in(lang))
		party := firstParty(t, events)
		for i, e := range events {
			if e.Kind == tickets.EventStatus && e.ToStatus == tickets.StatusNew && i > 0 && events[i-1].Kind == tickets.EventReassigned {
				continue // "passed to …" says it; "in progress → new" is bookkeeping
			}
			if line := eventLine(e, party, lang); line != "" {
				b.WriteString("\n• " + h.localTime(e.At).Format(layoutMonthTime) + " " + line)
			}
			if e.Kind == tickets.EventReassigned {
				party = e.ToParty
			}
		}
	}
	var rows [][]Button
	if t.Status.Open() {
		rows = append(rows, []Button{{Text: txtBtnAddDetails.in(lang), Data: "r:add:" + strconv.FormatInt(t.ID, 10)}}, withdrawButton(t, lang))
	}
	if t.Status == tickets.StatusResolved && t.Rating == 0 {
		rows = append(rows, ratingRow(t))
	}
	rows = append(rows, reopenButtons(t, lang, h.Now())...)
	return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: clip(b.String(), maxMessageRunes), Buttons: rows})
}

// firstParty is the party a ticket started with: the first move's origin,
// or its party when it never moved.
func firstParty(t tickets.Ticket, events []tickets.Event) parties.ID {
	for _, e := range events {
		if e.Kind == tickets.EventReassigned {
			return e.FromParty
		}
	}
	return t.Party
}

// eventLine is a history row as the resident sees it: no staff names, the
// party that had the ticket at the time.
func eventLine(e tickets.Event, party parties.ID, lang string) string {
	zh := lang != "en"
	short := clip(strings.ReplaceAll(e.Text, "\n", " "), 80)
	photo := ""
	if len(e.PhotoIDs) > 0 {
		photo = map[bool]string{true: "[照片]", false: " [photo]"}[zh]
		if short == "" {
			photo = strings.TrimSpace(photo)
		}
	}
	switch e.Kind {
	case tickets.EventCreated:
		return map[bool]string{true: "提交", false: "sent"}[zh]
	case tickets.EventStatus:
		return fmt.Sprintf("%s → %s", e.FromStatus.Name(lang), e.ToStatus.Name(lang))
	case tickets.EventReassigned:
		return map[bool]string{true: "转给", false: "passed to "}[zh] + parties.Name(e.ToParty, lang)
	case tickets.EventStaffMessage:
		if e.FromParty != "" {
			party = e.FromParty // the desk wrote it, not the ticket's party
		}
		return parties.Name(party, lang) + ": " + short + photo
	case tickets.EventResidentMessage:
		return map[bool]string{true: "您补充：", false: "you added: "}[zh] + short + photo
	case tickets.EventRated:
		if e.Text != "" {
			return map[bool]string{true: "您的评价：", false: "your comment: "}[zh] + short
		}
		return map[bool]string{true: "您评了分", false: "you rated it"}[zh]
	case tickets.EventEscalated:
		return map[bool]string{true: "已催办", false: "escalated"}[zh]
	case tickets.EventStaffNote:
		return "" // among staff only: never shown to the resident
	}
	return ""
}

func ratingRow(t tickets.Ticket) []Button {
	id := strconv.FormatInt(t.ID, 10)
	row := make([]Button, 5)
	for i := range row {
		n := strconv.Itoa(i + 1)
		row[i] = Button{Text: n + "⭐", Data: "r:rate:" + id + ":" + n}
	}
	return row
}

func reopenButtons(t tickets.Ticket, lang string, now time.Time) [][]Button {
	if !t.CanReopen(now) {
		return nil
	}
	label := txtBtnReopen
	if t.Category == QuestionCategory {
		label = txtBtnAskAgain
	}
	return [][]Button{{{Text: label.in(lang), Data: "r:reopen:" + strconv.FormatInt(t.ID, 10)}}}
}

// ackButtons go with the confirmation of a new ticket.
func ackButtons(t tickets.Ticket, lang string) [][]Button {
	id := strconv.FormatInt(t.ID, 10)
	return [][]Button{{
		{Text: txtBtnAddDetails.in(lang), Data: "r:add:" + id},
		{Text: txtBtnDetails.in(lang), Data: "r:show:" + id},
	}}
}

// rate stores a 1-5 rating, which closes a resolved ticket, and tells the
// party's chat; a comment typed with the stars ("1星，太差劲了") is passed
// on at once, else an optional one is invited.
func (h *Handler) rate(ctx context.Context, in Incoming, t tickets.Ticket, stars int, lang, comment string) error {
	chat, chatOK := h.staffChat(t.Party)
	replyTo := h.cardRef(ctx, t.ID, chat)
	key := keyEvent(t.ID, nonce(in), "rated")
	now := h.Now()
	rated, err := h.Tickets.UpdateTicket(ctx, t.ID, func(cur tickets.Ticket) (tickets.Ticket, []tickets.Event, []storage.OutboxMessage, error) {
		switch {
		case cur.ResidentID != in.UserID:
			return cur, nil, nil, errNotYours
		case cur.Rating != 0:
			return cur, nil, nil, errAlreadyRated
		case cur.Status != tickets.StatusResolved && cur.Status != tickets.StatusClosed:
			return cur, nil, nil, errNotRatable
		}
		evs := []tickets.Event{{TicketID: cur.ID, Kind: tickets.EventRated, ActorID: in.UserID, Actor: in.UserName, At: now}}
		if cur.Status == tickets.StatusResolved {
			evs = append(evs, statusEvent(cur, tickets.StatusClosed, in, now))
			cur.Status = tickets.StatusClosed
		}
		cur.Rating, cur.UpdatedAt = stars, now
		var msgs []storage.OutboxMessage
		if chatOK {
			msgs = append(msgs, storage.OutboxMessage{Key: key, ChatID: chat, Text: fmt.Sprintf(staffResidentRated, cur.Number(), stars),
				ReplyTo: replyTo, TicketID: cur.ID, Purpose: purposeNotice})
		}
		return cur, evs, msgs, nil
	})
	switch {
	case errors.Is(err, errAlreadyRated):
		h.ack(ctx, in, txtAlreadyRated.in(lang))
		return nil
	case errors.Is(err, errNotRatable):
		h.ack(ctx, in, txtCannotRateYet.in(lang))
		return nil
	case errors.Is(err, errNotYours):
		return errStale
	case err != nil:
		return fmt.Errorf("rate ticket %d: %w", t.ID, err)
	}
	h.ack(ctx, in, "")
	if comment != "" {
		in.Text = comment
		return h.rateComment(ctx, in, rated, lang)
	}
	thanks, thanksOnly := txtRateThanks, txtRateThanksOnly
	var reopen [][]Button
	if stars <= 2 {
		// a poor rating is no cheerful moment; the fault may still be there
		thanks, thanksOnly = txtRateLow, txtRateLowOnly
		reopen = reopenButtons(rated, lang, now)
	}
	if d, ok, _ := h.loadDraft(ctx, in.UserID); h.staffAskedLast(ctx, in.UserID) || (ok && d.active()) {
		// staff asked something (on another ticket) still unanswered, or a
		// report is being written: the next message is more likely that
		// answer or more of the report than a comment on this one
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: thanksOnly.f(lang, stars), Buttons: reopen})
	}
	if err := h.setAwait(ctx, in.UserID, awaited{Kind: awaitComment, TicketID: t.ID}); err != nil {
		return err
	}
	return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: thanks.f(lang, stars),
		Buttons: append([][]Button{{{Text: txtBtnNoComment.in(lang), Data: "r:nocomment:" + strconv.FormatInt(t.ID, 10)}}}, reopen...)})
}

// rateComment stores the optional comment after a rating and relays it.
func (h *Handler) rateComment(ctx context.Context, in Incoming, t tickets.Ticket, chosen string) error {
	lang := ticketLang(t, chosen)
	body := clip(strings.TrimSpace(in.Text), MaxQuestionRunes)
	chat, chatOK := h.staffChat(t.Party)
	replyTo := h.cardRef(ctx, t.ID, chat)
	key := keyEvent(t.ID, nonce(in), "comment")
	now := h.Now()
	_, err := h.Tickets.UpdateTicket(ctx, t.ID, func(cur tickets.Ticket) (tickets.Ticket, []tickets.Event, []storage.OutboxMessage, error) {
		if cur.ResidentID != in.UserID {
			return cur, nil, nil, errNotYours
		}
		evs := []tickets.Event{{TicketID: cur.ID, Kind: tickets.EventRated, ActorID: in.UserID, Actor: in.UserName, Text: body, At: now}}
		var msgs []storage.OutboxMessage
		if chatOK {
			msgs = append(msgs, storage.OutboxMessage{Key: key, ChatID: chat, Text: clip(fmt.Sprintf(staffResidentRemark, cur.Number(), body), maxMessageRunes),
				ReplyTo: replyTo, TicketID: cur.ID, Purpose: purposeNotice})
		}
		return cur, evs, msgs, nil
	})
	if err != nil {
		return fmt.Errorf("comment on ticket %d: %w", t.ID, err)
	}
	thanks := OutMessage{ChatID: in.ChatID, Text: txtCommentThanks.f(lang, parties.InSentence(t.Party, lang))}
	if (disputesResolution(body) || (t.Rating > 0 && t.Rating <= 2)) && t.CanReopen(now) {
		// "nobody came, they just closed it": passing it on is not enough
		thanks.Text += "\n" + txtCommentDisputes.in(lang)
		thanks.Buttons = reopenButtons(t, lang, now)
	}
	return h.send(ctx, thanks)
}

// reopen puts a resolved ticket back to its party within the reopen window:
// a fresh card goes to the party's chat and the resident may add what is
// still wrong.
func (h *Handler) reopen(ctx context.Context, in Incoming, t tickets.Ticket, lang string) error {
	now := h.Now()
	if !t.CanReopen(now) {
		if t.Status.Open() {
			h.ack(ctx, in, txtCannotReopen.in(lang))
		} else {
			h.ack(ctx, in, txtReopenTooLate.in(lang))
		}
		return nil
	}
	chat, chatOK := h.staffChat(t.Party)
	n := nonce(in)
	cat := h.categoryText(t.Category)
	// what the resident said was wrong goes on the new card, in the same
	// update: threaded under it, and stored before it is forgotten
	dispute, disputed, err := h.heldDispute(ctx, in.UserID, t.ID)
	if err != nil {
		return err // the reopen would go without what the resident said was wrong
	}
	var reason string
	if disputed {
		reason = fmt.Sprintf(staffCardReopenReason, h.withTranslation(ctx, in.UserID, dispute.Text, "zh", t.ID))
	}
	// what was said and who had it: whoever is on duty now reads it there
	before, err := h.reopenedCardOf(ctx, t, chat)
	if err != nil {
		return err
	}
	updated, err := h.Tickets.UpdateTicket(ctx, t.ID, func(cur tickets.Ticket) (tickets.Ticket, []tickets.Event, []storage.OutboxMessage, error) {
		if cur.ResidentID != in.UserID {
			return cur, nil, nil, errNotYours
		}
		if !cur.CanReopen(now) {
			return cur, nil, nil, errNotOpen
		}
		if err := tickets.CheckTransition(cur.Status, tickets.StatusReopened); err != nil {
			return cur, nil, nil, err
		}
		evs := []tickets.Event{statusEvent(cur, tickets.StatusReopened, in, now)}
		// whoever claims it now is its assignee; the history keeps who was
		cur.Status, cur.Rating, cur.UpdatedAt = tickets.StatusReopened, 0, now
		cur.AssigneeID, cur.Assignee = 0, ""
		cur.EscalatedAt = nil // an earlier delay's escalation: a new one escalates anew
		if disputed {
			evs = append(evs, tickets.Event{TicketID: cur.ID, Kind: tickets.EventResidentMessage, ActorID: in.UserID,
				Actor: in.UserName, Text: dispute.Text, PhotoIDs: dispute.Photos, At: now})
		}
		var msgs []storage.OutboxMessage
		if chatOK {
			key := keyCard(cur.ID, cur.Party) + ":" + n
			msgs = before.messages(cur, chat, key, cat, reason)
			for i, photo := range dispute.Photos {
				// the photos of the fault still there, after the card
				msgs = append(msgs, storage.OutboxMessage{Key: fmt.Sprintf("%s:dispute-photo%d", key, i+1), ChatID: chat, PhotoID: photo,
					Text: fmt.Sprintf(staffDisputePhoto, cur.Number()), TicketID: cur.ID, Purpose: purposeRelay, CreatedAt: now})
			}
		}
		return cur, evs, msgs, nil
	})
	switch {
	case errors.Is(err, errNotOpen), errors.Is(err, tickets.ErrIllegalTransition):
		h.ack(ctx, in, txtReopenTooLate.in(lang))
		return nil
	case errors.Is(err, errNotYours):
		return errStale
	case err != nil:
		return fmt.Errorf("reopen ticket %d: %w", t.ID, err)
	}
	h.ack(ctx, in, "")
	if err := h.setAwait(ctx, in.UserID, awaited{Kind: awaitDetails, TicketID: t.ID}); err != nil {
		return err
	}
	if err := h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtReopenedNotice.f(lang, updated.Number(), parties.InSentence(updated.Party, lang))}); err != nil {
		return err
	}
	if disputed {
		h.forgetDispute(ctx, in.UserID, t.ID)
	}
	return nil
}

func statusEvent(t tickets.Ticket, to tickets.Status, in Incoming, at time.Time) tickets.Event {
	return tickets.Event{TicketID: t.ID, Kind: tickets.EventStatus, ActorID: in.UserID, Actor: in.UserName,
		FromStatus: t.Status, ToStatus: to, At: at}
}

// cardRef is the message id of the ticket's latest card when it is in
// chat, so relays thread under it; 0 otherwise (not delivered yet, or the
// ticket moved to another chat since). Best effort: a relay without a
// reply still arrives.
func (h *Handler) cardRef(ctx context.Context, ticketID, chat int64) int {
	cardChat, msg, err := h.Tickets.TicketMessage(ctx, ticketID, purposeCard)
	switch {
	case errors.Is(err, storage.ErrNotFound):
		return 0
	case err != nil:
		h.Log.Warn("find ticket card", "ticket", ticketID, "err", err)
		return 0
	case cardChat != chat:
		return 0
	}
	return msg
}

// unrelatedReport: text reports, confidently, a problem of a category
// unrelated to ticket t's.
func (h *Handler) unrelatedReport(t tickets.Ticket, text string) bool {
	r := h.Router.Route(text)
	return r.Confidence >= clearlyAnotherConfidence && !relatedCategories(t.Category, r.Category) && h.Router.DescribesProblem(text)
}

// notAComment: text after a rating that is no comment on the rated ticket:
// a question, a report of something else, the fault back ("the lamp is out
// again, please reopen"), a reopen asked for. The comment is optional.
func (h *Handler) notAComment(t tickets.Ticket, text string) bool {
	s := faq.Normalize(text)
	r := h.Router.Route(text)
	otherReport := r.Confidence >= clearlyAnotherConfidence && r.Category != t.Category && h.complains(text)
	return asksOutright(text) || otherReport || disputesResolution(text) ||
		(stillCue.MatchString(s) && h.complains(text)) || reopenCue.MatchString(s)
}

// commentAsksTheFAQ: text at the comment prompt is a question the FAQ answers: it
// asks, names a topic in a word or two, or wishes for a service. A
// statement about the work the matcher happens to match ("it took too
// long" matched an entry on contract terms) is the comment asked for.
func (h *Handler) commentAsksTheFAQ(text string) bool {
	if h.FAQ.Match(text).ID == "" {
		return false
	}
	return asksOutright(text) || isTopicWord(text) || h.Router.AsksSomething(text) || wishCue.MatchString(faq.Normalize(text))
}

// noComment is "no comment" typed at the comment prompt.
var noComment = regexp.MustCompile(`^(不用了?|没有了?|没了|无|不写了?|算了|没什么|no comment|no|nope|none|nothing|no thanks)( ?(谢谢|thanks|thank you))?$`)
