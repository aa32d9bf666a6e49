-- +goose Up
-- Messages that matter, stored before they are sent. ticket_id is 0 when the
-- message is not about a ticket and is deliberately not a foreign key: a
-- message must never fail to be enqueued or marked sent over a reference.
CREATE TABLE outbox_messages (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key             TEXT NOT NULL UNIQUE,         -- idempotency key, e.g. ticket:42:card
    chat_id         BIGINT NOT NULL,
    text            TEXT NOT NULL DEFAULT '',
    buttons         JSONB NOT NULL DEFAULT '[]', -- rows of {text, data}
    reply_to        INTEGER NOT NULL DEFAULT 0,
    photo_id        TEXT NOT NULL DEFAULT '',
    ticket_id       BIGINT NOT NULL DEFAULT 0,
    purpose         TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,          -- also the claim lease's end
    sent_message_id INTEGER NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ,
    last_error      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_messages_due_idx ON outbox_messages (next_attempt_at, id) WHERE status = 'pending';

-- Which ticket a delivered message belongs to: a staff reply to a card finds
-- its ticket here. Not a foreign key, for the same reason as above.
CREATE TABLE message_refs (
    chat_id    BIGINT NOT NULL,
    message_id INTEGER NOT NULL,
    ticket_id  BIGINT NOT NULL,
    purpose    TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (chat_id, message_id)
);
CREATE INDEX message_refs_ticket_idx ON message_refs (ticket_id);

-- +goose Down
DROP TABLE message_refs;
DROP TABLE outbox_messages;
