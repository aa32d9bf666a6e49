package llm

import (
	"context"
	"fmt"
	"strconv"
	"time"
)

// quotaDay is the estate's calendar (China has no daylight saving time).
var quotaDay = time.FixedZone("CST", 8*60*60)

// quotaTTL outlives the day its keys belong to.
const quotaTTL = 48 * time.Hour

// takeQuota uses one of the resident's model calls for today. SharedState has
// no counter, so each call claims a numbered slot (atomic in Redis too); a
// hint key remembers roughly how many are taken so a busy resident costs one
// claim, not twenty. The hint only ever lags, never skips a free slot.
func (c *Client) takeQuota(ctx context.Context, userID int64) error {
	if c.quota < 0 {
		return nil
	}
	day := c.now().In(quotaDay).Format("2006-01-02")
	prefix := fmt.Sprintf("llm:quota:%d:%s", userID, day)
	start := 0
	if v, ok, err := c.state.Get(ctx, prefix+":next"); err != nil {
		return fmt.Errorf("llm: quota: %w", err)
	} else if ok {
		if n, err := strconv.Atoi(string(v)); err == nil && n >= 0 {
			start = n
		}
	}
	for slot := start; slot < c.quota; slot++ {
		ok, err := c.state.Claim(ctx, prefix+":"+strconv.Itoa(slot), quotaTTL)
		if err != nil {
			return fmt.Errorf("llm: quota: %w", err)
		}
		if ok {
			if err := c.state.Set(ctx, prefix+":next", []byte(strconv.Itoa(slot+1)), quotaTTL); err != nil {
				return fmt.Errorf("llm: quota: %w", err)
			}
			return nil
		}
	}
	c.stats.quotaRejects.Add(1)
	return ErrQuotaExceeded
}
