package llm

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"codesk/faq"
)

// cacheKey names a result by everything that shapes it: the operation, the
// model, the prompt version, the normalised (already masked) question, the
// language and the entries' ids and text, so an FAQ edit is a cache miss.
func (c *Client) cacheKey(op, question, lang string, entries []faq.Entry, extra ...string) string {
	h := sha256.New()
	write := func(s string) {
		// Length prefixes keep ("ab","c") and ("a","bc") apart.
		fmt.Fprintf(h, "%d:%s|", len(s), s)
	}
	for _, s := range []string{op, c.model, promptVersion, faq.Normalize(question), lang} {
		write(s)
	}
	for _, e := range entries {
		write(e.ID)
		write(e.Answer.ZH)
		write(e.Answer.EN)
		for _, q := range e.Questions {
			write(q)
		}
	}
	for _, s := range extra {
		write(s)
	}
	return "llm:cache:" + op + ":" + hex.EncodeToString(h.Sum(nil))
}

// cacheGet loads key into v; a store error or a stale shape is a miss (the
// model is still there), logged.
func (c *Client) cacheGet(ctx context.Context, key string, v any) bool {
	if c.ttl < 0 {
		return false
	}
	data, ok, err := c.state.Get(ctx, key)
	if err != nil {
		c.log.WarnContext(ctx, "llm cache read failed", "err", err)
		return false
	}
	if !ok || json.Unmarshal(data, v) != nil {
		return false
	}
	c.stats.cacheHits.Add(1)
	return true
}

func (c *Client) cachePut(ctx context.Context, key string, v any) {
	if c.ttl < 0 {
		return
	}
	data, err := json.Marshal(v)
	if err == nil {
		err = c.state.Set(ctx, key, data, c.ttl)
	}
	if err != nil {
		c.log.WarnContext(ctx, "llm cache write failed", "err", err)
	}
}
