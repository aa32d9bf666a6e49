package handlers

import (
	"context"
	"time"

	"codesk/faq"
)

// Staff write Chinese; some residents write English. With a language model
// configured, a relay in the other language carries a machine translation
// under the original, so neither side needs the other's language. The
// original always goes: a translation can be wrong, and without a model (or
// when it fails) the relay is as it was.

// translateDeadline bounds the wait for a relay's translation: nobody waits
// on a reply in real time, but a stuck model must not hold the relay long.
const translateDeadline = 8 * time.Second

// cardTranslateDeadline is shorter: the resident who pressed "send" waits
// for the acknowledgement while the card's translation is made.
const cardTranslateDeadline = 4 * time.Second

// Translator is the part of the model relays use (*llm.Client); an LLM that
// cannot translate leaves relays untranslated.
type Translator interface {
	// Translate puts text into lang; userID is the resident whose quota a
	// resident's own text counts against, 0 for staff text.
	Translate(ctx context.Context, userID int64, text, lang string) (string, error)
}

var txtMachineTranslation = text{
	"%s\n\n🌐 机器翻译（仅供参考）：\n%s",
	"%s\n\n🌐 Machine translation (may be inaccurate):\n%s",
}

// withTranslation is body with a machine translation into lang appended
// when body is written in the other language; body alone otherwise. userID
// is the resident who wrote body, 0 for staff.
func (h *Handler) withTranslation(ctx context.Context, userID int64, body, lang string, ticketID int64) string {
	translation := h.translation(ctx, userID, body, lang, ticketID, translateDeadline)
	if translation == "" {
		return body
	}
	return txtMachineTranslation.f(lang, body, translation)
}

// translation is body put into lang by the model within deadline, or ""
// when body is in lang already (or mixes both scripts in a few words, as
// residents' estate terms do), no model is configured or it failed.
func (h *Handler) translation(ctx context.Context, userID int64, body, lang string, ticketID int64, deadline time.Duration) string {
	tr, ok := h.LLM.(Translator)
	if !ok || !hasWords(body) || faq.DetectLang(body) == lang || mixesScripts(body) {
		return ""
	}
	ctx, cancel := context.WithTimeout(ctx, deadline)
	defer cancel()
	translation, err := tr.Translate(ctx, userID, body, lang)
	if err != nil {
		h.Log.Info("sent untranslated", "ticket", ticketID, "lang", lang, "err", err)
		return ""
	}
	return translation
}
