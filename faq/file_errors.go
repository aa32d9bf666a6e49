package faq

import (
	"fmt"
	"strconv"
	"strings"

	"codesk/parties"
)

// Problem is one thing wrong with a FAQ file or with entries in memory. Kind
// says which rule it breaks and the other fields carry its details, so a
// chat can explain it in the reader's language; String gives the English
// text the command line and logs show.
type Problem struct {
	Line    int    // 1-based line in the file; 0 when unknown (entries in memory)
	EntryID string // id of the entry concerned, when known
	// Entry is the 1-based position of the entry concerned, set only when
	// neither Line nor EntryID says which entry it is (in memory, no id).
	Entry int
	Kind  ProblemKind

	// Field is the part of the entry concerned; for the key problems
	// (ProblemKeyNotPlain, ProblemUnknownKey, ProblemRepeatedKey) it is the
	// mapping holding the key: FieldFile, FieldEntry or FieldAnswer.
	Field    Field
	Question int    // 1-based question number, with FieldQuestions
	Lang     string // answer language ("zh", "en"), with FieldAnswer

	// Value is the offending text: an unknown key, a bad id, an unknown
	// party, a question given twice, the version found (Found == ShapeText);
	// with Found == ShapeAlias, the alias's name.
	Value string
	Found Shape // what a value turned out to be where another shape was expected
	Count int   // how many there are (entries, questions, characters)
	Limit int   // the most allowed (for ProblemFileTooLarge, in MiB)
	// Earlier is where the first of two clashing things is: the entry that
	// already has the id or question, or the line a repeated key was first
	// given on.
	Earlier Ref

	Syntax SyntaxHint // likely cause of a ProblemYAMLSyntax (Value: the text to quote, if any)
	Detail string     // the YAML decoder's own (English) words, for ProblemYAMLSyntax
}

// ProblemKind is the rule a Problem breaks.
type ProblemKind int

// The kinds of problem, by what they concern. Each comment names the
// Problem fields the kind fills in beside Line and EntryID.
const (
	_ ProblemKind = iota

	// The file as a whole.
	ProblemFileTooLarge   // Limit (MiB)
	ProblemFileEmpty      //
	ProblemYAMLSyntax     // Syntax, Detail, Value (the text to quote, with some hints)
	ProblemSecondDocument //
	ProblemTopLevelShape  // Found, Value
	ProblemVersionMissing //
	ProblemVersionWrong   // Found, Value
	ProblemEntriesMissing //
	ProblemEntriesShape   // Found, Value
	ProblemNoEntries      //
	ProblemTooManyEntries // Count, Limit; Field is FieldEntries when found at the list in a file

	// Keys of a mapping; Field is the mapping.
	ProblemKeyNotPlain // Field
	ProblemUnknownKey  // Field, Value (see AllowedKeys)
	ProblemRepeatedKey // Field, Value, Earlier.Line

	// One entry.
	ProblemEntryShape       // Found, Value
	ProblemWrongShape       // Field (+Question or Lang), Found, Value; the shape expected follows from the field
	ProblemMissingID        //
	ProblemBadID            // Value
	ProblemInvalidUTF8      // Field (+Question or Lang)
	ProblemTooLong          // Field (+Question or Lang), Count, Limit (characters)
	ProblemMultiLine        // Field (the topic)
	ProblemNoQuestions      //
	ProblemTooManyQuestions // Count, Limit
	ProblemBlankQuestion    // Question
	ProblemNoAnswer         //
	ProblemUnknownParty     // Value (see parties.All)

	// Across entries.
	ProblemDuplicateID      // Earlier
	ProblemRepeatedQuestion // Value (the question)
	ProblemSharedQuestion   // Value (the question), Earlier

	problemKindEnd
)

// ProblemKinds lists every kind, so renderers in other languages can be
// checked to cover them all.
func ProblemKinds() []ProblemKind {
	kinds := make([]ProblemKind, 0, problemKindEnd-1)
	for k := ProblemKind(1); k < problemKindEnd; k++ {
		kinds = append(kinds, k)
	}
	return kinds
}

// Field names a part of a FAQ file.
type Field string

// The fields of a FAQ file, by their YAML keys; FieldFile and FieldEntry
// name the top-level and an entry's mapping in key problems.
const (
	FieldFile      Field = "file"
	FieldEntries   Field = "entries"
	FieldEntry     Field = "entry"
	FieldID        Field = "id"
	FieldTopic     Field = "topic"
	FieldQuestions Field = "questions"
	FieldAnswer    Field = "answer"
	FieldParty     Field = "party"
)

// AllowedKeys returns the keys the mapping m may hold.
func AllowedKeys(m Field) []string {
	switch m {
	case FieldFile:
		return append([]string(nil), topFields...)
	case FieldEntry:
		return append([]string(nil), entryFields...)
	case FieldAnswer:
		return append([]string(nil), answerFields...)
	}
	return nil
}

// Shape is what a YAML value turned out to be.
type Shape int

// The shapes of YAML values.
const (
	_            Shape = iota
	ShapeNothing       // null or empty
	ShapeText          // a scalar
	ShapeList
	ShapeMapping
	ShapeAlias // "*name", which the FAQ format does not support
	ShapeOther
)

// Ref points at an earlier entry (by position, with its id when that is
// worth naming) or an earlier line.
type Ref struct {
	Entry int    // 1-based position of the entry; 0 when only Line matters
	ID    string // the entry's id, when it differs from the problem's
	Line  int    // 0 when unknown
}

// SyntaxHint is the likely cause of a YAML syntax error, read from the
// decoder's message and the line it points at.
type SyntaxHint int

// The likely causes of YAML syntax errors.
const (
	SyntaxOther         SyntaxHint = iota
	SyntaxIndentation              // keys or list items out of line
	SyntaxTab                      // a tab where YAML wants spaces
	SyntaxColonInValue             // ": " inside unquoted text, or a key indented under a value
	SyntaxMissingColon             // a key with no ":"
	SyntaxBadCharacter             // text starting with @, ` or another reserved character
	SyntaxBracket                  // [ or { left open, or a missing comma inside
	SyntaxQuote                    // a quote left open, or a bad \ escape
	SyntaxUnknownAnchor            // *name with no &name
	SyntaxEncoding                 // not UTF-8, or control characters

	// Pitfalls read from the text itself (findPitfall): Problem.Value holds
	// the text to put in quotes, when there is one to show.
	SyntaxQuestionInFlow // "?" in unquoted text inside [ ] or { }
	SyntaxColonInFlow    // a second ": " in an unquoted value inside { }
	SyntaxCommentInFlow  // " #" inside [ ] or { }, hiding the rest of the line
	SyntaxBracketInFlow  // [ ] { } in unquoted text inside [ ] or { }
	SyntaxTextAfterQuote // text after the closing quote of a quoted value
	SyntaxExtraBracket   // a ] or } with nothing open to close
)

// SyntaxHints lists every hint, so renderers can be checked to cover them.
func SyntaxHints() []SyntaxHint {
	return []SyntaxHint{SyntaxOther, SyntaxIndentation, SyntaxTab, SyntaxColonInValue, SyntaxMissingColon,
		SyntaxBadCharacter, SyntaxBracket, SyntaxQuote, SyntaxUnknownAnchor, SyntaxEncoding,
		SyntaxQuestionInFlow, SyntaxColonInFlow, SyntaxCommentInFlow, SyntaxBracketInFlow, SyntaxTextAfterQuote, SyntaxExtraBracket}
}

// syntaxCauses maps the yaml.v3 decoder's messages to their likely cause.
var syntaxCauses = []struct {
	fragment string
	hint     SyntaxHint
}{
	{"tab character", SyntaxTab},
	{"did not find expected key", SyntaxIndentation},
	{"did not find expected '-' indicator", SyntaxIndentation},
	{"block sequence entries are not allowed", SyntaxIndentation},
	{"did not find expected node content", SyntaxIndentation},
	{"mapping values are not allowed", SyntaxColonInValue},
	{"could not find expected ':'", SyntaxMissingColon},
	{"cannot start any token", SyntaxBadCharacter},
	{"did not find expected ',' or", SyntaxBracket},
	{"end of stream", SyntaxQuote},
	{"escape", SyntaxQuote},
	{"unknown anchor", SyntaxUnknownAnchor},
	{"UTF-8", SyntaxEncoding},
	{"control characters", SyntaxEncoding},
	{"invalid Unicode character", SyntaxEncoding},
}

// syntaxHint classifies a decoder message; data and line (0 when unknown)
// tell a tab, which the decoder reports as a character that cannot start
// any token, from other such characters.
func syntaxHint(detail string, data []byte, line int) SyntaxHint {
	for _, c := range syntaxCauses {
		if strings.Contains(detail, c.fragment) {
			if c.hint == SyntaxBadCharacter && indentedWithTab(data, line) {
				return SyntaxTab
			}
			return c.hint
		}
	}
	return SyntaxOther
}

// indentedWithTab reports whether the 1-based line of data has a tab in
// its indentation or just after a list dash.
func indentedWithTab(data []byte, line int) bool {
	if line <= 0 {
		return false
	}
	n := 0
	for l := range strings.Lines(string(data)) {
		if n++; n == line {
			rest := strings.TrimLeft(l, " -")
			return strings.HasPrefix(rest, "\t")
		}
	}
	return false
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
	if p.Entry > 0 {
		fmt.Fprintf(&b, "entry #%d: ", p.Entry)
	}
	b.WriteString(p.Message())
	return b.String()
}

// Message is the English text of the problem without its location.
func (p Problem) Message() string {
	switch p.Kind {
	case ProblemFileTooLarge:
		return fmt.Sprintf("file is larger than %d MiB", p.Limit)
	case ProblemFileEmpty:
		return `file is empty: expected "version: 1" and a list of entries`
	case ProblemYAMLSyntax:
		return "invalid YAML: " + p.Detail
	case ProblemSecondDocument:
		return "a second YAML document (---): a FAQ file holds one"
	case ProblemTopLevelShape:
		return `top level must be a mapping with "version: 1" and "entries", found ` + p.found()
	case ProblemVersionMissing:
		return fmt.Sprintf("version: missing (this format is \"version: %d\")", fileVersion)
	case ProblemVersionWrong:
		found := p.found()
		if p.Found == ShapeText {
			found = strconv.Quote(p.Value)
		}
		return fmt.Sprintf("version: must be %d, found %s", fileVersion, found)
	case ProblemEntriesMissing:
		return "entries: missing"
	case ProblemEntriesShape:
		return "entries: must be a list of entries, found " + p.found()
	case ProblemNoEntries:
		return "no entries: a FAQ needs at least one"
	case ProblemTooManyEntries:
		if p.Field == FieldEntries {
			return fmt.Sprintf("entries: %d entries (at most %d)", p.Count, p.Limit)
		}
		return fmt.Sprintf("too many entries: %d (at most %d)", p.Count, p.Limit)
	case ProblemKeyNotPlain:
		return p.keyPrefix() + "a key must be a plain name"
	case ProblemUnknownKey:
		what := map[Field]string{FieldFile: "top-level field", FieldEntry: "entry field", FieldAnswer: "language"}[p.Field]
		return fmt.Sprintf("%sunknown %s %q (allowed: %s)", p.keyPrefix(), what, p.Value, strings.Join(AllowedKeys(p.Field), ", "))
	case ProblemRepeatedKey:
		return fmt.Sprintf("%s%q given twice (first at line %d)", p.keyPrefix(), p.Value, p.Earlier.Line)
	case ProblemEntryShape:
		return "entry must be a mapping with id, questions and answer, found " + p.found()
	case ProblemWrongShape:
		switch {
		case p.Field == FieldQuestions && p.Question == 0:
			return "questions: must be a list of questions, found " + p.found()
		case p.Field == FieldAnswer && p.Lang == "":
			return "answer: must be a mapping of language to text (zh:, en:), found " + p.found()
		case p.Question > 0 || p.Lang != "":
			return p.path() + " must be text, found " + p.found()
		}
		return p.path() + ": must be text, found " + p.found()
	case ProblemMissingID:
		return "id: missing"
	case ProblemBadID:
		return fmt.Sprintf("id: %q must be lowercase letters and digits in words joined by single hyphens, like \"lift-repair\"", p.Value)
	case ProblemInvalidUTF8:
		return p.path() + ": not valid UTF-8"
	case ProblemTooLong:
		return fmt.Sprintf("%s: %d characters long (at most %d)", p.path(), p.Count, p.Limit)
	case ProblemMultiLine:
		return p.path() + ": must be a single line"
	case ProblemNoQuestions:
		return "questions: needs at least one question"
	case ProblemTooManyQuestions:
		return fmt.Sprintf("questions: %d questions (at most %d)", p.Count, p.Limit)
	case ProblemBlankQuestion:
		return fmt.Sprintf("questions: question %d is blank", p.Question)
	case ProblemNoAnswer:
		return "answer: needs zh or en"
	case ProblemUnknownParty:
		return fmt.Sprintf("party: unknown party %q (one of %s)", p.Value, partyList())
	case ProblemDuplicateID:
		return "id: duplicate, first used by " + p.Earlier.String()
	case ProblemRepeatedQuestion:
		return fmt.Sprintf("questions: %q is listed twice", p.Value)
	case ProblemSharedQuestion:
		return fmt.Sprintf("questions: %q is also a question of %s", p.Value, p.Earlier.String())
	}
	return fmt.Sprintf("problem of unknown kind %d", int(p.Kind))
}

// path names the field in English messages: "topic", "questions: question 2", "answer: zh".
func (p Problem) path() string {
	switch {
	case p.Field == FieldQuestions && p.Question > 0:
		return fmt.Sprintf("questions: question %d", p.Question)
	case p.Field == FieldAnswer && p.Lang != "":
		return "answer: " + p.Lang
	}
	return string(p.Field)
}

func (p Problem) keyPrefix() string {
	if p.Field == FieldAnswer {
		return "answer: "
	}
	return ""
}

// found describes Found in English.
func (p Problem) found() string {
	switch p.Found {
	case ShapeNothing:
		return "nothing"
	case ShapeText:
		return "text"
	case ShapeList:
		return "a list"
	case ShapeMapping:
		return "a mapping"
	case ShapeAlias:
		return "an alias (*" + p.Value + "), which is not supported"
	}
	return "an unexpected YAML node"
}

// String names the earlier entry in English: `entry "a" at line 4`, "entry #1".
func (r Ref) String() string {
	name := fmt.Sprintf("entry #%d", r.Entry)
	if r.ID != "" {
		name = fmt.Sprintf("entry %q", r.ID)
	}
	if r.Line > 0 {
		return fmt.Sprintf("%s at line %d", name, r.Line)
	}
	return name
}

func partyList() string {
	names := make([]string, len(parties.All))
	for i, p := range parties.All {
		names[i] = string(p)
	}
	return strings.Join(names, ", ")
}
