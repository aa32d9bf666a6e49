package handlers_test

import (
	"strings"
	"testing"
)

// Feedback after a fix thanks or rates the resolved ticket; a remark on
// the work is its comment; the fault back is its dispute; none is a report.
func TestFeedbackAfterAFixRatesTheTicket(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		text   string
		rating int    // stored rating, 0: none
		button string // a button wanted in the reply
	}{
		{"灯亮了 谢谢", 0, "r:rate:1:5"},
		{"the light works now, thank you", 0, "r:rate:1:5"},
		{"fixed, thanks", 0, "r:rate:1:5"},
		{"works now", 0, "r:rate:1:5"},
		{"fixed, great job", 5, ""},
		{"it's ok i guess", 3, ""},
		{"师傅态度不好", 2, "r:reopen:1"},
		{"修好了 但是又坏了", 0, "r:reopen:1"},
		// stays
		{"5星", 5, ""},
		{"terrible", 1, "r:reopen:1"},
	} {
		f := newTicketFixture(t, nil)
		tk, _ := f.fileResolved(t, "the corridor light in building 3 is out")
		f.deliver(t)
		m := f.say(t, resident, c.text)
		if got := f.ticket(t, tk.ID).Rating; got != c.rating {
			t.Errorf("%q: rating %d, want %d (%q %v)", c.text, got, c.rating, m.Text, buttonData(m))
		}
		if data := strings.Join(buttonData(m), " "); c.button != "" && !strings.Contains(data, c.button) {
			t.Errorf("%q: no %s in %q %v", c.text, c.button, m.Text, buttonData(m))
		}
	}
}

// "not bad" just after an FAQ answer is on that answer, not the fix.
func TestAPlainGradeAfterAnAnswerIsNoRating(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, _ := f.fileResolved(t, "the corridor light in building 3 is out")
	f.deliver(t)
	f.say(t, resident, "when is the office open?")
	f.say(t, resident, "not bad")
	if got := f.ticket(t, tk.ID).Rating; got != 0 {
		t.Errorf("rating %d after an answer, want none", got)
	}
	// stays: said at the rating prompt, it rates
	g := newTicketFixture(t, nil)
	tk2, _ := g.fileResolved(t, "the corridor light in building 3 is out")
	g.deliver(t)
	g.say(t, resident, "not bad")
	if got := g.ticket(t, tk2.ID).Rating; got != 4 {
		t.Errorf("rating %d at the prompt, want 4", got)
	}
}
