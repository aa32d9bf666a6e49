package storage_test

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"codesk/storage"
	"codesk/storage/storagetest"
)

func TestQuestionLogRoundTrip(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		asked := []storage.QuestionLog{
			{UserID: 11, ChatID: 11, Lang: "zh", Text: "外墙渗水什么时候修好？", MatchedID: "exterior-wall-leak",
				Score: 0.875, Candidates: []string{"exterior-wall-leak", "roof-leak"}, Source: storage.SourceFAQ, AskedAt: testTime},
			{UserID: 12, ChatID: -100123, Lang: "en", Text: "Can I keep bees?", Source: storage.SourceNone,
				AskedAt: testTime.Add(time.Minute)},
		}
		var ids []int64
		for _, q := range asked {
			id, err := db.LogQuestion(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
		if ids[1] <= ids[0] {
			t.Fatalf("ids %v not increasing", ids)
		}
		got, err := db.RecentQuestions(ctx, 10)
		if err != nil {
			t.Fatal(err)
		}
		asked[0].ID, asked[1].ID = ids[0], ids[1]
		if want := []storage.QuestionLog{asked[1], asked[0]}; !reflect.DeepEqual(got, want) {
			t.Fatalf("RecentQuestions (newest first):\n got  %+v\n want %+v", got, want)
		}
		if one, err := db.RecentQuestions(ctx, 1); err != nil || len(one) != 1 || one[0].ID != ids[1] {
			t.Fatalf("RecentQuestions(1) = %+v, %v; want the newest only", one, err)
		}
	})
}

func TestQuestionFeedbackOnlyByAsker(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		id, err := db.LogQuestion(ctx, storage.QuestionLog{UserID: 21, ChatID: 21, Lang: "zh", Text: "物业费怎么交？",
			MatchedID: "fee-payment", Source: storage.SourceFAQ, AskedAt: testTime})
		if err != nil {
			t.Fatal(err)
		}
		at := testTime.Add(2 * time.Minute)
		if err := db.SetQuestionFeedback(ctx, id, 22, false, at); !errors.Is(err, storage.ErrNotFound) {
			t.Fatalf("feedback by another user: %v; want ErrNotFound", err)
		}
		if err := db.SetQuestionFeedback(ctx, id+1000, 21, false, at); !errors.Is(err, storage.ErrNotFound) {
			t.Fatalf("feedback on an unknown question: %v; want ErrNotFound", err)
		}
		q := onlyQuestion(t, db)
		if q.Helpful != nil || q.FeedbackAt != nil {
			t.Fatalf("a stranger's feedback was stored: helpful %v at %v", q.Helpful, q.FeedbackAt)
		}

		if err := db.SetQuestionFeedback(ctx, id, 21, true, at); err != nil {
			t.Fatal(err)
		}
		q = onlyQuestion(t, db)
		if q.Helpful == nil || !*q.Helpful || q.FeedbackAt == nil || !q.FeedbackAt.Equal(at) || q.FeedbackAt.Location() != time.UTC {
			t.Fatalf("after feedback: helpful %v at %v; want true at %v UTC", q.Helpful, q.FeedbackAt, at)
		}
		// The asker may change their mind.
		if err := db.SetQuestionFeedback(ctx, id, 21, false, at.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		if q = onlyQuestion(t, db); q.Helpful == nil || *q.Helpful {
			t.Fatalf("changed feedback: helpful %v; want false", q.Helpful)
		}
	})
}

func onlyQuestion(t *testing.T, db *storage.DB) storage.QuestionLog {
	t.Helper()
	qs, err := db.RecentQuestions(context.Background(), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 1 {
		t.Fatalf("%d questions logged; want 1", len(qs))
	}
	return qs[0]
}

func TestQuestionStats(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		since := testTime
		type logged struct {
			q       storage.QuestionLog
			helpful *bool
		}
		yes, no := true, false
		rows := []logged{
			{q: storage.QuestionLog{Text: "old gap", Source: storage.SourceNone, AskedAt: since.Add(-time.Second)}},
			{q: storage.QuestionLog{Text: "外墙渗水", MatchedID: "exterior-wall-leak", Source: storage.SourceFAQ, AskedAt: since}, helpful: &yes},
			{q: storage.QuestionLog{Text: "gym hours", MatchedID: "gym-hours", Source: storage.SourceFAQ, AskedAt: since.Add(time.Second)}, helpful: &no},
			{q: storage.QuestionLog{Text: "fees?", MatchedID: "fee-payment", Source: storage.SourceLLM, AskedAt: since.Add(2 * time.Second)}, helpful: &yes},
			{q: storage.QuestionLog{Text: "Can I keep bees?", Source: storage.SourceNone, AskedAt: since.Add(3 * time.Second)}},
			{q: storage.QuestionLog{Text: "can i keep bees? ", Source: storage.SourceNone, AskedAt: since.Add(4 * time.Second)}},
			{q: storage.QuestionLog{Text: "Can I keep bees?", Source: storage.SourceCandidates, Candidates: []string{"pets"}, AskedAt: since.Add(5 * time.Second)}},
			{q: storage.QuestionLog{Text: "快递放哪里", Source: storage.SourceLLM, AskedAt: since.Add(6 * time.Second)}, helpful: &no},
			{q: storage.QuestionLog{Text: "快递放哪里", Source: storage.SourceNone, AskedAt: since.Add(7 * time.Second)}},
			{q: storage.QuestionLog{Text: "bbq on the roof", Source: storage.SourceNone, AskedAt: since.Add(8 * time.Second)}},
			// not the estate's: counted, but no FAQ gap
			{q: storage.QuestionLog{Text: "明天会下雨吗", Source: storage.SourceOutOfScope, AskedAt: since.Add(9 * time.Second)}},
			{q: storage.QuestionLog{Text: "明天会下雨吗", Source: storage.SourceOutOfScope, AskedAt: since.Add(10 * time.Second)}},
		}
		for i, r := range rows {
			r.q.UserID, r.q.ChatID = int64(100+i), int64(100+i)
			id, err := db.LogQuestion(ctx, r.q)
			if err != nil {
				t.Fatal(err)
			}
			if r.helpful != nil {
				if err := db.SetQuestionFeedback(ctx, id, r.q.UserID, *r.helpful, r.q.AskedAt.Add(time.Minute)); err != nil {
					t.Fatal(err)
				}
			}
		}

		got, err := db.QuestionStats(ctx, since)
		if err != nil {
			t.Fatal(err)
		}
		want := storage.QuestionStats{
			Total:           11,
			AnsweredFromFAQ: 3,
			Unanswered:      8,
			OutOfScope:      2,
			Helpful:         2,
			NotHelpful:      2,
			BySource: map[string]int{
				storage.SourceFAQ: 2, storage.SourceLLM: 2, storage.SourceNone: 4, storage.SourceCandidates: 1,
				storage.SourceOutOfScope: 2,
			},
			TopUnanswered: []storage.QuestionCount{
				{Text: "Can I keep bees?", Count: 3},
				{Text: "快递放哪里", Count: 2},
				{Text: "bbq on the roof", Count: 1},
			},
			TopOutOfScope: []storage.QuestionCount{{Text: "明天会下雨吗", Count: 2}},
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("QuestionStats:\n got  %+v\n want %+v", got, want)
		}

		empty, err := db.QuestionStats(ctx, since.Add(time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if empty.Total != 0 || len(empty.TopUnanswered) != 0 {
			t.Fatalf("stats for an empty window = %+v", empty)
		}
	})
}

// A "did you mean" pick answers the question: it counts as answered and
// leaves the FAQ-gap list; only the asker's pick is stored.
func TestQuestionPickAnswersIt(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		id, err := db.LogQuestion(ctx, storage.QuestionLog{UserID: 31, ChatID: 31, Lang: "en", Text: "can my wife sign the ballot for me",
			Candidates: []string{"owners-meeting-proxy"}, Source: storage.SourceCandidates, AskedAt: testTime})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.SetQuestionPick(ctx, id, 32, "owners-meeting-proxy"); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("another user's pick: err %v, want ErrNotFound", err)
		}
		before, err := db.QuestionStats(ctx, testTime)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.SetQuestionPick(ctx, id, 31, "owners-meeting-proxy"); err != nil {
			t.Fatal(err)
		}
		after, err := db.QuestionStats(ctx, testTime)
		if err != nil {
			t.Fatal(err)
		}
		if before.AnsweredFromFAQ != 0 || after.AnsweredFromFAQ != 1 || after.Unanswered != 0 || len(after.TopUnanswered) != 0 || len(before.TopUnanswered) != 1 {
			t.Errorf("before pick %+v, after %+v; want the pick to count as answered and leave the gaps", before, after)
		}
	})
}
