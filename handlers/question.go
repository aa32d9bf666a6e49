package handlers

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"codesk/faq"
	"codesk/storage"
)

// pendingQuestion is what a later button press on an answer needs to know:
// kept in shared state so any replica can serve the press.
type pendingQuestion struct {
	UserID     int64    `json:"user_id"`
	Lang       string   `json:"lang"`
	Text       string   `json:"text"`
	Answered   string   `json:"answered,omitempty"`
	Candidates []string `json:"candidates,omitempty"`
}

// replyLang is the language for replies about this question: the resident's
// explicit choice, else the language the question was asked in.
func (p pendingQuestion) replyLang(chosen string) string {
	if chosen == "zh" || chosen == "en" {
		return chosen
	}
	return p.Lang
}

// pendingTTL bounds how long answer buttons keep working.
const pendingTTL = 7 * 24 * time.Hour

func (h *Handler) answerQuestion(ctx context.Context, in Incoming, chosen, text string) error {
	lang := h.language(chosen, in)
	if text == "" {
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtEmpty.in(lang)})
	}
	if n := runeLen(text); n > MaxQuestionRunes {
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtTooLong.f(lang, n, MaxQuestionRunes)})
	}
	if want, ok := languageRequest(text); ok {
		return h.setLanguage(ctx, in.ChatID, in.UserID, want)
	}
	switch classifySmallTalk(text) {
	case greeting:
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtGreeting.in(lang), Buttons: menu(lang)})
	case thanks:
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtYoureWelcome.in(lang)})
	case goodbye, settled:
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtGoodbye.in(lang)})
	case abuse:
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtAbuse.in(lang), Buttons: menu(lang)})
	case wantsPerson:
		reply := txtWantsPersonOffice
		if h.ticketsEnabled() {
			reply = txtWantsPerson
		}
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: reply.in(lang), Buttons: menu(lang)})
	case menuTickets:
		return h.menuAction(ctx, in, "tickets", chosen, lang)
	case menuConcern:
		if h.ticketsEnabled() { // else the FAQ says how to report
			return h.menuAction(ctx, in, "concern", chosen, lang)
		}
	case menuAsk:
		return h.menuAction(ctx, in, "ask", chosen, lang)
	case menuLanguage:
		return h.menuAction(ctx, in, "lang", chosen, lang)
	case menuHelp:
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtHelp.in(lang), Buttons: menu(lang)})
	}
	// an emoji, a lone "?" or a button number typed as text asks nothing
	// the FAQ could answer, nor anything to pass to the staff
	if !hasWords(text) || (isDigits(text) && runeLen(text) <= 3) {
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtNeedWords.in(lang), Buttons: menu(lang)})
	}
	res := h.FAQ.Match(text)
	if first, ok := h.firstOfSeveralQuestions(text, res.ID); ok {
		// two questions in one message: the first answered, the others
		// offered (otherQuestionsAnswered), not a third entry both pull to
		res = h.FAQ.Match(first)
	}
	out := questionOutcome{source: storage.SourceNone, matched: res.ID}
	switch {
	case res.ID != "":
		out.source = storage.SourceFAQ // curated and confident: never the model
	case len(res.Candidates) > 0:
		out.source = storage.SourceCandidates
	case res.OutOfScope:
		out.source = storage.SourceOutOfScope
	}
	// a question about the weather or passports is not the model's to
	// answer from the estate's FAQ either
	if res.ID == "" && h.LLM != nil && !res.OutOfScope {
		out = h.askModel(ctx, in.UserID, text, lang, res, out)
	}
	ids := candidateIDs(res.Candidates)
	var also []string // other questions a long message asks, answered one by one
	if out.source == storage.SourceFAQ {
		also = h.otherQuestionsAnswered(text, res.ID)
		for _, id := range also {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	logID, err := h.Questions.LogQuestion(ctx, storage.QuestionLog{
		UserID: in.UserID, ChatID: in.ChatID, Lang: lang, Text: text,
		MatchedID: out.matched, Score: res.Score, Candidates: ids, Source: out.source,
		UsedIDs: out.used, Answer: out.answer, AskedAt: h.Now(),
	})
	if err != nil {
		// The resident still deserves the answer; the log is for admins.
		h.Log.Error("log question", "err", err)
	}
	pending := pendingQuestion{UserID: in.UserID, Lang: lang, Text: text, Answered: out.matched, Candidates: ids}
	if logID != 0 {
		if err := h.savePending(ctx, logID, pending); err != nil {
			h.Log.Error("save pending question", "err", err)
		}
	}
	switch out.source {
	case storage.SourceFAQ, storage.SourceLLMSelect:
		entry, ok := h.FAQ.Entry(out.matched)
		if !ok {
			return fmt.Errorf("matcher returned unknown entry %q", out.matched)
		}
		msg := h.answerMessage(in.ChatID, logID, entry, lang)
		if rows := h.alsoButtons(also, logID, ids, lang); len(rows) > 0 {
			msg.Text += "\n\n" + txtAlsoMentioned.in(lang)
			msg.Buttons = append(msg.Buttons, rows...)
		}
		msg.Buttons = append(msg.Buttons, h.reportRow(text, logID, lang)...)
		return h.send(ctx, msg)
	case storage.SourceLLM:
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtMachineWritten.in(lang) + "\n\n" + out.answer,
			Buttons: h.deskButtons(logID, lang)})
	case storage.SourceCandidates:
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtDidYouMean.in(lang),
			Buttons: append(h.candidateButtons(logID, ids, lang), h.reportRow(text, logID, lang)...)})
	case storage.SourceOutOfScope:
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: h.offeringDesk(txtOutOfScope.in(lang), logID, lang), Buttons: h.deskButtons(logID, lang)})
	default:
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: h.noAnswerText(logID, lang), Buttons: h.deskButtons(logID, lang)})
	}
}

// otherQuestionsAnswered finds, in a long message, up to two more questions
// the FAQ answers on their own, sentence by sentence, on other topics than
// the answer (topAnswer): a resident who writes about the wall, the lift and
// the fund in one breath gets one answer, and buttons for the rest.
func (h *Handler) otherQuestionsAnswered(text, topAnswer string) []string {
	if !severalQuestions(text) {
		return nil
	}
	top, _ := h.FAQ.Entry(topAnswer)
	var out []string
	for _, sentence := range questionParts(text) {
		// a short part may still ask ("垃圾几点收"); one that only tells
		// needs more words to mean anything
		asks := asksWord.MatchString(faq.Normalize(sentence))
		if n := runeLen(strings.TrimSpace(sentence)); n < 4 || (!asks && n < 6) {
			continue
		}
		id := h.FAQ.Match(sentence).ID
		e, ok := h.FAQ.Entry(id)
		// a part that asks may be on the answer's topic ("…被困电梯里…，
		// 电梯到底什么时候换"); one that only tells would repeat it
		if !ok || id == topAnswer || slices.Contains(out, id) || (!asks && e.Topic != "" && e.Topic == top.Topic) {
			continue
		}
		if out = append(out, id); len(out) == 2 {
			break
		}
	}
	return out
}

var sentenceEnd = regexp.MustCompile(`[。！？!?；;\n]+|\.\s+`)

// alsoButtons are pick buttons for the entries also answered (their
// places among the question's candidates, ids).
func (h *Handler) alsoButtons(also []string, logID int64, ids []string, lang string) [][]Button {
	if logID == 0 {
		return nil
	}
	var rows [][]Button
	for _, id := range also {
		if e, ok := h.FAQ.Entry(id); ok {
			rows = append(rows, []Button{{Text: buttonLabel(e.Title(lang)), Data: pickData(logID, slices.Index(ids, id))}})
		}
	}
	return rows
}

// severalQuestions: a message long enough to hold more than one question,
// or of two or more sentences with words in them ("物业费多少钱？停车位怎么租？").
func severalQuestions(text string) bool {
	zh := faq.DetectLang(text) == "zh"
	if (zh && runeLen(text) >= 50) || (!zh && len(strings.Fields(text)) >= 25) {
		return true
	}
	n := 0
	for _, sentence := range questionParts(text) {
		sentence = strings.TrimSpace(sentence)
		if (zh && runeLen(sentence) >= 4) || (!zh && len(strings.Fields(sentence)) >= 3) {
			n++
		}
	}
	return n >= 2
}

// reportRow is a "report it to the staff" button for a question that
// describes a problem ("电梯坏了怎么办", "the lift has been broken for days,
// who do I call?"): the answer may not be all the resident needs.
func (h *Handler) reportRow(text string, logID int64, lang string) [][]Button {
	if !h.ticketsEnabled() || logID == 0 {
		return nil
	}
	if concern, _ := h.Router.IsConcern(text); !concern && !h.Router.DescribesProblem(text) {
		return nil
	}
	return [][]Button{{{Text: txtBtnReportIt.in(lang), Data: reportQuestionData(logID)}}}
}

// sendAnswer sends an entry's curated answer with feedback buttons.
func (h *Handler) sendAnswer(ctx context.Context, chatID, logID int64, entry faq.Entry, lang string) error {
	return h.send(ctx, h.answerMessage(chatID, logID, entry, lang))
}

// answerMessage is an entry's curated answer with feedback buttons.
func (h *Handler) answerMessage(chatID, logID int64, entry faq.Entry, lang string) OutMessage {
	msg := OutMessage{ChatID: chatID, Text: entry.Answer.In(lang)}
	if logID != 0 {
		id := strconv.FormatInt(logID, 10)
		msg.Buttons = [][]Button{{
			{Text: txtHelpful.in(lang), Data: "fb:" + id + ":y"},
			{Text: txtNotWhatIMeant.in(lang), Data: "fb:" + id + ":n"},
		}}
	}
	return msg
}

// candidateButtons offers entries as "did you mean" choices, one per row,
// plus "none of these".
func (h *Handler) candidateButtons(logID int64, ids []string, lang string) [][]Button {
	var rows [][]Button
	for i, id := range ids {
		e, ok := h.FAQ.Entry(id)
		if !ok {
			continue
		}
		rows = append(rows, []Button{{Text: buttonLabel(e.Title(lang)), Data: pickData(logID, i)}})
	}
	rows = append(rows, []Button{{Text: txtNoneOfThese.in(lang), Data: "none:" + strconv.FormatInt(logID, 10)}})
	return rows
}

func pickData(logID int64, index int) string {
	return "pick:" + strconv.FormatInt(logID, 10) + ":" + strconv.Itoa(index)
}

// buttonLabel keeps button text short enough to read on a phone: Chinese
// to 30 characters, other text to 56 and at a word's end.
func buttonLabel(s string) string {
	if faq.DetectLang(s) == "zh" {
		return clip(s, 30)
	}
	r := []rune(s)
	if len(r) <= 56 {
		return s
	}
	cut := strings.LastIndex(string(r[:55]), " ")
	if cut <= 0 {
		return clip(s, 56)
	}
	return strings.TrimRight(string(r[:55])[:cut], " ,;:") + "…"
}

func candidateIDs(c []faq.Scored) []string {
	ids := make([]string, 0, len(c))
	for _, s := range c {
		ids = append(ids, s.ID)
	}
	return ids
}

func pendingKey(logID int64) string { return "question:" + strconv.FormatInt(logID, 10) }

func (h *Handler) savePending(ctx context.Context, logID int64, p pendingQuestion) error {
	data, err := json.Marshal(p)
	if err != nil {
		return fmt.Errorf("encode pending question: %w", err)
	}
	return h.State.Set(ctx, pendingKey(logID), data, pendingTTL)
}

func (h *Handler) loadPending(ctx context.Context, logID int64) (pendingQuestion, bool, error) {
	data, ok, err := h.State.Get(ctx, pendingKey(logID))
	if err != nil || !ok {
		return pendingQuestion{}, false, err
	}
	var p pendingQuestion
	if err := json.Unmarshal(data, &p); err != nil {
		return pendingQuestion{}, false, fmt.Errorf("decode pending question: %w", err)
	}
	return p, true, nil
}
