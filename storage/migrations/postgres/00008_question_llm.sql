-- +goose Up
-- What a language model did with a question: the FAQ entries its answer (or
-- choice) rests on, and the text it wrote, so administrators can read the
-- machine's answers next to the FAQ's gaps.
ALTER TABLE question_log ADD COLUMN used_ids JSONB NOT NULL DEFAULT '[]'; -- FAQ ids
ALTER TABLE question_log ADD COLUMN answer TEXT NOT NULL DEFAULT '';      -- model-written answer; '' when none

-- +goose Down
ALTER TABLE question_log DROP COLUMN answer;
ALTER TABLE question_log DROP COLUMN used_ids;
