package storage_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"codesk/storage"
	"codesk/storage/storagetest"
)

// A model's answer is logged with the entries it rests on and its text; a
// model's choice among candidates counts as answered from the FAQ, a
// model-written answer as a gap.
func TestQuestionLogKeepsWhatTheModelDid(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		asked := []storage.QuestionLog{
			{UserID: 31, ChatID: 31, Lang: "zh", Text: "快递放哪里？", Source: storage.SourceLLM,
				Candidates: []string{"parcel-lockers"}, UsedIDs: []string{"parcel-lockers", "co-office-location-hours"},
				Answer: "快递可放在东门的智能快递柜。", AskedAt: testTime},
			{UserID: 32, ChatID: 32, Lang: "en", Text: "lift swap when", MatchedID: "elevator-replacement",
				Score: 0.5, Candidates: []string{"elevator-replacement", "elevator-breakdown"},
				Source: storage.SourceLLMSelect, UsedIDs: []string{"elevator-replacement"}, AskedAt: testTime.Add(time.Second)},
		}
		for i := range asked {
			id, err := db.LogQuestion(ctx, asked[i])
			if err != nil {
				t.Fatal(err)
			}
			asked[i].ID = id
		}
		got, err := db.RecentQuestions(ctx, 10)
		if err != nil {
			t.Fatal(err)
		}
		if want := []storage.QuestionLog{asked[1], asked[0]}; !reflect.DeepEqual(got, want) {
			t.Fatalf("RecentQuestions:\n got  %+v\n want %+v", got, want)
		}
		st, err := db.QuestionStats(ctx, testTime)
		if err != nil {
			t.Fatal(err)
		}
		if st.AnsweredFromFAQ != 1 || st.Unanswered != 1 || st.BySource[storage.SourceLLM] != 1 || st.BySource[storage.SourceLLMSelect] != 1 {
			t.Fatalf("stats = %+v; want the model's choice answered from the FAQ and its own answer a gap", st)
		}
		if len(st.TopUnanswered) != 1 || st.TopUnanswered[0].Text != "快递放哪里？" {
			t.Fatalf("FAQ gaps = %+v; want the model-answered question", st.TopUnanswered)
		}
	})
}
