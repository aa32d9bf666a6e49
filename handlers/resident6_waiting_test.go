package handlers_test

import (
	"maps"
	"strings"
	"testing"

	"codesk/faq"
	"codesk/handlers"
)

// withEstateFAQ is testFAQ plus the property fee and proxy voting, asked
// as residents ask them (in Shanghainese too) while a report waits.
func withEstateFAQ() scriptedFAQ {
	s := scriptedFAQ{results: maps.Clone(testFAQ.results), entries: maps.Clone(testFAQ.entries)}
	s.entries["fee"] = faq.Entry{ID: "fee", Questions: []string{"物业费多少钱？", "How much is the property fee?"},
		Answer: faq.Answer{ZH: "物业费按建筑面积收取。", EN: "The property fee is charged by floor area."}}
	s.entries["proxy-vote"] = faq.Entry{ID: "proxy-vote", Questions: []string{"可以委托别人投票吗？", "Can someone vote for me?"},
		Answer: faq.Answer{ZH: "可以书面委托代理人投票。", EN: "You may appoint a proxy in writing."}}
	for _, q := range []string{"物业费多少钱一个月", "how much is the property fee", "物业费哪能交伐"} {
		s.results[q] = faq.Result{ID: "fee", Score: 0.8}
	}
	for _, q := range []string{"业主大会投票我不会用手机哪能投", "我儿子帮我投票可以伐"} {
		s.results[q] = faq.Result{ID: "proxy-vote", Score: 0.8}
	}
	return s
}

const (
	binReportZH = "3号楼门口垃圾堆了好几天了臭死了"
	binReportEN = "the bin area near building 3 smells awful"
)

// residentTickets counts the resident's tickets and returns the texts.
func residentTickets(t *testing.T, f *ticketFixture) []string {
	t.Helper()
	tks, err := f.db.ResidentTickets(f.ctx, resident, 10)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, tk := range tks {
		texts = append(texts, tk.Text)
	}
	return texts
}

// sayMaybeQuiet is say for a message that may get no new message back (a
// typed "send" edits the preview; the acknowledgement goes by the outbox):
// the last message sent, whatever it is.
func (f *ticketFixture) sayMaybeQuiet(t *testing.T, user int64, text string) handlers.OutMessage {
	t.Helper()
	in := handlers.Incoming{ChatID: user, Chat: handlers.PrivateChat, UserID: user, Kind: handlers.TextMessage, Text: text}
	if err := f.h.Handle(f.ctx, in); err != nil {
		t.Fatalf("handle %q: %v", text, err)
	}
	return f.out.last(t)
}

// A bare "ok" or thanks once a question was answered after the preview
// thanks for that answer: the report is shown again with its buttons, not
// sent. Said right after the preview, or with a word of sending, it sends.
func TestABareThanksAfterAnotherExchangeDoesNotSendTheReport(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		report, between, reply string
		sent                   bool
	}{
		{binReportZH, "物业费多少钱一个月", "好的谢谢", false},
		{binReportZH, "物业费多少钱一个月", "谢谢", false},
		{binReportZH, "物业费多少钱一个月", "好的", false},
		{binReportEN, "how much is the property fee", "ok thanks", false},
		{binReportEN, "how much is the property fee", "thanks", false},
		// stays: nothing between, or sending said outright
		{binReportZH, "", "好的谢谢", true},
		{binReportEN, "", "ok thanks", true},
		{binReportZH, "物业费多少钱一个月", "好的发吧", true},
		{binReportZH, "物业费多少钱一个月", "确认发送", true},
		{binReportEN, "how much is the property fee", "yes send it", true},
	} {
		f := newTicketFixture(t, nil)
		f.h.FAQ = withEstateFAQ()
		findData(t, f.say(t, resident, c.report), "c:send:")
		if c.between != "" {
			if m := f.say(t, resident, c.between); !strings.Contains(m.Text, "物业费") && !strings.Contains(m.Text, "property fee") {
				t.Fatalf("%q: want the fee answered, got %q", c.between, m.Text)
			}
		}
		m := f.sayMaybeQuiet(t, resident, c.reply)
		got := residentTickets(t, f)
		if c.sent {
			if len(got) != 1 || got[0] != c.report {
				t.Errorf("%q after %q: want the report sent as it was, tickets %q", c.reply, c.between, got)
			}
			continue
		}
		if len(got) != 0 {
			t.Errorf("%q after %q: the report was sent: %q", c.reply, c.between, got)
			continue
		}
		if !strings.Contains(m.Text, c.report) || findData(t, m, "c:send:") == "" {
			t.Errorf("%q after %q: want the preview again, got %q", c.reply, c.between, m.Text)
		}
		// the preview is the latest again: "ok" now sends it
		f.sayMaybeQuiet(t, resident, "ok")
		if got := residentTickets(t, f); len(got) != 1 {
			t.Errorf("ok after the reminder of %q: want it sent, tickets %q", c.reply, got)
		}
	}
}

// /mytickets with a report written and not sent says so, with a button to
// it; the list is then the latest thing shown, so a bare "ok" does not
// send the report.
func TestMyTicketsMentionsTheReportWaitingToBeSent(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	f.say(t, resident, binReportZH)
	m := f.say(t, resident, "/mytickets")
	if !strings.Contains(m.Text, "没有发送") || !strings.Contains(m.Text, "3号楼门口垃圾") {
		t.Fatalf("want the waiting report mentioned, got %q", m.Text)
	}
	open := findData(t, m, "c:show:")
	if m := f.say(t, resident, "好的"); findData(t, m, "c:send:") == "" {
		t.Errorf("a bare ok after the list: want the preview again, got %q", m.Text)
	}
	if got := residentTickets(t, f); len(got) != 0 {
		t.Errorf("a bare ok after the list sent the report: %q", got)
	}
	f.press(t, resident, open)
	if m := f.out.last(t); !strings.Contains(m.Text, binReportZH) || findData(t, m, "c:send:") == "" {
		t.Errorf("the button: want the preview, got %q", m.Text)
	}

	// stays: with tickets sent, they are listed, and the waiting one below
	f = newTicketFixture(t, nil)
	f.fileTicket(t, resident, "5号楼2单元楼道灯坏了")
	f.say(t, resident, binReportZH)
	m = f.say(t, resident, "/mytickets")
	if !strings.Contains(m.Text, "#1") || !strings.Contains(m.Text, "没有发送") {
		t.Errorf("want the ticket and the waiting report, got %q", m.Text)
	}
	findData(t, m, "r:show:")
	findData(t, m, "c:show:")

	// stays: nothing waiting, nothing said of it
	f = newTicketFixture(t, nil)
	m = f.say(t, resident, "/mytickets")
	if strings.Contains(m.Text, "没有发送") || findData(t, m, "m:concern") == "" {
		t.Errorf("no draft: %q %v", m.Text, buttonData(m))
	}
}

// While a report waits, asking after the reports sent lists them (the
// waiting one with them) and a question is answered: neither joins it.
// More about its matter still does.
func TestChasesAndQuestionsAreNoPartOfAWaitingReport(t *testing.T) {
	t.Parallel()
	const waiting = "还有楼上那家人电话打不通"
	for _, c := range []struct {
		text   string
		joins  bool
		expect string // in the reply
	}{
		{"我的单子哪能了", false, "#1"},
		{"我的工单怎么样了", false, "#1"},
		{"物业费哪能交伐", false, "物业费按建筑面积收取"},
		{"我儿子帮我投票可以伐", false, "委托代理人"},
		{"业主大会投票我不会用手机哪能投", false, "委托代理人"},
		{"打了好几次都没人接", true, "打了好几次都没人接"},
	} {
		f := newTicketFixture(t, nil)
		f.h.FAQ = withEstateFAQ()
		f.fileTicket(t, resident, "楼道灯坏了5号楼2单元")
		send := findData(t, f.say(t, resident, waiting), "c:send:")
		m := f.say(t, resident, c.text)
		if !strings.Contains(m.Text, c.expect) {
			t.Errorf("%q: want %q in the reply, got %q", c.text, c.expect, m.Text)
		}
		f.press(t, resident, send)
		got := residentTickets(t, f)
		if len(got) != 2 {
			t.Fatalf("%q: tickets %q", c.text, got)
		}
		if joined := strings.Contains(got[0], c.text); joined != c.joins {
			t.Errorf("%q: joined the report = %v, want %v: %q", c.text, joined, c.joins, got[0])
		}
	}
}

// Cancels in the words residents use cancel the waiting report ("later"
// too, as laterWords do at the preview); what is no cancel is not one.
func TestCancelWordsAtAWaitingReport(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		text    string
		cancels bool
	}{
		{"never mind, forget it", true},
		{"actually no", true},
		{"搞错了", false}, // the report names a building: asked what was wrong (the place, or all of it)
		{"弗要报了", true},
		{"不要报了", true},
		{"我再想想", true},
		{"等歇再讲", true},
		{"算了，谢谢", true},
		{"算了", true},
		{"不要了", true},
		{"nvm", true},
		{"cancel", true},
		{"等一下", false},
		{"还有，门口也很臭", false},
		{"不对 是5号楼不是3号楼", false},
	} {
		f := newTicketFixture(t, nil)
		send := findData(t, f.say(t, resident, binReportZH), "c:send:")
		m := f.say(t, resident, c.text)
		// the reply follows the message's language ("never mind" → "cancelled")
		cancelled := strings.Contains(m.Text, "已取消") || strings.Contains(m.Text, "cancelled")
		if cancelled != c.cancels {
			t.Errorf("%q: cancelled = %v, want %v (%q)", c.text, cancelled, c.cancels, m.Text)
		}
		if !c.cancels {
			f.press(t, resident, send)
			if got := residentTickets(t, f); len(got) != 1 {
				t.Errorf("%q: the report should still send, tickets %q", c.text, got)
			}
		}
	}
	// at the place question, "later" skips the place: the report waits
	for _, later := range []string{"我再想想", "等歇再讲"} {
		f := newTicketFixture(t, nil)
		findData(t, f.say(t, resident, "电梯坏了"), "c:skip:")
		if m := f.say(t, resident, later); findData(t, m, "c:send:") == "" || strings.Contains(m.Text, "已取消") || strings.Contains(m.Text, later) {
			t.Errorf("%q at the place question: want the preview, got %q", later, m.Text)
		}
	}
}
