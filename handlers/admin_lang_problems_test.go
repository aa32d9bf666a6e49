package handlers_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"codesk/handlers"
)

// englishAdmin is the fixture's second administrator after "/lang en".
func englishAdmin(t *testing.T, f *adminFixture) int64 {
	t.Helper()
	f.say(t, secondAdmin, "/lang en")
	return secondAdmin
}

// badEdit is one bad FAQ edit an admin sends: after "/faq set", or as a
// .yaml document when doc is set.
type badEdit struct {
	name    string
	body    string
	doc     bool
	details []string // ids, keys, counts both languages must keep
	lines   []int    // lines of the message or file the reply must name ("第 N 行", "line N")
	zh, en  string   // what says which problem it is, per language
}

const fileHeader = "version: 1\nentries:\n"

func badEdits() []badEdit {
	entry := func(id string, lines ...string) string {
		return "  - id: " + id + "\n" + strings.Join(lines, "\n") + "\n"
	}
	ok := func(id, question string) string {
		return entry(id, "    questions: ["+question+"]", "    answer: {zh: 请到东门。}")
	}
	var manyQuestions, manyEntries strings.Builder
	for i := range 51 {
		fmt.Fprintf(&manyQuestions, "  - 问题 %d\n", i)
	}
	manyEntries.WriteString(fileHeader)
	for i := range 20001 {
		fmt.Fprintf(&manyEntries, "  - {id: e%d, questions: [q%d], answer: {en: a}}\n", i, i)
	}
	return []badEdit{
		// YAML syntax, by likely cause
		{name: "tab", body: "id: bike-parking\nquestions:\n\t- Where can I park?\n", lines: []int{4}, zh: "制表符", en: "tab"},
		{name: "indentation", body: "id: bike-parking\nquestions:\n  - Where can I park?\n answer: {en: x}\n", zh: "缩进", en: "indentation"},
		{name: "colon in a value", body: "id: bike-parking\nquestions: [停车]\nanswer:\n  zh: 时间: 早上八点\n", zh: "冒号", en: "colon"},
		{name: "missing colon", body: "id: bike-parking\nquestions\n  - 停车\n", zh: "缺少冒号", en: "colon is missing"},
		{name: "reserved character", body: "id: bike-parking\nquestions: [停车]\nanswer: {zh: @物业}\n", zh: "加引号", en: "quotes"},
		{name: "open bracket", body: "id: bike-parking\nquestions: [a, b\nanswer: {zh: c}\n", zh: "方括号", en: "not closed"},
		{name: "open quote", body: "id: bike-parking\nquestions: [a]\nanswer: {zh: \"c}\n", zh: "引号没有闭合", en: "quote is not closed"},
		{name: "unknown anchor", body: "id: bike-parking\nquestions: *qs\n", zh: "锚点", en: "anchor"},
		{name: "control character", body: "id: bike-parking\x01\n", zh: "控制字符", en: "control characters"},
		// the file as a whole
		{name: "empty", body: "# nothing yet\n", zh: "内容是空的", en: "empty"},
		{name: "second document", doc: true, body: fileHeader + ok("a", "q") + "---\nversion: 1\n", lines: []int{6}, zh: "第二个 YAML 文档", en: "second YAML document"},
		{name: "top level a list", doc: true, body: "- id: a\n", lines: []int{1}, zh: "最外层", en: "top level"},
		{name: "version missing", doc: true, body: "entries:\n" + ok("a", "q"), zh: "缺少版本号", en: "version: missing"},
		{name: "version wrong", body: "version: 2\nentries:\n" + ok("a", "q"), lines: []int{2}, zh: "必须是 1", en: "must be 1"},
		{name: "entries missing", doc: true, body: "version: 1\n", zh: "缺少条目列表", en: "entries: missing"},
		{name: "entries not a list", doc: true, body: "version: 1\nentries: {id: a}\n", lines: []int{2}, zh: "必须是列表", en: "must be a list"},
		{name: "no entries", doc: true, body: "version: 1\nentries: []\n", zh: "没有任何条目", en: "no entries"},
		{name: "too many entries", doc: true, body: manyEntries.String(), details: []string{"20001", "20000"}, zh: "条目太多", en: "20001 entries (at most 20000)"},
		{name: "unknown top-level field", doc: true, body: fileHeader + ok("a", "q") + "owner: me\n", details: []string{"owner"}, lines: []int{6}, zh: "最外层里有未知的字段", en: "unknown top-level field"},
		{name: "entry not a mapping", doc: true, body: fileHeader + "  - just text\n", lines: []int{3}, zh: "条目必须是", en: "entry must be a mapping"},
		// one entry's keys and fields
		{name: "key not plain", body: "id: bike-parking\n? [a, b]\n: c\nquestions: [停车]\nanswer: {zh: 地下室}\n", details: []string{"bike-parking"}, zh: "键必须是简单的名称", en: "plain name"},
		{name: "unknown field", body: "id: bike-parking\ncolour: red\nquestions: [停车]\nanswer: {zh: 地下室}\n", details: []string{"bike-parking", "colour"}, lines: []int{3}, zh: "未知的字段", en: "unknown entry field"},
		{name: "unknown language", body: "id: bike-parking\nquestions: [停车]\nanswer:\n  zh: 地下室\n  fr: sous-sol\n", details: []string{"bike-parking", "fr"}, lines: []int{6}, zh: "未知的语言", en: "unknown language"},
		{name: "key given twice", body: "id: bike-parking\nquestions: [停车]\nquestions: [parking]\nanswer: {zh: 地下室}\n", details: []string{"bike-parking", "questions"}, lines: []int{4, 3}, zh: "写了两次", en: "given twice"},
		{name: "id is a list", body: "id: [a, b]\nquestions: [停车]\nanswer: {zh: 地下室}\n", lines: []int{2}, zh: "必须是文字", en: "must be text"},
		{name: "questions not a list", body: "id: bike-parking\nquestions: 停车\nanswer: {zh: 地下室}\n", details: []string{"bike-parking"}, lines: []int{3}, zh: "必须是列表", en: "must be a list"},
		{name: "question not text", body: "id: bike-parking\nquestions: [停车, [a]]\nanswer: {zh: 地下室}\n", details: []string{"bike-parking"}, lines: []int{3}, zh: "第 2 个问题必须是文字", en: "question 2 must be text"},
		{name: "answer not a mapping", body: "id: bike-parking\nquestions: [停车]\nanswer: 地下室\n", details: []string{"bike-parking"}, lines: []int{4}, zh: "按语言分开的映射", en: "mapping of language to text"},
		{name: "answer zh not text", body: "id: bike-parking\nquestions: [停车]\nanswer: {zh: [a]}\n", details: []string{"bike-parking"}, zh: "中文回答", en: "answer: zh must be text"},
		{name: "id missing", body: "questions: [停车]\nanswer: {zh: 地下室}\n", zh: "缺少编号", en: "id: missing"},
		{name: "bad id", body: "id: Bike_Parking\nquestions: [停车]\nanswer: {zh: 地下室}\n", details: []string{"Bike_Parking"}, lines: []int{2}, zh: "不合规则", en: "lowercase letters"},
		{name: "id too long", body: "id: " + strings.Repeat("a", 65) + "\nquestions: [停车]\nanswer: {zh: 地下室}\n", details: []string{"65", "64"}, zh: "太长", en: "65 characters long"},
		{name: "question too long", body: "id: bike-parking\nquestions: [" + strings.Repeat("停", 501) + "]\nanswer: {zh: 地下室}\n", details: []string{"bike-parking", "501", "500"}, zh: "第 1 个问题太长", en: "question 1: 501 characters long"},
		{name: "answer too long", doc: true, body: fileHeader + entry("bike-parking", "    questions: [停车]", "    answer: {en: "+strings.Repeat("a", 4001)+"}"), details: []string{"bike-parking", "4001", "4000"}, zh: "英文回答", en: "answer: en: 4001 characters long"},
		{name: "topic on two lines", body: "id: bike-parking\ntopic: \"a\\nb\"\nquestions: [停车]\nanswer: {zh: 地下室}\n", details: []string{"bike-parking"}, lines: []int{3}, zh: "只能写一行", en: "single line"},
		{name: "no questions", body: "id: bike-parking\nquestions: []\nanswer: {zh: 地下室}\n", details: []string{"bike-parking"}, zh: "至少要有一个问题", en: "at least one question"},
		{name: "too many questions", body: "id: bike-parking\nquestions:\n" + manyQuestions.String() + "answer: {zh: 地下室}\n", details: []string{"bike-parking", "51", "50"}, zh: "问题太多", en: "51 questions (at most 50)"},
		{name: "blank question", body: "id: bike-parking\nquestions: [停车, '  ']\nanswer: {zh: 地下室}\n", details: []string{"bike-parking", "2"}, zh: "第 2 个问题是空的", en: "question 2 is blank"},
		{name: "no answer", body: "id: bike-parking\nquestions: [停车]\n", details: []string{"bike-parking"}, zh: "缺少回答", en: "needs zh or en"},
		{name: "unknown party", body: "id: bike-parking\nquestions: [停车]\nanswer: {zh: 地下室}\nparty: security\n", details: []string{"bike-parking", "security"}, lines: []int{5}, zh: "未知的负责方", en: "unknown party"},
		// across entries
		{name: "duplicate id", doc: true, body: fileHeader + ok("lift-x", "电梯坏了") + ok("lift-x", "电梯停了"), details: []string{"lift-x"}, lines: []int{6, 3}, zh: "重复", en: "id: duplicate"},
		{name: "question twice in an entry", body: "id: bike-parking\nquestions: [Where to park, where  to PARK]\nanswer: {zh: 地下室}\n", details: []string{"bike-parking"}, zh: "写了两次", en: "listed twice"},
		{name: "question of another entry in the file", doc: true, body: fileHeader + ok("lift-x", "电梯坏了") + ok("lift-y", "电梯坏了"), details: []string{"lift-y", "lift-x"}, lines: []int{7, 4}, zh: "已经是", en: "also a question of"},
		{name: "question of a stored entry", body: "id: bike-parking\nquestions:\n  - where are the parcel lockers?\nanswer: {zh: 地下室}\n", details: []string{"bike-parking", "parcel-lockers"}, zh: "已经是", en: "also a question of"},
	}
}

// Every kind of mistake in an FAQ edit is explained wholly in the admin's
// language, Chinese or English, with its entry, line and field.
func TestBadFAQEditsAreExplainedInTheAdminsLanguage(t *testing.T) {
	t.Parallel()
	f := newAdminFixture(t)
	en := englishAdmin(t, f)
	for i, c := range badEdits() {
		for _, who := range []struct {
			lang string
			user int64
		}{{"zh", admin}, {"en", en}} {
			before := f.out.count()
			if c.doc {
				id := fmt.Sprintf("bad-%d", i)
				f.files.files[id] = []byte(c.body)
				f.sendDocument(t, who.user, handlers.Document{FileID: id, Name: "faq.yaml", Size: int64(len(c.body))}, "")
			} else {
				f.say(t, who.user, "/faq set\n"+c.body)
			}
			var reply strings.Builder
			for _, m := range f.since(before) {
				if len(m.Buttons) != 0 {
					t.Errorf("%s (%s): a rejected edit offers buttons: %q", c.name, who.lang, m.Text)
				}
				reply.WriteString(m.Text + "\n")
			}
			got := reply.String()
			frame, fragment := "没有做任何修改", c.zh
			if who.lang == "en" {
				frame, fragment = "nothing was changed", c.en
			}
			if !strings.Contains(got, frame) || !strings.Contains(got, fragment) {
				t.Errorf("%s (%s): want %q and %q, got:\n%s", c.name, who.lang, frame, fragment, got)
			}
			for _, d := range c.details {
				if !strings.Contains(got, d) {
					t.Errorf("%s (%s): the reply lost the detail %q:\n%s", c.name, who.lang, d, got)
				}
			}
			for _, n := range c.lines {
				line := regexp.MustCompile(fmt.Sprintf(`第 %d 行`, n))
				if who.lang == "en" {
					line = regexp.MustCompile(fmt.Sprintf(`\bline %d\b`, n))
				}
				if !line.MatchString(got) {
					t.Errorf("%s (%s): the reply lost %q:\n%s", c.name, who.lang, line, got)
				}
			}
			if who.lang == "zh" {
				if phrase := handlers.EnglishIn(got); phrase != "" {
					t.Errorf("%s: the Chinese reply has English %q:\n%s", c.name, phrase, got)
				}
			} else if han := handlers.ChineseIn(got); han != "" {
				t.Errorf("%s: the English reply has Chinese %q:\n%s", c.name, han, got)
			}
		}
	}
	f.assertUnchanged(t, "bad edits")
}

// The line of a problem in "/faq set" counts from the top of the message,
// the line of a problem in a file from the top of the file.
func TestProblemLinesCountFromWhatTheAdminSent(t *testing.T) {
	t.Parallel()
	f := newAdminFixture(t)
	en := englishAdmin(t, f)
	body := "id: bike-parking\nquestions: [停车]\nanswer: {zh: 地下室}\nparty: security\n"
	if got := f.say(t, admin, "/faq set\n"+body).Text; !strings.Contains(got, "第 5 行，条目“bike-parking”：未知的负责方“security”") {
		t.Errorf("/faq set: %q", got)
	}
	file := fileHeader + "  - id: bike-parking\n    questions: [停车]\n    answer: {zh: 地下室}\n    party: security\n"
	if got := f.say(t, en, "/faq set\n"+file).Text; !strings.Contains(got, `line 7: entry "bike-parking": party: unknown party "security"`) {
		t.Errorf("/faq set with a file: %q", got)
	}
	f.files.files["f"] = []byte(file)
	got := f.sendDocument(t, en, handlers.Document{FileID: "f", Name: "faq.yaml", Size: int64(len(file))}, "").Text
	if !strings.Contains(got, `line 6: entry "bike-parking": party: unknown party "security"`) || !strings.Contains(got, "top of your file") {
		t.Errorf("a document: %q", got)
	}
}
