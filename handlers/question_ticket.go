package handlers

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"codesk/parties"
	"codesk/storage"
	"codesk/tickets"
)

// QuestionCategory is the category of a question a resident sent to the
// desk: a ticket like a concern (routed, carded, answered by staff replying
// to the card), only about something the FAQ could not answer.
const QuestionCategory = "question"

// deskButtons are offered when codesk has no curated answer: send the
// question to the desk (with tickets enabled) or report a concern.
func (h *Handler) deskButtons(logID int64, lang string) [][]Button {
	row := []Button{{Text: txtMenuConcern.in(lang), Data: "m:concern"}}
	if h.ticketsEnabled() && logID != 0 {
		row = append([]Button{{Text: txtBtnAskDesk.in(lang), Data: askDeskData(logID)}}, row...)
	}
	return [][]Button{row}
}

func askDeskData(logID int64) string { return "q:desk:" + strconv.FormatInt(logID, 10) }

// noAnswerText is the reply when neither the FAQ nor the model answered.
func (h *Handler) noAnswerText(logID int64, lang string) string {
	return h.offeringDesk(txtNoAnswer.in(lang), logID, lang)
}

// offeringDesk adds the line that goes with the "ask the desk" button, when
// there is one.
func (h *Handler) offeringDesk(text string, logID int64, lang string) string {
	if h.ticketsEnabled() && logID != 0 {
		return text + "\n" + txtOfferDesk.in(lang)
	}
	return text
}

func reportQuestionData(logID int64) string { return "q:report:" + strconv.FormatInt(logID, 10) }

// questionCallback serves "q:desk:<logID>": the logged question becomes a
// ticket, once however often the button is pressed; and "q:report:<logID>":
// an answered question that reads as a concern is drafted as a report.
func (h *Handler) questionCallback(ctx context.Context, in Incoming, rest, chosen string) error {
	action, idText, _ := strings.Cut(rest, ":")
	if action != "desk" && action != "report" {
		return errStale
	}
	logID, p, err := h.ownPending(ctx, in, idText)
	if err != nil {
		return err
	}
	if action == "report" {
		h.ack(ctx, in, "")
		if d, ok, err := h.loadDraft(ctx, in.UserID); err == nil && ok && (d.Step == stepAsked || d.active()) && d.Text == p.Text {
			// "I'm only asking", then "report it" after all (once or
			// twice): the draft as it was, with the party the resident chose
			d.Step = stepPreview
			return h.showPreview(ctx, in.UserID, in.ChatID, d, d.lang(chosen))
		}
		return h.startIntake(ctx, in, chosen, p.replyLang(chosen), p.Text)
	}
	lang := p.replyLang(chosen)
	party := h.route(ctx, p.Text).Party
	chat, chatOK := h.staffChat(party)
	nt := storage.NewTicket{
		Key: "question:" + strconv.FormatInt(logID, 10), ResidentID: in.UserID, ChatID: in.ChatID, Lang: lang,
		Text: p.Text, Category: QuestionCategory, Party: party, ResidentName: in.UserName, At: h.Now(),
		Translation: h.translation(ctx, in.UserID, p.Text, "zh", 0, cardTranslateDeadline),
	}
	t, created, err := h.Tickets.CreateTicket(ctx, nt, func(t tickets.Ticket) []storage.OutboxMessage {
		ack := txtQuestionAck.f(lang, t.Number(), parties.InSentence(t.Party, lang))
		if !chatOK {
			ack += "\n" + txtNoStaffChat.in(lang)
		}
		msgs := []storage.OutboxMessage{toResident(t, keyAck(t.ID), ack, ackButtons(t, lang))}
		if chatOK {
			msgs = append(msgs, cardMessages(t, chat, keyCard(t.ID, t.Party), fmt.Sprintf(staffQuestionCardTitle, t.Number()), txtQuestionCategory)...)
		}
		return msgs
	})
	if err != nil {
		return fmt.Errorf("create question ticket from question %d: %w", logID, err)
	}
	if !chatOK {
		h.Log.Error("no staff chat configured: question card not delivered", "ticket", t.ID, "party", t.Party)
	}
	if !created {
		h.ack(ctx, in, txtAlreadySent.f(lang, t.Number()))
		return nil
	}
	h.ack(ctx, in, "")
	return nil
}
