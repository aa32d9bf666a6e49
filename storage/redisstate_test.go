package storage_test

import (
	"codesk/internal/logtest"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"codesk/storage"
	"codesk/storage/statetest"
)

// envRedisURL names the Redis server the integration tests use.
const envRedisURL = "TEST_REDIS_URL"

// testRedisURL returns TEST_REDIS_URL; without it the test skips, or fails
// when CI=true.
func testRedisURL(t *testing.T) string {
	t.Helper()
	u := os.Getenv(envRedisURL)
	if u == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but %s is unset; Redis tests must run in CI", envRedisURL)
		}
		t.Skipf("%s unset; skipping Redis", envRedisURL)
	}
	return u
}

// testRedisPrefix returns a fresh key prefix whose keys are deleted when the
// test ends, so tests sharing the server never see each other's keys.
func testRedisPrefix(t *testing.T, redisURL string) string {
	t.Helper()
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	prefix := "codesk-test:" + hex.EncodeToString(b) + ":"
	raw := rawRedis(t, redisURL)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := deleteKeys(ctx, raw, prefix); err != nil {
			t.Errorf("delete test keys %s*: %v", prefix, err)
		}
	})
	return prefix
}

// rawRedis is a plain client for inspecting and cleaning up what RedisState
// stored.
func rawRedis(t *testing.T, redisURL string) *redis.Client {
	t.Helper()
	opts, err := redis.ParseURL(redisURL)
	if err != nil {
		t.Fatalf("parse %s: %v", envRedisURL, storage.RedactURL(err.Error()))
	}
	client := redis.NewClient(opts)
	t.Cleanup(func() { client.Close() })
	return client
}

func deleteKeys(ctx context.Context, client *redis.Client, prefix string) error {
	iter := client.Scan(ctx, 0, prefix+"*", 100).Iterator()
	for iter.Next(ctx) {
		if err := client.Del(ctx, iter.Val()).Err(); err != nil {
			return err
		}
	}
	return iter.Err()
}

// openRedisState returns a RedisState on prefix, closed when the test ends.
func openRedisState(t *testing.T, redisURL, prefix string) *storage.RedisState {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	s, err := storage.NewRedisState(ctx, redisURL, prefix)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return s
}

// TestRedisStateContract runs the shared contract on the real server; time
// advances by sleeping, about 4 s in all.
func TestRedisStateContract(t *testing.T) {
	redisURL := testRedisURL(t)
	statetest.Run(t, func(t *testing.T) storage.SharedState {
		return openRedisState(t, redisURL, testRedisPrefix(t, redisURL))
	}, time.Sleep)
}

// TestRedisStateReplicasClaimOnce is two replicas racing for the same
// updates: each update must be claimed by exactly one caller.
func TestRedisStateReplicasClaimOnce(t *testing.T) {
	redisURL := testRedisURL(t)
	prefix := testRedisPrefix(t, redisURL)
	replicas := []*storage.RedisState{openRedisState(t, redisURL, prefix), openRedisState(t, redisURL, prefix)}
	ctx := context.Background()
	const updates, callers = 10, 50
	for u := range updates {
		key := fmt.Sprintf("update:%d", u)
		var wg sync.WaitGroup
		var mu sync.Mutex
		wins, errs := 0, []error{}
		for c := range callers {
			wg.Go(func() {
				ok, err := replicas[c%len(replicas)].Claim(ctx, key, time.Minute)
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					errs = append(errs, err)
				}
				if ok {
					wins++
				}
			})
		}
		wg.Wait()
		if len(errs) > 0 || wins != 1 {
			t.Fatalf("%s: %d concurrent claims on 2 replicas: %d won, errors %v; want exactly 1", key, callers, wins, errs)
		}
	}
}

// TestRedisStateKeysArePrefixed checks keys live under the prefix (default
// "codesk:") with the ttl given, and prefixes do not see each other's keys.
func TestRedisStateKeysArePrefixed(t *testing.T) {
	redisURL := testRedisURL(t)
	raw := rawRedis(t, redisURL)
	ctx := context.Background()

	prefix := testRedisPrefix(t, redisURL)
	s := openRedisState(t, redisURL, prefix)
	if err := s.Set(ctx, "conv:1", []byte("step"), 1500*time.Millisecond); err != nil {
		t.Fatal(err)
	}
	if got, err := raw.Get(ctx, prefix+"conv:1").Result(); err != nil || got != "step" {
		t.Fatalf("raw GET %sconv:1 = %q, %v; want \"step\"", prefix, got, err)
	}
	// PX keeps sub-second precision: 1.5 s must not become 1 s or 2 s.
	if pttl, err := raw.PTTL(ctx, prefix+"conv:1").Result(); err != nil || pttl <= time.Second || pttl > 1500*time.Millisecond {
		t.Fatalf("PTTL = %v, %v; want within (1s, 1.5s]", pttl, err)
	}

	other := openRedisState(t, redisURL, testRedisPrefix(t, redisURL))
	if _, ok, err := other.Get(ctx, "conv:1"); err != nil || ok {
		t.Fatalf("another prefix sees conv:1: ok=%v err=%v", ok, err)
	}

	defaulted := openRedisState(t, redisURL, "")
	key := strings.TrimPrefix(prefix, "codesk-test:") + "default"
	t.Cleanup(func() { raw.Del(context.Background(), storage.DefaultRedisPrefix+key) })
	if ok, err := defaulted.Claim(ctx, key, time.Minute); err != nil || !ok {
		t.Fatalf("Claim = %v, %v", ok, err)
	}
	if n, err := raw.Exists(ctx, storage.DefaultRedisPrefix+key).Result(); err != nil || n != 1 {
		t.Fatalf("EXISTS %s%s = %d, %v; want 1", storage.DefaultRedisPrefix, key, n, err)
	}
}

// TestNewRedisStateErrorsHidePassword needs no server: nothing listens on
// port 1 and the malformed URL fails before dialling.
func TestNewRedisStateErrorsHidePassword(t *testing.T) {
	for _, u := range []string{
		"redis://:hunter2@127.0.0.1:1/0",
		"redis://codesk:hunter2@127.0.0.1:notaport/0",
		"redis://codesk:hunter2@127.0.0.1:6379/notadb",
		"redis://codesk:hun%2Fter2@127.0.0.1:notaport/0",
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		s, err := storage.NewRedisState(ctx, u, "")
		cancel()
		if err == nil {
			s.Close()
			t.Fatalf("NewRedisState(%s) succeeded; want an error", storage.RedactURL(u))
		}
		if msg := err.Error(); strings.Contains(msg, "hunter2") || strings.Contains(msg, "hun/ter2") || strings.Contains(msg, "hun%2Fter2") {
			t.Fatalf("error leaks the password: %v", err)
		}
	}
}

// TestNewRedisStateWrongPassword: the server has no such password, and the
// refusal must not echo it.
func TestNewRedisStateWrongPassword(t *testing.T) {
	redisURL := testRedisURL(t)
	opts, err := redis.ParseURL(redisURL)
	if err != nil {
		t.Fatal(err)
	}
	wrong := fmt.Sprintf("redis://nobody:hunter2@%s/%d", opts.Addr, opts.DB)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	s, err := storage.NewRedisState(ctx, wrong, "")
	if err == nil {
		s.Close()
		t.Fatal("NewRedisState with a wrong user and password succeeded")
	}
	if strings.Contains(err.Error(), "hunter2") {
		t.Fatalf("error leaks the password: %v", err)
	}
}

func TestLogRedisToSendsClientMessagesToSlog(t *testing.T) {
	logged := &logtest.Buffer{}
	storage.LogRedisTo(slog.New(slog.NewTextHandler(logged, nil)))
	t.Cleanup(func() { storage.LogRedisTo(slog.New(slog.NewTextHandler(os.Stderr, nil))) })
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if s, err := storage.NewRedisState(ctx, "redis://127.0.0.1:1/0", ""); err == nil {
		s.Close()
		t.Fatal("NewRedisState succeeded with nothing listening")
	}
	if out := logged.String(); !strings.Contains(out, "level=WARN") || !strings.Contains(out, "127.0.0.1:1") {
		t.Fatalf("the client's dial failure should be a slog warning; got:\n%s", out)
	}
}
