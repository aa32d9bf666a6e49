package handlers_test

import (
	"strconv"
	"strings"
	"testing"

	"codesk/handlers"
)

// ofRunes repeats unit and cuts it to exactly n runes, ending on a
// non-space so trimming does not shorten it.
func ofRunes(t *testing.T, unit string, n int) string {
	t.Helper()
	r := []rune(strings.Repeat(unit, n/len([]rune(unit))+2))[:n]
	if r[n-1] == ' ' {
		r[n-1] = 'x'
	}
	return string(r)
}

// A message of exactly MaxQuestionRunes is read like any other; one rune
// more is refused politely, in the message's language, naming both its
// length and the limit — and is not logged as a question. Telegram's own
// maximum (4096) gets the same refusal.
func TestMessagesAtAndOverTheLengthLimitInBothLanguages(t *testing.T) {
	t.Parallel()
	const max = handlers.MaxQuestionRunes
	for _, c := range []struct {
		lang, unit, tooLong string
	}{
		{"zh", "电梯什么时候换？", "太长"},
		{"en", "When are the lifts replaced? ", "too long"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			f := newFixture(t)
			at := f.say(t, resident, ofRunes(t, c.unit, max)).Text
			if strings.Contains(at, c.tooLong) || strings.Contains(at, "太长") || strings.Contains(at, "too long") {
				t.Errorf("a message of exactly %d runes is refused: %q", max, at)
			}
			if qs, _ := f.db.RecentQuestions(f.ctx, 10); len(qs) != 1 || len([]rune(qs[0].Text)) != max {
				t.Errorf("the %d-rune question is logged whole once, got %d logged", max, len(qs))
			}
			for _, n := range []int{max + 1, 4096} {
				got := f.say(t, resident, ofRunes(t, c.unit, n)).Text
				if !strings.Contains(got, c.tooLong) || !strings.Contains(got, strconv.Itoa(n)) || !strings.Contains(got, strconv.Itoa(max)) {
					t.Errorf("%d runes: want a %s refusal naming %d and %d, got %q", n, c.lang, n, max, got)
				}
			}
			if qs, _ := f.db.RecentQuestions(f.ctx, 10); len(qs) != 1 {
				t.Errorf("refused messages are not logged as questions: %d logged", len(qs))
			}
		})
	}
}

// The same limit holds where a concern is described: exactly the limit is
// previewed as a ticket, one over is refused without a preview and the draft
// survives for a shorter description.
func TestConcernDescriptionAtAndOverTheLengthLimit(t *testing.T) {
	t.Parallel()
	const max = handlers.MaxQuestionRunes
	for _, c := range []struct {
		lang, unit, tooLong, send string
	}{
		{"zh", "3号楼2单元电梯坏了。", "太长", "c:send:"},
		{"en", "The lift in building 3 is broken. ", "too long", "c:send:"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			f := newTicketFixture(t, nil)
			f.say(t, resident, "/report")
			over := f.say(t, resident, ofRunes(t, c.unit, max+1))
			if !strings.Contains(over.Text, c.tooLong) || len(over.Buttons) != 0 {
				t.Errorf("a %d-rune description: want a %s refusal without buttons, got %q %v", max+1, c.lang, over.Text, buttonData(over))
			}
			preview := f.say(t, resident, ofRunes(t, c.unit, max))
			findData(t, preview, c.send)
		})
	}
}
