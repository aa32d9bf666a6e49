-- +goose Up
-- Telegram has no idempotency key: a send that was cut short (the process
-- died, the request timed out) may or may not have reached the chat. Such a
-- message is "in doubt" until its outcome is known, and the sender looks
-- for it before sending it again.
--   unsettled_attempts: claims since the last definite outcome; more than
--                       one at a claim means an earlier attempt is in doubt.
--   probe_after:        the highest message id known in the chat when the
--                       first unsettled attempt began: a message it sent
--                       has a greater id.
--   edit_message_id:    deliver by editing this message (idempotent) rather
--                       than sending a new one; 0 sends.
ALTER TABLE outbox_messages ADD COLUMN unsettled_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox_messages ADD COLUMN probe_after INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox_messages ADD COLUMN edit_message_id INTEGER NOT NULL DEFAULT 0;
-- The newest delivered message of a chat, looked up at every claim.
CREATE INDEX outbox_messages_chat_sent_idx ON outbox_messages (chat_id, sent_message_id) WHERE status = 'sent';

-- +goose Down
DROP INDEX outbox_messages_chat_sent_idx;
ALTER TABLE outbox_messages DROP COLUMN edit_message_id;
ALTER TABLE outbox_messages DROP COLUMN probe_after;
ALTER TABLE outbox_messages DROP COLUMN unsettled_attempts;
