package redact_test

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"codesk/redact"
)

const token = "123456:AAE-secretTokenValue"

func TestSecretsNeverReachTheLog(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(redact.NewHandler(slog.NewTextHandler(&buf, nil), token, "sk-apikey-123"))

	err := fmt.Errorf("send: %w", errors.New("Post https://api.telegram.org/bot"+token+"/sendMessage: EOF"))
	log.Error("telegram call failed "+token, "err", err, "url", "https://x/bot"+token,
		slog.Group("llm", "key", "sk-apikey-123"))
	log.With("token", token).Info("with attrs")

	out := buf.String()
	for _, secret := range []string{token, "sk-apikey-123"} {
		if strings.Contains(out, secret) {
			t.Fatalf("log contains secret %q:\n%s", secret, out)
		}
	}
	if got := strings.Count(out, redact.Mask); got < 5 {
		t.Errorf("want every secret replaced by %s (5 places), got %d:\n%s", redact.Mask, got, out)
	}
	if !strings.Contains(out, "telegram call failed") {
		t.Errorf("the rest of the message must survive:\n%s", out)
	}
}

func TestShortSecretsAreIgnored(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(redact.NewHandler(slog.NewTextHandler(&buf, nil), "", "a"))
	log.Info("a plain message")
	if !strings.Contains(buf.String(), "a plain message") {
		t.Fatalf("short secrets must not garble logs: %s", buf.String())
	}
}

// A package given a scrubbing logger adds the secret it knows: both sets
// are masked, the record is scrubbed once, and a secret holding another is
// masked whole.
func TestWrappingAScrubbingHandlerAddsItsSecrets(t *testing.T) {
	var buf bytes.Buffer
	outer := redact.NewHandler(slog.NewTextHandler(&buf, nil), "sk-apikey-123")
	log := redact.Logger(slog.New(outer), token, "secretTokenValue")
	if _, twice := log.Handler().(*redact.Handler).Unwrap().(*redact.Handler); twice {
		t.Error("a scrubbing handler wrapped in another: each record would be scrubbed twice")
	}
	log.Warn("retrying", "err", errors.New("GET /bot"+token+"/getMe and /bot123456%3AAAE-secretTokenValue/x; key sk-apikey-123"))
	out := buf.String()
	for _, leak := range []string{"secretTokenValue", "sk-apikey-123"} {
		if strings.Contains(out, leak) {
			t.Errorf("log holds %q:\n%s", leak, out)
		}
	}
	if !strings.Contains(out, "/bot"+redact.Mask+"/getMe") {
		t.Errorf("want the whole token masked where it appears whole:\n%s", out)
	}
}
