package handlers

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"codesk/storage"
)

// handleCallback serves a button press. Every press is acknowledged, and a
// malformed, forged or expired one gets a polite notice instead of an action.
func (h *Handler) handleCallback(ctx context.Context, in Incoming) error {
	if strings.HasPrefix(in.Callback.Data, "s:") {
		return h.staffCallback(ctx, in) // staff are not residents
	}
	res, err := h.Residents.TouchResident(ctx, in.UserID, h.Now())
	if err != nil {
		h.ack(ctx, in, txtSomethingWrong.in(h.language("", in)))
		return fmt.Errorf("touch resident %d: %w", in.UserID, err)
	}
	if res.Language == "" {
		h.recallLanguage(ctx, &in)
	}
	lang := h.language(res.Language, in)
	err = h.callbackAction(ctx, in, res.Language, lang)
	switch {
	case errors.Is(err, errStale):
		h.Log.Info("refused button press", "user_id", in.UserID, "data", in.Callback.Data)
		h.ack(ctx, in, txtStaleButton.in(lang))
		return nil
	case err != nil:
		h.ack(ctx, in, txtSomethingWrong.in(lang))
		return err
	}
	return nil
}

func (h *Handler) callbackAction(ctx context.Context, in Incoming, chosen, lang string) error {
	kind, rest, _ := strings.Cut(in.Callback.Data, ":")
	switch kind {
	case "m":
		h.ack(ctx, in, "")
		return h.menuAction(ctx, in, rest, chosen, lang)
	case "lang":
		if rest != "zh" && rest != "en" {
			return errStale
		}
		h.ack(ctx, in, "")
		return h.setLanguage(ctx, in.ChatID, in.UserID, rest)
	case "fb":
		idText, verdict, _ := strings.Cut(rest, ":")
		if verdict != "y" && verdict != "n" {
			return errStale
		}
		return h.feedback(ctx, in, idText, verdict == "y", chosen)
	case "pick":
		idText, indexText, _ := strings.Cut(rest, ":")
		return h.pick(ctx, in, idText, indexText, chosen)
	case "none":
		return h.noneOfThese(ctx, in, rest, chosen)
	case "c":
		if !h.ticketsEnabled() {
			return errStale
		}
		return h.concernCallback(ctx, in, rest, chosen)
	case "r":
		if !h.ticketsEnabled() {
			return errStale
		}
		return h.residentCallback(ctx, in, rest, chosen)
	case "q":
		if !h.ticketsEnabled() {
			return errStale
		}
		return h.questionCallback(ctx, in, rest, chosen)
	case "fa":
		return h.faqCallback(ctx, in, rest, lang)
	}
	return errStale
}

func (h *Handler) menuAction(ctx context.Context, in Incoming, item, chosen, lang string) error {
	var msg OutMessage
	switch item {
	case "ask":
		msg = OutMessage{Text: txtAskPrompt.in(lang)}
	case "concern":
		if h.ticketsEnabled() {
			return h.startIntake(ctx, in, chosen, lang, "")
		}
		msg = OutMessage{Text: txtConcernSoon.in(lang)}
	case "tickets":
		if h.ticketsEnabled() {
			return h.myTickets(ctx, in, lang)
		}
		msg = OutMessage{Text: txtNoTickets.in(lang)}
	case "lang":
		msg = OutMessage{Text: txtChooseLanguage.in(lang), Buttons: languageButtons()}
	default:
		return errStale
	}
	msg.ChatID = in.ChatID
	return h.send(ctx, msg)
}

// feedback stores "helpful" or "not what I meant"; the latter offers the
// other close entries.
func (h *Handler) feedback(ctx context.Context, in Incoming, idText string, helpful bool, chosen string) error {
	logID, p, err := h.ownPending(ctx, in, idText)
	if err != nil {
		return err
	}
	lang := p.replyLang(chosen)
	if err := h.Questions.SetQuestionFeedback(ctx, logID, in.UserID, helpful, h.Now()); err != nil {
		if errors.Is(err, storage.ErrNotFound) {
			return errStale
		}
		return fmt.Errorf("store feedback on question %d: %w", logID, err)
	}
	if helpful {
		h.ack(ctx, in, txtThanks.in(lang))
		return nil
	}
	h.ack(ctx, in, "")
	var others []string
	for _, id := range p.Candidates {
		if id != p.Answered {
			others = append(others, id)
		}
	}
	if len(others) == 0 {
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtSorryNoAlternatives.in(lang), Buttons: h.deskButtons(logID, lang)})
	}
	// Offer the alternatives by their index in the stored candidate list.
	var rows [][]Button
	for i, id := range p.Candidates {
		if id == p.Answered {
			continue
		}
		if e, ok := h.FAQ.Entry(id); ok {
			rows = append(rows, []Button{{Text: buttonLabel(e.Title(lang)), Data: pickData(logID, i)}})
		}
	}
	rows = append(rows, h.deskButtons(logID, lang)...)
	return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtOtherTopics.in(lang), Buttons: rows})
}

// pick answers with the candidate the resident chose.
func (h *Handler) pick(ctx context.Context, in Incoming, idText, indexText, chosen string) error {
	logID, p, err := h.ownPending(ctx, in, idText)
	if err != nil {
		return err
	}
	i, err := strconv.Atoi(indexText)
	if err != nil || i < 0 || i >= len(p.Candidates) {
		return errStale
	}
	entry, ok := h.FAQ.Entry(p.Candidates[i])
	if !ok {
		return errStale // the entry was removed since
	}
	// the pick answered the question: /stats counts it so, not as a gap
	// (a question answered already keeps its answer: the pick was one of
	// the other questions a long message asked)
	if p.Answered == "" {
		if err := h.Questions.SetQuestionPick(ctx, logID, in.UserID, entry.ID); err != nil && !errors.Is(err, storage.ErrNotFound) {
			h.Log.Warn("record picked entry", "question", logID, "err", err)
		}
	}
	h.ack(ctx, in, "")
	return h.sendAnswer(ctx, in.ChatID, logID, entry, p.replyLang(chosen))
}

func (h *Handler) noneOfThese(ctx context.Context, in Incoming, idText, chosen string) error {
	logID, p, err := h.ownPending(ctx, in, idText)
	if err != nil {
		return err
	}
	lang := p.replyLang(chosen)
	if err := h.Questions.SetQuestionFeedback(ctx, logID, in.UserID, false, h.Now()); err != nil && !errors.Is(err, storage.ErrNotFound) {
		return fmt.Errorf("store feedback on question %d: %w", logID, err)
	}
	h.ack(ctx, in, "")
	return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: h.noAnswerText(logID, lang), Buttons: h.deskButtons(logID, lang)})
}

// ownPending loads the question a button belongs to, refusing presses on
// another resident's question.
func (h *Handler) ownPending(ctx context.Context, in Incoming, idText string) (int64, pendingQuestion, error) {
	logID, err := strconv.ParseInt(idText, 10, 64)
	if err != nil || logID <= 0 {
		return 0, pendingQuestion{}, errStale
	}
	p, ok, err := h.loadPending(ctx, logID)
	if err != nil {
		return 0, pendingQuestion{}, err
	}
	if !ok {
		// Shared state may have been lost (a restart without Redis): the
		// question log remembers the same, durably.
		if p, ok = h.pendingFromLog(ctx, logID); !ok {
			return 0, pendingQuestion{}, errStale
		}
	}
	if p.UserID != in.UserID {
		return 0, pendingQuestion{}, errStale
	}
	return logID, p, nil
}

// pendingFromLog rebuilds a question's button context from the question
// log, for questions asked within the buttons' lifetime.
func (h *Handler) pendingFromLog(ctx context.Context, logID int64) (pendingQuestion, bool) {
	q, err := h.Questions.Question(ctx, logID)
	if err != nil || h.Now().Sub(q.AskedAt) > pendingTTL {
		return pendingQuestion{}, false
	}
	return pendingQuestion{UserID: q.UserID, Lang: q.Lang, Text: q.Text, Answered: q.MatchedID, Candidates: q.Candidates}, true
}

// ack acknowledges a press; failure only costs the spinner on the button.
func (h *Handler) ack(ctx context.Context, in Incoming, notice string) {
	if in.Callback == nil {
		// a typed reply ("好的" for "send") did what a button does: say the
		// notice as a message, if there is one
		if notice != "" {
			h.sendQuietly(ctx, OutMessage{ChatID: in.ChatID, Text: notice})
		}
		return
	}
	if err := h.Messenger.AnswerCallback(ctx, in.Callback.ID, notice); err != nil {
		h.Log.Warn("answer callback", "err", err)
	}
}
