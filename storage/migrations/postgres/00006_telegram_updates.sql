-- +goose Up
-- Telegram updates as fetched, stored before the poll offset moves past them
-- and handled from here: none is lost, none handled twice.
CREATE TABLE telegram_updates (
    update_id   BIGINT PRIMARY KEY,
    chat_id     BIGINT NOT NULL DEFAULT 0, -- 0 when the update has no chat
    payload     BYTEA NOT NULL,            -- the update's JSON as received
    received_at TIMESTAMPTZ NOT NULL,
    handled_at  TIMESTAMPTZ                -- NULL until handled
);
CREATE INDEX telegram_updates_unhandled_idx ON telegram_updates (update_id) WHERE handled_at IS NULL;

-- +goose Down
DROP TABLE telegram_updates;
