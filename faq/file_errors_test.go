package faq

import (
	"strings"
	"testing"
)

func TestEveryProblemKindHasAnEnglishMessage(t *testing.T) {
	seen := map[string]ProblemKind{}
	for _, k := range ProblemKinds() {
		msg := Problem{Kind: k, Field: FieldID}.Message()
		if strings.HasPrefix(msg, "problem of unknown kind") {
			t.Errorf("kind %d has no English message", k)
		}
		if other, ok := seen[msg]; ok {
			t.Errorf("kinds %d and %d read the same: %q", other, k, msg)
		}
		seen[msg] = k
	}
	if got := (Problem{Kind: problemKindEnd}).Message(); !strings.HasPrefix(got, "problem of unknown kind") {
		t.Errorf("ProblemKinds misses a kind: %q", got)
	}
}

// A YAML syntax error keeps the decoder's words for the command line and
// names its likely cause for readers of other languages.
func TestYAMLSyntaxErrorsNameTheirCause(t *testing.T) {
	header := "version: 1\nentries:\n"
	cases := []struct {
		name string
		src  string
		line int // 0: the decoder's (sometimes a line early) is not checked
		hint SyntaxHint
	}{
		{"tab before a list item", header + "  - id: x\n    questions:\n\t- 电梯坏了\n", 5, SyntaxTab},
		{"tab indenting a key", header + "  - id: x\n\tquestions: [a]\n", 0, SyntaxTab},
		{"key out of line", header + "  - id: x\n    questions: [a]\n   answer: {zh: b}\n", 0, SyntaxIndentation},
		{"colon inside a value", header + "  - id: x\n    questions: [a]\n    answer:\n      zh: 时间: 早上八点\n", 0, SyntaxColonInValue},
		{"key without colon", header + "  - id: x\n    questions\n", 0, SyntaxMissingColon},
		{"value starting with @", header + "  - id: x\n    questions: [a]\n    answer: {zh: @物业}\n", 5, SyntaxBadCharacter},
		{"list left open", header + "  - id: x\n    questions: [a, b\n    answer: {zh: c}\n", 0, SyntaxBracket},
		{"quote left open", header + "  - id: x\n    questions: [a]\n    answer: {zh: \"b}\n", 0, SyntaxQuote},
		{"bad escape", header + "  - id: x\n    questions: [a]\n    answer: {zh: \"\\q\"}\n", 5, SyntaxQuote},
		{"unknown anchor", header + "  - id: x\n    questions: *qs\n", 0, SyntaxUnknownAnchor},
		{"control character", header + "  - id: x\x01\n", 0, SyntaxEncoding},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			problems := parseProblems(t, tc.src)
			p := problems[0]
			if p.Kind != ProblemYAMLSyntax || p.Syntax != tc.hint {
				t.Fatalf("got kind %d hint %d (%s), want a YAML syntax problem with hint %d", p.Kind, p.Syntax, p.String(), tc.hint)
			}
			if p.Detail == "" || !strings.Contains(p.String(), "invalid YAML: "+p.Detail) {
				t.Errorf("the decoder's words are lost: %+v", p)
			}
			if tc.line > 0 && p.Line != tc.line {
				t.Errorf("line %d, want %d (%s)", p.Line, tc.line, p.String())
			}
		})
	}
}

func TestWrongShapesAreStructured(t *testing.T) {
	header := "version: 1\nentries:\n"
	src := header + "  - id: x\n    questions: [a]\n    answer: {zh: b}\n    topic: &t [x]\n  - id: y\n    questions: [c, [d]]\n    answer: {en: *t}\n"
	problems := parseProblems(t, src)
	want := []Problem{
		{Line: 6, EntryID: "x", Kind: ProblemWrongShape, Field: FieldTopic, Found: ShapeList},
		{Line: 8, EntryID: "y", Kind: ProblemWrongShape, Field: FieldQuestions, Question: 2, Found: ShapeList},
		{Line: 9, EntryID: "y", Kind: ProblemWrongShape, Field: FieldAnswer, Lang: "en", Found: ShapeAlias, Value: "t"},
	}
	if len(problems) != len(want) {
		t.Fatalf("got %v, want %d problems", problems, len(want))
	}
	for i := range want {
		if problems[i] != want[i] {
			t.Errorf("problem %d = %+v (%s), want %+v", i, problems[i], problems[i], want[i])
		}
	}
	if got, w := problems[2].String(), `line 9: entry "y": answer: en must be text, found an alias (*t), which is not supported`; got != w {
		t.Errorf("String() = %q, want %q", got, w)
	}
}
