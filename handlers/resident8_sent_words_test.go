package handlers_test

import (
	"strings"
	"testing"

	"codesk/faq"
)

// A complaint about the wait, in Chinese as in English, is news for staff:
// offered to the open ticket, not the status list nor a new report. A plain
// chase still shows where the ticket stands.
func TestAChineseWaitComplaintIsOfferedToTheTicket(t *testing.T) {
	t.Parallel()
	for _, report := range []string{"the lift in building 7 is broken", "7号楼电梯坏了"} {
		for _, c := range []struct {
			text, want string // "offer", "status"
		}{
			{"3天了还没人来", "offer"},
			{"报了三天了都没人来修", "offer"},
			{"等了一个礼拜了还是没人来", "offer"},
			{"I reported it 3 days ago and nobody came", "offer"},
			// stays: a chase asks where it stands
			{"怎么还没人来修", "status"},
			{"修了没", "status"},
		} {
			f := newTicketFixture(t, nil)
			f.fileTicket(t, resident, report)
			f.deliver(t)
			m := f.say(t, resident, c.text)
			data := strings.Join(buttonData(m), " ")
			got := "other"
			switch {
			case strings.Contains(data, "r:conv:1:y"):
				got = "offer"
			case strings.Contains(data, "r:show:1"):
				got = "status"
			}
			if got != c.want {
				t.Errorf("%q after %q: got %s, want %s (%q %v)", c.text, report, got, c.want, m.Text, data)
			}
		}
	}
}

// A question about an estate project just after a report of the thing it
// is about gets the FAQ's answer, not an offer to add it to the report;
// more about the fault is still offered.
func TestAnEstateProjectQuestionAfterAReportIsAnswered(t *testing.T) {
	t.Parallel()
	faqs := withEstateFAQ()
	for _, q := range []string{"电梯啥辰光换", "when will the lifts be replaced?"} {
		faqs.results[q] = faq.Result{ID: "elevator-replacement", Score: 0.9}
	}
	for _, c := range []struct {
		report, text string
		answered     bool
	}{
		{"7号楼电梯坏了", "电梯啥辰光换", true},
		{"the lift in building 7 is broken", "when will the lifts be replaced?", true},
		// stays: more of the same fault
		{"7号楼电梯坏了", "电梯门一直关不上", false},
	} {
		f := newTicketFixture(t, nil)
		f.h.FAQ = faqs
		f.fileTicket(t, resident, c.report)
		f.deliver(t)
		m := f.say(t, resident, c.text)
		answered := strings.Contains(m.Text, "Lifts are replaced") || strings.Contains(m.Text, "电梯更换按楼栋")
		offered := strings.Contains(strings.Join(buttonData(m), " "), "r:conv:1:y")
		if answered != c.answered || offered == c.answered {
			t.Errorf("%q after %q: answered %v offered %v, want answered %v (%q)", c.text, c.report, answered, offered, c.answered, m.Text)
		}
	}
}

// "fine" at a waiting preview means what "ok" means there: right after the
// preview it sends the report as it was, after an answer given meanwhile
// it is reminded of; never a line of the report.
func TestFineAtAWaitingPreviewIsAnOK(t *testing.T) {
	t.Parallel()
	const report = "the lift in building 7 is broken"
	for _, reply := range []string{"fine", "fine thanks", "ok"} {
		f := newTicketFixture(t, nil)
		findData(t, f.say(t, resident, report), "c:send:")
		f.sayMaybeQuiet(t, resident, reply)
		if got := residentTickets(t, f); len(got) != 1 || got[0] != report {
			t.Errorf("%q at the preview: want the report sent as it was, tickets %q", reply, got)
		}
	}
}

// Acknowledgements and fillers a report opens with are no part of the text
// staff read; a filler that is part of the words ("另外一部电梯") stays.
func TestLeadingFillersAreDroppedFromTheReport(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ said, text string }{
		{"ok cool. the lift in building 7 is broken", "the lift in building 7 is broken"},
		{"另外 车库的灯坏了", "车库的灯坏了"},
		{"好的，3号楼车库的灯坏了", "3号楼车库的灯坏了"},
		{"嗯 还有 3号楼车库的灯坏了", "3号楼车库的灯坏了"},
		{"also the lift in building 7 is broken", "the lift in building 7 is broken"},
		// stays
		{"the lift in building 7 is broken", "the lift in building 7 is broken"},
		{"另外一部电梯坏了 7号楼", "另外一部电梯坏了 7号楼"},
	} {
		f := newTicketFixture(t, nil)
		m := f.say(t, resident, c.said)
		if !hasData(m, "c:send:") {
			m = f.say(t, resident, "3号楼")
		}
		f.press(t, resident, findData(t, m, "c:send:"))
		got := residentTickets(t, f)
		if len(got) != 1 || !strings.HasPrefix(got[0], c.text) {
			t.Errorf("%q: want the ticket's text to start %q, got %q", c.said, c.text, got)
		}
	}
}

// Told it is not for the ticket, a wait complaint is not offered to it a
// second time.
func TestAWaitComplaintSaidNotForTheTicketIsNotOfferedAgain(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	f.fileTicket(t, resident, "7号楼电梯坏了")
	f.deliver(t)
	m := f.say(t, resident, "3天了还没人来")
	before := f.out.count()
	f.press(t, resident, findData(t, m, "r:conv:1:n"))
	for _, got := range f.out.sentSince(before) {
		if strings.Contains(strings.Join(buttonData(got), " "), "r:conv:1:y") {
			t.Errorf("said not for ticket #1, it was offered again: %q", got.Text)
		}
	}
}
