-- +goose Up
-- The SLA clock starts when a ticket last changed status or party (a
-- reassignment or a reopening restarts it), not at creation. Backfill: the
-- latest event that moved the status or the party, else updated_at.
ALTER TABLE tickets ADD COLUMN status_changed_at TIMESTAMP NOT NULL DEFAULT '1970-01-01 00:00:00';
ALTER TABLE tickets ADD COLUMN reminded_at TIMESTAMP;  -- last SLA reminder; NULL when never
ALTER TABLE tickets ADD COLUMN escalated_at TIMESTAMP; -- last SLA escalation to the co-office; NULL when never
UPDATE tickets SET status_changed_at = COALESCE(
    (SELECT MAX(e.at) FROM ticket_events e
     WHERE e.ticket_id = tickets.id AND (e.to_status <> '' OR e.kind = 'reassigned')),
    updated_at);
DROP INDEX tickets_new_idx;
CREATE INDEX tickets_unclaimed_idx ON tickets (status_changed_at) WHERE status IN ('new', 'reopened');

-- The latest message of a purpose (e.g. the card) of a ticket; SQLite's
-- rowid gives the order refs were recorded in.
DROP INDEX message_refs_ticket_idx;
CREATE INDEX message_refs_ticket_purpose_idx ON message_refs (ticket_id, purpose);

-- +goose Down
DROP INDEX message_refs_ticket_purpose_idx;
CREATE INDEX message_refs_ticket_idx ON message_refs (ticket_id);
DROP INDEX tickets_unclaimed_idx;
CREATE INDEX tickets_new_idx ON tickets (created_at) WHERE status = 'new';
ALTER TABLE tickets DROP COLUMN escalated_at;
ALTER TABLE tickets DROP COLUMN reminded_at;
ALTER TABLE tickets DROP COLUMN status_changed_at;
