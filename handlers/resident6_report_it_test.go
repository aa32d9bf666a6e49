package handlers_test

import (
	"maps"
	"strings"
	"testing"
	"time"

	"codesk/faq"
)

// wetWall is a long question that tells of a wet wall: answered, then
// "report it for me".
const wetWall = "我想问一下那个外墙的事情就是我们家那个北面房间下雨天墙上都是水…我是十五号楼的"

// withWallFAQ is withEstateFAQ plus an answer on wet walls.
func withWallFAQ() scriptedFAQ {
	s := withEstateFAQ()
	s.results, s.entries = maps.Clone(s.results), maps.Clone(s.entries)
	s.entries["wall-leak"] = faq.Entry{ID: "wall-leak", Questions: []string{"外墙渗水找谁？", "Who fixes a leaking outer wall?"},
		Answer: faq.Answer{ZH: "先判断水从哪里来，再找对人。", EN: "First find where the water comes from."}}
	s.results[wetWall] = faq.Result{ID: "wall-leak", Score: 0.8}
	return s
}

// "Report it for me" typed after an answer makes what was asked the
// report, as the answer's report button would; the menu's words ("我要报
// 修") do so when what was asked told a problem. With nothing asked before,
// or long before, or a question that told none, the problem is asked for.
func TestReportItForMeReportsWhatWasJustAsked(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		asked, then string
		later       time.Duration
		uses        bool
	}{
		{wetWall, "帮我反映一下", 0, true},
		{wetWall, "帮我报修", 0, true},
		{wetWall, "我要报修", 0, true},
		{wetWall, "那你帮我反映一下吧", 0, true},
		{"物业费多少钱一个月", "帮我反映一下", 0, true},
		{"how much is the property fee", "please report it for me", 0, true},
		// stays: the menu's words after a plain question, nothing before,
		// or long after
		{"物业费多少钱一个月", "我要报修", 0, false},
		{"", "帮我反映一下", 0, false},
		{"", "帮我报修", 0, false},
		{"", "我要报修", 0, false},
		{wetWall, "帮我反映一下", time.Hour, false},
	} {
		f := newTicketFixture(t, nil)
		f.h.FAQ = withWallFAQ()
		if c.asked != "" {
			f.say(t, resident, c.asked)
		}
		f.now = f.now.Add(c.later)
		m := f.say(t, resident, c.then)
		if c.uses {
			if !strings.Contains(m.Text, c.asked) || findData(t, m, "c:send:") == "" {
				t.Errorf("%q after %q: want it as the report's preview, got %q", c.then, c.asked, m.Text)
			}
			continue
		}
		if !strings.Contains(m.Text, "请描述") || strings.Contains(m.Text, c.then) {
			t.Errorf("%q after %q: want the problem asked for, got %q", c.then, c.asked, m.Text)
		}
	}
}

// "I'm only asking" pressed at a preview, then "帮我反映一下": the report as
// it was, as its button would bring it back.
func TestReportItForMeAfterOnlyAskingBringsTheDraftBack(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	f.h.FAQ = withWallFAQ()
	preview := f.say(t, resident, binReportZH)
	f.press(t, resident, findData(t, preview, "c:ask:"))
	m := f.say(t, resident, "帮我反映一下")
	if !strings.Contains(m.Text, binReportZH) || findData(t, m, "c:send:") == "" {
		t.Errorf("want the report back, got %q", m.Text)
	}
}
