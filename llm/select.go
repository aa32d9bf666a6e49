package llm

import (
	"context"
	"fmt"

	"codesk/faq"
)

const selectMaxTokens = 60

type selectReply struct {
	ID *string `json:"id"`
}

// Select asks which of candidates (or none) answers question, so the bot can
// reply with that entry's curated text. It returns the chosen entry's id, or
// "" when none fits or the model named an id that is not a candidate. No
// candidates: "" without a call. Results are cached; a cache hit neither
// calls the model nor uses the resident's quota.
func (c *Client) Select(ctx context.Context, userID int64, question, lang string, candidates []faq.Entry) (string, error) {
	if c == nil {
		return "", ErrUnavailable
	}
	if len(candidates) == 0 {
		return "", nil
	}
	question = Sanitize(question)
	key := c.cacheKey("select", question, lang, candidates)
	var cached selectResult
	if c.cacheGet(ctx, key, &cached) {
		return cached.ID, nil
	}
	var chosen string
	err := c.complete(ctx, call{
		op: "select", userID: userID,
		system: selectSystemPrompt, context: selectContext(lang, candidates), user: question,
		maxTokens: selectMaxTokens,
		parse: func(content string) error {
			var r selectReply
			if err := decodeJSON(content, &r); err != nil {
				return err
			}
			// Never trust the model with ids: only a candidate's id counts.
			if r.ID != nil {
				for _, e := range candidates {
					if e.ID == *r.ID {
						chosen = e.ID
					}
				}
			}
			return nil
		},
	})
	if err != nil {
		return "", fmt.Errorf("select: %w", err)
	}
	c.cachePut(ctx, key, selectResult{ID: chosen})
	return chosen, nil
}

type selectResult struct {
	ID string `json:"id"`
}
