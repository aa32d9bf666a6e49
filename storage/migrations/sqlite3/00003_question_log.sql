-- +goose Up
-- Every resident question and what codesk did with it; feeds FAQ-gap reports.
-- user_id is not a foreign key: logging must never fail on a missing resident.
CREATE TABLE question_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     INTEGER NOT NULL,
    chat_id     INTEGER NOT NULL,
    lang        TEXT NOT NULL DEFAULT '',
    text        TEXT NOT NULL,
    matched_id  TEXT,                       -- FAQ entry answered with; NULL when none
    score       REAL NOT NULL DEFAULT 0,
    candidates  TEXT NOT NULL DEFAULT '[]', -- JSON array of FAQ ids offered
    source      TEXT NOT NULL,              -- faq | candidates | none | llm
    helpful     INTEGER,                    -- NULL until the resident says
    asked_at    TIMESTAMP NOT NULL,
    feedback_at TIMESTAMP
);
CREATE INDEX question_log_asked_at_idx ON question_log (asked_at);
CREATE INDEX question_log_user_idx ON question_log (user_id, id);

-- +goose Down
DROP TABLE question_log;
