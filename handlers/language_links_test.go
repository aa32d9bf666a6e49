package handlers_test

import (
	"strings"
	"testing"
)

// A link alone carries no language: after Chinese lines it is answered in
// Chinese, and the next command stays Chinese.
func TestALinkAloneKeepsTheResidentsLanguage(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	f.say(t, resident, "电梯什么时候换？")
	if got := f.say(t, resident, "https://example.com/notice?id=12").Text; !hasHan(got) {
		t.Errorf("a link after a Chinese question was answered in English: %q", got)
	}
	if got := f.say(t, resident, "/mytickets").Text; strings.Contains(got, "You") {
		t.Errorf("/mytickets after a link switched to English: %q", got)
	}
}
