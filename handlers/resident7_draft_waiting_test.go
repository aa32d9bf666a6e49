package handlers_test

import (
	"slices"
	"strings"
	"testing"
)

// A thank-you or goodbye at the preview is answered and told the report is
// not sent yet, with the preview again: the resident must not leave
// believing it went. A yes, or sending said outright, still sends it.
func TestThanksAtThePreviewSaysTheReportIsNotSent(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		report, reply, reminder string
		sent                    bool
	}{
		{"7号楼电梯坏了", "谢谢侬", "还没有发送", false},
		{"7号楼电梯坏了", "好的 谢谢侬 再会", "还没有发送", false},
		{"7号楼电梯坏了", "再会", "还没有发送", false},
		{"the lift in building 7 is broken", "thanks", "has not been sent", false},
		{"the lift in building 7 is broken", "cheers mate", "has not been sent", false},
		// stays: a yes at the preview sends it
		{"7号楼电梯坏了", "好的", "", true},
		{"the lift in building 7 is broken", "ok thanks", "", true},
	} {
		f := newTicketFixture(t, nil)
		findData(t, f.say(t, resident, c.report), "c:send:")
		before := f.out.count()
		f.sayMaybeQuiet(t, resident, c.reply)
		got := residentTickets(t, f)
		if c.sent {
			if len(got) != 1 {
				t.Errorf("%q: want the report sent, tickets %q", c.reply, got)
			}
			continue
		}
		if len(got) != 0 {
			t.Errorf("%q: the report was sent: %q", c.reply, got)
			continue
		}
		out := f.out.sentSince(before)
		if len(out) != 2 || !strings.Contains(out[0].Text, c.reminder) || !strings.Contains(out[1].Text, c.report) || !hasData(out[1], "c:send:") {
			t.Errorf("%q: want the reply with the reminder, then the preview; got %q", c.reply, texts(out))
		}
		// the preview is the latest again: a yes sends it
		f.sayMaybeQuiet(t, resident, "ok")
		if got := residentTickets(t, f); len(got) != 1 || got[0] != c.report {
			t.Errorf("ok after %q: want the report sent as it was, tickets %q", c.reply, got)
		}
	}
}

// After a question answered meanwhile, a short "no" or "that's not what I
// asked" is about the answer: the report neither cancelled nor added to,
// and reminded of. Words naming the report, or the bare cancel words, still
// cancel it; right after the preview, "不要" still cancels.
func TestAShortNoAfterAnAnswerIsAboutTheAnswer(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		between, reply string
		cancels        bool
	}{
		{"物业费多少钱一个月", "不用了", false},
		{"物业费多少钱一个月", "不要", false},
		{"物业费多少钱一个月", "nope", false},
		{"物业费多少钱一个月", "no thanks", false},
		{"物业费多少钱一个月", "no", false},
		{"物业费多少钱一个月", "不是", false},
		{"物业费多少钱一个月", "没有", false},
		{"物业费多少钱一个月", "不对 我问的是周末", false},
		{"how much is the property fee", "no, that's not what I asked", false},
		// stays: cancels naming the report, and the plain cancel words
		{"物业费多少钱一个月", "取消报修", true},
		{"物业费多少钱一个月", "取消", true},
		{"物业费多少钱一个月", "不报了", true},
		{"how much is the property fee", "cancel the report", true},
		{"how much is the property fee", "cancel", true},
		{"", "不要", true},
		{"", "no thanks", true},
	} {
		f := newTicketFixture(t, nil)
		f.h.FAQ = withEstateFAQ()
		send := findData(t, f.say(t, resident, binReportZH), "c:send:")
		if c.between != "" {
			if m := f.say(t, resident, c.between); !strings.Contains(m.Text, "物业费") && !strings.Contains(m.Text, "property fee") {
				t.Fatalf("%q: want the fee answered, got %q", c.between, m.Text)
			}
		}
		before := f.out.count()
		f.say(t, resident, c.reply)
		out := texts(f.out.sentSince(before))
		cancelled := slices.ContainsFunc(out, func(s string) bool { return strings.Contains(s, "已取消") || strings.Contains(s, "cancelled") })
		if cancelled != c.cancels {
			t.Errorf("%q after %q: cancelled = %v, want %v (%q)", c.reply, c.between, cancelled, c.cancels, out)
		}
		if c.cancels {
			continue
		}
		if len(out) != 2 || !(strings.Contains(out[0], "还没有发送") || strings.Contains(out[0], "has not been sent")) || !strings.Contains(out[1], binReportZH) {
			t.Errorf("%q after %q: want the reminder and the preview, got %q", c.reply, c.between, out)
		}
		f.press(t, resident, send)
		if got := residentTickets(t, f); len(got) != 1 || got[0] != binReportZH {
			t.Errorf("%q after %q: want the report sent as written, tickets %q", c.reply, c.between, got)
		}
	}
}

// Changing one's mind at the preview about what is broken rewrites the
// report (its place kept); saying it is another party's job offers the
// party choice. "不是…是…" that only tells more still joins the report.
func TestCorrectingWhatTheReportIsAbout(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		report, correction, want, notWant string
	}{
		{"the lift in building 7 is broken", "actually it's not the lift, it's the stairwell light", "the stairwell light in building 7 is broken", "lift"},
		{"7号楼电梯坏了", "不是电梯 是楼道灯坏了", "楼道灯坏了", "电梯"},
	} {
		f := newTicketFixture(t, nil)
		send := findData(t, f.say(t, resident, c.report), "c:send:")
		m := f.say(t, resident, c.correction)
		if !strings.Contains(m.Text, c.want) || strings.Contains(m.Text, c.notWant) || strings.Contains(m.Text, "another matter") {
			t.Errorf("%q: want the report rewritten, got %q", c.correction, m.Text)
		}
		f.press(t, resident, send)
		tks, err := f.db.ResidentTickets(f.ctx, resident, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(tks) != 1 || !strings.Contains(tks[0].Text, c.want) || strings.Contains(tks[0].Text, c.notWant) ||
			!strings.Contains(tks[0].Text+" "+tks[0].Location, "7") || tks[0].Category == "lifts" {
			t.Errorf("%q: tickets %+v", c.correction, tks)
		}
	}

	f := newTicketFixture(t, nil)
	findData(t, f.say(t, resident, "the lift in building 7 is broken"), "c:send:")
	if m := f.say(t, resident, "wait, it's actually the owners committee's job"); !hasData(m, "c:to:") || strings.Contains(m.Text, "another matter") {
		t.Errorf("another party's job: want the party choice, got %q %v", m.Text, buttonData(m))
	}

	// stays: more of the same, in the same words
	f = newTicketFixture(t, nil)
	f.h.FAQ = withEstateFAQ()
	const noise = "楼上装修噪音太大了，每天早上七点就开始砸墙"
	send := findData(t, f.say(t, resident, noise), "c:send:")
	f.say(t, resident, "不是一天两天了 是好几个月了")
	f.press(t, resident, send)
	if got := residentTickets(t, f); len(got) != 1 || !strings.HasPrefix(got[0], noise) || !strings.Contains(got[0], "好几个月了") {
		t.Errorf("more of the same: want it joined, tickets %q", got)
	}
}

// A place corrected in the ways residents say it sets the report's place,
// the one in its text named as replaced; a place given with words around
// it at the place question is the place. Other text still joins the report.
func TestPlaceCorrectionsAtTheReport(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		report, say, location string
	}{
		{"3号楼2单元楼道灯坏了", "哦不对 是4号楼", "4号楼（已更正，不是3号楼2单元）"},
		{"3号楼2单元楼道灯坏了", "我说错了 应该是4号楼", "4号楼（已更正，不是3号楼2单元）"},
		{"3号楼2单元楼道灯坏了", "错了错了 4号楼", "4号楼（已更正，不是3号楼2单元）"},
		{"the stairwell light in building 3 is broken", "no wait, it's building 5 not 3", "building 5 (corrected, not building 3)"},
		{"楼道灯坏了", "不要紧 就是3号楼门口", "3号楼门口"},
		{"楼道灯坏了", "算了 就写3号楼吧", "3号楼"},
		// stays
		{"3号楼2单元楼道灯坏了", "不对 是5号楼不是3号楼", "5号楼（已更正，不是3号楼）"},
		{"楼道灯坏了", "5号楼2单元", "5号楼2单元"},
	} {
		f := newTicketFixture(t, nil)
		f.say(t, resident, c.report)
		m := f.say(t, resident, c.say)
		send := findData(t, m, "c:send:")
		f.press(t, resident, send)
		tks, err := f.db.ResidentTickets(f.ctx, resident, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(tks) != 1 || tks[0].Text != c.report || tks[0].Location != c.location {
			t.Errorf("%q on %q: want the text kept and the place %q, tickets %+v", c.say, c.report, c.location, tks)
		}
	}
	// stays: more about the problem joins the text
	f := newTicketFixture(t, nil)
	send := findData(t, f.say(t, resident, binReportZH), "c:send:")
	f.say(t, resident, "已经三天没人收了")
	f.press(t, resident, send)
	if got := residentTickets(t, f); len(got) != 1 || !strings.Contains(got[0], "已经三天没人收了") {
		t.Errorf("more of the problem: want it joined, tickets %q", got)
	}
}

// A cancel is answered in the language it was typed in, whatever the
// draft's ("弗要报了" on an English draft).
func TestACancelIsAnsweredInItsOwnLanguage(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ report, cancel, want string }{
		{"the lift in building 7 is broken", "弗要报了", "已取消"},
		{"the lift in building 7 is broken", "不用报了", "已取消"},
		{"7号楼电梯坏了", "never mind, forget it", "cancelled"},
		{"7号楼电梯坏了", "取消", "已取消"},
		{"the lift in building 7 is broken", "cancel", "cancelled"},
	} {
		f := newTicketFixture(t, nil)
		f.say(t, resident, c.report)
		if m := f.say(t, resident, c.cancel); !strings.Contains(m.Text, c.want) {
			t.Errorf("%q on %q: %q, want %q", c.cancel, c.report, m.Text, c.want)
		}
	}
}
