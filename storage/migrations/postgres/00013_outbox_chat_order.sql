-- +goose Up
-- A chat's messages go in order: a message is due only when no earlier
-- pending message of its chat waits for its retry or is claimed by another
-- sender (DueOutboxExcept). This index answers "the chat's earlier pending
-- messages, and when they are due" without reading the table.
CREATE INDEX outbox_messages_chat_pending_idx ON outbox_messages (chat_id, id, next_attempt_at) WHERE status = 'pending';

-- +goose Down
DROP INDEX outbox_messages_chat_pending_idx;
