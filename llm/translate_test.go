package llm

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"codesk/llm/llmtest"
)

func translationReply(t *testing.T, text string) string {
	t.Helper()
	b, err := json.Marshal(translateReply{Translation: text})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestTranslateKeepsPersonalDataFromTheModelAndPutsItBack(t *testing.T) {
	f := newFixture(t, nil)
	f.srv.Reply(translationReply(t, "The plumber will come at 3 pm tomorrow; if it leaks again call [[1]] or write to [[2]]."))
	got, err := f.c.Translate(context.Background(), 0, "师傅明天下午3点上门，再漏水请打13812345678或发邮件到wuye@example.com。", "en")
	if err != nil {
		t.Fatalf("Translate: %v", err)
	}
	want := "The plumber will come at 3 pm tomorrow; if it leaks again call 13812345678 or write to wuye@example.com."
	if got != want {
		t.Errorf("Translate = %q, want %q", got, want)
	}
	req := f.requests(t, 1)[0]
	user := req.Messages[len(req.Messages)-1].Content
	if strings.Contains(user, "13812345678") || strings.Contains(user, "wuye@example.com") {
		t.Errorf("the model saw personal data: %q", user)
	}
	if !strings.Contains(user, "[[1]]") || !strings.Contains(user, "[[2]]") {
		t.Errorf("user message lacks the placeholders: %q", user)
	}
	if req.Messages[0].Content != translateSystemPrompt || !strings.Contains(req.Messages[1].Content, "English") {
		t.Errorf("translate request wrong: %+v", req.Messages[:2])
	}
}

// The cache tells texts apart by what punctuation and case say: a
// question is not served a statement's translation.
func TestTranslationsAreCachedPerExactText(t *testing.T) {
	f := newFixture(t, nil)
	f.srv.Reply(translationReply(t, "The plumber comes tomorrow at 10:30."))
	if _, err := f.c.Translate(context.Background(), 0, "师傅明天10:30上门。", "en"); err != nil {
		t.Fatal(err)
	}
	f.srv.Reply(translationReply(t, "Can the plumber come tomorrow at 10.30?"))
	got, err := f.c.Translate(context.Background(), 0, "师傅明天10.30上门？", "en")
	if err != nil || got != "Can the plumber come tomorrow at 10.30?" {
		t.Errorf("Translate = %q, %v; want the question's own translation", got, err)
	}
	f.requests(t, 2)
}

func TestTranslateRejectsWhatIsNoTranslation(t *testing.T) {
	for _, tc := range []struct{ name, reply string }{
		{"same language as asked of it", translationReply(t, "师傅明天上门，请打[[1]]。")},
		{"placeholder dropped", translationReply(t, "The plumber comes tomorrow; please call the office.")},
		{"placeholder doubled", translationReply(t, "Call [[1]] tomorrow, or [[1]] today.")},
		{"an essay instead", translationReply(t, "Call [[1]]. "+strings.Repeat("As your friendly assistant, here is everything about plumbing. ", 20))},
		{"empty", translationReply(t, "  ")},
		{"not JSON", "Sure! The plumber comes tomorrow, call [[1]]."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, nil)
			f.srv.Reply(tc.reply)
			got, err := f.c.Translate(context.Background(), 0, "师傅明天上门，请打13812345678。", "en")
			if !errors.Is(err, ErrMalformed) {
				t.Errorf("Translate = %q, %v; want ErrMalformed", got, err)
			}
		})
	}
}

func TestStaffTranslationsAreCachedAndNotMetered(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.DailyQuota = 1 })
	f.srv.Reply(translationReply(t, "Fixed, please check."))
	for i := 0; i < 2; i++ {
		got, err := f.c.Translate(context.Background(), 0, "已经修好了，请检查。", "en")
		if err != nil || got != "Fixed, please check." {
			t.Fatalf("Translate #%d = %q, %v", i+1, got, err)
		}
	}
	f.requests(t, 1)
	if _, err := f.c.Select(context.Background(), 42, "停车费多少钱", "zh", testEntries); err != nil && errors.Is(err, ErrQuotaExceeded) {
		t.Errorf("a translation used up a resident's quota: %v", err)
	}
}

func TestASlowTranslatorDoesNotShutOutQuestions(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.BreakerFailures = 1 })
	f.srv.Fail(500, 2)
	if _, err := f.c.Translate(context.Background(), 0, "已经修好了", "en"); err == nil {
		t.Fatal("Translate succeeded against a failing server")
	}
	if _, err := f.c.Translate(context.Background(), 0, "还是坏的", "en"); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("after a failure the translate breaker should be open, got %v", err)
	}
	f.srv.Reply(`{"id": "parking-fee"}`)
	id, err := f.c.Select(context.Background(), 42, "停车费多少钱", "zh", testEntries)
	if err != nil || id != "parking-fee" {
		t.Errorf("Select after translate failures = %q, %v; questions have their own breaker", id, err)
	}
}

func TestTextTooLongOrWithPlaceholderMarksIsNotSentForTranslation(t *testing.T) {
	f := newFixture(t, nil)
	for _, text := range []string{strings.Repeat("楼道灯已经换好了。", 150), "请把[[1]]这一项填好"} {
		if _, err := f.c.Translate(context.Background(), 0, text, "en"); !errors.Is(err, ErrMalformed) {
			t.Errorf("Translate(%.20q…) err = %v, want ErrMalformed", text, err)
		}
	}
	f.requests(t, 0)
}

func TestAResidentsTranslationsCountAgainstTheirQuota(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.DailyQuota = 1 })
	f.srv.ReplyFunc(func(llmtest.Request) string { return translationReply(t, "The lift is broken again") })
	if _, err := f.c.Translate(context.Background(), 42, "电梯又坏了", "en"); err != nil {
		t.Fatalf("first translation: %v", err)
	}
	if _, err := f.c.Translate(context.Background(), 42, "电梯还是坏的", "en"); !errors.Is(err, ErrQuotaExceeded) {
		t.Errorf("second translation for the same resident: %v, want ErrQuotaExceeded", err)
	}
	if _, err := f.c.Translate(context.Background(), 0, "电梯还是坏的", "en"); err != nil {
		t.Errorf("staff text is not metered: %v", err)
	}
}

func TestPlaceholderMarksOfTheTextOrExtraOnesFromTheModelAreRefused(t *testing.T) {
	f := newFixture(t, nil)
	// full width ［［1］］ folds to [[1]]: it is refused before any call, not a panic
	for _, text := range []string{"请填［［1］］这一项", "请填［［2］］，电话13812345678"} {
		if _, err := f.c.Translate(context.Background(), 0, text, "en"); !errors.Is(err, ErrMalformed) {
			t.Errorf("Translate(%q) err = %v, want ErrMalformed", text, err)
		}
	}
	f.requests(t, 0)
	f.srv.Reply(translationReply(t, "Call [[1]] or [[2]]."))
	if got, err := f.c.Translate(context.Background(), 0, "请打13812345678", "en"); !errors.Is(err, ErrMalformed) {
		t.Errorf("a placeholder the text did not have: %q, %v; want ErrMalformed", got, err)
	}
}
