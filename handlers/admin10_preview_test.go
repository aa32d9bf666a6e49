package handlers_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"codesk/faq"
	"codesk/handlers"
)

// Before an import replaces the FAQ, the admin sees which entries it adds,
// which it updates and what changes in each, and which it removes — not
// counts alone — in their language.
func TestImportPreviewNamesTheEntriesAndWhatChanges(t *testing.T) {
	t.Parallel()
	f := newAdminFixture(t)
	en := englishAdmin(t, f)

	file := slices.Clone(seedFAQ[:2])
	file[0].Questions = append(slices.Clone(file[0].Questions), "电梯几月换？")
	file[0].Answer.ZH = "电梯五月起按楼栋分批更换。"
	file[1].Party = "property_management"
	file = append(file, faq.Entry{ID: "bike-parking", Questions: []string{"Where can I park my bike?"}, Answer: faq.Answer{EN: "In the basement."}})
	body := "/faq set\n" + fullFile(t, file)

	for lang, want := range map[string][]string{
		"zh": {"新增 1，更新 2，删除 1，不变 0", "将新增：bike-parking", "• lift-replacement：问题 +1 -0、中文答案", "• parcel-lockers：负责方", "将被删除：gym-hours"},
		"en": {"1 added, 2 updated, 1 removed, 0 unchanged", "To be added: bike-parking", "• lift-replacement: questions +1 -0, answer (zh)", "• parcel-lockers: party", "To be removed: gym-hours"},
	} {
		user := admin
		if lang == "en" {
			user = en
		}
		got := f.say(t, user, body)
		confirmData(t, got)
		for _, w := range want {
			if !strings.Contains(got.Text, w) {
				t.Errorf("%s preview: want %q in:\n%s", lang, w, got.Text)
			}
		}
		if lang == "zh" {
			if phrase := handlers.EnglishIn(handlers.StripData(got.Text, "bike-parking", "lift-replacement", "parcel-lockers", "gym-hours")); phrase != "" {
				t.Errorf("the Chinese preview has English %q:\n%s", phrase, got.Text)
			}
		} else if han := handlers.ChineseIn(got.Text); han != "" {
			t.Errorf("the English preview has Chinese %q:\n%s", han, got.Text)
		}
	}
	f.assertUnchanged(t, "previews")
}

// A large import names the first entries of each kind and counts the rest,
// and its question stays one message with its buttons however long the ids.
func TestLargeImportPreviewFitsOneMessage(t *testing.T) {
	t.Parallel()
	f := newAdminFixture(t)
	longID := func(kind string, i int) string {
		id := fmt.Sprintf("%s-%02d-", kind, i)
		return id + strings.Repeat("x", 64-len(id))
	}
	// 60 stored entries with long ids: 30 kept and changed, 30 removed;
	// 30 added.
	var stored, file []faq.Entry
	for i := range 60 {
		e := faq.Entry{ID: longID("kept", i), Questions: []string{fmt.Sprintf("第 %d 个问题", i)}, Answer: faq.Answer{ZH: "旧的回答"}}
		if i >= 30 {
			e.ID = longID("gone", i)
		}
		stored = append(stored, e)
		if i < 30 {
			e.Answer.EN = "A new English answer"
			e.Topic = "services"
			file = append(file, e)
		}
	}
	for i := range 30 {
		file = append(file, faq.Entry{ID: longID("new", i), Questions: []string{fmt.Sprintf("new question %d", i)}, Answer: faq.Answer{EN: "a"}})
	}
	if _, err := f.db.ReplaceFAQ(f.ctx, stored, "test:seed"); err != nil {
		t.Fatal(err)
	}
	got := f.say(t, admin, "/faq set\n"+fullFile(t, file))
	confirmData(t, got)
	if n := utf8.RuneCountInString(got.Text); n > 4096 {
		t.Fatalf("the preview is %d characters, over one Telegram message", n)
	}
	for _, w := range []string{"新增 30，更新 30，删除 30", longID("new", 0), longID("kept", 0), longID("gone", 30), "英文答案", "主题", "等另外", "另外还有"} {
		if !strings.Contains(got.Text, w) {
			t.Errorf("want %q in the preview:\n%s", w, got.Text)
		}
	}
	if strings.Contains(got.Text, longID("new", 29)) {
		t.Errorf("the preview lists every added entry instead of counting the rest:\n%s", got.Text)
	}
}
