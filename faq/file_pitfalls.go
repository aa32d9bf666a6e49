package faq

import "strings"

// The YAML decoder names what it expected, often at the start of the
// collection or mapping around the mistake (`[a?]` reads "did not find
// expected ',' or ']'", at the line before the "["). findPitfall reads the
// text itself for the few mistakes people make in FAQ files — a "?", a
// second ": " or a " #" in unquoted text inside [ ] or { }, text after a
// closing quote, a bracket too many — so the problem names the real cause
// at its line. It understands the block and flow styles a FAQ file uses,
// not all of YAML: its finding is used only when it agrees with the
// decoder's error (pitfallExplains).

// pitfall is a likely cause of a syntax error found in the text.
type pitfall struct {
	line int // 1-based
	hint SyntaxHint
	text string // the unquoted text concerned, to show quoted; "" when none
}

// maxQuotedRunes bounds the text a pitfall shows: longer text is no
// example to copy.
const maxQuotedRunes = 60

// findPitfall returns the first pitfall in data.
func findPitfall(data []byte) (pitfall, bool) {
	s := &pitfallScanner{src: string(data), line: 1, scalarIndent: -1, continueIndent: -1}
	s.run()
	if s.found == nil {
		return pitfall{}, false
	}
	f := *s.found
	if len([]rune(f.text)) > maxQuotedRunes || strings.ContainsAny(f.text, "\n\r") {
		f.text = ""
	}
	return f, true
}

// pitfallExplains tells whether a pitfall is the likely cause of the
// decoder's error p: the decoder never reports a line after the mistake,
// and it reports each pitfall with one of a few messages.
func pitfallExplains(p Problem, f pitfall) bool {
	if p.Line > 0 && f.line < p.Line {
		return false // the decoder read past it: not an error there
	}
	switch p.Syntax {
	case SyntaxBracket, SyntaxOther:
		return f.hint != SyntaxExtraBracket
	case SyntaxIndentation:
		// after a value: "did not find expected key" or "'-' indicator"
		return f.hint == SyntaxTextAfterQuote || f.hint == SyntaxExtraBracket || f.hint == SyntaxBracket
	case SyntaxQuote:
		return f.hint == SyntaxQuote
	}
	return false
}

// flowLevel is an open [ or {.
type flowLevel struct {
	open byte
	line int
	// paired: the current item already had its ": " (key: value)
	paired bool
}

type pitfallScanner struct {
	src   string
	i     int // byte offset; the delimiters that matter are ASCII
	line  int
	found *pitfall
	// lines indented more than scalarIndent belong to a block scalar
	// ("|" or ">"); -1 when none is open
	scalarIndent int
	// lines indented more than continueIndent continue a plain value of
	// the line above; -1 when none
	continueIndent int
}

func (s *pitfallScanner) report(line int, hint SyntaxHint, text string) {
	if s.found == nil {
		s.found = &pitfall{line: line, hint: hint, text: strings.TrimSpace(text)}
	}
}

// run reads the text line by line in block style, entering flow style at
// each [ or { that starts a value.
func (s *pitfallScanner) run() {
	for s.i < len(s.src) && s.found == nil {
		s.blockLine()
	}
}

// eol is the offset of the end of the line holding offset i.
func (s *pitfallScanner) eol(i int) int {
	if j := strings.IndexByte(s.src[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(s.src)
}

// nextLine moves to the start of the line after offset i.
func (s *pitfallScanner) nextLine(i int) {
	e := s.eol(i)
	if e < len(s.src) {
		s.line++
		e++
	}
	s.i = e
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\r' }

// endsToken: a ":" or "?" followed by this is an indicator, not text.
func (s *pitfallScanner) blankOrEnd(i int) bool {
	return i >= len(s.src) || isBlank(s.src[i]) || s.src[i] == '\n'
}

func (s *pitfallScanner) skipBlanks(i int) int {
	for i < len(s.src) && isBlank(s.src[i]) {
		i++
	}
	return i
}

// blockLine reads one line in block style from s.i.
func (s *pitfallScanner) blockLine() {
	start := s.i
	end := s.eol(start)
	i := s.skipBlanks(start)
	indent := i - start
	blank := i == end || s.src[i] == '#'
	if s.scalarIndent >= 0 {
		if blank || indent > s.scalarIndent {
			s.nextLine(start)
			return
		}
		s.scalarIndent = -1
	}
	if s.continueIndent >= 0 && !blank && indent > s.continueIndent {
		s.nextLine(start) // more of the plain text above
		return
	}
	if !blank {
		s.continueIndent = -1
	}
	parent := indent // the column of the innermost key or "-" so far
	for i < end && s.found == nil {
		c := s.src[i]
		switch {
		case c == '#':
			s.nextLine(start)
			return
		case (c == '-' || c == '?' || c == ':') && s.blankOrEnd(i+1):
			parent = i - start
			i = s.skipBlanks(i + 1)
			continue
		case c == '&' || c == '!':
			i = s.skipBlanks(s.tokenEnd(i))
			continue
		case c == '*':
			s.nextLine(start)
			return
		case c == '|' || c == '>':
			s.scalarIndent = parent
			s.nextLine(start)
			return
		case c == '[' || c == '{':
			if !s.flow(i) {
				return
			}
			i = s.skipBlanks(s.i)
			start = i - s.column(i) // the flow may have ended on a later line
			end = s.eol(i)
			if s.afterBlockValue(i, end) {
				parent = s.column(i)
				i = s.skipBlanks(i + 1)
				continue
			}
			s.nextLine(i)
			return
		case c == '"' || c == '\'':
			if !s.quoted(i) {
				return
			}
			i = s.skipBlanks(s.i)
			start = i - s.column(i)
			end = s.eol(i)
			if s.afterBlockValue(i, end) {
				parent = s.column(i)
				i = s.skipBlanks(i + 1)
				continue
			}
			if i < end && s.src[i] != '#' && s.src[i] != ']' && s.src[i] != '}' {
				s.report(s.line, SyntaxTextAfterQuote, "")
			}
			s.nextLine(i)
			return
		}
		// plain text: a key when ": " follows, else the value to the end
		j := s.plainKeyEnd(i, end)
		if j < 0 {
			s.continueIndent = parent
			s.nextLine(start)
			return
		}
		parent = i - start
		i = s.skipBlanks(j + 1)
	}
	s.nextLine(start)
}

// column is offset i's column in its line.
func (s *pitfallScanner) column(i int) int {
	return i - (strings.LastIndexByte(s.src[:i], '\n') + 1)
}

// afterBlockValue checks what follows a bracketed or quoted value on its
// line: nothing, a comment, or ":" making it a key. It reports a bracket
// too many; true means a key's ":" is at i.
func (s *pitfallScanner) afterBlockValue(i, end int) bool {
	if i >= end {
		return false
	}
	switch c := s.src[i]; {
	case c == ':' && s.blankOrEnd(i+1):
		return true
	case c == ']' || c == '}':
		s.report(s.line, SyntaxExtraBracket, "")
	}
	return false
}

// plainKeyEnd returns the offset of the ":" ending a plain key that starts
// at i, or -1 when the text runs to a comment or the end of the line.
func (s *pitfallScanner) plainKeyEnd(i, end int) int {
	for j := i; j < end; j++ {
		switch s.src[j] {
		case ':':
			if s.blankOrEnd(j + 1) {
				return j
			}
		case '#':
			if j > i && isBlank(s.src[j-1]) {
				return -1
			}
		}
	}
	return -1
}

// tokenEnd is the end of an anchor, tag or alias starting at i.
func (s *pitfallScanner) tokenEnd(i int) int {
	for i < len(s.src) && !isBlank(s.src[i]) && s.src[i] != '\n' && !strings.ContainsRune(",[]{}", rune(s.src[i])) {
		i++
	}
	return i
}

// quoted reads the quoted text starting at i, leaving s.i after its
// closing quote; false (and a pitfall) when it is never closed.
func (s *pitfallScanner) quoted(i int) bool {
	q, openLine := s.src[i], s.line
	for j := i + 1; j < len(s.src); j++ {
		switch c := s.src[j]; {
		case c == '\n':
			s.line++
		case c == '\\' && q == '"':
			if j+1 < len(s.src) && s.src[j+1] == '\n' {
				s.line++
			}
			j++
		case c == q && q == '\'' && j+1 < len(s.src) && s.src[j+1] == '\'':
			j++ // '' is one quote inside '…'
		case c == q:
			s.i = j + 1
			return true
		}
	}
	s.report(openLine, SyntaxQuote, "")
	return false
}

// flow reads the [ or { at i and everything inside it, leaving s.i after
// its closing bracket; false when it found a pitfall or the end.
func (s *pitfallScanner) flow(i int) bool {
	stack := []flowLevel{{open: s.src[i], line: s.line}}
	i++
	for s.found == nil {
		if i >= len(s.src) {
			top := stack[len(stack)-1]
			s.report(top.line, SyntaxBracket, "")
			return false
		}
		top := &stack[len(stack)-1]
		c := s.src[i]
		switch {
		case c == '\n':
			s.line++
			i++
		case isBlank(c):
			i++
		case c == '#':
			// after a blank or at a line's start: a comment
			i = s.flowComment(i, i)
		case c == ',':
			top.paired = false
			i++
		case c == ']' || c == '}':
			if want := closerOf(top.open); c != want {
				s.report(top.line, SyntaxBracket, "")
				return false
			}
			stack = stack[:len(stack)-1]
			i++
			if len(stack) == 0 {
				s.i = i
				return true
			}
		case c == '[' || c == '{':
			stack = append(stack, flowLevel{open: c, line: s.line})
			i++
		case c == '"' || c == '\'':
			if !s.quoted(i) {
				return false
			}
			i = s.skipBlanks(s.i)
			if i < len(s.src) && !strings.ContainsRune("\n,]}:#", rune(s.src[i])) {
				s.report(s.line, SyntaxTextAfterQuote, "")
				return false
			}
		case (c == '?' || c == ':') && s.blankOrEndInFlow(i+1):
			if c == ':' {
				top.paired = true
			}
			i++
		case c == '&' || c == '!' || c == '*':
			i = s.tokenEnd(i)
		default:
			i = s.flowPlain(i, top)
		}
	}
	return false
}

func closerOf(open byte) byte {
	if open == '[' {
		return ']'
	}
	return '}'
}

// blankOrEndInFlow: inside [ ] or { }, ":" before a bracket or comma is
// an indicator too.
func (s *pitfallScanner) blankOrEndInFlow(i int) bool {
	return s.blankOrEnd(i) || strings.ContainsRune(",[]{}", rune(s.src[i]))
}

// flowPlain reads unquoted text inside [ ] or { } starting at i and
// returns where it ends; it reports the characters YAML reads as syntax
// there.
func (s *pitfallScanner) flowPlain(i int, top *flowLevel) int {
	start := i
	for j := i; j < len(s.src); j++ {
		switch c := s.src[j]; c {
		case '\n', ',', ']', '}':
			return j
		case '[', '{':
			s.report(s.line, SyntaxBracketInFlow, s.src[start:s.balancedEnd(start)])
			return j
		case '?':
			if j == start {
				continue // "?a" starts a key, read as a mapping: no syntax error
			}
			s.report(s.line, SyntaxQuestionInFlow, s.src[start:s.itemEnd(j)])
			return j
		case ':':
			if !s.blankOrEndInFlow(j + 1) {
				continue // "08:00", "http://…": text
			}
			if top.paired && top.open == '{' {
				s.report(s.line, SyntaxColonInFlow, s.src[start:s.itemEnd(j)])
			}
			return j
		case '#':
			if isBlank(s.src[j-1]) {
				return s.flowComment(start, j)
			}
		}
	}
	return len(s.src)
}

// flowComment skips the comment at hash inside [ ] or { }. A comment
// that hides a closing bracket or a comma was meant as text: it reports
// it, with the item from start.
func (s *pitfallScanner) flowComment(start, hash int) int {
	end := s.eol(hash)
	if strings.ContainsAny(s.src[hash:end], ",]}") {
		s.report(s.line, SyntaxCommentInFlow, s.src[start:s.itemEnd(hash)])
	}
	return end
}

// itemEnd is where the item holding offset i ends: the next comma or
// closing bracket on its line.
func (s *pitfallScanner) itemEnd(i int) int {
	end := s.eol(i)
	if j := strings.IndexAny(s.src[i:end], ",]}"); j >= 0 {
		return i + j
	}
	return end
}

// balancedEnd is where text with brackets of its own ("a[1]") ends: at a
// comma or at a closing bracket it did not open.
func (s *pitfallScanner) balancedEnd(i int) int {
	end := s.eol(i)
	depth := 0
	for j := i; j < end; j++ {
		switch s.src[j] {
		case '[', '{':
			depth++
		case ']', '}':
			if depth == 0 {
				return j
			}
			depth--
		case ',':
			if depth == 0 {
				return j
			}
		}
	}
	return end
}
