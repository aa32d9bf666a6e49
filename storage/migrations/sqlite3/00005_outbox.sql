-- +goose Up
-- Messages that matter, stored before they are sent. ticket_id is 0 when the
-- message is not about a ticket and is deliberately not a foreign key: a
-- message must never fail to be enqueued or marked sent over a reference.
CREATE TABLE outbox_messages (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    key             TEXT NOT NULL UNIQUE,         -- idempotency key, e.g. ticket:42:card
    chat_id         INTEGER NOT NULL,
    text            TEXT NOT NULL DEFAULT '',
    buttons         TEXT NOT NULL DEFAULT '[]', -- JSON rows of {text, data}
    reply_to        INTEGER NOT NULL DEFAULT 0,
    photo_id        TEXT NOT NULL DEFAULT '',
    ticket_id       INTEGER NOT NULL DEFAULT 0,
    purpose         TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,          -- also the claim lease's end
    sent_message_id INTEGER NOT NULL DEFAULT 0,
    created_at      TIMESTAMP NOT NULL,
    sent_at         TIMESTAMP,
    last_error      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_messages_due_idx ON outbox_messages (next_attempt_at, id) WHERE status = 'pending';

-- Which ticket a delivered message belongs to: a staff reply to a card finds
-- its ticket here. Not a foreign key, for the same reason as above.
CREATE TABLE message_refs (
    chat_id    INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    ticket_id  INTEGER NOT NULL,
    purpose    TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (chat_id, message_id)
);
CREATE INDEX message_refs_ticket_idx ON message_refs (ticket_id);

-- +goose Down
DROP TABLE message_refs;
DROP TABLE outbox_messages;
