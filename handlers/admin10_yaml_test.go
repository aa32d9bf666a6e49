package handlers_test

import (
	"strings"
	"testing"
)

// A "?", a second ": " or a " #" in unquoted text inside [ ] or { } is
// explained as what it is, at its line, with the admin's text quoted as it
// should be written; never as a bracket left open when the brackets are
// closed.
func TestFlowStyleMistakesAreExplainedAtTheirLine(t *testing.T) {
	t.Parallel()
	f := newAdminFixture(t)
	en := englishAdmin(t, f)
	cases := []struct {
		name   string
		msg    string
		zh, en []string // all must be in the reply
	}{
		{"question mark, entry on the command's line", "/faq set {id: x, questions: [a?], answer: {zh: b}}",
			[]string{"第 1 行", "问号“?”", `"a?"`}, []string{"line 1:", `a "?" in unquoted text`, `"a?"`}},
		{"question mark, entry below the command", "/faq set\nid: bike-parking\nquestions: [停车在哪?]\nanswer: {zh: 地下室}",
			[]string{"第 3 行", "问号“?”", `"停车在哪?"`}, []string{"line 3:", `a "?" in unquoted text`, `"停车在哪?"`}},
		{"colon in an answer", "/faq set\nid: bike-parking\nquestions: [停车]\nanswer: {zh: 时间: 早上八点}",
			[]string{"第 4 行", "冒号", `"时间: 早上八点"`}, []string{"line 4:", "a colon", `"时间: 早上八点"`}},
		{"comment hiding the list's end", "/faq set\nid: bike-parking\nquestions: [停车 #2, parking]\nanswer: {zh: 地下室}",
			[]string{"第 3 行", "注释", `"停车 #2"`}, []string{"line 3:", "starts a comment", `"停车 #2"`}},
		{"quote inside single quotes", "/faq set\nid: bike-parking\nquestions: ['where's parking']\nanswer: {zh: 地下室}",
			[]string{"第 3 行", "引号后面还有文字"}, []string{"line 3:", "text follows a closing quote"}},
	}
	for _, c := range cases {
		for _, who := range []struct {
			lang string
			user int64
			want []string
		}{{"zh", admin, c.zh}, {"en", en, c.en}} {
			got := f.say(t, who.user, c.msg).Text
			for _, w := range who.want {
				if !strings.Contains(got, w) {
					t.Errorf("%s (%s): want %q in:\n%s", c.name, who.lang, w, got)
				}
			}
			if strings.Contains(got, "not closed") || strings.Contains(got, "没有闭合") {
				t.Errorf("%s (%s): the brackets are closed, yet the reply says one is open:\n%s", c.name, who.lang, got)
			}
		}
	}
	// a bracket really left open is named at the line it opens on
	got := f.say(t, en, "/faq set\nid: bike-parking\nquestions: [停车, parking\nanswer: {zh: 地下室}").Text
	if !strings.Contains(got, "line 3:") || !strings.Contains(got, "not closed") {
		t.Errorf("an open bracket: want it named at line 3, got:\n%s", got)
	}
	f.assertUnchanged(t, "bad flow-style edits")
}
