package faq

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"codesk/parties"
)

// Limits keep one bad import from flooding chats or memory. Answers stay
// under Telegram's 4096-character message limit with room for a footer.
const (
	maxFileBytes         = 16 << 20
	maxEntries           = 20000
	maxIDLen             = 64
	maxTopicRunes        = 64
	maxQuestionsPerEntry = 50
	maxQuestionRunes     = 500
	maxAnswerRunes       = 4000
)

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Problem is one thing wrong with a FAQ file, located by entry id and/or line.
type Problem struct {
	Line    int    // 1-based line in the file; 0 when unknown (entries in memory)
	EntryID string // id of the entry concerned, when known
	Message string
}

// String renders the problem as `line 12: entry "elevator-x": answer: needs zh or en`,
// leaving out the parts that are unknown.
func (p Problem) String() string {
	var b strings.Builder
	if p.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", p.Line)
	}
	if p.EntryID != "" {
		fmt.Fprintf(&b, "entry %q: ", p.EntryID)
	}
	b.WriteString(p.Message)
	return b.String()
}

// ProblemsError is returned when a file has problems; it lists all of them.
type ProblemsError struct {
	Problems []Problem
}

func (e *ProblemsError) Error() string {
	if len(e.Problems) == 1 {
		return "faq file: " + e.Problems[0].String()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "faq file: %d problems:", len(e.Problems))
	for _, p := range e.Problems {
		b.WriteString("\n  ")
		b.WriteString(p.String())
	}
	return b.String()
}

// Validate checks entries already in memory (same rules as Parse, no line
// numbers): used for edits made in chat. Surrounding whitespace is ignored,
// as Write trims it (see TrimEntry).
func Validate(entries []Entry) []Problem {
	return validateEntries(entries, nil)
}

// TrimEntry returns e with surrounding whitespace trimmed from every field:
// the form Parse returns and Write writes, so Parse(Write(x)) == TrimEntry(x).
func TrimEntry(e Entry) Entry {
	qs := make([]string, len(e.Questions))
	for i, q := range e.Questions {
		qs[i] = strings.TrimSpace(q)
	}
	return Entry{
		ID:        strings.TrimSpace(e.ID),
		Topic:     strings.TrimSpace(e.Topic),
		Questions: qs,
		Answer:    Answer{ZH: strings.TrimSpace(e.Answer.ZH), EN: strings.TrimSpace(e.Answer.EN)},
		Party:     parties.ID(strings.TrimSpace(string(e.Party))),
	}
}

// entryLines locates an entry's fields in a file (all zero for entries in
// memory); bad marks fields whose YAML shape was already reported, so their
// (then empty) values are not reported a second time.
type entryLines struct {
	entry, id, topic, questions, answer, zh, en, party int
	question                                           []int
	bad                                                map[string]bool
}

func (l entryLines) questionLine(i int) int {
	if i < len(l.question) {
		return l.question[i]
	}
	return l.questions
}

// orLine returns line, or fallback when line is unknown.
func orLine(line, fallback int) int {
	if line > 0 {
		return line
	}
	return fallback
}

// validateEntries applies the per-entry rules and the rules across entries.
// lines is nil for entries in memory, else parallel to entries.
func validateEntries(entries []Entry, lines []entryLines) []Problem {
	var problems []Problem
	if len(entries) == 0 {
		problems = append(problems, Problem{Message: "no entries: a FAQ needs at least one"})
	}
	if len(entries) > maxEntries {
		problems = append(problems, Problem{Message: fmt.Sprintf("too many entries: %d (at most %d)", len(entries), maxEntries)})
	}

	type firstUse struct {
		index int
		line  int
		id    string
	}
	ids := map[string]firstUse{}
	questions := map[string]firstUse{}
	for i, e := range entries {
		e = TrimEntry(e)
		var l entryLines
		if lines != nil {
			l = lines[i]
		}
		report := func(line int, format string, args ...any) {
			p := Problem{Line: orLine(line, l.entry), EntryID: e.ID, Message: fmt.Sprintf(format, args...)}
			if p.Line == 0 && p.EntryID == "" {
				// In memory with no id: say which entry it is.
				p.Message = fmt.Sprintf("entry #%d: %s", i+1, p.Message)
			}
			problems = append(problems, p)
		}
		checkEntry(e, l, report)

		if e.ID != "" {
			if first, ok := ids[e.ID]; ok {
				report(l.id, "id: duplicate, first used by %s", describeEntry(first.index, first.line, ""))
			} else {
				ids[e.ID] = firstUse{index: i, line: orLine(l.id, l.entry), id: e.ID}
			}
		}
		// The same question in two entries leaves the matcher no way to choose.
		seenHere := map[string]bool{}
		for qi, q := range e.Questions {
			key := questionKey(q)
			if key == "" {
				continue
			}
			if seenHere[key] {
				report(l.questionLine(qi), "questions: %q is listed twice", q)
				continue
			}
			seenHere[key] = true
			if first, ok := questions[key]; ok {
				report(l.questionLine(qi), "questions: %q is also a question of %s", q, describeEntry(first.index, first.line, first.id))
				continue
			}
			questions[key] = firstUse{index: i, line: l.questionLine(qi), id: e.ID}
		}
	}
	return problems
}

// describeEntry names an earlier entry in a message about a clash with it.
func describeEntry(index, line int, id string) string {
	name := fmt.Sprintf("entry #%d", index+1)
	if id != "" {
		name = fmt.Sprintf("entry %q", id)
	}
	if line > 0 {
		return fmt.Sprintf("%s at line %d", name, line)
	}
	return name
}

// questionKey folds case and inner whitespace so trivially different
// spellings of one question count as the same.
func questionKey(q string) string {
	return strings.ToLower(strings.Join(strings.Fields(q), " "))
}

// checkEntry applies the rules that concern one (normalized) entry alone.
func checkEntry(e Entry, l entryLines, report func(line int, format string, args ...any)) {
	switch {
	case l.bad["id"]:
	case e.ID == "":
		report(l.id, "id: missing")
	case !utf8.ValidString(e.ID):
		report(l.id, "id: not valid UTF-8")
	case len(e.ID) > maxIDLen:
		report(l.id, "id: %d characters long (at most %d)", len(e.ID), maxIDLen)
	case !idPattern.MatchString(e.ID):
		report(l.id, "id: %q must be lowercase letters and digits in words joined by single hyphens, like \"lift-repair\"", e.ID)
	}

	if !l.bad["topic"] {
		checkText(e.Topic, "topic", maxTopicRunes, l.topic, report)
		if strings.ContainsAny(e.Topic, "\r\n") {
			report(l.topic, "topic: must be a single line")
		}
	}

	if !l.bad["questions"] {
		if len(e.Questions) == 0 {
			report(l.questions, "questions: needs at least one question")
		}
		if len(e.Questions) > maxQuestionsPerEntry {
			report(l.questions, "questions: %d questions (at most %d)", len(e.Questions), maxQuestionsPerEntry)
		}
		for i, q := range e.Questions {
			if q == "" {
				report(l.questionLine(i), "questions: question %d is blank", i+1)
				continue
			}
			checkText(q, fmt.Sprintf("questions: question %d", i+1), maxQuestionRunes, l.questionLine(i), report)
		}
	}

	if !l.bad["answer"] {
		if e.Answer.ZH == "" && e.Answer.EN == "" {
			report(l.answer, "answer: needs zh or en")
		}
		checkText(e.Answer.ZH, "answer: zh", maxAnswerRunes, orLine(l.zh, l.answer), report)
		checkText(e.Answer.EN, "answer: en", maxAnswerRunes, orLine(l.en, l.answer), report)
	}

	if !l.bad["party"] && e.Party != "" && !parties.Valid(e.Party) {
		report(l.party, "party: unknown party %q (one of %s)", e.Party, partyList())
	}
}

// checkText reports invalid UTF-8 (possible only in memory: YAML input is
// checked by the decoder) and text over its length limit.
func checkText(s, field string, maxRunes, line int, report func(line int, format string, args ...any)) {
	if !utf8.ValidString(s) {
		report(line, "%s: not valid UTF-8", field)
		return
	}
	if n := utf8.RuneCountInString(s); n > maxRunes {
		report(line, "%s: %d characters long (at most %d)", field, n, maxRunes)
	}
}

func partyList() string {
	names := make([]string, len(parties.All))
	for i, p := range parties.All {
		names[i] = string(p)
	}
	return strings.Join(names, ", ")
}
