// Package storage owns codesk's durable data: the FAQ and its edit history,
// residents, the question log, tickets and their history, the outbox of
// messages that matter, and stored Telegram updates. It speaks plain SQL
// through sqlx to SQLite (modernc.org/sqlite, the default, one file) or
// PostgreSQL (pgx), with embedded goose migrations kept in lock-step for
// both. It also defines SharedState, the seam for short-lived conversation
// state and update de-duplication, kept in memory (one replica) or in Redis
// (go-redis; several replicas).
//
// One file per entity; every query is written once with `?` placeholders and
// rebound for the connected database.
package storage
