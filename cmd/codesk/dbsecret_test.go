package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // "pgx" driver to make the test's schema

	"codesk/bot/botapitest"
	"codesk/storage/storagetest"
)

const dbPassword = "Hunter2DbSecret"

// postgresWithPassword returns TEST_DATABASE_URL's server with a password
// in the URL (the test server trusts local connections, so any password
// works) and a fresh schema, dropped at the end.
func postgresWithPassword(t *testing.T) *url.URL {
	t.Helper()
	server := os.Getenv(storagetest.EnvDatabaseURL)
	if server == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but %s is unset", storagetest.EnvDatabaseURL)
		}
		t.Skipf("%s unset", storagetest.EnvDatabaseURL)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	admin, err := sql.Open("pgx", server)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	b := make([]byte, 6)
	rand.Read(b)
	schema := "codesk_secret_" + hex.EncodeToString(b)
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if _, err := admin.ExecContext(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("drop schema: %v", err)
		}
	})
	u, err := url.Parse(server)
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.UserPassword(u.User.Username(), dbPassword)
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u
}

// The database password in DATABASE_URL never reaches the log or stderr:
// not at start-up, not at debug level, not when the database cannot be
// reached.
func TestTheDatabasePasswordNeverReachesTheLog(t *testing.T) {
	t.Chdir(t.TempDir()) // serve keeps its outbox journal in the working directory
	u := *postgresWithPassword(t)
	env := map[string]string{"DATABASE_URL": u.String(), "LOG_LEVEL": "debug"}

	_, stderr, err := codesk(t, context.Background(), env, "", "migrate")
	if err != nil {
		t.Fatalf("migrate: %v\n%s", err, stderr)
	}
	assertNoPassword(t, "migrate", stderr)

	tg := botapitest.NewServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	go func() {
		for ctx.Err() == nil && tg.Requests("getUpdates") < 1 {
			time.Sleep(20 * time.Millisecond)
		}
		cancel()
	}()
	env["TELEGRAM_BOT_TOKEN"], env["TELEGRAM_API_URL"] = botapitest.Token, tg.URL
	_, stderr, err = codesk(t, ctx, env, "", "serve")
	assertNoPassword(t, "serve", stderr)
	if !strings.Contains(stderr, "polling for updates") {
		t.Errorf("serve did not get as far as polling:\n%s", stderr)
	}
	if err != nil {
		t.Fatalf("serve: %v\n%s", err, stderr)
	}

	unreachable := u
	unreachable.Host = "127.0.0.1:1"
	_, stderr, err = codesk(t, context.Background(), map[string]string{"DATABASE_URL": unreachable.String(), "LOG_LEVEL": "debug"}, "", "migrate")
	if err == nil {
		t.Fatal("migrate against nothing succeeded")
	}
	assertNoPassword(t, "migrate of an unreachable database", stderr)
}

func assertNoPassword(t *testing.T, what, stderr string) {
	t.Helper()
	if strings.Contains(stderr, dbPassword) {
		t.Errorf("%s: the database password reached stderr:\n%s", what, stderr)
	}
}
