package handlers_test

import (
	"strings"
	"testing"
)

// A danger typed with "I don't know the building" at the place question is
// its own urgent report, first: never the waiting report's place. An
// unknown building with no danger still moves the report on.
func TestADangerAtThePlaceQuestionIsItsOwnReport(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		report, text, danger string // danger "": none, the report moves on
	}{
		{"电梯坏了", "不知道几号楼 楼道里好多烟", "楼道里好多烟"},
		{"楼道灯坏了", "不清楚是几号楼，闻到一股煤气味", "煤气味"},
		{"the lift is broken", "I don't know the building number, someone is trapped in the lift", "trapped in the lift"},
		// stays: no danger, the same report's preview
		{"电梯坏了", "不知道几号楼 就是阿拉屋里门口那部", ""},
		{"电梯坏了", "我也不知道具体位置，水已经漫到走廊了", ""},
	} {
		f := newTicketFixture(t, nil)
		first := findData(t, f.say(t, resident, c.report), "c:skip:")
		m := f.say(t, resident, c.text)
		if c.danger == "" {
			if findData(t, m, "c:send:") != "c:send:"+strings.TrimPrefix(first, "c:skip:") {
				t.Errorf("%q: want the waiting report's preview, got %q %v", c.text, m.Text, buttonData(m))
			}
			continue
		}
		skip := findData(t, m, "c:skip:") // the danger's own report asks its place
		if skip == first {
			t.Fatalf("%q: the waiting report took it: %q", c.text, m.Text)
		}
		f.press(t, resident, skip)
		preview := f.out.last(t)
		if !strings.Contains(preview.Text, c.danger) || strings.Contains(preview.Text, c.report) {
			t.Errorf("%q: want the danger's own preview, got %q", c.text, preview.Text)
		}
		f.press(t, resident, findData(t, preview, "c:send:"))
		f.deliver(t)
		tks := residentTickets(t, f)
		if len(tks) != 1 || !strings.Contains(tks[0], c.danger) {
			t.Errorf("%q: tickets %q, want the danger's", c.text, tks)
		}
		// the waiting report comes back, as it was
		id := strings.TrimPrefix(first, "c:skip:")
		if back := f.out.last(t); !strings.Contains(strings.Join(buttonData(back), " "), id) {
			t.Errorf("%q: the waiting report did not come back: %q %v", c.text, back.Text, buttonData(back))
		}
	}
}

// What is said beside "I don't know the building" is the place only when
// it reads like one, in the resident's own words; a request or more of the
// problem joins the report's text.
func TestBesideAnUnknownBuildingOnlyAPlaceIsThePlace(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		text, place, report string
	}{
		{"不知道位置 你们能不能派人来看看", "", "电梯坏了\n你们能不能派人来看看"},
		{"不记得门牌号了 就在北门车棚旁边", "就在北门车棚旁边", "电梯坏了"},
		{"I don't know the building number, it's next to the North Gate.", "next to the North Gate", "电梯坏了"},
		{"不知道几号楼，就是我家门口那部！", "我家门口那部", "电梯坏了"},
		{"不知道在哪 反正一直在漏水 很严重", "", "电梯坏了\n一直在漏水 很严重"},
		// stays: nothing else said, no place
		{"不知道几号楼", "", "电梯坏了"},
		{"不记得门牌号了", "", "电梯坏了"},
	} {
		f := newTicketFixture(t, nil)
		findData(t, f.say(t, resident, "电梯坏了"), "c:skip:")
		m := f.say(t, resident, c.text)
		f.press(t, resident, findData(t, m, "c:send:"))
		tks, err := f.db.ResidentTickets(f.ctx, resident, 5)
		if err != nil || len(tks) != 1 {
			t.Fatalf("%q: tickets %+v %v", c.text, tks, err)
		}
		if tks[0].Location != c.place || tks[0].Text != c.report {
			t.Errorf("%q: location %q text %q, want %q and %q", c.text, tks[0].Location, tks[0].Text, c.place, c.report)
		}
	}
}

// A bare "搞错了" once a place was given asks what was wrong: the right
// place then replaces the old one (said to), and the cancel button still
// cancels. With no place given, or with the cancel said outright, it
// cancels as before.
func TestABareMistakeAfterThePlaceAsksWhatWasWrong(t *testing.T) {
	t.Parallel()
	placed := func(t *testing.T) *ticketFixture {
		f := newTicketFixture(t, nil)
		findData(t, f.say(t, resident, "电梯坏了"), "c:skip:")
		findData(t, f.say(t, resident, "3号楼"), "c:send:")
		return f
	}
	for _, mistake := range []string{"搞错了", "my mistake", "不好意思 搞错了"} {
		f := placed(t)
		m := f.say(t, resident, mistake)
		if strings.Contains(m.Text, "已取消") || strings.Contains(m.Text, "cancelled") {
			t.Fatalf("%q: the report was cancelled: %q", mistake, m.Text)
		}
		findData(t, m, "c:cancel:")
		m = f.say(t, resident, "5号楼")
		if !strings.Contains(m.Text, "5号楼（已更正，不是3号楼）") {
			t.Errorf("%q then 5号楼: want the corrected place, got %q", mistake, m.Text)
		}
		f.press(t, resident, findData(t, m, "c:send:"))
		tks, _ := f.db.ResidentTickets(f.ctx, resident, 5)
		if len(tks) != 1 || tks[0].Location != "5号楼（已更正，不是3号楼）" || tks[0].Text != "电梯坏了" {
			t.Errorf("%q: tickets %+v", mistake, tks)
		}
	}
	// the prompt's cancel button, or a cancel typed next, cancels
	f := placed(t)
	f.press(t, resident, findData(t, f.say(t, resident, "搞错了"), "c:cancel:"))
	if len(residentTickets(t, f)) != 0 || !strings.Contains(f.out.last(t).Text, "已取消") {
		t.Errorf("cancel pressed after the question: %q", f.out.last(t).Text)
	}
	f = placed(t)
	f.say(t, resident, "搞错了")
	if m := f.say(t, resident, "取消"); !strings.Contains(m.Text, "已取消") {
		t.Errorf("取消 after the question: %q", m.Text)
	}
	// a bare ok after the question does not send the report
	f = placed(t)
	f.say(t, resident, "搞错了")
	f.sayMaybeQuiet(t, resident, "好的")
	if got := residentTickets(t, f); len(got) != 0 {
		t.Errorf("好的 after the question sent the report: %q", got)
	}
	// a place in the report's own words counts too: asked, not cancelled
	f = newTicketFixture(t, nil)
	f.say(t, resident, binReportZH)
	if m := f.say(t, resident, "搞错了"); !strings.Contains(m.Text, "是哪里搞错了") {
		t.Errorf("搞错了 after %q: want the question, got %q", binReportZH, m.Text)
	}
	// stays: cancelling outright
	for _, c := range []struct{ report, place, text string }{
		{"电梯坏了", "3号楼", "取消"},
		{"电梯坏了", "3号楼", "发错了"},
	} {
		f := newTicketFixture(t, nil)
		f.say(t, resident, c.report)
		if c.place != "" {
			f.say(t, resident, c.place)
		}
		if m := f.say(t, resident, c.text); !strings.Contains(m.Text, "已取消") {
			t.Errorf("%q after %q: want it cancelled, got %q", c.text, c.report, m.Text)
		}
	}
}
