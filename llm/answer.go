package llm

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"codesk/faq"
)

const (
	answerMaxTokens = 500
	// MaxAnswerRunes caps what the model's answer may add to a message
	// (Telegram allows 4096 characters in all).
	MaxAnswerRunes = 1500
)

// Answer is a model-written answer to a resident's question.
type Answer struct {
	// Text is the answer, plain text in the asked language. When Grounded is
	// false it is the model's "the FAQ does not say" (possibly empty): show
	// the bot's own no-answer reply instead.
	Text string `json:"text"`
	// Grounded is false when the model said the entries do not answer the question.
	Grounded bool `json:"grounded"`
	// UsedIDs are the entries the model says it used, only ids of the given
	// context entries.
	UsedIDs []string `json:"used_ids,omitempty"`
	// Cached: served from the cache, no model call.
	Cached bool `json:"-"`
}

type answerReply struct {
	Grounded *bool    `json:"grounded"`
	Answer   string   `json:"answer"`
	UsedIDs  []string `json:"used_ids"`
}

// Answer asks the model to answer question only from entries, in lang,
// briefly. Empty entries: an ungrounded Answer without a call. A reply that
// is not the JSON asked for (or grounded without text) is ErrMalformed.
func (c *Client) Answer(ctx context.Context, userID int64, question, lang string, entries []faq.Entry) (Answer, error) {
	if c == nil {
		return Answer{}, ErrUnavailable
	}
	if len(entries) == 0 {
		return Answer{}, nil
	}
	question = Sanitize(question)
	key := c.cacheKey("answer", question, lang, entries)
	var cached Answer
	if c.cacheGet(ctx, key, &cached) {
		cached.Cached = true
		return cached, nil
	}
	var out Answer
	err := c.complete(ctx, call{
		op: "answer", userID: userID,
		system: answerSystemPrompt, context: answerContext(lang, entries), user: question,
		maxTokens: answerMaxTokens,
		parse: func(content string) error {
			var r answerReply
			if err := decodeJSON(content, &r); err != nil {
				return err
			}
			if r.Grounded == nil {
				return fmt.Errorf("%w: no \"grounded\" field", ErrMalformed)
			}
			text := shortenAnswer(strings.TrimSpace(r.Answer), MaxAnswerRunes)
			if *r.Grounded && text == "" {
				return fmt.Errorf("%w: grounded answer without text", ErrMalformed)
			}
			out = Answer{Text: text, Grounded: *r.Grounded, UsedIDs: knownIDs(r.UsedIDs, entries)}
			if out.Grounded && len(out.UsedIDs) == 0 {
				// The model forgot to cite: the answer rests on the context
				// as a whole.
				for _, e := range entries {
					out.UsedIDs = append(out.UsedIDs, e.ID)
				}
			}
			return nil
		},
	})
	if err != nil {
		return Answer{}, fmt.Errorf("answer: %w", err)
	}
	c.cachePut(ctx, key, out)
	return out, nil
}

// knownIDs keeps the ids that name one of entries, once each, in order.
func knownIDs(ids []string, entries []faq.Entry) []string {
	var out []string
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			continue
		}
		for _, e := range entries {
			if e.ID == id {
				out = append(out, id)
				seen[id] = true
				break
			}
		}
	}
	return out
}

// shortenAnswer bounds a written answer to max runes, cutting after the last
// sentence that fits and marking the cut, so a resident never reads a
// sentence that stops mid-word as if it were whole.
func shortenAnswer(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	head := truncateRunes(s, max-1)
	cut := -1
	for _, end := range []string{"。", "！", "？", "\n", ". ", "! ", "? "} {
		if i := strings.LastIndex(head, end); i >= 0 && i+len(end) > cut {
			cut = i + len(end)
		}
	}
	if cut > len(head)/2 {
		head = head[:cut]
	}
	return strings.TrimRight(head, " \n") + "…"
}
