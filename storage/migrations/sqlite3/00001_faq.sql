-- +goose Up
CREATE TABLE faq_entries (
    id         TEXT PRIMARY KEY,
    topic      TEXT NOT NULL DEFAULT '',
    questions  TEXT NOT NULL DEFAULT '[]', -- JSON array of strings
    answer_zh  TEXT NOT NULL DEFAULT '',
    answer_en  TEXT NOT NULL DEFAULT '',
    party      TEXT NOT NULL DEFAULT '',  -- '' when no party owns follow-ups
    position   INTEGER NOT NULL,          -- stable display/export order
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX faq_entries_position_idx ON faq_entries (position);

-- History of FAQ edits; entry_id is not a foreign key so deletions keep theirs.
CREATE TABLE faq_changes (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    entry_id   TEXT NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('add', 'update', 'delete')),
    actor      TEXT NOT NULL DEFAULT '',
    changed_at TIMESTAMP NOT NULL,
    before     TEXT, -- JSON entry; NULL for add
    after      TEXT  -- JSON entry; NULL for delete
);
CREATE INDEX faq_changes_entry_idx ON faq_changes (entry_id, id);

-- +goose Down
DROP TABLE faq_changes;
DROP TABLE faq_entries;
