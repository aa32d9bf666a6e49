package main

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"codesk/storage"
)

func TestUnreachableRedisFailsStartWithoutLeakingThePassword(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	// Nothing listens on port 1: a configured but unreachable Redis must stop
	// the start, not fall back to memory (replicas would then disagree).
	_, stderr, err := codesk(t, ctx, map[string]string{"REDIS_URL": "redis://codesk:hunter2@127.0.0.1:1/0"}, "", "faq", "export")
	if err == nil {
		t.Fatal("start with an unreachable REDIS_URL succeeded")
	}
	if strings.Contains(stderr, "hunter2") {
		t.Fatalf("the Redis password reached stderr:\n%s", stderr)
	}
	if !strings.Contains(stderr, "redis://codesk:xxxxx@127.0.0.1:1/0") {
		t.Errorf("the error should name the (redacted) Redis URL:\n%s", stderr)
	}
}

func TestRedisURLSelectsRedisState(t *testing.T) {
	redisURL := os.Getenv("TEST_REDIS_URL")
	if redisURL == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true but TEST_REDIS_URL is unset; Redis tests must run in CI")
		}
		t.Skip("TEST_REDIS_URL unset; skipping Redis")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	_, stderr, err := codesk(t, ctx, map[string]string{"REDIS_URL": redisURL, "LOG_LEVEL": "info"}, "", "faq", "export")
	if err != nil {
		t.Fatalf("faq export with REDIS_URL: %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "shared state in Redis") || !strings.Contains(stderr, storage.RedactURL(redisURL)) {
		t.Errorf("the log should say Redis is used, with the redacted URL:\n%s", stderr)
	}
}
