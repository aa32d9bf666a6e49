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
	}
}

// rememberLanguage notes the language of a resident's written message.
func (h *Handler) rememberLanguage(ctx context.Context, in Incoming) {
	t := strings.TrimSpace(in.Text)
	if !hasWords(t) || strings.HasPrefix(t, "/") {
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
