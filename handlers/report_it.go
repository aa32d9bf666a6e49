package handlers

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"codesk/faq"
)

// "Report it for me" typed instead of the button under an answer
// ("帮我反映一下", "please report it") reports what was just asked; the menu's
// words ("我要报修", "投诉": menuConcern small talk) do so only when what was
// asked told a problem.

var reportItForMe = regexp.MustCompile(`^(那|那就|那你|你|请|麻烦|麻烦你|能不能|可不可以|可以)?\s*(帮我|给我|替我|帮忙|帮我们|帮阿拉)\s*(把这个|把这件事|把它|把这个事情|这个)?\s*` +
	`(反映|报修|上报|报上去|报给物业|报一下|报|提交|投诉|转告|转达|报告)(一下|下|上去|给物业|给他们|给你们|给工作人员|给相关部门)?\s*(吧|啊|呀|好吗|可以吗|行吗|好伐|谢谢)?$|` +
	`^(please |pls |can you |could you |would you )?(please )?(report|file|submit|pass on|forward) (it|this|that)( on)?( for me)?( to (the )?(staff|management|them|property management|the desk))?( please| pls| thanks)?$`)

// asksToReportIt: "report it for me", about what was said before.
func asksToReportIt(text string) bool {
	return reportItForMe.MatchString(strings.TrimSpace(faq.Normalize(text)))
}

// reportRequest: asksToReportIt, or the menu's words for reporting.
func reportRequest(text string) bool {
	return asksToReportIt(text) || classifySmallTalk(text) == menuConcern
}

// askedKey holds the resident's last message answered as a question, for a
// typed "report it" after the answer; askedTTL is how long it is "just said".
func askedKey(userID int64) string { return fmt.Sprintf("asked:%d", userID) }

const askedTTL = 30 * time.Minute

// noteAsked remembers text answered as a question (handled false: the FAQ
// gets it). Nothing is written for other messages: the next question
// replaces it, and a report started (startIntake) or a "report it" that
// used it forgets it.
func (h *Handler) noteAsked(ctx context.Context, in Incoming, handled bool) {
	if in.Kind != TextMessage || handled {
		return
	}
	text := strings.TrimSpace(in.Text)
	if _, langAsked := languageRequest(text); langAsked || !hasWords(text) || runeLen(text) > MaxQuestionRunes ||
		classifySmallTalk(text) != notSmallTalk || asksToReportIt(text) {
		return
	}
	if err := h.State.Set(ctx, askedKey(in.UserID), []byte(text), askedTTL); err != nil {
		h.Log.Warn("remember the last question", "err", err) // a typed "report it" then asks what
	}
}

// forgetAsked drops the question remembered for a typed "report it".
func (h *Handler) forgetAsked(ctx context.Context, userID int64) {
	if err := h.State.Delete(ctx, askedKey(userID)); err != nil {
		h.Log.Warn("forget the last question", "err", err)
	}
}

// reportWhatWasAsked serves a typed "report it" (text): the question just
// answered becomes the report, as its button would make it (the draft the
// resident had set aside with "I'm only asking" comes back as it was). The
// menu's words take it only when it told a problem; with nothing said
// before, the description is asked for. d is the resident's draft, if any.
func (h *Handler) reportWhatWasAsked(ctx context.Context, in Incoming, d draft, chosen, lang, text string) error {
	data, ok, err := h.State.Get(ctx, askedKey(in.UserID))
	if err != nil {
		return fmt.Errorf("last question of %d: %w", in.UserID, err)
	}
	asked := string(data)
	if d.Step == stepAsked && (asked == "" || asked == d.Text) {
		if ok {
			h.forgetAsked(ctx, in.UserID)
		}
		d.Step = stepPreview
		return h.showPreview(ctx, in.UserID, in.ChatID, d, d.lang(chosen))
	}
	// startIntake forgets what was asked
	if asked != "" && (asksToReportIt(text) || h.complains(asked)) {
		return h.startIntake(ctx, in, chosen, h.language(chosen, Incoming{Text: asked, UserLang: in.UserLang}), asked)
	}
	return h.startIntake(ctx, in, chosen, lang, "")
}
