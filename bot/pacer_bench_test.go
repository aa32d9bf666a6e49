package bot

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"codesk/bot/botapitest"
)

// drainLoad is a burst of queued messages: perChat messages to each of the
// private chats and groups.
type drainLoad struct {
	private, groups, perChat int
	scale                    float64 // of Telegram's windows, for fake and pacer alike
}

func (d drainLoad) chats() []int64 {
	var ids []int64
	for i := range d.private {
		ids = append(ids, int64(10_000+i))
	}
	for i := range d.groups {
		ids = append(ids, int64(-10_000-i))
	}
	return ids
}

// floor is a lower bound on the time from the first send to the last for any
// sender keeping to the fake's rolling windows: the larger of what all sends
// need overall and what one chat's sends need under its chat (and group) limits.
func (d drainLoad) floor() time.Duration {
	l := botapitest.ScaledLimits(d.scale)
	total := (d.private + d.groups) * d.perChat
	f := time.Duration((total-1)/l.Global) * l.GlobalWindow
	f = max(f, chatFloor(d.perChat, l, false))
	if d.groups > 0 {
		f = max(f, chatFloor(d.perChat, l, true))
	}
	return f
}

// chatFloor is when the last of n sends to one chat can go at the earliest:
// each send as soon as every window allows it, which is optimal.
func chatFloor(n int, l botapitest.Limits, group bool) time.Duration {
	at := make([]time.Duration, n)
	for k := 1; k < n; k++ {
		if k >= l.PerChat {
			at[k] = max(at[k], at[k-l.PerChat]+l.ChatWindow)
		}
		if group && k >= l.PerGroup {
			at[k] = max(at[k], at[k-l.PerGroup]+l.GroupWindow)
		}
	}
	return at[n-1]
}

// BenchmarkDrain1000 drains 1,000 messages queued at once through Messenger.Send
// against the fake enforcing Telegram's limits (scaled). x-floor is the drain
// time over the limits' theoretical minimum; 429s counts the fake's refusals.
func BenchmarkDrain1000(b *testing.B) {
	for _, load := range []struct {
		name string
		drainLoad
	}{
		{"100private", drainLoad{private: 100, perChat: 10, scale: 0.05}},
		{"50groups+50private", drainLoad{private: 50, groups: 50, perChat: 10, scale: 0.05}},
		{"20groups", drainLoad{groups: 20, perChat: 50, scale: 0.02}}, // 20/min per group binds
	} {
		b.Run(load.name, func(b *testing.B) {
			var ratios, floods float64
			for range b.N {
				took, rejected := drain(b, load.drainLoad)
				ratios += float64(took) / float64(load.floor())
				floods += float64(rejected)
			}
			b.ReportMetric(ratios/float64(b.N), "x-floor")
			b.ReportMetric(floods/float64(b.N), "429s")
		})
	}
}

// drain sends load's messages concurrently and returns how long they took
// and how many sends the fake refused with 429.
func drain(b *testing.B, load drainLoad) (time.Duration, int) {
	b.StopTimer()
	pb := newPacedBot(b, botapitest.ScaledLimits(load.scale), TelegramLimits().Scaled(load.scale))
	chats := load.chats()
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, len(chats)*load.perChat)
	b.StartTimer()
	start := time.Now()
	for _, id := range chats {
		for k := range load.perChat {
			wg.Go(func() { errs <- pb.send(ctx, id, fmt.Sprintf("reply %d", k)) })
		}
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
	if got, want := pb.fake.SentTotal(), len(chats)*load.perChat; got != want {
		b.Fatalf("fake received %d messages, want %d", got, want)
	}
	rejected := 0
	for _, r := range pb.fake.Rejections() {
		if r.Code == http.StatusTooManyRequests {
			rejected++
		}
	}
	b.StartTimer()
	return took, rejected
}
