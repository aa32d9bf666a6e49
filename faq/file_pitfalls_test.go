package faq

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The decoder's words for a mistake inside [ ] or { } ("did not find
// expected ',' or ']'", at the line before the bracket, or no line at all
// on a message's first line) send the reader looking for a bracket that is
// closed. The problem names what was written wrong, at its line, with the
// text to put in quotes.
func TestFlowStylePitfallsNameTheirCauseAndLine(t *testing.T) {
	header := "version: 1\nentries:\n"
	cases := []struct {
		name string
		src  string
		line int
		hint SyntaxHint
		text string
	}{
		{"question mark in a list", header + "  - id: x\n    questions: [a?]\n    answer: {zh: b}\n", 4, SyntaxQuestionInFlow, "a?"},
		{"question mark mid-question", header + "  - id: x\n    questions: [电梯, what? ok]\n    answer: {zh: b}\n", 4, SyntaxQuestionInFlow, "what? ok"},
		{"question mark in an answer", header + "  - id: x\n    questions: [a]\n    answer: {zh: 什么?}\n", 5, SyntaxQuestionInFlow, "什么?"},
		{"whole entry on the first line", "{id: x, questions: [a?], answer: {zh: b}}", 1, SyntaxQuestionInFlow, "a?"},
		{"list over lines", header + "  - id: x\n    questions:\n      [a,\n       b?]\n    answer: {zh: b}\n", 6, SyntaxQuestionInFlow, "b?"},
		{"colon in an answer", header + "  - id: x\n    questions: [a]\n    answer: {zh: 时间: 八点}\n", 5, SyntaxColonInFlow, "时间: 八点"},
		{"colon on the mapping's second line", header + "  - id: x\n    questions: [a]\n    answer: {zh: b,\n      en: open: 8 am}\n", 6, SyntaxColonInFlow, "open: 8 am"},
		{"comment hiding the rest", header + "  - id: x\n    questions: [a #b, c]\n    answer: {zh: b}\n", 4, SyntaxCommentInFlow, "a #b"},
		{"bracket in text", header + "  - id: x\n    questions: [a]\n    answer: {zh: 见附件[1]}\n", 5, SyntaxBracketInFlow, "见附件[1]"},
		{"quote in single quotes", header + "  - id: x\n    questions: ['it's']\n    answer: {zh: b}\n", 4, SyntaxTextAfterQuote, ""},
		{"quote in a block list", header + "  - id: x\n    questions:\n      - 'it's'\n    answer: {zh: b}\n", 5, SyntaxTextAfterQuote, ""},
		{"text after double quotes", header + "  - id: x\n    questions:\n      - \"a\" b\n    answer: {zh: b}\n", 5, SyntaxTextAfterQuote, ""},
		{"brace too many", header + "  - id: x\n    questions: [a]\n    answer: {zh: b}}\n", 5, SyntaxExtraBracket, ""},
		{"bracket too many", header + "  - id: x\n    questions: [a]]\n    answer: {zh: b}\n", 4, SyntaxExtraBracket, ""},
		{"list left open", header + "  - id: x\n    questions: [a, b\n    answer: {zh: c}\n", 4, SyntaxBracket, ""},
		{"wrong closing bracket", header + "  - id: x\n    questions: [a, b}\n    answer: {zh: c}\n", 4, SyntaxBracket, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := parseProblems(t, tc.src)[0]
			if p.Kind != ProblemYAMLSyntax || p.Syntax != tc.hint || p.Line != tc.line || p.Value != tc.text {
				t.Errorf("got line %d hint %d text %q (%s), want line %d hint %d text %q", p.Line, p.Syntax, p.Value, p.String(), tc.line, tc.hint, tc.text)
			}
			if p.Detail == "" {
				t.Errorf("the decoder's words are lost: %+v", p)
			}
		})
	}
}

// What YAML reads as text is no pitfall: findPitfall must not make up a
// cause for another error in a file that has these.
func TestValidYAMLHasNoPitfalls(t *testing.T) {
	valid := []string{
		"version: 1\nentries:\n  - id: x\n    questions: [a # a comment\n      , b]\n    answer: {zh: 时间:八点}\n",
		"version: 1\nentries:\n  - id: x\n    questions: [电梯坏了？, \"a?\", 'it''s', \"08:00\", http://x.cn/a]\n    answer: {zh: b}\n",
		"version: 1\nentries:\n  - id: x\n    questions: [a, b] # [ ? : #\n    answer:\n      zh: |\n        见附件[1]。 {a: b: c} 'it's\n        \"x\" y ?]\n      en: 'one\n        two' # ok\n",
		"version: 1\nentries:\n  - id: x\n    questions:\n      - what? ok\n      - a #b, c]\n    answer:\n      zh: 第一行\n        \"引号\" 文字 ]\n      en: >-\n        [a?]\n",
		"{version: 1, entries: [{id: x, questions: [a, b], answer: {zh: \"a?\", en: 'b: c'}}]}\n",
	}
	for _, src := range valid {
		if _, err := Parse(strings.NewReader(src)); err != nil {
			t.Fatalf("the test's YAML is not valid: %v\n%s", err, src)
		}
		if f, ok := findPitfall([]byte(src)); ok {
			t.Errorf("a pitfall at line %d (hint %d, %q) in valid YAML:\n%s", f.line, f.hint, f.text, src)
		}
	}
	// the shipped files, and what Write makes of tricky text
	for _, name := range []string{"default.yaml", "background.yaml", filepath.Join("testdata", "written.golden.yaml"), filepath.Join("testdata", "tricky.yaml")} {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if f, ok := findPitfall(data); ok {
			t.Errorf("%s: a pitfall at line %d (hint %d, %q)", name, f.line, f.hint, f.text)
		}
	}
}
