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
		return nil, []Problem{{Kind: ProblemFileTooLarge, Limit: maxFileBytes >> 20}}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, []Problem{{Kind: ProblemFileEmpty}}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) { // only comments or document markers
			return nil, []Problem{{Kind: ProblemFileEmpty}}
		}
		return nil, []Problem{yamlProblem(err, data)}
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case errors.Is(err, io.EOF):
	case err != nil:
		return nil, []Problem{yamlProblem(err, data)}
	default:
		return nil, []Problem{{Line: extra.Line, Kind: ProblemSecondDocument}}
	}

	root := doc.Content[0]
	if isNull(root) { // "---" and nothing else
		return nil, []Problem{{Kind: ProblemFileEmpty}}
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

// yamlProblem turns a YAML syntax error in data into a Problem, keeping its
// line and the decoder's words, with their likely cause.
func yamlProblem(err error, data []byte) Problem {
	p := Problem{Kind: ProblemYAMLSyntax, Detail: strings.TrimPrefix(err.Error(), "yaml: ")}
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		p.Line, _ = strconv.Atoi(m[1])
		p.Detail = m[2]
	}
	p.Syntax = syntaxHint(p.Detail, data, p.Line)
	if f, ok := findPitfall(data); ok && pitfallExplains(p, f) {
		p.Line, p.Syntax, p.Value = f.line, f.hint, f.text
	}
	return p
}

// fileParser walks the YAML node tree, collecting problems instead of
// stopping at the first.
type fileParser struct {
	problems []Problem
}

func (p *fileParser) report(line int, entryID string, problem Problem) {
	problem.Line, problem.EntryID = line, entryID
	p.problems = append(p.problems, problem)
}

type field struct {
	key, value *yaml.Node
}

// fields returns the fields of mapping n (FieldFile, FieldEntry or
// FieldAnswer) by name, reporting unknown and repeated keys.
func (p *fileParser) fields(n *yaml.Node, entryID string, mapping Field) map[string]field {
	allowed := AllowedKeys(mapping)
	out := map[string]field{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			p.report(k.Line, entryID, Problem{Kind: ProblemKeyNotPlain, Field: mapping})
			continue
		}
		if !contains(allowed, k.Value) {
			p.report(k.Line, entryID, Problem{Kind: ProblemUnknownKey, Field: mapping, Value: k.Value})
			continue
		}
		if first, ok := out[k.Value]; ok {
			p.report(k.Line, entryID, Problem{Kind: ProblemRepeatedKey, Field: mapping, Value: k.Value, Earlier: Ref{Line: first.key.Line}})
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
		p.report(n.Line, "", shaped(ProblemTopLevelShape, n))
		return nil, nil, false
	}
	fs := p.fields(n, "", FieldFile)

	if v, ok := fs["version"]; !ok {
		p.report(n.Line, "", Problem{Kind: ProblemVersionMissing})
	} else if v.value.Kind != yaml.ScalarNode || (v.value.Tag != "!!int" && v.value.Tag != "!!str") || v.value.Value != strconv.Itoa(fileVersion) {
		found := shaped(ProblemVersionWrong, v.value)
		if found.Found == ShapeText {
			found.Value = v.value.Value
		}
		p.report(v.value.Line, "", found)
	}

	f, ok := fs["entries"]
	if !ok {
		p.report(n.Line, "", Problem{Kind: ProblemEntriesMissing})
		return nil, nil, false
	}
	list := f.value
	if isNull(list) {
		return nil, nil, true // reported as "no entries" by validation
	}
	if list.Kind != yaml.SequenceNode {
		p.report(list.Line, "", shaped(ProblemEntriesShape, list))
		return nil, nil, false
	}
	if len(list.Content) > maxEntries {
		// Stop early: walking a huge list would only pile up problems.
		p.report(list.Line, "", Problem{Kind: ProblemTooManyEntries, Field: FieldEntries, Count: len(list.Content), Limit: maxEntries})
		return nil, nil, false
	}
	entries = make([]Entry, 0, len(list.Content))
	lines = make([]entryLines, 0, len(list.Content))
	for _, item := range list.Content {
		if item.Kind != yaml.MappingNode {
			p.report(item.Line, "", shaped(ProblemEntryShape, item))
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
	fs := p.fields(n, e.ID, FieldEntry)

	text := func(name Field, line *int) string {
		f, ok := fs[string(name)]
		if !ok {
			return ""
		}
		*line = f.key.Line
		s, ok := scalarText(f.value)
		if !ok {
			wrong := shaped(ProblemWrongShape, f.value)
			wrong.Field = name
			p.report(f.value.Line, e.ID, wrong)
			l.bad[string(name)] = true
		}
		return strings.TrimSpace(s)
	}
	e.ID = text(FieldID, &l.id)
	e.Topic = text(FieldTopic, &l.topic)
	e.Party = parties.ID(text(FieldParty, &l.party))

	if f, ok := fs["questions"]; ok {
		l.questions = f.key.Line
		switch {
		case isNull(f.value):
		case f.value.Kind != yaml.SequenceNode:
			wrong := shaped(ProblemWrongShape, f.value)
			wrong.Field = FieldQuestions
			p.report(f.value.Line, e.ID, wrong)
			l.bad["questions"] = true
		default:
			for i, q := range f.value.Content {
				s, ok := scalarText(q)
				if !ok {
					wrong := shaped(ProblemWrongShape, q)
					wrong.Field, wrong.Question = FieldQuestions, i+1
					p.report(q.Line, e.ID, wrong)
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
			wrong := shaped(ProblemWrongShape, f.value)
			wrong.Field = FieldAnswer
			p.report(f.value.Line, e.ID, wrong)
			l.bad["answer"] = true
		default:
			afs := p.fields(f.value, e.ID, FieldAnswer)
			lang := func(name string, line *int) string {
				af, ok := afs[name]
				if !ok {
					return ""
				}
				*line = af.key.Line
				s, ok := scalarText(af.value)
				if !ok {
					wrong := shaped(ProblemWrongShape, af.value)
					wrong.Field, wrong.Lang = FieldAnswer, name
					p.report(af.value.Line, e.ID, wrong)
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

// shaped makes a problem of kind about node n, which has the wrong shape.
func shaped(kind ProblemKind, n *yaml.Node) Problem {
	p := Problem{Kind: kind, Found: ShapeOther}
	switch n.Kind {
	case yaml.MappingNode:
		p.Found = ShapeMapping
	case yaml.SequenceNode:
		p.Found = ShapeList
	case yaml.AliasNode:
		p.Found, p.Value = ShapeAlias, n.Value
	case yaml.ScalarNode:
		p.Found = ShapeText
		if isNull(n) {
			p.Found = ShapeNothing
		}
	}
	return p
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
