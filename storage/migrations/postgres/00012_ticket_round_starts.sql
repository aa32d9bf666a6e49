-- +goose Up
-- Where a ticket's current round (since its last reopen) began in a staff
-- chat: the card there before the ticket moved away. A reply under an older
-- message of that chat is from an earlier round and stays among staff.
--   round: the round's name (handlers.ticketRound: its last resolution)
CREATE TABLE ticket_round_starts (
    ticket_id  BIGINT NOT NULL,
    chat_id    BIGINT NOT NULL,
    round      TEXT NOT NULL,
    message_id BIGINT NOT NULL,
    PRIMARY KEY (ticket_id, chat_id, round)
);

-- +goose Down
DROP TABLE ticket_round_starts;
