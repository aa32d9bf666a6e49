package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"codesk/config"
	"codesk/handlers"
	"codesk/llm"
	"codesk/storage"
)

// errNoModel: a command that needs the language model ran without one.
var errNoModel = errors.New("no language model configured: set OPENAI_BASE_URL (or OPENAI_API_KEY) and OPENAI_MODEL")

// openModel builds the language-model client from OPENAI_*; nil when none is
// configured, which is said once at info. The key is never logged: only the
// model name (and the redacting log handler guards the rest).
func openModel(cfg config.Config, state storage.SharedState, log *slog.Logger) (*llm.Client, error) {
	c, err := llm.New(llm.Config{
		APIKey: cfg.OpenAIKey, BaseURL: cfg.OpenAIBaseURL, Model: cfg.OpenAIModel, Timeout: cfg.OpenAITimeout,
	}, state, log)
	if errors.Is(err, llm.ErrDisabled) {
		log.Info("language model off (no OPENAI_API_KEY or OPENAI_BASE_URL): unanswered questions are offered to the desk")
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("language model: %w", err)
	}
	log.Info("language model on", "client", c.String(), "timeout", cfg.OpenAITimeout)
	return c, nil
}

// conversationModel is the model as the handlers take it: a nil client
// must be a nil interface, not an interface holding a nil pointer.
func conversationModel(c *llm.Client) handlers.LLM {
	if c == nil {
		return nil
	}
	return c
}

// logModelStats logs the model's counters (calls, tokens, cache hits,
// failures) every period while they change, until ctx ends.
func logModelStats(ctx context.Context, c *llm.Client, log *slog.Logger, every time.Duration) {
	if c == nil {
		return
	}
	t := time.NewTicker(every)
	defer t.Stop()
	var last llm.Stats
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		st := c.Stats()
		if st == last {
			continue
		}
		last = st
		log.Info("language model stats", "calls", st.Calls, "prompt_tokens", st.PromptTokens,
			"completion_tokens", st.CompletionTokens, "cache_hits", st.CacheHits, "failures", st.Failures,
			"breaker_opens", st.BreakerOpens, "breaker_rejects", st.BreakerRejects, "quota_rejects", st.QuotaRejects)
	}
}
