-- +goose Up
-- Several replicas share one database and each lists the unhandled updates:
-- a replica claims an update before handling it, so only one handles it.
--   claimed_until: the claim's lease; NULL when never claimed. A replica
--                  that dies lets the lease lapse and another takes over.
ALTER TABLE telegram_updates ADD COLUMN claimed_until TIMESTAMP;

-- +goose Down
ALTER TABLE telegram_updates DROP COLUMN claimed_until;
