package llm

import "sync/atomic"

// Stats are the client's counters since it was created.
type Stats struct {
	Calls            int64 // requests sent to the model (a 5xx retry counts)
	PromptTokens     int64
	CompletionTokens int64
	CacheHits        int64 // operations answered from the cache, no call
	Failures         int64 // operations that failed at the model (HTTP, timeout, malformed)
	BreakerOpens     int64 // times the breaker opened
	BreakerRejects   int64 // operations refused while the breaker was open
	QuotaRejects     int64 // operations refused by the daily quota
}

type counters struct {
	calls, promptTokens, completionTokens, cacheHits, failures,
	breakerRejects, quotaRejects atomic.Int64
}

// Stats returns a snapshot of the counters (zero for a nil client).
func (c *Client) Stats() Stats {
	if c == nil {
		return Stats{}
	}
	return Stats{
		Calls:            c.stats.calls.Load(),
		PromptTokens:     c.stats.promptTokens.Load(),
		CompletionTokens: c.stats.completionTokens.Load(),
		CacheHits:        c.stats.cacheHits.Load(),
		Failures:         c.stats.failures.Load(),
		BreakerOpens:     c.breakers["question"].opens.Load() + c.breakers["route"].opens.Load(),
		BreakerRejects:   c.stats.breakerRejects.Load(),
		QuotaRejects:     c.stats.quotaRejects.Load(),
	}
}
