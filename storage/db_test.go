package storage_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"codesk/storage"
	"codesk/storage/storagetest"
)

func TestOpenSQLiteLocations(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	cases := []struct{ url, file string }{
		{"sqlite:" + filepath.Join(dir, "a.db"), filepath.Join(dir, "a.db")},
		{"sqlite://" + filepath.Join(dir, "b.db"), filepath.Join(dir, "b.db")},
		{"file:" + filepath.Join(dir, "c.db"), filepath.Join(dir, "c.db")},
		{filepath.Join(dir, "d.db"), filepath.Join(dir, "d.db")},
	}
	for _, c := range cases {
		db, err := storage.Open(ctx, c.url)
		if err != nil {
			t.Fatalf("Open(%q): %v", c.url, err)
		}
		if db.Dialect() != storage.DialectSQLite {
			t.Errorf("Open(%q).Dialect() = %q", c.url, db.Dialect())
		}
		if err := db.Migrate(ctx); err != nil {
			t.Fatalf("Migrate(%q): %v", c.url, err)
		}
		db.Close()
		if _, err := os.Stat(c.file); err != nil {
			t.Errorf("Open(%q) did not create %s: %v", c.url, c.file, err)
		}
	}
}

func TestOpenEmptyURLUsesCodeskDBInWorkingDir(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	db, err := storage.Open(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := os.Stat(filepath.Join(dir, storage.DefaultSQLitePath)); err != nil {
		t.Fatalf("default database file not created: %v", err)
	}
}

func TestOpenRejectsUnknownScheme(t *testing.T) {
	_, err := storage.Open(context.Background(), "mysql://root:hunter2@localhost/codesk")
	if err == nil {
		t.Fatal("Open(mysql://...) succeeded; want an error")
	}
	if strings.Contains(err.Error(), "hunter2") {
		t.Fatalf("error leaks the password: %v", err)
	}
}

func TestOpenPostgresErrorsHidePassword(t *testing.T) {
	for _, url := range []string{
		"postgres://codesk:hunter2@127.0.0.1:1/codesk?sslmode=disable&connect_timeout=2", // nothing listens
		"postgres://codesk:hunter2@127.0.0.1:notaport/codesk",                            // malformed
	} {
		_, err := storage.Open(context.Background(), url)
		if err == nil {
			t.Fatalf("Open(%s) succeeded; want an error", storage.RedactURL(url))
		}
		if strings.Contains(err.Error(), "hunter2") {
			t.Fatalf("error leaks the password: %v", err)
		}
	}
}

func TestRedactURL(t *testing.T) {
	cases := []struct{ in, want string }{
		{"postgres://codesk:hunter2@db:5432/codesk?sslmode=disable", "postgres://codesk:xxxxx@db:5432/codesk?sslmode=disable"},
		{"postgresql://codesk:p%40ss@db/codesk", "postgresql://codesk:xxxxx@db/codesk"},
		{"postgres://codesk@db/codesk", "postgres://codesk@db/codesk"},
		{"postgres://db/codesk?user=codesk&password=hunter2", "postgres://db/codesk?user=codesk&password=xxxxx"},
		{"postgres://codesk:hunter2@db:badport/codesk", "postgres://codesk:xxxxx@db:badport/codesk"},
		{"host=db user=codesk password=hunter2 dbname=codesk", "host=db user=codesk password=xxxxx dbname=codesk"},
		{"sqlite:/var/lib/codesk/codesk.db", "sqlite:/var/lib/codesk/codesk.db"},
		{"", ""},
	}
	for _, c := range cases {
		if got := storage.RedactURL(c.in); got != c.want {
			t.Errorf("RedactURL(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}

func TestMigrateIsIdempotent(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		if _, err := db.TouchResident(ctx, 7, testTime); err != nil {
			t.Fatal(err)
		}
		for range 2 {
			if err := db.Migrate(ctx); err != nil {
				t.Fatalf("second Migrate: %v", err)
			}
		}
		current, latest, err := db.SchemaVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if current != latest || latest < 3 {
			t.Fatalf("schema version %d of %d; want fully migrated (>= 3)", current, latest)
		}
		if _, err := db.Resident(ctx, 7); err != nil {
			t.Fatalf("data lost across re-migration: %v", err)
		}
	})
}

func TestStoragetestOpenFollowsEnv(t *testing.T) {
	db := storagetest.Open(t)
	want := storage.DialectSQLite
	if os.Getenv(storagetest.EnvDialect) == storage.DialectPostgres {
		want = storage.DialectPostgres
	}
	if db.Dialect() != want {
		t.Fatalf("storagetest.Open gave %s; want %s", db.Dialect(), want)
	}
	if _, err := db.CountFAQEntries(context.Background()); err != nil {
		t.Fatalf("database not migrated: %v", err)
	}
}
