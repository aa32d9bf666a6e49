package handlers_test

import (
	"strings"
	"testing"

	"codesk/handlers"
)

// A burst pipe spraying now, with "问一下" at the end, or someone inside a
// stuck lift asking what to do, is a danger told, not asked about: the
// staff must get an urgent report (a draft asking for the place).
func TestDangerToldWithAQuestionStillStartsAReport(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"厨房水管爆了 在喷水 怎么关总阀 问一下",
		"家里燃气泄漏了，问一下",
		"What should I do when the lift is stuck and I'm inside",
	} {
		f := newTicketFixture(t, nil)
		before := f.out.count()
		f.sayMaybeQuiet(t, resident, text)
		got := texts(f.out.sentSince(before))
		if len(got) < 2 {
			t.Errorf("%q: only the advice, no report started: %q", text, got)
		}
	}
}

// "Also" after a full stop, as residents write it, splits two matters like
// the lowercase "also" does.
func TestCapitalisedAlsoSplitsTwoMatters(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	before := f.out.count()
	f.say(t, resident, "The corridor light on floor 3 of building 5 is broken. Also someone keeps parking in the fire lane.")
	got := texts(f.out.sentSince(before))
	if len(got) != 2 {
		t.Errorf("want the light's preview and a note the parking is kept; got %q", got)
	}
}

// A photo sent with two matters in its caption belongs to the first: it
// must not also be attached to the second (another party's) report.
func TestTwoMattersPhotoGoesToOneReport(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	before := f.out.count()
	f.send(t, handlers.Incoming{UserID: resident, Kind: handlers.PhotoMessage, PhotoIDs: []string{"lamp"}, Text: "5号楼楼道灯坏了，还有楼下有人群租很吵"})
	out := f.out.sentSince(before)
	t.Logf("%q", texts(out))
	preview := out[0]
	before = f.out.count()
	f.press(t, resident, findData(t, preview, "c:send:"))
	out = f.out.sentSince(before)
	t.Logf("%q", texts(out))
	for _, m := range out {
		if d := buttonData(m); len(d) > 0 {
			for _, x := range d {
				if strings.HasPrefix(x, "c:send:") {
					f.press(t, resident, x)
				}
			}
		}
	}
	photos := 0
	for _, m := range f.deliver(t) {
		t.Logf("%s chat=%d purpose=%s photo=%q text=%.60q", m.Key, m.ChatID, m.Purpose, m.PhotoID, m.Text)
		if m.PhotoID == "lamp" {
			photos++
		}
	}
	if photos != 1 {
		t.Errorf("the lamp photo went to %d staff chats", photos)
	}
}
