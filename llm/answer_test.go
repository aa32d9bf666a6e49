package llm

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"codesk/llm/llmtest"
)

func TestAnswerGrounded(t *testing.T) {
	f := newFixture(t, nil)
	f.srv.Reply(`{"grounded": true, "answer": "Underground parking is 450 yuan a month.", "used_ids": ["parking-fee", "made-up-id", "parking-fee"]}`)

	got, err := f.c.Answer(context.Background(), 7, "how much to park underground?", "en", testEntries[:2])
	if err != nil {
		t.Fatalf("Answer: %v", err)
	}
	if !got.Grounded || got.Text != "Underground parking is 450 yuan a month." || got.Cached {
		t.Errorf("Answer = %+v", got)
	}
	if !slices.Equal(got.UsedIDs, []string{"parking-fee"}) {
		t.Errorf("UsedIDs = %v, want only the known id, once", got.UsedIDs)
	}

	req := f.requests(t, 1)[0]
	if req.Model != "qwen2.5-7b-instruct" {
		t.Errorf("model = %q", req.Model)
	}
	if req.Temperature == nil || *req.Temperature > 0.05 {
		t.Errorf("temperature = %v, want ~0 sent explicitly", req.Temperature)
	}
	if req.ResponseFormatType() != "json_object" {
		t.Errorf("response_format = %s", req.ResponseFormat)
	}
	if req.MaxTokens <= 0 {
		t.Errorf("max_tokens = %d, want a bound", req.MaxTokens)
	}
	if req.Authorization != "" {
		t.Errorf("Authorization = %q without a key, want none", req.Authorization)
	}
	roles := []string{req.Messages[0].Role, req.Messages[1].Role, req.Messages[2].Role}
	if len(req.Messages) != 3 || !slices.Equal(roles, []string{"system", "system", "user"}) {
		t.Fatalf("messages = %+v, want system prompt, FAQ context, user question", req.Messages)
	}
	if req.Messages[0].Content != answerSystemPrompt {
		t.Errorf("system prompt differs from the fixed one")
	}
	ctxMsg := req.Messages[1].Content
	for _, want := range []string{"parking-fee", "450", "garbage-sorting-times", "English"} {
		if !strings.Contains(ctxMsg, want) {
			t.Errorf("FAQ context lacks %q:\n%s", want, ctxMsg)
		}
	}
	if strings.Contains(ctxMsg, "co-office-hours") {
		t.Errorf("FAQ context holds an entry that was not given")
	}
	st := f.c.Stats()
	if st.Calls != 1 || st.PromptTokens != llmtest.PromptTokens || st.CompletionTokens != llmtest.CompletionTokens || st.Failures != 0 {
		t.Errorf("Stats = %+v", st)
	}
}

func TestAnswerChineseAsksForChinese(t *testing.T) {
	f := newFixture(t, nil)
	f.srv.Reply(`{"grounded": true, "answer": "地下车位每月450元。", "used_ids": []}`)
	got, err := f.c.Answer(context.Background(), 7, "地下停车多少钱", "zh", testEntries[:1])
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.UsedIDs, []string{"parking-fee"}) {
		t.Errorf("UsedIDs = %v: a grounded answer that cites nothing rests on all given entries", got.UsedIDs)
	}
	ctxMsg := f.requests(t, 1)[0].Messages[1].Content
	if !strings.Contains(ctxMsg, "Simplified Chinese") || !strings.Contains(ctxMsg, "地面车位每月300元") {
		t.Errorf("context should ask for Chinese and carry the Chinese answer:\n%s", ctxMsg)
	}
}

func TestAnswerOutsideContextRefused(t *testing.T) {
	f := newFixture(t, nil)
	f.srv.Reply(`{"grounded": false, "answer": "The FAQ does not say whether pets are allowed in the gym."}`)
	got, err := f.c.Answer(context.Background(), 7, "can I bring my dog to the gym?", "en", testEntries)
	if err != nil {
		t.Fatalf("Answer: %v", err)
	}
	if got.Grounded || len(got.UsedIDs) != 0 {
		t.Errorf("Answer = %+v, want Grounded=false and no used ids", got)
	}
}

func TestAnswerNoEntriesNoCall(t *testing.T) {
	f := newFixture(t, nil)
	got, err := f.c.Answer(context.Background(), 7, "anything", "en", nil)
	if err != nil || got.Grounded {
		t.Errorf("Answer(no entries) = %+v, %v; want ungrounded, nil", got, err)
	}
	f.requests(t, 0)
}

func TestAnswerMalformed(t *testing.T) {
	for name, content := range map[string]string{
		"prose":              "Sure! Parking is 450 yuan.",
		"truncated":          `{"grounded": true, "answer": "Parking is`,
		"no grounded":        `{"answer": "Parking is 450 yuan."}`,
		"grounded but empty": `{"grounded": true, "answer": "  "}`,
		"wrong types":        `{"grounded": "yes", "answer": 450}`,
		"two objects":        `{"grounded": true, "answer": "a"} {"grounded": false}`,
		"empty":              ``,
	} {
		t.Run(name, func(t *testing.T) {
			f := newFixture(t, nil)
			f.srv.Reply(content)
			_, err := f.c.Answer(context.Background(), 7, "parking fee?", "en", testEntries)
			if !errors.Is(err, ErrMalformed) {
				t.Fatalf("err = %v, want ErrMalformed", err)
			}
			if st := f.c.Stats(); st.Failures != 1 {
				t.Errorf("Failures = %d, want 1", st.Failures)
			}
			// A malformed reply is not cached: the next ask calls again.
			f.srv.Reply(`{"grounded": true, "answer": "450 yuan."}`)
			if got, err := f.c.Answer(context.Background(), 7, "parking fee?", "en", testEntries); err != nil || got.Cached {
				t.Errorf("retry after malformed = %+v, %v; want a fresh call", got, err)
			}
		})
	}
}

func TestAnswerCodeFenceAccepted(t *testing.T) {
	f := newFixture(t, nil)
	f.srv.Reply("```json\n{\"grounded\": true, \"answer\": \"450 yuan.\"}\n```")
	got, err := f.c.Answer(context.Background(), 7, "parking fee?", "en", testEntries)
	if err != nil || got.Text != "450 yuan." {
		t.Errorf("Answer = %+v, %v", got, err)
	}
}

func TestAnswerTooLongIsCut(t *testing.T) {
	f := newFixture(t, nil)
	f.srv.Reply(`{"grounded": true, "answer": "` + strings.Repeat("停", 5000) + `"}`)
	got, err := f.c.Answer(context.Background(), 7, "parking fee?", "zh", testEntries)
	if err != nil {
		t.Fatal(err)
	}
	if n := len([]rune(got.Text)); n != MaxAnswerRunes || !strings.HasSuffix(got.Text, "…") {
		t.Errorf("answer has %d runes, want it cut to %d and marked", n, MaxAnswerRunes)
	}
}

// A long answer is cut after its last whole sentence that fits.
func TestAnswerTooLongIsCutAfterASentence(t *testing.T) {
	f := newFixture(t, nil)
	f.srv.Reply(`{"grounded": true, "answer": "` + strings.Repeat("停车费每月四百五十元。", 200) + `"}`)
	got, err := f.c.Answer(context.Background(), 7, "parking fee?", "zh", testEntries)
	if err != nil {
		t.Fatal(err)
	}
	if n := len([]rune(got.Text)); n > MaxAnswerRunes || !strings.HasSuffix(got.Text, "四百五十元。…") {
		t.Errorf("answer of %d runes ends %q; want it cut after a sentence, marked", n, string([]rune(got.Text)[n-8:]))
	}
}

func TestRateLimitedFailsWithoutRetry(t *testing.T) {
	f := newFixture(t, nil)
	f.srv.Fail(429, 1)
	f.srv.Reply(`{"grounded": true, "answer": "never fetched"}`)
	_, err := f.c.Answer(context.Background(), 7, "parking fee?", "en", testEntries)
	var apiErr *openai.APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatusCode != 429 {
		t.Fatalf("err = %v, want an APIError 429", err)
	}
	f.requests(t, 1)
	if st := f.c.Stats(); st.Failures != 1 || st.Calls != 1 {
		t.Errorf("Stats = %+v", st)
	}
}

func TestServerErrorRetriedOnce(t *testing.T) {
	t.Run("then success", func(t *testing.T) {
		f := newFixture(t, nil)
		f.srv.Fail(500, 1)
		f.srv.Reply(`{"grounded": true, "answer": "450 yuan."}`)
		got, err := f.c.Answer(context.Background(), 7, "parking fee?", "en", testEntries)
		if err != nil || got.Text != "450 yuan." {
			t.Fatalf("Answer = %+v, %v; want the retry's answer", got, err)
		}
		f.requests(t, 2)
		if st := f.c.Stats(); st.Calls != 2 || st.Failures != 0 {
			t.Errorf("Stats = %+v", st)
		}
	})
	t.Run("twice", func(t *testing.T) {
		f := newFixture(t, nil)
		f.srv.Fail(503, 5)
		_, err := f.c.Answer(context.Background(), 7, "parking fee?", "en", testEntries)
		var apiErr *openai.APIError
		if !errors.As(err, &apiErr) || apiErr.HTTPStatusCode != 503 {
			t.Fatalf("err = %v, want an APIError 503", err)
		}
		f.requests(t, 2)
	})
	t.Run("no retry when half the budget is gone", func(t *testing.T) {
		f := newFixture(t, func(c *Config) { c.Timeout = 400 * time.Millisecond })
		f.srv.Delay(250 * time.Millisecond)
		f.srv.Fail(500, 5)
		if _, err := f.c.Answer(context.Background(), 7, "parking fee?", "en", testEntries); err == nil {
			t.Fatal("want an error")
		}
		f.requests(t, 1)
	})
}

func TestGarbageBody(t *testing.T) {
	f := newFixture(t, nil)
	f.srv.Garbage()
	f.srv.Reply(`{"grounded": true, "answer": "never fetched"}`)
	_, err := f.c.Answer(context.Background(), 7, "parking fee?", "en", testEntries)
	if err == nil {
		t.Fatal("want an error for a non-JSON response body")
	}
	f.requests(t, 1)
	if st := f.c.Stats(); st.Failures != 1 {
		t.Errorf("Failures = %d, want 1", st.Failures)
	}
}
