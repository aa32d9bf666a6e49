package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Question sources: how codesk answered a logged question.
const (
	SourceFAQ        = "faq"        // a confident FAQ match was sent
	SourceCandidates = "candidates" // "did you mean…?" entries were offered
	SourceNone       = "none"       // nothing close: no answer
	// SourceOutOfScope: about something no estate answers (the weather,
	// passports; faq.Result.OutOfScope): no answer, and no FAQ gap either
	SourceOutOfScope = "out-of-scope"
	SourceLLM        = "llm"        // the language model wrote the answer (grounded on UsedIDs)
	SourceLLMSelect  = "llm-select" // the language model chose MatchedID among the candidates
)

// QuestionLog is one resident question and what codesk did with it.
type QuestionLog struct {
	ID         int64
	UserID     int64
	ChatID     int64
	Lang       string
	Text       string
	MatchedID  string   // FAQ entry answered with; "" when none
	Score      float64  // matcher score of the best entry
	Candidates []string // FAQ ids offered, best first
	Source     string   // Source* constant
	UsedIDs    []string // FAQ ids a model's answer or choice rests on
	Answer     string   // model-written answer text; "" when curated or none
	Helpful    *bool    // nil until the resident gives feedback
	AskedAt    time.Time
	FeedbackAt *time.Time
}

// QuestionStats summarises the question log since a time, for admins.
type QuestionStats struct {
	Total int
	// AnsweredFromFAQ counts questions answered with a curated entry
	// (matched_id set), whatever chose it.
	AnsweredFromFAQ int
	// Unanswered counts questions no curated entry answered: candidates
	// offered, free LLM text or nothing — the FAQ's gaps — and OutOfScope,
	// those about things no estate answers.
	Unanswered    int
	OutOfScope    int
	Helpful       int
	NotHelpful    int
	BySource      map[string]int
	TopUnanswered []QuestionCount // most asked unanswered texts, at most 10, out-of-scope ones left out
	// TopOutOfScope are the most asked out-of-scope texts, at most 5: for
	// an administrator to see what was turned away as not the estate's
	TopOutOfScope []QuestionCount
}

// QuestionCount is a question text and how often it was asked.
type QuestionCount struct {
	Text  string
	Count int
}

const (
	topUnansweredLimit = 10
	topOutOfScopeLimit = 5
)

// LogQuestion stores q (ID and feedback ignored) and returns its id.
func (db *DB) LogQuestion(ctx context.Context, q QuestionLog) (int64, error) {
	candidates, err := json.Marshal(nonNil(q.Candidates))
	if err != nil {
		return 0, fmt.Errorf("storage: encode candidates: %w", err)
	}
	used, err := json.Marshal(nonNil(q.UsedIDs))
	if err != nil {
		return 0, fmt.Errorf("storage: encode used ids: %w", err)
	}
	var matched sql.NullString
	if q.MatchedID != "" {
		matched = sql.NullString{String: q.MatchedID, Valid: true}
	}
	query := `
		INSERT INTO question_log
			(user_id, chat_id, lang, text, matched_id, score, candidates, source, used_ids, answer, asked_at)
		VALUES
			(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		RETURNING id`
	var id int64
	err = db.db.QueryRowContext(ctx, db.db.Rebind(query),
		q.UserID, q.ChatID, q.Lang, q.Text, matched, q.Score, string(candidates), q.Source,
		string(used), q.Answer, utc(q.AskedAt),
	).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("storage: log question of user %d: %w", q.UserID, err)
	}
	return id, nil
}

// SetQuestionFeedback records whether the answer to question id helped. Only
// the asker may rate: another userID (or an unknown id) gets ErrNotFound.
// Rating again overwrites.
func (db *DB) SetQuestionFeedback(ctx context.Context, id, userID int64, helpful bool, at time.Time) error {
	query := `UPDATE question_log SET helpful = ?, feedback_at = ? WHERE id = ? AND user_id = ?`
	result, err := db.db.ExecContext(ctx, db.db.Rebind(query), helpful, utc(at), id, userID)
	if err != nil {
		return fmt.Errorf("storage: question %d feedback: %w", id, err)
	}
	return expectOneRow(result, fmt.Sprintf("question %d of user %d", id, userID))
}

// SetQuestionPick records the "did you mean" entry the asker picked for
// question id: it answered the question, so the question counts as answered
// and is no FAQ gap. Like feedback, only the asker's press counts.
func (db *DB) SetQuestionPick(ctx context.Context, id, userID int64, entryID string) error {
	query := `UPDATE question_log SET matched_id = ? WHERE id = ? AND user_id = ?`
	result, err := db.db.ExecContext(ctx, db.db.Rebind(query), entryID, id, userID)
	if err != nil {
		return fmt.Errorf("storage: question %d pick: %w", id, err)
	}
	return expectOneRow(result, fmt.Sprintf("question %d of user %d", id, userID))
}

// RecentQuestions returns the latest limit questions, newest first. limit <= 0
// means 50.
func (db *DB) RecentQuestions(ctx context.Context, limit int) ([]QuestionLog, error) {
	if limit <= 0 {
		limit = 50
	}
	query := `SELECT ` + questionColumns + ` FROM question_log ORDER BY id DESC LIMIT ?`
	rows, err := db.db.QueryContext(ctx, db.db.Rebind(query), limit)
	if err != nil {
		return nil, fmt.Errorf("storage: recent questions: %w", err)
	}
	defer rows.Close()
	var out []QuestionLog
	for rows.Next() {
		q, err := scanQuestion(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: recent questions rows: %w", err)
	}
	return out, nil
}

// Question returns one logged question; ErrNotFound when absent.
func (db *DB) Question(ctx context.Context, id int64) (QuestionLog, error) {
	query := `SELECT ` + questionColumns + ` FROM question_log WHERE id = ?`
	q, err := scanQuestion(db.db.QueryRowContext(ctx, db.db.Rebind(query), id))
	if errors.Is(err, sql.ErrNoRows) {
		return QuestionLog{}, ErrNotFound
	}
	return q, err
}

const questionColumns = `id, user_id, chat_id, lang, text, matched_id, score, candidates, source,
	used_ids, answer, helpful, asked_at, feedback_at`

func scanQuestion(row rowScanner) (QuestionLog, error) {
	var q QuestionLog
	var matched sql.NullString
	var candidates, used string
	var helpful sql.NullBool
	var feedbackAt sql.NullTime
	err := row.Scan(&q.ID, &q.UserID, &q.ChatID, &q.Lang, &q.Text, &matched, &q.Score,
		&candidates, &q.Source, &used, &q.Answer, &helpful, &q.AskedAt, &feedbackAt)
	if errors.Is(err, sql.ErrNoRows) {
		return QuestionLog{}, err
	}
	if err != nil {
		return QuestionLog{}, fmt.Errorf("storage: scan question: %w", err)
	}
	q.MatchedID = matched.String
	if err := json.Unmarshal([]byte(candidates), &q.Candidates); err != nil {
		return QuestionLog{}, fmt.Errorf("storage: question %d candidates: %w", q.ID, err)
	}
	if len(q.Candidates) == 0 {
		q.Candidates = nil
	}
	if err := json.Unmarshal([]byte(used), &q.UsedIDs); err != nil {
		return QuestionLog{}, fmt.Errorf("storage: question %d used ids: %w", q.ID, err)
	}
	if len(q.UsedIDs) == 0 {
		q.UsedIDs = nil
	}
	if helpful.Valid {
		q.Helpful = &helpful.Bool
	}
	q.AskedAt = q.AskedAt.UTC()
	if feedbackAt.Valid {
		t := feedbackAt.Time.UTC()
		q.FeedbackAt = &t
	}
	return q, nil
}

// QuestionStats counts questions asked at or after since.
func (db *DB) QuestionStats(ctx context.Context, since time.Time) (QuestionStats, error) {
	since = utc(since)
	stats := QuestionStats{BySource: map[string]int{}}
	query := `
		SELECT source, count(*),
			COALESCE(SUM(CASE WHEN matched_id IS NOT NULL THEN 1 ELSE 0 END), 0),
			COALESCE(SUM(CASE WHEN helpful THEN 1 ELSE 0 END), 0),
			COALESCE(SUM(CASE WHEN NOT helpful THEN 1 ELSE 0 END), 0)
		FROM question_log
		WHERE asked_at >= ?
		GROUP BY source`
	rows, err := db.db.QueryContext(ctx, db.db.Rebind(query), since)
	if err != nil {
		return QuestionStats{}, fmt.Errorf("storage: question stats: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var source string
		var total, matched, helpful, notHelpful int
		if err := rows.Scan(&source, &total, &matched, &helpful, &notHelpful); err != nil {
			return QuestionStats{}, fmt.Errorf("storage: scan question stats: %w", err)
		}
		stats.BySource[source] = total
		stats.Total += total
		stats.AnsweredFromFAQ += matched
		stats.Helpful += helpful
		stats.NotHelpful += notHelpful
	}
	if err := rows.Err(); err != nil {
		return QuestionStats{}, fmt.Errorf("storage: question stats rows: %w", err)
	}
	stats.Unanswered = stats.Total - stats.AnsweredFromFAQ
	stats.OutOfScope = stats.BySource[SourceOutOfScope]

	if stats.TopUnanswered, err = db.topQuestions(ctx, since, false, topUnansweredLimit); err != nil {
		return QuestionStats{}, err
	}
	if stats.TopOutOfScope, err = db.topQuestions(ctx, since, true, topOutOfScopeLimit); err != nil {
		return QuestionStats{}, err
	}
	return stats, nil
}

// topQuestions are the most asked unanswered texts since since, the
// out-of-scope ones or the others. Texts are grouped case-insensitively and
// ignoring surrounding spaces, so "Gym hours?" and "gym hours? " count as
// one.
func (db *DB) topQuestions(ctx context.Context, since time.Time, outOfScope bool, limit int) ([]QuestionCount, error) {
	op := "<>"
	if outOfScope {
		op = "="
	}
	query := `
		SELECT MIN(text), count(*) AS n
		FROM question_log
		WHERE asked_at >= ? AND matched_id IS NULL AND source ` + op + ` ?
		GROUP BY lower(trim(text))
		ORDER BY n DESC, MIN(text)
		LIMIT ?`
	rows, err := db.db.QueryContext(ctx, db.db.Rebind(query), since, SourceOutOfScope, limit)
	if err != nil {
		return nil, fmt.Errorf("storage: top unanswered questions: %w", err)
	}
	defer rows.Close()
	var top []QuestionCount
	for rows.Next() {
		var c QuestionCount
		if err := rows.Scan(&c.Text, &c.Count); err != nil {
			return nil, fmt.Errorf("storage: scan unanswered question: %w", err)
		}
		top = append(top, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: top unanswered rows: %w", err)
	}
	return top, nil
}
