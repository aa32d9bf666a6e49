package handlers_test

import (
	"strings"
	"testing"
)

// Water pouring in (a ceiling streaming, a burst pipe), in Chinese or
// English, gets what to do now (power, valves, the flat above) and then an
// urgent report to the property company, even when the water comes from
// upstairs (a neighbours' leak is otherwise the committee's to mediate).
func TestWaterPouringInGetsAdviceThenAnUrgentReportToTheCompany(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ text, advice, place, party string }{
		{"天花板在往下哗哗地漏水", "电闸", "7号楼302", "【物业】"},
		{"my ceiling is pouring water right now, the flat upstairs is flooding", "fuse box", "Building 7, flat 302", "property management company"},
	} {
		f := newTicketFixture(t, nil)
		before := f.out.count()
		f.say(t, resident, c.text)
		got := texts(f.out.sentSince(before))
		if len(got) != 2 || !strings.HasPrefix(got[0], "⚠️") || !strings.Contains(got[0], c.advice) {
			t.Fatalf("%q: want the flood advice, then the report; got %q", c.text, got)
		}
		preview := f.say(t, resident, c.place)
		if !strings.Contains(preview.Text, c.party) {
			t.Fatalf("%q: the report goes to the property company: %q", c.text, preview.Text)
		}
		f.press(t, resident, findData(t, preview, "c:send:"))
		var card string
		for _, m := range f.deliver(t) {
			if m.Purpose == "card" {
				card = m.Text
			}
		}
		if !strings.Contains(card, "URGENT") {
			t.Errorf("%q: the staff card is not urgent:\n%s", c.text, card)
		}
	}
}

// A danger asked about and said not to be happening ("…怎么办？问问",
// "just asking") gets the advice and no report; a call for help besides
// still gets the report.
func TestADangerAskedAboutGetsTheAdviceAndNoReport(t *testing.T) {
	t.Parallel()
	for text, wantReport := range map[string]bool{
		"what to do if gas leaks? just asking":                   false,
		"电梯困人了怎么办？只是问问":                                          false,
		"家里燃气泄漏了，问一下":                                            true,
		"What should I do when the lift is stuck and I'm inside": true,
		"what to do if gas leaks?":                               false,
		"有煤气味 怎么办":                                               true,
		"电梯困人了 快来 我只是问一下在哪报":                                     true,
	} {
		f := newTicketFixture(t, nil)
		before := f.out.count()
		f.say(t, resident, text)
		got := texts(f.out.sentSince(before))
		if len(got) == 0 || !strings.HasPrefix(got[0], "⚠️") {
			t.Errorf("%q: want the advice first; got %q", text, got)
			continue
		}
		if reported := len(got) > 1 && (strings.Contains(got[1], "位置") || strings.Contains(got[1], "Where exactly")); reported != wantReport || (!wantReport && len(got) != 1) {
			t.Errorf("%q: report started %v, want %v; got %q", text, reported, wantReport, got)
		}
	}
}

// Water pouring in, with whom to call asked besides, gets the advice, the
// FAQ's duty numbers and then the report; without that ask, no FAQ answer.
func TestAFloodAskingWhomToCallGetsTheDutyNumbersToo(t *testing.T) {
	t.Parallel()
	for text, wantNumbers := range map[string]bool{"半夜水管爆了，物管有人吗": true, "半夜水管爆了，怎么办": false} {
		f := newTicketFixture(t, nil)
		before := f.out.count()
		f.say(t, resident, text)
		got := texts(f.out.sentSince(before))
		numbers := strings.Contains(strings.Join(got, "\n"), "6000-0000")
		if len(got) < 2 || !strings.Contains(got[0], "电闸") || !strings.Contains(got[len(got)-1], "位置") || numbers != wantNumbers {
			t.Errorf("%q: want the advice, the duty numbers %v, then the report; got %q", text, wantNumbers, got)
		}
	}
}
