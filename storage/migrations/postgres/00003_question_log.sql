-- +goose Up
-- Every resident question and what codesk did with it; feeds FAQ-gap reports.
-- user_id is not a foreign key: logging must never fail on a missing resident.
CREATE TABLE question_log (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     BIGINT NOT NULL,
    chat_id     BIGINT NOT NULL,
    lang        TEXT NOT NULL DEFAULT '',
    text        TEXT NOT NULL,
    matched_id  TEXT,                        -- FAQ entry answered with; NULL when none
    score       DOUBLE PRECISION NOT NULL DEFAULT 0,
    candidates  JSONB NOT NULL DEFAULT '[]', -- FAQ ids offered
    source      TEXT NOT NULL,               -- faq | candidates | none | llm
    helpful     BOOLEAN,                     -- NULL until the resident says
    asked_at    TIMESTAMPTZ NOT NULL,
    feedback_at TIMESTAMPTZ
);
CREATE INDEX question_log_asked_at_idx ON question_log (asked_at);
CREATE INDEX question_log_user_idx ON question_log (user_id, id);

-- +goose Down
DROP TABLE question_log;
