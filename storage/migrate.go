package storage

import (
	"context"
	"embed"
	"fmt"
	"hash/crc64"
	"io/fs"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

// migrationsFS holds one directory per dialect; both hold the same versions
// (a test checks) so either database reaches the same schema.
//
//go:embed migrations
var migrationsFS embed.FS

// Migrate brings the schema up to date. It is idempotent and safe to run from
// several replicas at once on PostgreSQL (an advisory lock serialises them).
func (db *DB) Migrate(ctx context.Context) error {
	provider, err := db.migrationProvider(ctx)
	if err != nil {
		return err
	}
	if _, err := provider.Up(ctx); err != nil {
		return fmt.Errorf("storage: migrate: %w", err)
	}
	return nil
}

// SchemaVersion reports the applied migration version and the newest one
// embedded in this binary.
func (db *DB) SchemaVersion(ctx context.Context) (current, latest int64, err error) {
	provider, err := db.migrationProvider(ctx)
	if err != nil {
		return 0, 0, err
	}
	current, latest, err = provider.GetVersions(ctx)
	if err != nil {
		return 0, 0, fmt.Errorf("storage: schema version: %w", err)
	}
	return current, latest, nil
}

func (db *DB) migrationProvider(ctx context.Context) (*goose.Provider, error) {
	dir, dialect := "migrations/sqlite3", goose.DialectSQLite3
	var opts []goose.ProviderOption
	opts = append(opts, goose.WithDisableGlobalRegistry(true))
	if db.dialect == DialectPostgres {
		dir, dialect = "migrations/postgres", goose.DialectPostgres
		locker, err := db.migrationLocker(ctx)
		if err != nil {
			return nil, err
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	sub, err := fs.Sub(migrationsFS, dir)
	if err != nil {
		return nil, fmt.Errorf("storage: migrations %s: %w", dir, err)
	}
	provider, err := goose.NewProvider(dialect, db.db.DB, sub, opts...)
	if err != nil {
		return nil, fmt.Errorf("storage: migration provider: %w", err)
	}
	return provider, nil
}

// migrationLocker takes a PostgreSQL advisory lock keyed by the current
// schema: replicas sharing a schema wait for each other, while separate
// schemas in one database (tests, staging) do not block one another.
func (db *DB) migrationLocker(ctx context.Context) (lock.SessionLocker, error) {
	var schema string
	if err := db.db.QueryRowContext(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
		return nil, fmt.Errorf("storage: current schema: %w", err)
	}
	id := int64(crc64.Checksum([]byte("codesk-migrate:"+schema), crc64.MakeTable(crc64.ISO)) >> 1)
	locker, err := lock.NewPostgresSessionLocker(lock.WithLockID(id), lock.WithLockTimeout(1, 300))
	if err != nil {
		return nil, fmt.Errorf("storage: migration lock: %w", err)
	}
	return locker, nil
}
