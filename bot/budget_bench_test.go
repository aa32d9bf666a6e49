package bot

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"codesk/bot/botapitest"
	"codesk/handlers"
)

// BenchmarkDrain1000TwoReplicas is BenchmarkDrain1000 with the messages
// spread over two replicas sharing the Redis send budget, every chat's
// messages alternating between them. x-floor is the drain time over the
// limits' theoretical minimum for one bot, however many replicas send;
// 429s counts the fake's refusals.
func BenchmarkDrain1000TwoReplicas(b *testing.B) {
	testRedisURL(b)
	for _, load := range []struct {
		name string
		drainLoad
	}{
		{"100private", drainLoad{private: 100, perChat: 10, scale: 0.05}},
		{"50groups+50private", drainLoad{private: 50, groups: 50, perChat: 10, scale: 0.05}},
		{"20groups", drainLoad{groups: 20, perChat: 50, scale: 0.02}},
	} {
		b.Run(load.name, func(b *testing.B) {
			var ratios, floods float64
			for range b.N {
				took, rejected := drainReplicas(b, load.drainLoad, 2)
				ratios += float64(took) / float64(load.floor())
				floods += float64(rejected)
			}
			b.ReportMetric(ratios/float64(b.N), "x-floor")
			b.ReportMetric(floods/float64(b.N), "429s")
		})
	}
}

// drainReplicas sends load's messages concurrently through n replicas
// sharing one budget and returns how long they took and how many sends the
// fake refused with 429.
func drainReplicas(b *testing.B, load drainLoad, n int) (time.Duration, int) {
	b.StopTimer()
	rs := newReplicas(b, n, botapitest.ScaledLimits(load.scale), TelegramLimits().Scaled(load.scale), true, 0, nil)
	burst := alternatingBurst(load.private, load.groups, load.perChat, n)
	ctx := context.Background()
	errs := make(chan error, len(burst))
	var wg sync.WaitGroup
	b.StartTimer()
	start := time.Now()
	for _, m := range burst { // all queued at once, as in drain
		wg.Go(func() {
			_, err := rs.ms[m.replica].Send(ctx, handlers.OutMessage{ChatID: m.chat, Text: m.text})
			errs <- err
		})
	}
	wg.Wait()
	took := time.Since(start)
	b.StopTimer()
	close(errs)
	for err := range errs {
		if err != nil {
			b.Fatalf("send: %v", err)
		}
	}
	if got, want := rs.fake.SentTotal(), len(burst); got != want {
		b.Fatalf("fake received %d messages, want %d", got, want)
	}
	rejected := 0
	for _, r := range rs.fake.Rejections() {
		if r.Code == http.StatusTooManyRequests {
			rejected++
		}
	}
	b.StartTimer()
	return took, rejected
}
