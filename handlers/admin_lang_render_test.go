package handlers

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"codesk/faq"
)

// renderCases gives every kind of FAQ problem, with each field it can be
// about, the details a real problem of that kind carries.
func renderCases() []faq.Problem {
	at := func(p faq.Problem) faq.Problem {
		p.Line, p.EntryID = 17, "lift-x"
		return p
	}
	fields := []faq.Problem{
		{Field: faq.FieldID}, {Field: faq.FieldTopic}, {Field: faq.FieldParty},
		{Field: faq.FieldQuestions}, {Field: faq.FieldQuestions, Question: 3},
		{Field: faq.FieldAnswer}, {Field: faq.FieldAnswer, Lang: "zh"}, {Field: faq.FieldAnswer, Lang: "en"},
	}
	var out []faq.Problem
	for _, k := range faq.ProblemKinds() {
		switch k {
		case faq.ProblemYAMLSyntax:
			for _, h := range faq.SyntaxHints() {
				out = append(out, faq.Problem{Line: 17, Kind: k, Syntax: h, Detail: "did not find expected key"})
			}
		case faq.ProblemWrongShape, faq.ProblemInvalidUTF8, faq.ProblemTooLong, faq.ProblemMultiLine:
			for _, f := range fields {
				f.Kind, f.Found, f.Count, f.Limit = k, faq.ShapeMapping, 4001, 4000
				out = append(out, at(f))
			}
		case faq.ProblemKeyNotPlain, faq.ProblemUnknownKey, faq.ProblemRepeatedKey:
			for _, m := range []faq.Field{faq.FieldFile, faq.FieldEntry, faq.FieldAnswer} {
				out = append(out, at(faq.Problem{Kind: k, Field: m, Value: "colour", Earlier: faq.Ref{Line: 15}}))
			}
		case faq.ProblemTopLevelShape, faq.ProblemEntriesShape, faq.ProblemEntryShape, faq.ProblemVersionWrong:
			for _, s := range []faq.Shape{faq.ShapeNothing, faq.ShapeText, faq.ShapeList, faq.ShapeMapping, faq.ShapeAlias, faq.ShapeOther} {
				out = append(out, faq.Problem{Line: 17, Kind: k, Found: s, Value: "x2"})
			}
		case faq.ProblemDuplicateID, faq.ProblemSharedQuestion:
			for _, r := range []faq.Ref{{Entry: 2, ID: "lift-y", Line: 15}, {Entry: 2, ID: "lift-y"}, {Entry: 2, Line: 15}, {Entry: 2}} {
				out = append(out, at(faq.Problem{Kind: k, Value: "Who fixes the lift?", Earlier: r}))
			}
		default:
			out = append(out, at(faq.Problem{Kind: k, Value: "security", Question: 3, Count: 51, Limit: 50}))
		}
	}
	out = append(out, faq.Problem{Entry: 4, Kind: faq.ProblemMissingID, Field: faq.FieldID}) // in memory, no id
	return out
}

// Every kind of problem reads wholly in the admin's language and keeps its
// line, entry and numbers.
func TestEveryProblemKindReadsInTheAdminsLanguage(t *testing.T) {
	const offset = 1 // "/faq set" above the YAML
	unknown := map[string]string{"zh": zhProbUnknown, "en": "problem of unknown kind"}
	for _, p := range renderCases() {
		zh, en := problemText(p, offset, "zh"), problemText(p, offset, "en")
		for lang, got := range map[string]string{"zh": zh, "en": en} {
			if strings.Contains(got, unknown[lang]) {
				t.Errorf("%s: kind %d has no %s text: %q", p.String(), p.Kind, lang, got)
			}
			if p.Line > 0 && !strings.Contains(got, strconv.Itoa(p.Line+offset)) {
				t.Errorf("%s: the %s text lost the line %d: %q", p.String(), lang, p.Line+offset, got)
			}
			for _, detail := range []string{p.EntryID, p.Value} {
				if detail != "" && strings.Contains(p.String(), detail) && !strings.Contains(got, detail) {
					t.Errorf("%s: the %s text lost %q: %q", p.String(), lang, detail, got)
				}
			}
			for _, n := range []int{p.Count, p.Limit, p.Question, p.Entry, p.Earlier.Line} {
				if n > 0 && strings.Contains(p.String(), strconv.Itoa(n)) && !strings.Contains(got, strconv.Itoa(n)) &&
					!strings.Contains(got, strconv.Itoa(n+offset)) {
					t.Errorf("%s: the %s text lost the number %d: %q", p.String(), lang, n, got)
				}
			}
		}
		if phrase := EnglishIn(zh); phrase != "" {
			t.Errorf("%s: the Chinese text has English %q: %s", p.String(), phrase, zh)
		}
		if han := ChineseIn(en); han != "" {
			t.Errorf("%s: the English text has Chinese %q: %s", p.String(), han, en)
		}
	}
}

// Lines a problem points back to (a key's first use, the entry that
// already has an id) count from the same top as the problem's own line.
func TestEarlierLinesCountFromTheTopOfTheMessage(t *testing.T) {
	p := faq.Problem{Line: 30, EntryID: "gym-hours", Kind: faq.ProblemDuplicateID, Earlier: faq.Ref{Entry: 3, Line: 21}}
	for lang, want := range map[string]string{
		"zh": "第 31 行，条目“gym-hours”：编号（id）重复：第 22 行的条目已经在用",
		"en": `line 31: entry "gym-hours": id: duplicate, first used by entry #3 at line 22`,
	} {
		if got := problemText(p, 1, lang); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
	key := faq.Problem{Line: 6, EntryID: "lift-x", Kind: faq.ProblemRepeatedKey, Field: faq.FieldEntry, Value: "questions", Earlier: faq.Ref{Line: 5}}
	if got := problemText(key, 2, "zh"); !strings.Contains(got, "第 8 行") || !strings.Contains(got, "第一次在第 7 行") {
		t.Errorf("a repeated key: %q", got)
	}
	if got := problemText(key, 2, "en"); !strings.HasPrefix(got, "line 8: ") || !strings.Contains(got, "first at line 7") {
		t.Errorf("a repeated key in English: %q", got)
	}
}

// The chat's English is the command line's ("codesk faq lint"), lines
// counted from the top of what the admin sent: one English text per kind.
// A YAML syntax error adds its likely cause before the decoder's words.
func TestEnglishProblemsAreTheCommandLinesText(t *testing.T) {
	const offset = 2
	for _, p := range renderCases() {
		cli := p
		for _, line := range []*int{&cli.Line, &cli.Earlier.Line} {
			if *line > 0 { // 0 is an unknown line
				*line += offset
			}
		}
		got := problemText(p, offset, "en")
		if p.Kind == faq.ProblemYAMLSyntax {
			cause := syntaxText(p.Syntax).in("en")
			if want := fmt.Sprintf("line %d: invalid YAML: %s (%s)", cli.Line, cause, p.Detail); got != want {
				t.Errorf("syntax hint %d: %q, want %q", p.Syntax, got, want)
			}
			continue
		}
		if want := cli.String(); got != want {
			t.Errorf("kind %d: the chat says %q, the command line %q", p.Kind, got, want)
		}
	}
}

// The check itself: it must catch the mixing it exists for.
func TestLanguageChecksCatchMixedText(t *testing.T) {
	mixed := "发现 1 个问题，没有做任何修改：\n• line 3: entry \"x\": answer: needs zh or en"
	if EnglishIn(mixed) == "" {
		t.Errorf("English details in a Chinese frame pass the check")
	}
	if ChineseIn("Found 1 problem(s); nothing was changed:\n• 第 3 行：缺少回答") == "" {
		t.Errorf("Chinese details in an English frame pass the check")
	}
	clean := "• 第 3 行，条目“bike-parking”：问题“Where can I park my bike?”已经是条目“a”的问题；请用 codesk faq import 或 /faq show <id>"
	if phrase := EnglishIn(clean); phrase != "" {
		t.Errorf("quoted data and commands count as English: %q", phrase)
	}
}
