package llm

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// temperature is "as deterministic as the server allows": 0 would be
// dropped by the library's omitempty, and a denormal such as
// math.SmallestNonzeroFloat32 can overflow logits/temperature on local servers.
const temperature = 0.01

// retryPause is the wait before the one retry of a 5xx.
const retryPause = 100 * time.Millisecond

// call is one model operation: fixed system prompt, FAQ or routing context,
// sanitised resident text.
type call struct {
	op        string // "select", "answer", "route", "translate": logs, cache keys, breakers
	userID    int64  // quota owner; 0 = not metered (routing)
	system    string
	context   string
	user      string
	maxTokens int
	// parse validates the model's content; an error (ErrMalformed) counts
	// as a failure of the server for the breaker.
	parse func(content string) error
}

// complete runs c through the breaker, the quota and the deadline. At most
// one retry, for a 5xx, and only while half the time budget remains.
func (c *Client) complete(ctx context.Context, k call) error {
	br := c.breakerFor(k.op)
	allowed, probe := br.allow()
	if !allowed {
		c.stats.breakerRejects.Add(1)
		c.log.InfoContext(ctx, "llm call", "op", k.op, "outcome", "breaker_open")
		return ErrUnavailable
	}
	if k.userID != 0 {
		if err := c.takeQuota(ctx, k.userID); err != nil {
			br.release(probe)
			c.log.InfoContext(ctx, "llm call", "op", k.op, "outcome", "quota")
			return err
		}
	}

	parent := ctx
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	start := time.Now()
	req := c.request(k)

	var (
		resp     openai.ChatCompletionResponse
		err      error
		attempts int
	)
	for {
		attempts++
		c.stats.calls.Add(1)
		resp, err = c.api.CreateChatCompletion(ctx, req)
		if err == nil || attempts > 1 || !serverError(err) || time.Until(deadline(ctx)) < c.timeout/2 {
			break
		}
		if sleep(ctx, retryPause) != nil {
			break
		}
	}
	if err == nil {
		c.stats.promptTokens.Add(int64(resp.Usage.PromptTokens))
		c.stats.completionTokens.Add(int64(resp.Usage.CompletionTokens))
		if len(resp.Choices) == 0 {
			err = fmt.Errorf("%w: no choices", ErrMalformed)
		} else {
			err = k.parse(resp.Choices[0].Message.Content)
		}
	}

	outcome := "ok"
	switch {
	case err == nil:
		br.done(probe, true)
	case errors.Is(parent.Err(), context.Canceled):
		// The caller gave up (shutdown, an abandoned update): that says
		// nothing about the server.
		br.release(probe)
		outcome = "caller_gave_up"
	case parent.Err() != nil:
		// The caller's deadline is what a resident can wait: a server
		// slower than that fails them as surely as one that is down, and
		// the breaker must spare the next residents the wait.
		br.done(probe, false)
		c.stats.failures.Add(1)
		outcome = "too_slow_for_caller"
	default:
		br.done(probe, false)
		c.stats.failures.Add(1)
		outcome = classify(err)
	}
	attrs := []any{
		"op", k.op, "model", c.model, "outcome", outcome, "attempts", attempts,
		"ms", time.Since(start).Milliseconds(),
		"prompt_tokens", resp.Usage.PromptTokens, "completion_tokens", resp.Usage.CompletionTokens,
	}
	if err != nil {
		attrs = append(attrs, "status", statusCode(err), "err", shorten(c.scrub(err.Error()), 200))
	}
	c.log.InfoContext(ctx, "llm call", attrs...)
	if err != nil {
		return fmt.Errorf("llm %s: %w", k.op, err)
	}
	return nil
}

func (c *Client) request(k call) openai.ChatCompletionRequest {
	req := openai.ChatCompletionRequest{
		Model: c.model,
		Messages: []openai.ChatCompletionMessage{
			{Role: openai.ChatMessageRoleSystem, Content: k.system},
			{Role: openai.ChatMessageRoleSystem, Content: k.context},
			{Role: openai.ChatMessageRoleUser, Content: k.user},
		},
		ResponseFormat: &openai.ChatCompletionResponseFormat{Type: openai.ChatCompletionResponseFormatTypeJSONObject},
	}
	if reasoningModel(c.model) {
		// The library rejects temperature and max_tokens for these names;
		// their reasoning tokens would not fit a small completion limit.
		return req
	}
	req.Temperature = temperature
	// max_tokens rather than max_completion_tokens: local OpenAI-compatible
	// servers (llama.cpp, Ollama, vLLM) all understand it.
	req.MaxTokens = k.maxTokens //lint:ignore SA1019 see above
	return req
}

// reasoningModel mirrors the library's client-side checks (reasoning_validator.go).
func reasoningModel(model string) bool {
	for _, p := range []string{"o1", "o3", "o4", "gpt-5", "gpt-6"} {
		if strings.HasPrefix(model, p) {
			return true
		}
	}
	return false
}

func serverError(err error) bool { return statusCode(err) >= 500 }

func statusCode(err error) int {
	var apiErr *openai.APIError
	if errors.As(err, &apiErr) {
		return apiErr.HTTPStatusCode
	}
	var reqErr *openai.RequestError
	if errors.As(err, &reqErr) {
		return reqErr.HTTPStatusCode
	}
	return 0
}

func classify(err error) string {
	switch code := statusCode(err); {
	case errors.Is(err, ErrMalformed):
		return "malformed"
	case errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	case code == 429:
		return "rate_limited"
	case code >= 500:
		return "server_error"
	case code > 0:
		return "http_error"
	default:
		return "error"
	}
}

func deadline(ctx context.Context) time.Time {
	d, _ := ctx.Deadline()
	return d
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "") + "…"
}

// scrub removes the API key from text before it is shortened for a log line:
// cut first, a key split at the cut would slip past the log's own redaction.
func (c *Client) scrub(text string) string {
	if len(c.apiKey) < 6 {
		return text
	}
	return strings.ReplaceAll(text, c.apiKey, "[REDACTED]")
}
