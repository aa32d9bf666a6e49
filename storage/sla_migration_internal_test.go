package storage

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Migration 00007 backfills the SLA clock of existing tickets from their
// history: the last status or party move, else updated_at.
func TestSLAMigrationBackfillsStatusChangedAt(t *testing.T) {
	t.Run(DialectSQLite, func(t *testing.T) {
		db, err := Open(context.Background(), "sqlite:"+filepath.Join(t.TempDir(), "backfill.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = db.Close() })
		checkBackfill(t, db)
	})
	t.Run(DialectPostgres, func(t *testing.T) {
		server := os.Getenv("TEST_DATABASE_URL")
		if server == "" {
			if os.Getenv("CI") == "true" {
				t.Fatal("CI=true but TEST_DATABASE_URL is unset")
			}
			t.Skip("TEST_DATABASE_URL unset")
		}
		checkBackfill(t, openPostgresSchema(t, server))
	})
}

func checkBackfill(t *testing.T, db *DB) {
	ctx := context.Background()
	provider, err := db.migrationProvider(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := provider.UpTo(ctx, 6); err != nil {
		t.Fatal(err)
	}
	base := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	insertTicket := `INSERT INTO tickets (id, key, resident_id, chat_id, party, status, created_at, updated_at)
		VALUES (?, ?, 1, 1, 'property_management', ?, ?, ?)`
	insertEvent := `INSERT INTO ticket_events (ticket_id, kind, to_status, to_party, at) VALUES (?, ?, ?, ?, ?)`
	exec := func(query string, args ...any) {
		t.Helper()
		if _, err := db.db.ExecContext(ctx, db.db.Rebind(query), args...); err != nil {
			t.Fatal(err)
		}
	}
	// #1: created, details added later (not a move); #2: created, claimed,
	// reassigned back to new; #3: no history at all.
	exec(insertTicket, 1, "k1", "new", base, base.Add(5*time.Hour))
	exec(insertEvent, 1, "created", "new", "property_management", base)
	exec(insertEvent, 1, "resident_message", "", "", base.Add(5*time.Hour))
	exec(insertTicket, 2, "k2", "new", base, base.Add(6*time.Hour))
	exec(insertEvent, 2, "created", "new", "property_management", base)
	exec(insertEvent, 2, "status", "claimed", "", base.Add(time.Hour))
	exec(insertEvent, 2, "reassigned", "", "owners_committee", base.Add(3*time.Hour))
	exec(insertEvent, 2, "status", "new", "", base.Add(3*time.Hour))
	exec(insertEvent, 2, "staff_message", "", "", base.Add(6*time.Hour))
	exec(insertTicket, 3, "k3", "new", base, base.Add(2*time.Hour))
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[int64]time.Time{1: base, 2: base.Add(3 * time.Hour), 3: base.Add(2 * time.Hour)} {
		got, err := db.Ticket(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if !got.StatusChangedAt.Equal(want) || got.RemindedAt != nil || got.EscalatedAt != nil {
			t.Errorf("ticket %d after migration: StatusChangedAt %v, marks %v %v; want %v, none", id, got.StatusChangedAt, got.RemindedAt, got.EscalatedAt, want)
		}
	}
	list, err := db.UnclaimedTickets(ctx, base.Add(2*time.Hour))
	if err != nil || len(list) != 1 || list[0].ID != 1 {
		t.Errorf("UnclaimedTickets after migration = %v, %v; want #1 only", list, err)
	}
	// And down again: 00007 is reversible.
	if _, err := provider.DownTo(ctx, 6); err != nil {
		t.Fatalf("migrate down to 6: %v", err)
	}
	if err := db.Migrate(ctx); err != nil {
		t.Fatalf("migrate up again: %v", err)
	}
}

// openPostgresSchema opens server in a fresh schema dropped when the test
// ends (storagetest cannot be imported from inside package storage).
func openPostgresSchema(t *testing.T, server string) *DB {
	t.Helper()
	ctx := context.Background()
	admin, err := sql.Open("pgx", server)
	if err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	schema := "codesk_test_" + hex.EncodeToString(b)
	if _, err := admin.ExecContext(ctx, `CREATE SCHEMA `+schema); err != nil {
		_ = admin.Close()
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		defer admin.Close()
		if _, err := admin.ExecContext(context.Background(), `DROP SCHEMA `+schema+` CASCADE`); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(server)
	if err != nil {
		t.Fatal(RedactURL(err.Error()))
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	db, err := Open(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}
