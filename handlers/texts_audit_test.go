package handlers_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// formatVerb matches a fmt verb with an optional explicit argument index,
// so both languages of a text can be checked to use the same arguments.
var formatVerb = regexp.MustCompile(`%[-+# 0]*(?:\[([0-9]+)\])?[0-9]*(?:\.[0-9]+)?([a-zA-Z%])`)

// formatArgs maps each argument a format string uses (1-based, as fmt
// counts them) to its kind of verb: %s, %q and %v all print strings.
func formatArgs(format string) map[int]string {
	args := map[int]string{}
	next := 1
	for _, m := range formatVerb.FindAllStringSubmatch(format, -1) {
		verb := m[2]
		if verb == "%" {
			continue
		}
		if m[1] != "" {
			next, _ = strconv.Atoi(m[1])
		}
		switch verb {
		case "q", "v":
			verb = "s"
		}
		args[next] = verb
		next++
	}
	return args
}

// Every resident-facing string is a text{zh, en} literal in this package:
// each must have both versions, the Chinese one in Chinese, the English one
// in English, and both must format the same arguments — or a resident gets
// an empty message, the other language or "%!d(MISSING)".
func TestEveryResidentTextHasChineseAndEnglish(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	seen := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			if id, ok := lit.Type.(*ast.Ident); !ok || id.Name != "text" {
				return true
			}
			seen++
			pos := fset.Position(lit.Pos())
			if len(lit.Elts) != 2 {
				t.Errorf("%s: text literal with %d parts, want zh and en", pos, len(lit.Elts))
				return false
			}
			zh, okZH := stringValue(lit.Elts[0])
			en, okEN := stringValue(lit.Elts[1])
			if !okZH || !okEN {
				// Built from data (category names), which the code backs
				// up with the other language when one is missing.
				if _, keyed := lit.Elts[0].(*ast.KeyValueExpr); !keyed {
					t.Errorf("%s: text parts must be string literals, so this check can read them", pos)
				}
				return false
			}
			// A pure template ("%s [%s] %s") has no words to translate.
			if words := formatVerb.ReplaceAllString(zh, ""); hasLetters(words) && !hasHan(words) {
				t.Errorf("%s: Chinese version %q has no Chinese", pos, zh)
			}
			if zh == "" || en == "" || (hasLetters(formatVerb.ReplaceAllString(zh, "")) && !hasLatinLetters(en)) || hasHan(withoutLanguageNames(en)) {
				t.Errorf("%s: English version %q is not English", pos, en)
			}
			if az, ae := formatArgs(zh), formatArgs(en); !maps.Equal(az, ae) {
				t.Errorf("%s: the versions format different arguments: zh %v, en %v", pos, az, ae)
			}
			return false
		})
	}
	if seen < 100 {
		t.Fatalf("found only %d text literals: the check is not looking where the texts are", seen)
	}
}

// stringValue evaluates a string literal or a concatenation of them.
func stringValue(e ast.Expr) (string, bool) {
	switch v := e.(type) {
	case *ast.BasicLit:
		if v.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(v.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if v.Op != token.ADD {
			return "", false
		}
		l, okL := stringValue(v.X)
		r, okR := stringValue(v.Y)
		return l + r, okL && okR
	case *ast.ParenExpr:
		return stringValue(v.X)
	}
	return "", false
}

func hasHan(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
}

func hasLetters(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }

func hasLatinLetters(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return r < unicode.MaxASCII && unicode.IsLetter(r) }) >= 0
}

// withoutLanguageNames drops the names English texts may show in Chinese on
// purpose ("Language / 语言", "/lang (中文 / English)").
func withoutLanguageNames(s string) string {
	return strings.NewReplacer("中文", "", "语言", "").Replace(s)
}
