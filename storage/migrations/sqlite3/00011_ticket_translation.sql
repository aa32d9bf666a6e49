-- +goose Up
-- A machine translation of the resident's text for staff, made when a
-- resident writing another language than the staff's reports (with a
-- language model configured); '' when none.
ALTER TABLE tickets ADD COLUMN translation TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE tickets DROP COLUMN translation;
