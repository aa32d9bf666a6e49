-- +goose Up
CREATE TABLE residents (
    user_id    BIGINT PRIMARY KEY,       -- Telegram user id
    language   TEXT NOT NULL DEFAULT '', -- '' until the resident chooses
    first_seen TIMESTAMPTZ NOT NULL,
    last_seen  TIMESTAMPTZ NOT NULL
);

-- +goose Down
DROP TABLE residents;
