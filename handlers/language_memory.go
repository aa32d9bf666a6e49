package handlers

import (
	"context"
	"fmt"
	"strings"
	"time"

	"codesk/faq"
)

// A resident who has not chosen a language gets replies in the language of
// what they write. Commands and button presses carry no language of their
// own; for them the language the resident last wrote in is a better guess
// than the client's setting (a Chinese speaker often has an English phone).

// lastLangTTL is how long the language a resident last wrote in is kept.
const lastLangTTL = 90 * 24 * time.Hour

func lastLangKey(userID int64) string { return fmt.Sprintf("lastlang:%d", userID) }

// recallLanguage puts the language the resident last wrote in where the
// client's hint goes, for messages that carry no language of their own.
// Losing it only means falling back to the client's hint.
func (h *Handler) recallLanguage(ctx context.Context, in *Incoming) {
	data, ok, err := h.State.Get(ctx, lastLangKey(in.UserID))
	if err != nil {
		h.Log.Warn("recall resident language", "err", err)
		return
	}
	if ok && (string(data) == "zh" || string(data) == "en") {
		in.UserLang = string(data)
		in.lastLang = string(data)
	}
}

// rememberLanguage notes the language of a resident's written message.
func (h *Handler) rememberLanguage(ctx context.Context, in Incoming) {
	t := strings.TrimSpace(in.Text)
	if !carriesLanguage(t, "") || isLatinPleasantry(t) {
		return
	}
	lang := faq.DetectLang(t)
	if lang == in.UserLang {
		return // already what recallLanguage found
	}
	if err := h.State.Set(ctx, lastLangKey(in.UserID), []byte(lang), lastLangTTL); err != nil {
		h.Log.Warn("remember resident language", "err", err)
	}
}

// carriesLanguage reports a message whose words tell the language to reply
// in: not a command, nor (when the resident's last language is known) a
// word or two of Latin-script pleasantry, which Chinese residents type too
// ("ok", "thx", "hi", "bye").
func carriesLanguage(t, lastLang string) bool {
	if !hasWords(t) || strings.HasPrefix(t, "/") {
		return false
	}
	return lastLang == "" || !isLatinPleasantry(t)
}

func isLatinPleasantry(t string) bool {
	if faq.DetectLang(t) == "zh" || len(strings.Fields(t)) > 2 {
		return false
	}
	switch classifySmallTalk(t) {
	case greeting, thanks, goodbye:
		return true
	}
	return false
}
