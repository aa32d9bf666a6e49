package handlers_test

import (
	"strings"
	"testing"
)

// At the place question, "I don't know the building" with where it is in
// words is the place (or none): the report goes on to its preview instead
// of being taken for a question. A place, or a question, stays what it was.
func TestAnUnknownBuildingAtThePlaceQuestionMovesOn(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		text, place string // place "": none given
		preview     bool
	}{
		{"我也不晓得几号楼 就是阿拉屋里门口那部", "阿拉屋里门口那部", true},
		{"不知道几号楼", "", true},
		{"我也不晓得", "", true},
		{"不清楚是哪栋，就在小区北门旁边", "就在小区北门旁边", true},
		{"I don't know which building, it's the one by my front door", "by my front door", true},
		{"3号楼2单元", "3号楼2单元", true},
		{"电梯什么时候换", "", false},
	} {
		f := newTicketFixture(t, nil)
		findData(t, f.say(t, resident, "电梯坏了"), "c:skip:")
		m := f.say(t, resident, c.text)
		if !c.preview {
			if strings.Contains(strings.Join(buttonData(m), " "), "c:send:") {
				t.Errorf("%q: want it answered, got the preview %q", c.text, m.Text)
			}
			continue
		}
		send := ""
		for _, d := range buttonData(m) {
			if strings.HasPrefix(d, "c:send:") {
				send = d
			}
		}
		if send == "" {
			t.Errorf("%q: want the preview, got %q", c.text, m.Text)
			continue
		}
		f.press(t, resident, send)
		tks, err := f.db.ResidentTickets(f.ctx, resident, 5)
		if err != nil || len(tks) != 1 {
			t.Fatalf("%q: tickets %+v %v", c.text, tks, err)
		}
		if tks[0].Location != c.place || tks[0].Text != "电梯坏了" {
			t.Errorf("%q: location %q text %q, want %q and the report alone", c.text, tks[0].Location, tks[0].Text, c.place)
		}
	}
}

// A corrected place ("不对 是5号楼不是3号楼") becomes the place, said to
// replace the one the text names; a place alone is the place as before.
func TestACorrectedPlaceReplacesTheOldOne(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		report, place, text, want string
	}{
		{binReportZH, "", "不对 是5号楼不是3号楼", "5号楼（已更正，不是3号楼）"},
		{binReportZH, "", "不是3号楼，是5号楼", "5号楼（已更正，不是3号楼）"},
		{binReportZH, "", "说错了，应该是5号楼", "5号楼（已更正，不是3号楼）"},
		{"垃圾堆了好几天了臭死了", "3号楼", "不对 是5号楼", "5号楼（已更正，不是3号楼）"},
		{"垃圾堆了好几天了臭死了", "", "不对 是5号楼不是3号楼", "5号楼（已更正，不是3号楼）"},
		{"the bins at building 3 are overflowing", "", "sorry, it's building 5 not building 3", "building 5 (corrected, not building 3)"},
		// stays: a place alone is the place
		{binReportZH, "", "3号楼2单元", "3号楼2单元"},
	} {
		f := newTicketFixture(t, nil)
		m := f.say(t, resident, c.report)
		if c.place != "" {
			m = f.say(t, resident, c.place)
		}
		m = f.say(t, resident, c.text)
		if !strings.Contains(m.Text, c.want) {
			t.Errorf("%q: want %q in the preview, got %q", c.text, c.want, m.Text)
		}
		f.press(t, resident, findData(t, m, "c:send:"))
		tks, err := f.db.ResidentTickets(f.ctx, resident, 5)
		if err != nil || len(tks) != 1 {
			t.Fatalf("%q: tickets %+v %v", c.text, tks, err)
		}
		if tks[0].Location != c.want || tks[0].Text != c.report {
			t.Errorf("%q: location %q text %q", c.text, tks[0].Location, tks[0].Text)
		}
	}
}
