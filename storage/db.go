package storage

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	"github.com/jmoiron/sqlx"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Dialect names returned by (*DB).Dialect.
const (
	DialectSQLite   = "sqlite"
	DialectPostgres = "postgres"
)

// DefaultSQLitePath is the database file used when no URL is configured.
const DefaultSQLitePath = "codesk.db"

// ErrNotFound is returned when the requested row does not exist.
var ErrNotFound = errors.New("storage: not found")

// ErrLastFAQEntry refuses to delete the FAQ's only entry: an empty FAQ
// answers nothing, and a start on an empty store would seed the defaults.
var ErrLastFAQEntry = errors.New("storage: the faq's last entry cannot be deleted")

// sqlitePragmas make SQLite safe under concurrent use: WAL lets readers run
// beside the writer, immediate transactions take the write lock up front so
// read-then-write transactions wait (busy_timeout) instead of failing with
// SQLITE_BUSY, and _time_format stores times in a format SQLite and the
// driver both parse.
const sqlitePragmas = "_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)" +
	"&_pragma=synchronous(NORMAL)&_txlock=immediate&_time_format=sqlite"

var bindSQLiteOnce sync.Once

// DB is a connection pool to codesk's database.
type DB struct {
	db      *sqlx.DB
	dialect string
	now     func() time.Time
}

// Open connects to the database named by databaseURL and checks it answers.
// It does not migrate: call Migrate.
//
//   - "" : SQLite file codesk.db in the working directory
//   - "sqlite:PATH", "sqlite://PATH", "file:PATH" or a bare path: SQLite at PATH
//   - "postgres://..." or "postgresql://...": PostgreSQL
func Open(ctx context.Context, databaseURL string) (*DB, error) {
	driver, dsn, dialect, err := parseDatabaseURL(databaseURL)
	if err != nil {
		return nil, err
	}
	if dialect == DialectSQLite {
		// sqlx does not know modernc's driver name; without this Rebind would
		// still work by accident, but only by accident.
		bindSQLiteOnce.Do(func() { sqlx.BindDriver("sqlite", sqlx.QUESTION) })
	}
	sqlxDB, err := sqlx.Open(driver, dsn)
	if err != nil {
		return nil, fmt.Errorf("storage: open %s: %w", RedactURL(databaseURL), err)
	}
	switch {
	case dialect == DialectSQLite:
		// SQLite has one writer at a time; with several connections the
		// others poll with sleeps (busy_timeout) and a write can wait a
		// hundred milliseconds behind a queue of others. One connection
		// queues writers in Go instead, in order and without sleeping —
		// and every connection to :memory: is a separate database anyway.
		sqlxDB.SetMaxOpenConns(1)
	case dialect == DialectPostgres:
		// Several replicas share the server's connection limit (100 by default).
		sqlxDB.SetMaxOpenConns(16)
		sqlxDB.SetConnMaxIdleTime(5 * time.Minute)
	}
	if err := sqlxDB.PingContext(ctx); err != nil {
		_ = sqlxDB.Close()
		return nil, fmt.Errorf("storage: connect to %s: %w", RedactURL(databaseURL), err)
	}
	return &DB{db: sqlxDB, dialect: dialect, now: time.Now}, nil
}

// Close closes the connection pool.
func (db *DB) Close() error {
	if err := db.db.Close(); err != nil {
		return fmt.Errorf("storage: close: %w", err)
	}
	return nil
}

// Dialect reports the connected database: DialectSQLite or DialectPostgres.
func (db *DB) Dialect() string { return db.dialect }

// parseDatabaseURL maps a DATABASE_URL to a driver name and its DSN.
func parseDatabaseURL(databaseURL string) (driver, dsn, dialect string, err error) {
	raw := strings.TrimSpace(databaseURL)
	lower := strings.ToLower(raw)
	switch {
	case raw == "":
		return "sqlite", sqliteDSN(DefaultSQLitePath), DialectSQLite, nil
	case strings.HasPrefix(lower, "postgres://"), strings.HasPrefix(lower, "postgresql://"):
		return "pgx", raw, DialectPostgres, nil
	case strings.HasPrefix(lower, "sqlite://"):
		return sqliteTarget(raw[len("sqlite://"):])
	case strings.HasPrefix(lower, "sqlite:"):
		return sqliteTarget(raw[len("sqlite:"):])
	case strings.HasPrefix(lower, "file:"):
		return sqliteTarget(raw[len("file:"):])
	case strings.Contains(raw, "://"):
		return "", "", "", fmt.Errorf("storage: unsupported database URL %s: want postgres://, sqlite: or a file path", RedactURL(raw))
	default:
		return sqliteTarget(raw)
	}
}

func sqliteTarget(path string) (driver, dsn, dialect string, err error) {
	if strings.TrimSpace(path) == "" {
		return "", "", "", errors.New("storage: empty SQLite path")
	}
	return "sqlite", sqliteDSN(path), DialectSQLite, nil
}

// sqliteDSN keeps any query the caller gave (e.g. mode=ro) and adds the
// pragmas codesk relies on.
func sqliteDSN(path string) string {
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	return "file:" + path + sep + sqlitePragmas
}

// utc normalises a time for storage: UTC, microsecond precision (what
// PostgreSQL keeps), so values read back equal values written on both
// databases.
func utc(t time.Time) time.Time {
	return t.UTC().Truncate(time.Microsecond)
}
