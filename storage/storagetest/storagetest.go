// Package storagetest opens migrated, isolated databases for tests in any
// package: a SQLite file in the test's temp dir, or a fresh PostgreSQL schema
// dropped when the test ends.
//
// Environment:
//   - TEST_DATABASE_URL: PostgreSQL server for tests (postgres://...).
//   - CODESK_TEST_DB=postgres: make Open use PostgreSQL instead of SQLite.
//   - CI=true: a missing or unreachable PostgreSQL fails the test, never skips.
package storagetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"codesk/storage"

	_ "github.com/jackc/pgx/v5/stdlib" // "pgx" driver for schema setup
)

// Environment variables read by this package.
const (
	EnvDatabaseURL = "TEST_DATABASE_URL"
	EnvDialect     = "CODESK_TEST_DB"
)

// Open returns a migrated database closed at the end of the test: SQLite by
// default, PostgreSQL when CODESK_TEST_DB=postgres.
func Open(t testing.TB) *storage.DB {
	t.Helper()
	if os.Getenv(EnvDialect) == storage.DialectPostgres {
		return OpenPostgres(t)
	}
	return OpenSQLite(t)
}

// EachDialect runs fn as a subtest on SQLite and, when TEST_DATABASE_URL is
// set, on PostgreSQL, each with a fresh migrated database.
func EachDialect(t *testing.T, fn func(t *testing.T, db *storage.DB)) {
	t.Helper()
	t.Run(storage.DialectSQLite, func(t *testing.T) { fn(t, OpenSQLite(t)) })
	t.Run(storage.DialectPostgres, func(t *testing.T) { fn(t, OpenPostgres(t)) })
}

// OpenSQLite returns a migrated SQLite database in a file under t.TempDir()
// (not :memory:, where each pooled connection would see its own database).
func OpenSQLite(t testing.TB) *storage.DB {
	t.Helper()
	path := filepath.Join(t.TempDir(), "codesk-test.db")
	files, err := sqliteTemplateFiles()
	if err != nil {
		t.Fatalf("storagetest: %v", err)
	}
	for suffix, data := range files {
		if err := os.WriteFile(path+suffix, data, 0o600); err != nil {
			t.Fatalf("storagetest: copy the migrated database: %v", err)
		}
	}
	db := open(t, "sqlite:"+path)
	migrate(t, db) // a no-op on the copy; kept so a stale template cannot pass
	return db
}

// sqliteTemplate is a database migrated once per test binary: each test
// gets a copy of its files, not a migration of its own (a tenth of the
// time, and much less under -race, where migrating took ~120 ms a test).
var sqliteTemplate struct {
	once  sync.Once
	files map[string][]byte // by suffix: "" (the database), "-wal"
	err   error
}

func sqliteTemplateFiles() (map[string][]byte, error) {
	sqliteTemplate.once.Do(func() {
		sqliteTemplate.files, sqliteTemplate.err = migrateTemplate()
	})
	return sqliteTemplate.files, sqliteTemplate.err
}

func migrateTemplate() (map[string][]byte, error) {
	dir, err := os.MkdirTemp("", "codesk-storagetest-")
	if err != nil {
		return nil, fmt.Errorf("template directory: %w", err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "template.db")
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	db, err := storage.Open(ctx, "sqlite:"+path)
	if err != nil {
		return nil, fmt.Errorf("open the template database: %w", err)
	}
	if err := db.Migrate(ctx); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("migrate the template database: %w", err)
	}
	if err := db.Close(); err != nil {
		return nil, fmt.Errorf("close the template database: %w", err)
	}
	files := map[string][]byte{}
	for _, suffix := range []string{"", "-wal"} {
		data, err := os.ReadFile(path + suffix)
		switch {
		case err == nil:
			files[suffix] = data
		case suffix != "" && os.IsNotExist(err):
			// checkpointed at close: the database file holds everything
		default:
			return nil, fmt.Errorf("read the template database: %w", err)
		}
	}
	return files, nil
}

// OpenPostgres returns a migrated database in a new schema of the
// TEST_DATABASE_URL server, dropped (CASCADE) when the test ends. Without
// TEST_DATABASE_URL it skips, or fails when CI=true.
func OpenPostgres(t testing.TB) *storage.DB {
	t.Helper()
	serverURL := os.Getenv(EnvDatabaseURL)
	if serverURL == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("storagetest: CI=true but %s is unset; PostgreSQL tests must run in CI", EnvDatabaseURL)
		}
		t.Skipf("storagetest: %s unset; skipping PostgreSQL", EnvDatabaseURL)
	}
	schema := createSchema(t, serverURL)
	u, err := url.Parse(serverURL)
	if err != nil {
		t.Fatalf("storagetest: parse %s: %v", EnvDatabaseURL, storage.RedactURL(err.Error()))
	}
	q := u.Query()
	q.Set("search_path", schema) // pgx passes unknown parameters on as runtime settings
	u.RawQuery = q.Encode()
	db := open(t, u.String())
	if got := db.Dialect(); got != storage.DialectPostgres {
		t.Fatalf("storagetest: %s opened %s, want postgres", EnvDatabaseURL, got)
	}
	migrate(t, db)
	return db
}

func open(t testing.TB, databaseURL string) *storage.DB {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	db, err := storage.Open(ctx, databaseURL)
	if err != nil {
		t.Fatalf("storagetest: %v", err)
	}
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Errorf("storagetest: %v", err)
		}
	})
	return db
}

func migrate(t testing.TB, db *storage.DB) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if err := db.Migrate(ctx); err != nil {
		t.Fatalf("storagetest: %v", err)
	}
}

// createSchema makes codesk_test_<random> and registers its removal. The
// cleanup is registered before the caller's Close, so it runs after it.
func createSchema(t testing.TB, serverURL string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	admin, err := sql.Open("pgx", serverURL)
	if err != nil {
		t.Fatalf("storagetest: open %s: %v", storage.RedactURL(serverURL), err)
	}
	if err := admin.PingContext(ctx); err != nil {
		_ = admin.Close()
		// Set but unreachable is a broken environment, in CI or not.
		t.Fatalf("storagetest: %s (%s) unreachable: %v", EnvDatabaseURL, storage.RedactURL(serverURL), err)
	}
	schema := "codesk_test_" + randomHex(t, 8)
	if _, err := admin.ExecContext(ctx, `CREATE SCHEMA `+schema); err != nil {
		_ = admin.Close()
		t.Fatalf("storagetest: create schema %s: %v", schema, err)
	}
	t.Cleanup(func() {
		defer admin.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := admin.ExecContext(ctx, `DROP SCHEMA `+schema+` CASCADE`); err != nil {
			t.Errorf("storagetest: drop schema %s: %v", schema, err)
		}
	})
	return schema
}

func randomHex(t testing.TB, n int) string {
	t.Helper()
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(fmt.Errorf("storagetest: random schema name: %w", err))
	}
	return hex.EncodeToString(b)
}
