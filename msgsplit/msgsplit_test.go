package msgsplit

import (
	"strings"
	"testing"
)

func TestSplitTextKeepsEveryCharacterWithinTheLimit(t *testing.T) {
	para := strings.Repeat("外墙渗水维修工程已经进入第二阶段。", 40) // 680 runes
	long := strings.Join([]string{para, para, para, para, para, para, para}, "\n\n")
	emoji := strings.Repeat("🏠", 3000) // 2 UTF-16 units each

	for name, text := range map[string]string{"paragraphs": long, "emoji": emoji, "short": "你好"} {
		t.Run(name, func(t *testing.T) {
			parts := Split(text, MaxMessageUnits)
			for i, p := range parts {
				if n := Len(p); n > MaxMessageUnits || n == 0 {
					t.Fatalf("part %d has %d UTF-16 units", i, n)
				}
			}
			joined := strings.Join(parts, "")
			strip := func(s string) string { return strings.NewReplacer("\n", "", " ", "").Replace(s) }
			if strip(joined) != strip(text) {
				t.Fatalf("splitting lost or changed text")
			}
		})
	}
}

func TestSplitTextBreaksAtParagraphs(t *testing.T) {
	a := strings.Repeat("a", 3000)
	b := strings.Repeat("b", 3000)
	parts := Split(a+"\n\n"+b, MaxMessageUnits)
	if len(parts) != 2 || parts[0] != a || parts[1] != b {
		t.Fatalf("want the two paragraphs as parts, got %d parts", len(parts))
	}
}
