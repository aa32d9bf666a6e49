package storage_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"codesk/storage"
)

// openBudget returns a send budget on a fresh prefix, and that prefix.
func openBudget(t *testing.T, l storage.SendLimits, lease time.Duration) (*storage.RedisSendBudget, string) {
	t.Helper()
	redisURL := testRedisURL(t)
	prefix := testRedisPrefix(t, redisURL)
	return openRedisState(t, redisURL, prefix).SendBudget(l, lease), prefix
}

func reserve(t *testing.T, b *storage.RedisSendBudget, chatID int64) storage.SendGrant {
	t.Helper()
	g, err := b.Reserve(context.Background(), chatID)
	if err != nil {
		t.Fatalf("reserve chat %d: %v", chatID, err)
	}
	return g
}

func settle(t *testing.T, b *storage.RedisSendBudget, g storage.SendGrant) {
	t.Helper()
	if err := b.Settle(context.Background(), g); err != nil {
		t.Fatalf("settle chat %d: %v", g.ChatID, err)
	}
}

// redisNow is the Redis server's clock, which the budget's scores use.
func redisNow(t *testing.T, raw *redis.Client) time.Time {
	t.Helper()
	now, err := raw.Time(context.Background()).Result()
	if err != nil {
		t.Fatal(err)
	}
	return now
}

func TestSendBudgetChatWindowFreesAWindowAfterTheAnswer(t *testing.T) {
	const window, margin = 400 * time.Millisecond, 10 * time.Millisecond
	b, prefix := openBudget(t, storage.SendLimits{PerChat: 1, ChatWindow: window, Margin: margin}, 0)
	raw := rawRedis(t, testRedisURL(t))
	ctx := context.Background()

	first := reserve(t, b, 7)
	if !first.Granted() {
		t.Fatalf("the first send to an empty window was refused: %+v", first)
	}
	// Under way (not yet answered), the send's window end is unknown: a
	// second send must wait at least a whole window.
	if g := reserve(t, b, 7); g.Granted() || g.ChatWait != window+margin || g.GlobalWait != 0 {
		t.Fatalf("second send while the first is under way: %+v; want refused, ChatWait %v", g, window+margin)
	}
	if g := reserve(t, b, 8); !g.Granted() {
		t.Fatalf("another chat is held up by chat 7's window: %+v", g)
	}

	before := redisNow(t, raw)
	settle(t, b, first)
	after := redisNow(t, raw)
	// The window runs from the answer (Redis's clock at Settle), plus margin.
	score, err := raw.ZScore(ctx, prefix+"{send}:chat:7", first.ID).Result()
	if err != nil {
		t.Fatalf("ZSCORE of the settled send: %v", err)
	}
	freesAt := time.UnixMicro(int64(score))
	if lo, hi := before.Add(window+margin), after.Add(window+margin); freesAt.Before(lo) || freesAt.After(hi) {
		t.Fatalf("settled send frees at %v; want within [%v, %v]", freesAt, lo, hi)
	}

	refused := reserve(t, b, 7)
	if refused.Granted() || refused.ChatWait <= 0 || refused.ChatWait > window+margin {
		t.Fatalf("send inside the window: %+v; want refused with 0 < ChatWait <= %v", refused, window+margin)
	}
	// Just before the window's end it is still full; just after it has room.
	time.Sleep(time.Until(freesAt.Add(-100 * time.Millisecond)))
	if g := reserve(t, b, 7); g.Granted() {
		t.Fatalf("granted 100 ms before the window ends")
	}
	time.Sleep(time.Until(freesAt.Add(5 * time.Millisecond)))
	if g := reserve(t, b, 7); !g.Granted() {
		t.Fatalf("refused after the window ended: %+v", g)
	}
}

func TestSendBudgetScopes(t *testing.T) {
	limits := storage.SendLimits{
		Global: 3, GlobalWindow: time.Minute,
		PerChat: 1, ChatWindow: 100 * time.Millisecond,
		PerGroup: 2, GroupWindow: time.Minute,
	}
	t.Run("global holds back every chat", func(t *testing.T) {
		b, _ := openBudget(t, limits, 0)
		for _, chat := range []int64{1, 2, -3} {
			settle(t, b, reserve(t, b, chat))
		}
		for _, chat := range []int64{4, -5} {
			g := reserve(t, b, chat)
			if g.Granted() || g.GlobalWait <= 0 || g.ChatWait != 0 {
				t.Fatalf("chat %d after 3 sends in the global window: %+v; want refused on GlobalWait only", chat, g)
			}
		}
	})
	t.Run("group window binds one group only", func(t *testing.T) {
		b, prefix := openBudget(t, limits, 0)
		raw := rawRedis(t, testRedisURL(t))
		settle(t, b, reserve(t, b, -9))
		time.Sleep(110 * time.Millisecond) // the group's chat window passes
		settle(t, b, reserve(t, b, -9))
		time.Sleep(110 * time.Millisecond)
		g := reserve(t, b, -9)
		if g.Granted() || g.ChatWait < 50*time.Second || g.GlobalWait != 0 {
			t.Fatalf("third send to a group with 2 per minute: %+v; want refused for most of a minute", g)
		}
		// A refusal records nothing: the global window still holds two sends
		// and the group's chat window none.
		if n, err := raw.ZCard(context.Background(), prefix+"{send}:global").Result(); err != nil || n != 2 {
			t.Errorf("global window holds %d sends (%v); want 2", n, err)
		}
		if n, err := raw.ZCard(context.Background(), prefix+"{send}:chat:-9").Result(); err != nil || n != 0 {
			t.Errorf("refused send left %d entries in the chat window (%v)", n, err)
		}
		if g := reserve(t, b, -10); !g.Granted() {
			t.Errorf("another group is held up: %+v", g)
		}
	})
	t.Run("private chats have no group window", func(t *testing.T) {
		b, _ := openBudget(t, storage.SendLimits{PerGroup: 1, GroupWindow: time.Minute}, 0)
		for range 3 {
			if g := reserve(t, b, 42); !g.Granted() {
				t.Fatalf("a private chat was held to a group limit: %+v", g)
			}
		}
		if g := reserve(t, b, -42); !g.Granted() {
			t.Fatalf("first group send refused: %+v", g)
		}
		if g := reserve(t, b, -42); g.Granted() {
			t.Fatal("second group send within the group window granted")
		}
	})
}

// TestSendBudgetReplicasNeverOverbook is replicas racing for the last slots:
// the script checks and records at once, so exactly the limit is granted.
func TestSendBudgetReplicasNeverOverbook(t *testing.T) {
	redisURL := testRedisURL(t)
	prefix := testRedisPrefix(t, redisURL)
	limits := storage.SendLimits{Global: 10, GlobalWindow: time.Minute, PerChat: 1, ChatWindow: time.Minute}
	replicas := []*storage.RedisSendBudget{
		openRedisState(t, redisURL, prefix).SendBudget(limits, 0),
		openRedisState(t, redisURL, prefix).SendBudget(limits, 0),
	}
	var mu sync.Mutex
	granted := map[int64]int{}
	var wg sync.WaitGroup
	for i := range 200 {
		wg.Go(func() {
			chat := int64(i % 25) // 8 callers per chat
			g, err := replicas[i%2].Reserve(context.Background(), chat)
			if err != nil {
				t.Error(err)
				return
			}
			if g.Granted() {
				mu.Lock()
				granted[chat]++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	total := 0
	for chat, n := range granted {
		total += n
		if n > 1 {
			t.Errorf("chat %d granted %d sends in its 1-per-minute window", chat, n)
		}
	}
	if total != 10 {
		t.Errorf("granted %d sends against a global limit of 10", total)
	}
}

// TestSendBudgetUnsettledReservationExpiresAfterItsLease: a replica that
// died mid-send holds its slot for the lease plus a window, not for ever.
func TestSendBudgetUnsettledReservationExpiresAfterItsLease(t *testing.T) {
	const lease, window = 200 * time.Millisecond, 100 * time.Millisecond
	b, prefix := openBudget(t, storage.SendLimits{Global: 1, GlobalWindow: window}, lease)
	raw := rawRedis(t, testRedisURL(t))
	start := time.Now()
	if g := reserve(t, b, 1); !g.Granted() {
		t.Fatal("first send refused")
	}
	// Every key expires with its last entry, so abandoned chats leave nothing.
	if pttl, err := raw.PTTL(context.Background(), prefix+"{send}:global").Result(); err != nil || pttl <= 0 || pttl > lease+window+2*time.Millisecond {
		t.Errorf("PTTL of the global window = %v (%v); want within (0, lease+window]", pttl, err)
	}
	for {
		g := reserve(t, b, 2)
		if g.Granted() {
			break
		}
		if time.Since(start) > 2*time.Second {
			t.Fatal("the unsettled reservation still holds its slot after 2 s")
		}
		time.Sleep(g.GlobalWait)
	}
	if took := time.Since(start); took < lease+window {
		t.Errorf("the slot freed after %v, before lease+window (%v)", took, lease+window)
	}
}

func TestSendBudgetFailsWhenRedisIsGone(t *testing.T) {
	redisURL := testRedisURL(t)
	ctx := context.Background()
	state, err := storage.NewRedisState(ctx, redisURL, testRedisPrefix(t, redisURL))
	if err != nil {
		t.Fatal(err)
	}
	b := state.SendBudget(storage.SendLimits{Global: 1, GlobalWindow: time.Second}, 0)
	g := reserve(t, b, 1)
	state.Close()
	if err := b.Settle(ctx, g); err == nil {
		t.Error("settle on a closed client succeeded")
	}
	if _, err := b.Reserve(ctx, 1); err == nil {
		t.Error("reserve on a closed client succeeded")
	}
	if err := b.Settle(ctx, storage.SendGrant{ChatID: 1}); err == nil {
		t.Error("settling a refused reservation succeeded")
	}
}

func TestSendBudgetWithNoLimitsGrantsEverything(t *testing.T) {
	b, _ := openBudget(t, storage.SendLimits{}, 0)
	for i := range 5 {
		g := reserve(t, b, int64(i))
		if !g.Granted() {
			t.Fatalf("refused with every limit off: %+v", g)
		}
		settle(t, b, g)
	}
}
