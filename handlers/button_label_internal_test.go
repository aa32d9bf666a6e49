package handlers

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// A "did you mean" label is cut at a word's end in English (not "actuall…")
// and kept short in Chinese; short labels stay whole.
func TestButtonLabelsCutAtWords(t *testing.T) {
	t.Parallel()
	long := "How do I get a parking space in the estate and what does it cost per month?"
	got := buttonLabel(long)
	if !strings.HasSuffix(got, "…") || utf8.RuneCountInString(got) > 56 || !strings.HasPrefix(long, strings.TrimSuffix(got, "…")+" ") {
		t.Errorf("buttonLabel(%q) = %q, want a cut at a word's end within 56 characters", long, got)
	}
	for _, s := range []string{"What does the owners' committee actually do?", "物业费在哪里交？"} {
		if got := buttonLabel(s); got != s {
			t.Errorf("buttonLabel(%q) = %q, want it whole", s, got)
		}
	}
	if got := buttonLabel(strings.Repeat("电梯", 30)); utf8.RuneCountInString(got) > 30 {
		t.Errorf("a long Chinese label is %d characters, want at most 30", utf8.RuneCountInString(got))
	}
}
