package faq

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// parseProblems parses src and returns its problems, failing the test when
// the file is accepted or the error is not a *ProblemsError.
func parseProblems(t *testing.T, src string) []Problem {
	t.Helper()
	entries, err := Parse(strings.NewReader(src))
	var pe *ProblemsError
	if !errors.As(err, &pe) {
		t.Fatalf("Parse error = %v (%T), want *ProblemsError", err, err)
	}
	if entries != nil {
		t.Fatalf("Parse returned %d entries alongside problems, want none", len(entries))
	}
	if len(pe.Problems) == 0 {
		t.Fatal("ProblemsError with no problems")
	}
	return pe.Problems
}

// entryYAML renders one entry with the given extra/replacement lines, so
// each bad-file case changes just what it tests.
func entryYAML(id string, lines ...string) string {
	body := []string{"    questions:", "      - 外墙渗水怎么办？", "    answer:", "      zh: 请到联合办公室登记。"}
	if len(lines) > 0 {
		body = lines
	}
	return "  - id: " + id + "\n" + strings.Join(body, "\n") + "\n"
}

func TestParseRejectsEachClassOfBadFile(t *testing.T) {
	header := "version: 1\nentries:\n"
	longID := strings.Repeat("a", 65)
	manyEntries := new(strings.Builder)
	manyEntries.WriteString(header)
	for i := 0; i <= maxEntries; i++ {
		fmt.Fprintf(manyEntries, "  - {id: e%d, questions: [q%d], answer: {en: a}}\n", i, i)
	}

	cases := []struct {
		name string
		kind ProblemKind // the kind of the problem that has every fragment
		src  string
		want []string // every fragment must appear in one problem's String()
	}{
		{"invalid yaml", ProblemYAMLSyntax, header + "  - id: x\n    questions: [unclosed\n", []string{"line 4:", "invalid YAML"}},
		{"empty file", ProblemFileEmpty, "", []string{"file is empty"}},
		{"only comments", ProblemFileEmpty, "# nothing here\n\n", []string{"file is empty"}},
		{"only document marker", ProblemFileEmpty, "---\n", []string{"file is empty"}},
		{"top level a list", ProblemTopLevelShape, "- id: x\n", []string{"line 1:", "top level must be a mapping"}},
		{"second document", ProblemSecondDocument, header + entryYAML("x") + "---\nversion: 1\n", []string{"line 8:", "second YAML document"}},
		{"version missing", ProblemVersionMissing, "entries:\n" + entryYAML("x"), []string{"line 1:", "version: missing"}},
		{"version 2", ProblemVersionWrong, "version: 2\nentries:\n" + entryYAML("x"), []string{"line 1:", "version: must be 1", `"2"`}},
		{"version not a number", ProblemVersionWrong, "version: one\nentries:\n" + entryYAML("x"), []string{"line 1:", "version: must be 1"}},
		{"unknown top-level field", ProblemUnknownKey, header + entryYAML("x") + "owner: me\n", []string{"line 8:", `unknown top-level field "owner"`}},
		{"entries missing", ProblemEntriesMissing, "version: 1\n", []string{"entries: missing"}},
		{"no entries", ProblemNoEntries, "version: 1\nentries: []\n", []string{"no entries"}},
		{"entries null", ProblemNoEntries, "version: 1\nentries:\n", []string{"no entries"}},
		{"entries not a list", ProblemEntriesShape, "version: 1\nentries: {id: x}\n", []string{"line 2:", "entries: must be a list"}},
		{"entry not a mapping", ProblemEntryShape, header + "  - just text\n", []string{"line 3:", "entry must be a mapping"}},
		{"too many entries", ProblemTooManyEntries, manyEntries.String(), []string{"line 3:", fmt.Sprintf("%d entries (at most %d)", maxEntries+1, maxEntries)}},
		{"unknown entry field", ProblemUnknownKey, header + entryYAML("lift-x", "    questions: [电梯坏了]", "    answer: {zh: 报修}", "    answers: {zh: 报修}"),
			[]string{"line 6:", `entry "lift-x"`, `unknown entry field "answers"`}},
		{"unknown answer language", ProblemUnknownKey, header + entryYAML("lift-x", "    questions: [电梯坏了]", "    answer:", "      zh: 报修", "      fr: réparer"),
			[]string{"line 7:", `entry "lift-x"`, `unknown language "fr"`}},
		{"field given twice", ProblemRepeatedKey, header + entryYAML("lift-x", "    questions: [电梯坏了]", "    questions: [lift broken]", "    answer: {zh: 报修}"),
			[]string{"line 5:", `entry "lift-x"`, `"questions" given twice (first at line 4)`}},
		{"duplicate ids", ProblemDuplicateID, header + entryYAML("lift-x") + entryYAML("lift-x", "    questions: [lift broken]", "    answer: {en: Call us.}"),
			[]string{"line 8:", `entry "lift-x"`, "id: duplicate", "line 3"}},
		{"id with capitals", ProblemBadID, header + entryYAML("Lift-X"), []string{"line 3:", `entry "Lift-X"`, "id:"}},
		{"id with underscore", ProblemBadID, header + entryYAML("lift_x"), []string{"line 3:", "id:", "hyphens"}},
		{"id with double hyphen", ProblemBadID, header + entryYAML("lift--x"), []string{"line 3:", "id:"}},
		{"id with trailing hyphen", ProblemBadID, header + entryYAML("lift-"), []string{"line 3:", "id:"}},
		{"id too long", ProblemTooLong, header + entryYAML(longID), []string{"line 3:", "id: 65 characters long (at most 64)"}},
		{"chinese id too long", ProblemTooLong, header + entryYAML(strings.Repeat("电", 65)), []string{"line 3:", "id: 65 characters long (at most 64)"}},
		{"chinese id", ProblemBadID, header + entryYAML(strings.Repeat("电梯维修", 7)+"电梯"), []string{"line 3:", "id:", "lowercase letters"}},
		{"id missing", ProblemMissingID, header + "  - questions: [电梯坏了]\n    answer: {zh: 报修}\n", []string{"line 3:", "id: missing"}},
		{"id is a list", ProblemWrongShape, header + entryYAML("[a, b]"), []string{"line 3:", "id: must be text"}},
		{"questions missing", ProblemNoQuestions, header + entryYAML("lift-x", "    answer: {zh: 报修}"), []string{"line 3:", `entry "lift-x"`, "needs at least one question"}},
		{"questions empty", ProblemNoQuestions, header + entryYAML("lift-x", "    questions: []", "    answer: {zh: 报修}"), []string{"line 4:", `entry "lift-x"`, "needs at least one question"}},
		{"questions not a list", ProblemWrongShape, header + entryYAML("lift-x", "    questions: 电梯坏了", "    answer: {zh: 报修}"), []string{"line 4:", "questions: must be a list"}},
		{"blank question", ProblemBlankQuestion, header + entryYAML("lift-x", "    questions:", "      - 电梯坏了", "      - '   '", "    answer: {zh: 报修}"),
			[]string{"line 6:", `entry "lift-x"`, "question 2 is blank"}},
		{"question too long", ProblemTooLong, header + entryYAML("lift-x", "    questions: ["+strings.Repeat("电", 501)+"]", "    answer: {zh: 报修}"),
			[]string{"line 4:", `entry "lift-x"`, "501 characters long (at most 500)"}},
		{"question repeated in entry", ProblemRepeatedQuestion, header + entryYAML("lift-x", "    questions: [Lift broken, lift  BROKEN]", "    answer: {zh: 报修}"),
			[]string{"line 4:", `entry "lift-x"`, "listed twice"}},
		{"question shared by two entries", ProblemSharedQuestion, header + entryYAML("lift-x") + entryYAML("lift-y"),
			[]string{"line 10:", `entry "lift-y"`, `also a question of entry "lift-x" at line 5`}},
		{"answer missing", ProblemNoAnswer, header + entryYAML("lift-x", "    questions: [电梯坏了]"), []string{"line 3:", `entry "lift-x"`, "answer: needs zh or en"}},
		{"answer blank", ProblemNoAnswer, header + entryYAML("lift-x", "    questions: [电梯坏了]", "    answer:", "      zh: ''", "      en: '  '"),
			[]string{"line 5:", `entry "lift-x"`, "answer: needs zh or en"}},
		{"answer is text", ProblemWrongShape, header + entryYAML("lift-x", "    questions: [电梯坏了]", "    answer: 报修"), []string{"line 5:", "answer: must be a mapping"}},
		{"answer too long", ProblemTooLong, header + entryYAML("lift-x", "    questions: [电梯坏了]", "    answer:", "      en: "+strings.Repeat("a", 4001)),
			[]string{"line 6:", `entry "lift-x"`, "answer: en: 4001 characters long (at most 4000)"}},
		{"unknown party", ProblemUnknownParty, header + entryYAML("lift-x", "    questions: [电梯坏了]", "    answer: {zh: 报修}", "    party: security"),
			[]string{"line 6:", `entry "lift-x"`, `unknown party "security"`}},
		{"co-office is not a party", ProblemUnknownParty, header + entryYAML("lift-x", "    questions: [电梯坏了]", "    answer: {zh: 报修}", "    party: co_office"),
			[]string{"line 6:", `unknown party "co_office"`}},
		{"alias", ProblemEntryShape, header + "  - &first\n    id: a\n    questions: [q]\n    answer: {en: a}\n  - *first\n", []string{"line 7:", "alias"}},
		{"multi-line topic", ProblemMultiLine, header + entryYAML("lift-x", "    topic: \"a\\nb\"", "    questions: [电梯坏了]", "    answer: {zh: 报修}"),
			[]string{"line 4:", "topic: must be a single line"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			problems := parseProblems(t, tc.src)
			p, ok := problemWith(problems, tc.want)
			if !ok {
				t.Fatalf("no problem mentions all of %q; got:\n%s", tc.want, (&ProblemsError{problems}).Error())
			}
			if p.Kind != tc.kind {
				t.Errorf("%q is of kind %d, want %d", p.String(), p.Kind, tc.kind)
			}
		})
	}
}

func anyProblemHas(problems []Problem, fragments []string) bool {
	_, ok := problemWith(problems, fragments)
	return ok
}

// problemWith returns the first problem whose String() has every fragment.
func problemWith(problems []Problem, fragments []string) (Problem, bool) {
	for _, p := range problems {
		s := p.String()
		ok := true
		for _, f := range fragments {
			ok = ok && strings.Contains(s, f)
		}
		if ok {
			return p, true
		}
	}
	return Problem{}, false
}

func TestParseReportsEveryBadEntry(t *testing.T) {
	src, err := os.ReadFile("testdata/several-bad.yaml")
	if err != nil {
		t.Fatal(err)
	}
	problems := parseProblems(t, string(src))
	// The exact English text is what `codesk faq check` prints: kept stable.
	want := []string{
		`line 11: entry "No_Answer": id: "No_Answer" must be lowercase letters and digits in words joined by single hyphens, like "lift-repair"`,
		`line 11: entry "No_Answer": answer: needs zh or en`,
		`line 16: entry "no-questions": questions: needs at least one question`,
		`line 24: entry "bad-party": party: unknown party "security_guard" (one of property_management, owners_committee, neighborhood_committee)`,
		`line 25: entry "good-one": id: duplicate, first used by entry #1 at line 4`,
		`line 29: entry "good-one": answer: unknown language "fr" (allowed: zh, en)`,
	}
	var got []string
	for _, p := range problems {
		got = append(got, p.String())
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The same problems, structured: what a chat renders in its own language.
	wantKinds := []Problem{
		{Line: 11, EntryID: "No_Answer", Kind: ProblemBadID, Field: FieldID, Value: "No_Answer"},
		{Line: 11, EntryID: "No_Answer", Kind: ProblemNoAnswer, Field: FieldAnswer},
		{Line: 16, EntryID: "no-questions", Kind: ProblemNoQuestions, Field: FieldQuestions},
		{Line: 24, EntryID: "bad-party", Kind: ProblemUnknownParty, Field: FieldParty, Value: "security_guard"},
		{Line: 25, EntryID: "good-one", Kind: ProblemDuplicateID, Field: FieldID, Earlier: Ref{Entry: 1, Line: 4}},
		{Line: 29, EntryID: "good-one", Kind: ProblemUnknownKey, Field: FieldAnswer, Value: "fr"},
	}
	if !reflect.DeepEqual(problems, wantKinds) {
		t.Errorf("structured problems:\n%+v\nwant:\n%+v", problems, wantKinds)
	}
}

func TestProblemStringAndError(t *testing.T) {
	p := Problem{Line: 12, EntryID: "elevator-x", Kind: ProblemNoAnswer, Field: FieldAnswer}
	if got, want := p.String(), `line 12: entry "elevator-x": answer: needs zh or en`; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if got, want := (Problem{Kind: ProblemNoEntries}).String(), "no entries: a FAQ needs at least one"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if got, want := (Problem{Entry: 3, Kind: ProblemMissingID, Field: FieldID}).String(), "entry #3: id: missing"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	other := Problem{Line: 30, Kind: ProblemEntriesMissing}
	err := &ProblemsError{Problems: []Problem{p, other}}
	if got, want := err.Error(), "faq file: 2 problems:\n  "+p.String()+"\n  line 30: entries: missing"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	var pe *ProblemsError
	if !errors.As(fmt.Errorf("import: %w", err), &pe) || pe.Problems[0].Kind != ProblemNoAnswer {
		t.Errorf("errors.As through a wrap: %v", pe)
	}
}

func TestParseTrimsAndReadsScalarsAsText(t *testing.T) {
	entries := mustParseFile(t, "testdata/tricky.yaml")
	first := entries[0]
	wantQuestions := []string{"12345", "yes", "null", "什么情况打12345？", "key: value # not a comment", "- dash first", "#hash first"}
	if !reflect.DeepEqual(first.Questions, wantQuestions) {
		t.Errorf("questions = %q, want %q", first.Questions, wantQuestions)
	}
	if want := "第一行：12345 市民热线。\n  缩进的第二行。\n\n空行之后的第三行。"; first.Answer.ZH != want {
		t.Errorf("zh answer = %q, want %q (inner layout kept, final newline trimmed)", first.Answer.ZH, want)
	}
	if want := "Folded text becomes one line."; entries[1].Answer.EN != want {
		t.Errorf("folded en answer = %q, want %q", entries[1].Answer.EN, want)
	}
	if entries[2].Topic != "" || entries[2].Party != "" {
		t.Errorf("optional fields = %q/%q, want empty", entries[2].Topic, entries[2].Party)
	}
}

func mustParseFile(t *testing.T, path string) []Entry {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	entries, err := Parse(f)
	if err != nil {
		t.Fatalf("Parse(%s): %v", path, err)
	}
	return entries
}

func TestRoundTrip(t *testing.T) {
	sources := map[string]func(t *testing.T) []Entry{
		"tricky":  func(t *testing.T) []Entry { return mustParseFile(t, "testdata/tricky.yaml") },
		"default": func(t *testing.T) []Entry { return Default() },
		"devset": func(t *testing.T) []Entry {
			const path = "/work/shared/data/devset/faq.yaml"
			if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
				t.Skip(path + " is absent")
			}
			return mustParseFile(t, path)
		},
	}
	for name, load := range sources {
		t.Run(name, func(t *testing.T) {
			entries := load(t)
			var first bytes.Buffer
			if err := Write(&first, entries); err != nil {
				t.Fatal(err)
			}
			again, err := Parse(bytes.NewReader(first.Bytes()))
			if err != nil {
				t.Fatalf("Parse(Write(x)): %v\n%s", err, first.String())
			}
			if !reflect.DeepEqual(again, entries) {
				t.Fatalf("Parse(Write(x)) != x\n got: %q\nwant: %q", again, entries)
			}
			var second bytes.Buffer
			if err := Write(&second, again); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first.Bytes(), second.Bytes()) {
				t.Errorf("Write is not stable across a round trip:\n%s\n---\n%s", first.String(), second.String())
			}
		})
	}
}

func TestRoundTripTrimsInMemoryEntries(t *testing.T) {
	entries := []Entry{{
		ID:        " lift-x ",
		Topic:     "repairs\n",
		Questions: []string{"  电梯坏了  ", "true", "Lift: broken?"},
		Answer:    Answer{ZH: "\n报修\n\n请打电话。 \n", EN: " Call the desk. "},
		Party:     "property_management",
	}}
	var buf bytes.Buffer
	if err := Write(&buf, entries); err != nil {
		t.Fatal(err)
	}
	got, err := Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{TrimEntry(entries[0])}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if want[0].Answer.ZH != "报修\n\n请打电话。" {
		t.Errorf("TrimEntry kept surrounding whitespace: %q", want[0].Answer.ZH)
	}
}

func TestWriteKeepsOrderAndMatchesGolden(t *testing.T) {
	entries := []Entry{
		{ID: "zz-last-alphabetically", Questions: []string{"电梯什么时候换？"}, Answer: Answer{ZH: "见公告。", EN: "See the notice."}, Party: "owners_committee"},
		{ID: "aa-first", Topic: "parking", Questions: []string{"Visitor parking?", "访客停车"}, Answer: Answer{EN: "At the gate.\nAsk the guard."}},
	}
	var buf bytes.Buffer
	if err := Write(&buf, entries); err != nil {
		t.Fatal(err)
	}
	const golden = "testdata/written.golden.yaml"
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run Golden -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("Write output changed:\n%s\nwant:\n%s", buf.String(), want)
	}
	var again bytes.Buffer
	if err := Write(&again, entries); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("two Writes of the same entries differ")
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk gone") }

func TestParseWrapsReadErrors(t *testing.T) {
	_, err := Parse(failingReader{})
	var pe *ProblemsError
	if err == nil || errors.As(err, &pe) || !strings.Contains(err.Error(), "disk gone") {
		t.Errorf("Parse(failing reader) = %v, want the wrapped read error", err)
	}
}

func TestParseRejectsOversizedFile(t *testing.T) {
	big := "version: 1\n# " + strings.Repeat("x", maxFileBytes) + "\n"
	problems := parseProblems(t, big)
	if !anyProblemHas(problems, []string{"larger than 16 MiB"}) {
		t.Errorf("got %v", problems)
	}
}
