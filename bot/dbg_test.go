package bot

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"sync"
	"testing"
	"time"

	tg "github.com/go-telegram/bot"
	"codesk/bot/botapitest"
)

func TestDbgLatency(t *testing.T) {
	for _, tuned := range []bool{false, true} {
	fake := botapitest.NewServer(t, botapitest.WithLimits(botapitest.ScaledLimits(scale)))
	opts := []tg.Option{tg.WithServerURL(fake.URL), tg.WithSkipGetMe()}
	if tuned {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.MaxIdleConnsPerHost = 100
		opts = append(opts, tg.WithHTTPClient(time.Minute, &http.Client{Transport: tr}))
	}
	api, _ := tg.New(botapitest.Token, opts...)
	p := NewPacer(TelegramLimits().Scaled(scale), 50*time.Millisecond, quietLog)
	var mu sync.Mutex
	var lat []time.Duration
	t0 := time.Now()
	var wg sync.WaitGroup
	for i := range 100 {
		id := int64(1000 + i)
		for k := range 10 {
		wg.Go(func() {
				_ = p.Send(context.Background(), id, func(ctx context.Context) error {
					s := time.Now()
					_, err := api.SendMessage(ctx, &tg.SendMessageParams{ChatID: id, Text: fmt.Sprint(k)})
					mu.Lock(); lat = append(lat, time.Since(s)); mu.Unlock()
					return err
				})
		})
		}
	}
	wg.Wait()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	t.Logf("tuned=%v total %v p0 %v p50 %v p90 %v p99 %v max %v viol %d", tuned, time.Since(t0), lat[0], lat[len(lat)/2], lat[len(lat)*9/10], lat[len(lat)*99/100], lat[len(lat)-1], len(fake.LimitViolations()))
	}
}
