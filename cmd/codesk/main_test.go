package main

import (
	"codesk/internal/logtest"
	"context"
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"codesk/bot/botapitest"
)

// codesk runs the command line in-process with env on top of a fresh
// SQLite database.
func codesk(t *testing.T, ctx context.Context, env map[string]string, stdin string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	vars := map[string]string{"DATABASE_URL": "sqlite:" + filepath.Join(t.TempDir(), "codesk.db")}
	for k, v := range env {
		vars[k] = v
	}
	var out, errOut logtest.Buffer
	err = run(ctx, args, strings.NewReader(stdin), &out, &errOut, func(k string) string { return vars[k] })
	return out.String(), errOut.String(), err
}

func TestServeNeverLogsTheToken(t *testing.T) {
	tg := botapitest.NewServer(t)
	tg.FailNext("getUpdates", 3, 500, 0)
	tg.FailNext("deleteWebhook", 1, 502, 0)

	// Stop serve once it has polled past the failures (or after 20 s).
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	go func() {
		for ctx.Err() == nil && tg.Requests("getUpdates") < 4 {
			time.Sleep(20 * time.Millisecond)
		}
		cancel()
	}()
	_, stderr, err := codesk(t, ctx, map[string]string{
		"TELEGRAM_BOT_TOKEN": botapitest.Token, "TELEGRAM_API_URL": tg.URL, "LOG_LEVEL": "debug",
	}, "", "serve")
	if err != nil {
		t.Fatalf("serve should ride out the failures and stop cleanly: %v\n%s", err, stderr)
	}
	if tg.Requests("getUpdates") < 4 {
		t.Errorf("serve should keep polling after failures: %d getUpdates calls", tg.Requests("getUpdates"))
	}
	if strings.Contains(stderr, botapitest.Token) || strings.Contains(stderr, "AAFakeToken") {
		t.Fatalf("the bot token reached the log:\n%s", stderr)
	}
	if !strings.Contains(stderr, "500") && !strings.Contains(stderr, "502") {
		t.Errorf("the failing calls should be logged (without the token):\n%s", stderr)
	}
}

func TestUnreachableTelegramFailsWithoutLeakingTheToken(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing listens there now

	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	_, stderr, err := codesk(t, ctx, map[string]string{
		"TELEGRAM_BOT_TOKEN": botapitest.Token, "TELEGRAM_API_URL": "http://" + addr, "LOG_LEVEL": "debug",
	}, "", "serve")
	if err == nil {
		t.Fatal("serve must fail when Telegram cannot be reached")
	}
	if strings.Contains(stderr, "AAFakeToken") {
		t.Fatalf("the bot token reached stderr:\n%s", stderr)
	}
	if !strings.Contains(stderr, "getMe") {
		t.Errorf("the error should say what failed:\n%s", stderr)
	}
}

func TestServeWithoutATokenSaysWhatIsMissing(t *testing.T) {
	_, stderr, err := codesk(t, context.Background(), nil, "", "serve")
	if err == nil || !strings.Contains(stderr, "TELEGRAM_BOT_TOKEN") {
		t.Fatalf("want an error naming TELEGRAM_BOT_TOKEN, got %v: %s", err, stderr)
	}
}

func TestConsoleAnswersAPipeInBothLanguages(t *testing.T) {
	stdout, stderr, err := codesk(t, context.Background(), nil, "电梯什么时候换？\nWhen will the lifts be replaced?\n", "console")
	if err != nil {
		t.Fatalf("console: %v\n%s", err, stderr)
	}
	if !strings.Contains(stdout, "电梯") || !strings.Contains(stdout, "Lift") {
		t.Errorf("want a Chinese and an English answer about lifts:\n%s", stdout)
	}
	if !strings.Contains(stdout, "[1] 👍 有帮助") || !strings.Contains(stdout, "[1] 👍 Helpful") {
		t.Errorf("buttons are shown as numbered choices:\n%s", stdout)
	}
}

func TestFAQMatchWritesOneJSONLinePerQuestion(t *testing.T) {
	questions := "电梯什么时候换？\nwhich metro line goes to the airport\n\n"
	stdout, stderr, err := codesk(t, context.Background(), nil, questions, "faq", "match", "--faq", "../../faq/default.yaml")
	if err != nil {
		t.Fatalf("faq match: %v\n%s", err, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 3 {
		t.Fatalf("want 3 output lines (one per input line, blank included), got %d:\n%s", len(lines), stdout)
	}
	var first, second map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(lines[1]), &second); err != nil {
		t.Fatal(err)
	}
	if first["q"] != "电梯什么时候换？" || first["id"] == nil {
		t.Errorf("first line: want q echoed and an id, got %v", first)
	}
	if _, ok := first["candidates"].([]any); !ok {
		t.Errorf("candidates must be a list: %v", first)
	}
	if second["id"] != nil {
		t.Errorf("an out-of-scope question must have a null id, got %v", second)
	}
}

func TestFAQImportValidatesTheWholeFileAndChangesNothingWhenBad(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"DATABASE_URL": "sqlite:" + filepath.Join(dir, "codesk.db")}
	ctx := context.Background()

	exported, stderr, err := codesk(t, ctx, env, "", "faq", "export")
	if err != nil {
		t.Fatalf("export: %v %s", err, stderr)
	}
	good := filepath.Join(dir, "good.yaml")
	edited := strings.Replace(exported, "version: 1", "version: 1\n# edited", 1)
	if err := os.WriteFile(good, []byte(edited), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, stderr, err := codesk(t, ctx, env, "", "faq", "import", good); err != nil || !strings.Contains(out, "unchanged") {
		t.Fatalf("re-importing the export: %v %s %s", err, out, stderr)
	}

	bad := filepath.Join(dir, "bad.yaml")
	badBody := "version: 1\nentries:\n  - id: Bad_ID\n    questions: [x]\n    answer: {zh: y}\n  - id: ok-one\n    questions: []\n    answer: {en: z}\n"
	if err := os.WriteFile(bad, []byte(badBody), 0o600); err != nil {
		t.Fatal(err)
	}
	_, stderr, err = codesk(t, ctx, env, "", "faq", "import", bad)
	if err == nil {
		t.Fatal("a bad file must be refused")
	}
	for _, want := range []string{"Bad_ID", "ok-one", "nothing was changed"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("the error should mention %q:\n%s", want, stderr)
		}
	}
	after, _, err := codesk(t, ctx, env, "", "faq", "export")
	if err != nil || after != exported {
		t.Errorf("a refused import must leave the FAQ as it was (err %v)", err)
	}
}

func TestRouteWritesOneJSONLinePerConcern(t *testing.T) {
	concerns := "5号楼电梯又坏了，困了人\nA flat in Building 4 is rented to a crowd of workers sleeping in bunk beds.\n"
	stdout, stderr, err := codesk(t, context.Background(), nil, concerns, "route")
	if err != nil {
		t.Fatalf("route: %v\n%s", err, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 2 {
		t.Fatalf("want 2 lines, got %d:\n%s", len(lines), stdout)
	}
	want := []string{"property_management", "neighborhood_committee"}
	for i, line := range lines {
		var got routeOutput
		if err := json.Unmarshal([]byte(line), &got); err != nil {
			t.Fatal(err)
		}
		if got.Party != want[i] || got.Category == "" || got.Confidence <= 0 || got.Confidence > 1 {
			t.Errorf("line %d = %+v, want party %s with a category and confidence in (0,1]", i, got, want[i])
		}
	}
}
