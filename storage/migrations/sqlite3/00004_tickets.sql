-- +goose Up
-- id is the number residents and staff quote (#42): assigned as MAX(id)+1
-- under a lock by the application, so numbers have no gaps.
CREATE TABLE tickets (
    id             INTEGER PRIMARY KEY,
    key            TEXT NOT NULL UNIQUE,        -- idempotency key, e.g. draft:<id>
    resident_id    INTEGER NOT NULL,
    chat_id        INTEGER NOT NULL,
    lang           TEXT NOT NULL DEFAULT '',
    text           TEXT NOT NULL DEFAULT '',
    photo_ids      TEXT NOT NULL DEFAULT '[]', -- JSON array of transport file ids
    location       TEXT NOT NULL DEFAULT '',
    category       TEXT NOT NULL DEFAULT '',
    party          TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('new', 'claimed', 'waiting', 'resolved', 'closed', 'reopened')),
    assignee_id    INTEGER NOT NULL DEFAULT 0,   -- 0 while unclaimed
    assignee       TEXT NOT NULL DEFAULT '',
    rating         INTEGER NOT NULL DEFAULT 0,  -- 0 while unrated
    rating_comment TEXT NOT NULL DEFAULT '',
    resident_name  TEXT NOT NULL DEFAULT '',
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL,
    resolved_at    TIMESTAMP
);
CREATE INDEX tickets_resident_idx ON tickets (resident_id, id);
CREATE INDEX tickets_new_idx ON tickets (created_at) WHERE status = 'new';

-- Every transition and message of a ticket.
CREATE TABLE ticket_events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id   INTEGER NOT NULL REFERENCES tickets (id),
    kind        TEXT NOT NULL,
    actor_id    INTEGER NOT NULL DEFAULT 0,  -- 0 for the system
    actor       TEXT NOT NULL DEFAULT '',
    from_status TEXT NOT NULL DEFAULT '',
    to_status   TEXT NOT NULL DEFAULT '',
    from_party  TEXT NOT NULL DEFAULT '',
    to_party    TEXT NOT NULL DEFAULT '',
    text        TEXT NOT NULL DEFAULT '',
    photo_ids   TEXT NOT NULL DEFAULT '[]',
    at          TIMESTAMP NOT NULL
);
CREATE INDEX ticket_events_ticket_idx ON ticket_events (ticket_id, id);

-- +goose Down
DROP TABLE ticket_events;
DROP TABLE tickets;
