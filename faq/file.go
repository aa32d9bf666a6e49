package faq

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"codesk/parties"
)

// fileVersion is the only FAQ file format version.
const fileVersion = 1

var (
	topFields    = []string{"version", "entries"}
	entryFields  = []string{"id", "topic", "questions", "answer", "party"}
	answerFields = []string{"zh", "en"}
)

// Parse reads and validates a whole FAQ file. When anything is wrong it
// returns no entries and a *ProblemsError listing every problem found, so an
// import changes nothing unless the whole file is good. Other errors come
// from reading r.
func Parse(r io.Reader) ([]Entry, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read faq file: %w", err)
	}
	entries, problems := parseBytes(data)
	if len(problems) > 0 {
		return nil, &ProblemsError{Problems: problems}
	}
	return entries, nil
}

func parseBytes(data []byte) ([]Entry, []Problem) {
	if len(data) > maxFileBytes {
		return nil, []Problem{{Message: fmt.Sprintf("file is larger than %d MiB", maxFileBytes>>20)}}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, []Problem{{Message: "file is empty: expected \"version: 1\" and a list of entries"}}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) { // only comments or document markers
			return nil, []Problem{{Message: "file is empty: expected \"version: 1\" and a list of entries"}}
		}
		return nil, []Problem{yamlProblem(err)}
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case errors.Is(err, io.EOF):
	case err != nil:
		return nil, []Problem{yamlProblem(err)}
	default:
		return nil, []Problem{{Line: extra.Line, Message: "a second YAML document (---): a FAQ file holds one"}}
	}

	root := doc.Content[0]
	if isNull(root) { // "---" and nothing else
		return nil, []Problem{{Message: "file is empty: expected \"version: 1\" and a list of entries"}}
	}
	p := &fileParser{}
	entries, lines, listOK := p.root(root)
	if listOK {
		// Entry rules only make sense once the list itself was readable.
		p.problems = append(p.problems, validateEntries(entries, lines)...)
	}
	if len(p.problems) > 0 {
		return nil, sortProblems(p.problems)
	}
	return entries, nil
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlProblem turns a YAML syntax error into a Problem, keeping its line.
func yamlProblem(err error) Problem {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return Problem{Line: line, Message: "invalid YAML: " + m[2]}
	}
	return Problem{Message: "invalid YAML: " + strings.TrimPrefix(msg, "yaml: ")}
}

// fileParser walks the YAML node tree, collecting problems instead of
// stopping at the first.
type fileParser struct {
	problems []Problem
}

func (p *fileParser) report(line int, entryID, format string, args ...any) {
	p.problems = append(p.problems, Problem{Line: line, EntryID: entryID, Message: fmt.Sprintf(format, args...)})
}

type field struct {
	key, value *yaml.Node
}

// fields returns a mapping's fields by name, reporting unknown and repeated
// keys; prefix names the mapping in messages.
func (p *fileParser) fields(n *yaml.Node, entryID, prefix string, allowed []string, unknownWhat string) map[string]field {
	out := map[string]field{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			p.report(k.Line, entryID, "%sa key must be a plain name", prefix)
			continue
		}
		if !contains(allowed, k.Value) {
			p.report(k.Line, entryID, "%sunknown %s %q (allowed: %s)", prefix, unknownWhat, k.Value, strings.Join(allowed, ", "))
			continue
		}
		if first, ok := out[k.Value]; ok {
			p.report(k.Line, entryID, "%s%q given twice (first at line %d)", prefix, k.Value, first.key.Line)
			continue
		}
		out[k.Value] = field{key: k, value: v}
	}
	return out
}

// root reads the top-level mapping; listOK reports whether the entries list
// was there and readable.
func (p *fileParser) root(n *yaml.Node) (entries []Entry, lines []entryLines, listOK bool) {
	if n.Kind != yaml.MappingNode {
		p.report(n.Line, "", "top level must be a mapping with \"version: 1\" and \"entries\", found %s", kindName(n))
		return nil, nil, false
	}
	fs := p.fields(n, "", "", topFields, "top-level field")

	if v, ok := fs["version"]; !ok {
		p.report(n.Line, "", "version: missing (this format is \"version: %d\")", fileVersion)
	} else if v.value.Kind != yaml.ScalarNode || (v.value.Tag != "!!int" && v.value.Tag != "!!str") || v.value.Value != strconv.Itoa(fileVersion) {
		p.report(v.value.Line, "", "version: must be %d, found %s", fileVersion, describe(v.value))
	}

	f, ok := fs["entries"]
	if !ok {
		p.report(n.Line, "", "entries: missing")
		return nil, nil, false
	}
	list := f.value
	if isNull(list) {
		return nil, nil, true // reported as "no entries" by validation
	}
	if list.Kind != yaml.SequenceNode {
		p.report(list.Line, "", "entries: must be a list of entries, found %s", kindName(list))
		return nil, nil, false
	}
	if len(list.Content) > maxEntries {
		// Stop early: walking a huge list would only pile up problems.
		p.report(list.Line, "", "entries: %d entries (at most %d)", len(list.Content), maxEntries)
		return nil, nil, false
	}
	entries = make([]Entry, 0, len(list.Content))
	lines = make([]entryLines, 0, len(list.Content))
	for _, item := range list.Content {
		if item.Kind != yaml.MappingNode {
			p.report(item.Line, "", "entry must be a mapping with id, questions and answer, found %s", kindName(item))
			continue
		}
		e, l := p.entry(item)
		entries = append(entries, e)
		lines = append(lines, l)
	}
	return entries, lines, true
}

func (p *fileParser) entry(n *yaml.Node) (Entry, entryLines) {
	l := entryLines{entry: n.Line, bad: map[string]bool{}}
	var e Entry
	// Read the id first so every problem of this entry can name it.
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "id" && n.Content[i+1].Kind == yaml.ScalarNode {
			e.ID = strings.TrimSpace(n.Content[i+1].Value)
			break
		}
	}
	fs := p.fields(n, e.ID, "", entryFields, "entry field")

	text := func(name string, line *int) string {
		f, ok := fs[name]
		if !ok {
			return ""
		}
		*line = f.key.Line
		s, ok := scalarText(f.value)
		if !ok {
			p.report(f.value.Line, e.ID, "%s: must be text, found %s", name, kindName(f.value))
			l.bad[name] = true
		}
		return strings.TrimSpace(s)
	}
	e.ID = text("id", &l.id)
	e.Topic = text("topic", &l.topic)
	e.Party = parties.ID(text("party", &l.party))

	if f, ok := fs["questions"]; ok {
		l.questions = f.key.Line
		switch {
		case isNull(f.value):
		case f.value.Kind != yaml.SequenceNode:
			p.report(f.value.Line, e.ID, "questions: must be a list of questions, found %s", kindName(f.value))
			l.bad["questions"] = true
		default:
			for i, q := range f.value.Content {
				s, ok := scalarText(q)
				if !ok {
					p.report(q.Line, e.ID, "questions: question %d must be text, found %s", i+1, kindName(q))
					l.bad["questions"] = true
				}
				e.Questions = append(e.Questions, strings.TrimSpace(s))
				l.question = append(l.question, q.Line)
			}
		}
	} else {
		l.questions = n.Line
	}

	if f, ok := fs["answer"]; ok {
		l.answer = f.key.Line
		switch {
		case isNull(f.value):
		case f.value.Kind != yaml.MappingNode:
			p.report(f.value.Line, e.ID, "answer: must be a mapping of language to text (zh:, en:), found %s", kindName(f.value))
			l.bad["answer"] = true
		default:
			afs := p.fields(f.value, e.ID, "answer: ", answerFields, "language")
			lang := func(name string, line *int) string {
				af, ok := afs[name]
				if !ok {
					return ""
				}
				*line = af.key.Line
				s, ok := scalarText(af.value)
				if !ok {
					p.report(af.value.Line, e.ID, "answer: %s must be text, found %s", name, kindName(af.value))
					l.bad["answer"] = true
				}
				return strings.TrimSpace(s)
			}
			e.Answer.ZH = lang("zh", &l.zh)
			e.Answer.EN = lang("en", &l.en)
		}
	} else {
		l.answer = n.Line
	}
	if l.id == 0 {
		l.id = n.Line
	}
	return e, l
}

// scalarText returns a scalar's text whatever YAML type it resolved to (a
// question "12345" is text here); null reads as empty. ok is false for lists,
// mappings and aliases.
func scalarText(n *yaml.Node) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		return "", false
	}
	if n.Tag == "!!null" {
		return "", true
	}
	return n.Value, true
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias (*" + n.Value + "), which is not supported"
	case yaml.ScalarNode:
		if isNull(n) {
			return "nothing"
		}
		return "text"
	}
	return "an unexpected YAML node"
}

func describe(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode && !isNull(n) {
		return strconv.Quote(n.Value)
	}
	return kindName(n)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func sortProblems(ps []Problem) []Problem {
	// File order; problems without a line (file-level) come first.
	sort.SliceStable(ps, func(a, b int) bool { return ps[a].Line < ps[b].Line })
	return ps
}

// Write writes entries in the FAQ file format, in the order given, with
// surrounding whitespace trimmed (see TrimEntry). The output is
// deterministic and Parse reads it back to the same entries.
func Write(w io.Writer, entries []Entry) error {
	list := &yaml.Node{Kind: yaml.SequenceNode}
	for _, e := range entries {
		list.Content = append(list.Content, entryNode(TrimEntry(e)))
	}
	root := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{
		str("version"), {Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(fileVersion)},
		str("entries"), list,
	}}
	doc := &yaml.Node{
		Kind:        yaml.DocumentNode,
		HeadComment: "codesk FAQ file. Edit, then load it with: codesk faq import FILE",
		Content:     []*yaml.Node{root},
	}
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write faq file: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("write faq file: %w", err)
	}
	return nil
}

func entryNode(e Entry) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode}
	add := func(key string, value *yaml.Node) {
		n.Content = append(n.Content, str(key), value)
	}
	add("id", str(e.ID))
	if e.Topic != "" {
		add("topic", str(e.Topic))
	}
	questions := &yaml.Node{Kind: yaml.SequenceNode}
	for _, q := range e.Questions {
		questions.Content = append(questions.Content, str(q))
	}
	add("questions", questions)
	answer := &yaml.Node{Kind: yaml.MappingNode}
	if e.Answer.ZH != "" {
		answer.Content = append(answer.Content, str("zh"), str(e.Answer.ZH))
	}
	if e.Answer.EN != "" {
		answer.Content = append(answer.Content, str("en"), str(e.Answer.EN))
	}
	add("answer", answer)
	if e.Party != "" {
		add("party", str(string(e.Party)))
	}
	return n
}

// str makes a string scalar; the !!str tag makes the encoder quote text that
// would otherwise read back as a number, bool or null.
func str(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if strings.Contains(s, "\n") {
		n.Style = yaml.LiteralStyle
	}
	return n
}
