package faq

import (
	"fmt"
	"strings"
	"testing"
)

func validEntry(id string) Entry {
	return Entry{
		ID:        id,
		Topic:     "repairs",
		Questions: []string{"电梯坏了找谁？ " + id, "Who fixes the lift? " + id},
		Answer:    Answer{ZH: "请报修。", EN: "Report it."},
		Party:     "property_management",
	}
}

func TestValidateAcceptsGoodEntries(t *testing.T) {
	entries := []Entry{validEntry("a"), validEntry("b-2")}
	entries[1].Topic, entries[1].Party, entries[1].Answer.ZH = "", "", ""
	entries[0].Questions[0] = "  leading and trailing space is fine  "
	if problems := Validate(entries); len(problems) != 0 {
		t.Errorf("Validate = %v, want no problems", problems)
	}
}

func TestValidateReportsEachRule(t *testing.T) {
	cases := []struct {
		name   string
		change func(e *Entry)
		want   string
	}{
		{"missing id", func(e *Entry) { e.ID = " " }, "entry #1: id: missing"},
		{"bad id", func(e *Entry) { e.ID = "Lift X" }, `entry "Lift X": id:`},
		{"id too long", func(e *Entry) { e.ID = strings.Repeat("a", 65) }, "id: 65 characters long (at most 64)"},
		// characters, not bytes: 65 Chinese characters are 195 bytes
		{"chinese id too long", func(e *Entry) { e.ID = strings.Repeat("电", 65) }, "id: 65 characters long (at most 64)"},
		// 30 characters (90 bytes) are within the limit: what is wrong is the letters
		{"chinese id", func(e *Entry) { e.ID = strings.Repeat("电梯维修", 7) + "电梯" }, "must be lowercase letters"},
		{"no questions", func(e *Entry) { e.Questions = nil }, "questions: needs at least one question"},
		{"blank question", func(e *Entry) { e.Questions = append(e.Questions, "\t") }, "questions: question 3 is blank"},
		{"too many questions", func(e *Entry) {
			for i := 0; i < maxQuestionsPerEntry; i++ {
				e.Questions = append(e.Questions, "q"+strings.Repeat("?", i))
			}
		}, "questions: 52 questions (at most 50)"},
		{"no answer", func(e *Entry) { e.Answer = Answer{ZH: " ", EN: "\n"} }, "answer: needs zh or en"},
		{"answer too long", func(e *Entry) { e.Answer.ZH = strings.Repeat("长", 4001) }, "answer: zh: 4001 characters long"},
		{"invalid utf-8", func(e *Entry) { e.Answer.EN = "bad \xff byte" }, "answer: en: not valid UTF-8"},
		{"unknown party", func(e *Entry) { e.Party = "guards" }, `party: unknown party "guards"`},
		{"long topic", func(e *Entry) { e.Topic = strings.Repeat("t", 65) }, "topic: 65 characters long"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := validEntry("lift-x")
			tc.change(&e)
			problems := Validate([]Entry{e})
			if !anyProblemHas(problems, []string{tc.want}) {
				t.Errorf("no problem mentions %q; got %v", tc.want, problems)
			}
			for _, p := range problems {
				if p.Line != 0 {
					t.Errorf("in-memory problem has line %d", p.Line)
				}
			}
		})
	}
}

func TestValidateAcrossEntries(t *testing.T) {
	if problems := Validate(nil); !anyProblemHas(problems, []string{"no entries"}) {
		t.Errorf("Validate(nil) = %v, want a no-entries problem", problems)
	}
	dup := []Entry{validEntry("a"), validEntry("b"), validEntry("a")}
	dup[1].Questions = []string{"WHO fixes  the lift? a"} // same as entry a's, up to case and spacing
	problems := Validate(dup)
	want := []string{
		`entry "b": questions: "WHO fixes  the lift? a" is also a question of entry "a"`,
		`entry "a": id: duplicate, first used by entry #1`,
	}
	// entry #3 repeats entry #1's questions too; only check the two above exist.
	for _, w := range want {
		found := false
		for _, p := range problems {
			found = found || p.String() == w
		}
		if !found {
			t.Errorf("missing %v in %v", w, problems)
		}
	}
	tooMany := make([]Entry, maxEntries+1)
	if problems := Validate(tooMany); !anyProblemHas(problems, []string{fmt.Sprintf("too many entries: %d", maxEntries+1)}) {
		t.Errorf("%d entries not reported: %v", maxEntries+1, problems[:1])
	}
}

// Chat edits and file imports must agree: the same bad entry gets the same
// messages from Validate as from Parse, less the line numbers.
func TestValidateAgreesWithParse(t *testing.T) {
	src := "version: 1\nentries:\n  - id: lift-x\n    questions: ['  ']\n    answer: {zh: ''}\n    party: guards\n"
	parsed := parseProblems(t, src)
	inMemory := Validate([]Entry{{ID: "lift-x", Questions: []string{"  "}, Party: "guards"}})
	if len(parsed) != len(inMemory) {
		t.Fatalf("Parse found %v, Validate found %v", parsed, inMemory)
	}
	for i := range parsed {
		p := parsed[i]
		p.Line = 0
		if p != inMemory[i] {
			t.Errorf("problem %d: Parse %v, Validate %v", i, parsed[i], inMemory[i])
		}
	}
}
