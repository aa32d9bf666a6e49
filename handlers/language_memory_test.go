package handlers_test

import (
	"strings"
	"testing"

	"codesk/handlers"
)

// A Chinese speaker whose phone is set to English gets Chinese for commands
// once they have written in Chinese; an explicit /lang choice still wins.
func TestCommandsFollowTheLanguageTheResidentWritesIn(t *testing.T) {
	f := newFixture(t)
	cmd := func(text string) handlers.OutMessage {
		t.Helper()
		if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: resident, UserID: resident, UserLang: "en-US",
			Kind: handlers.TextMessage, Text: text}); err != nil {
			t.Fatal(err)
		}
		return f.out.last(t)
	}
	english := func(s string) bool { return strings.HasPrefix(s, "How to use codesk") }
	if got := cmd("/help").Text; !english(got) {
		t.Fatalf("before anything is written, the client's English setting is used; got %q", got)
	}
	cmd("电梯什么时候换")
	if got := cmd("/help").Text; english(got) || !strings.ContainsRune(got, '问') {
		t.Errorf("after writing in Chinese, /help is in Chinese; got %q", got)
	}
	cmd("when are the lifts replaced")
	if got := cmd("/help").Text; !english(got) {
		t.Errorf("after writing in English, /help follows; got %q", got)
	}
	cmd("电梯什么时候换")
	cmd("/lang en")
	if got := cmd("/help").Text; !english(got) {
		t.Errorf("an explicit /lang en wins over the written language; got %q", got)
	}
}
