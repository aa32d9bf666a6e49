package faq

import (
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
	maxIDRunes           = 64
	maxTopicRunes        = 64
	maxQuestionsPerEntry = 50
	maxQuestionRunes     = 500
	maxAnswerRunes       = 4000
)

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

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
		problems = append(problems, Problem{Kind: ProblemNoEntries})
	}
	if len(entries) > maxEntries {
		problems = append(problems, Problem{Kind: ProblemTooManyEntries, Count: len(entries), Limit: maxEntries})
	}

	ids := map[string]Ref{}
	questions := map[string]Ref{}
	for i, e := range entries {
		e = TrimEntry(e)
		var l entryLines
		if lines != nil {
			l = lines[i]
		}
		report := func(line int, p Problem) {
			p.Line, p.EntryID = orLine(line, l.entry), e.ID
			if p.Line == 0 && p.EntryID == "" {
				p.Entry = i + 1 // in memory with no id: say which entry it is
			}
			problems = append(problems, p)
		}
		checkEntry(e, l, report)

		if e.ID != "" {
			if first, ok := ids[e.ID]; ok {
				report(l.id, Problem{Kind: ProblemDuplicateID, Field: FieldID, Earlier: first})
			} else {
				ids[e.ID] = Ref{Entry: i + 1, Line: orLine(l.id, l.entry)}
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
				report(l.questionLine(qi), Problem{Kind: ProblemRepeatedQuestion, Field: FieldQuestions, Value: q})
				continue
			}
			seenHere[key] = true
			if first, ok := questions[key]; ok {
				report(l.questionLine(qi), Problem{Kind: ProblemSharedQuestion, Field: FieldQuestions, Value: q, Earlier: first})
				continue
			}
			questions[key] = Ref{Entry: i + 1, ID: e.ID, Line: l.questionLine(qi)}
		}
	}
	return problems
}

// questionKey folds case and inner whitespace so trivially different
// spellings of one question count as the same.
func questionKey(q string) string {
	return strings.ToLower(strings.Join(strings.Fields(q), " "))
}

// checkEntry applies the rules that concern one (normalized) entry alone.
func checkEntry(e Entry, l entryLines, report func(line int, p Problem)) {
	// Runes, as the message says "characters": a valid id is ASCII anyway,
	// and a long non-ASCII one is not reported as longer than it is.
	idRunes := utf8.RuneCountInString(e.ID)
	switch {
	case l.bad["id"]:
	case e.ID == "":
		report(l.id, Problem{Kind: ProblemMissingID, Field: FieldID})
	case !utf8.ValidString(e.ID):
		report(l.id, Problem{Kind: ProblemInvalidUTF8, Field: FieldID})
	case idRunes > maxIDRunes:
		report(l.id, Problem{Kind: ProblemTooLong, Field: FieldID, Count: idRunes, Limit: maxIDRunes})
	case !idPattern.MatchString(e.ID):
		report(l.id, Problem{Kind: ProblemBadID, Field: FieldID, Value: e.ID})
	}

	if !l.bad["topic"] {
		checkText(e.Topic, Problem{Field: FieldTopic}, maxTopicRunes, l.topic, report)
		if strings.ContainsAny(e.Topic, "\r\n") {
			report(l.topic, Problem{Kind: ProblemMultiLine, Field: FieldTopic})
		}
	}

	if !l.bad["questions"] {
		if len(e.Questions) == 0 {
			report(l.questions, Problem{Kind: ProblemNoQuestions, Field: FieldQuestions})
		}
		if len(e.Questions) > maxQuestionsPerEntry {
			report(l.questions, Problem{Kind: ProblemTooManyQuestions, Field: FieldQuestions, Count: len(e.Questions), Limit: maxQuestionsPerEntry})
		}
		for i, q := range e.Questions {
			at := Problem{Field: FieldQuestions, Question: i + 1}
			if q == "" {
				at.Kind = ProblemBlankQuestion
				report(l.questionLine(i), at)
				continue
			}
			checkText(q, at, maxQuestionRunes, l.questionLine(i), report)
		}
	}

	if !l.bad["answer"] {
		if e.Answer.ZH == "" && e.Answer.EN == "" {
			report(l.answer, Problem{Kind: ProblemNoAnswer, Field: FieldAnswer})
		}
		checkText(e.Answer.ZH, Problem{Field: FieldAnswer, Lang: "zh"}, maxAnswerRunes, orLine(l.zh, l.answer), report)
		checkText(e.Answer.EN, Problem{Field: FieldAnswer, Lang: "en"}, maxAnswerRunes, orLine(l.en, l.answer), report)
	}

	if !l.bad["party"] && e.Party != "" && !parties.Valid(e.Party) {
		report(l.party, Problem{Kind: ProblemUnknownParty, Field: FieldParty, Value: string(e.Party)})
	}
}

// checkText reports invalid UTF-8 (possible only in memory: YAML input is
// checked by the decoder) and text over its length limit; at names the
// field.
func checkText(s string, at Problem, maxRunes, line int, report func(line int, p Problem)) {
	if !utf8.ValidString(s) {
		at.Kind = ProblemInvalidUTF8
		report(line, at)
		return
	}
	if n := utf8.RuneCountInString(s); n > maxRunes {
		at.Kind, at.Count, at.Limit = ProblemTooLong, n, maxRunes
		report(line, at)
	}
}
