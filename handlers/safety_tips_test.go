package handlers_test

import (
	"strings"
	"testing"
)

// A dog bite gets the first-aid tip first; the report still goes to whoever
// handles dogs, not to the duty staff as an emergency.
func TestADogBiteGetsTheFirstAidTipFirst(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]string{
		"a dog bit my son near the playground, the owner ran away": "rabies",
		"我家孩子在小区被狗咬了，狗主人跑了":                                        "狂犬病",
	} {
		f := newTicketFixture(t, nil)
		before := f.out.count()
		preview := f.say(t, resident, text)
		if f.out.count() < before+2 || !strings.Contains(f.out.sent[before].Text, want) {
			t.Errorf("%q: first reply %q", text, f.out.sent[before].Text)
		}
		if strings.Contains(preview.Text, "紧急") || strings.Contains(preview.Text, "Emergency") {
			t.Errorf("%q: filed as an emergency: %q", text, preview.Text)
		}
	}
	f := newTicketFixture(t, nil)
	before := f.out.count()
	f.say(t, resident, "楼下的狗天天叫，吵得睡不着")
	if got := f.out.sent[before].Text; strings.Contains(got, "狂犬病") {
		t.Errorf("a barking dog gets the bite tip: %q", got)
	}
}
