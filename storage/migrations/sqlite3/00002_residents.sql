-- +goose Up
CREATE TABLE residents (
    user_id    INTEGER PRIMARY KEY,      -- Telegram user id
    language   TEXT NOT NULL DEFAULT '', -- '' until the resident chooses
    first_seen TIMESTAMP NOT NULL,
    last_seen  TIMESTAMP NOT NULL
);

-- +goose Down
DROP TABLE residents;
