package handlers_test

import (
	"strings"
	"testing"
	"time"

	"codesk/handlers"
	"codesk/tickets"
)

func TestMyTicketsShowsOnlyTheResidentsOwnTickets(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	mine1, _ := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	mine2, _ := f.fileTicket(t, resident, "垃圾好几天没人清运了")
	theirs, _ := f.fileTicket(t, neighbour, "楼上天天噪音，吵得睡不着")

	m := f.say(t, resident, "/mytickets")
	for _, want := range []string{mine1.Number(), mine2.Number(), "待受理", "电梯故障", "物业"} {
		if !strings.Contains(m.Text, want) {
			t.Errorf("list lacks %q: %q", want, m.Text)
		}
	}
	if strings.Contains(m.Text, theirs.Number()) || strings.Contains(m.Text, "噪音") {
		t.Errorf("list shows another resident's ticket: %q", m.Text)
	}
	findData(t, m, "r:show:"+itoa(mine1.ID))

	f.press(t, resident, "r:show:"+itoa(mine1.ID))
	details := f.out.last(t)
	if !strings.Contains(details.Text, "电梯又坏了") || !strings.Contains(details.Text, "提交") {
		t.Errorf("details = %q", details.Text)
	}
	sent := f.out.count()
	for _, data := range []string{"r:show:", "r:add:", "r:rate:", "r:reopen:"} {
		d := data + itoa(theirs.ID)
		if data == "r:rate:" {
			d += ":5"
		}
		f.press(t, resident, d)
		if n := f.lastNotice(); !strings.Contains(n, "失效") {
			t.Errorf("%s on another resident's ticket: want a refusal, got %q", d, n)
		}
	}
	if f.out.count() != sent {
		t.Errorf("refused presses must not send anything")
	}
	if got := f.say(t, 777, "/mytickets").Text; !strings.Contains(got, "还没有工单") {
		t.Errorf("a resident without tickets is told so, got %q", got)
	}
}

func TestAddedDetailsAndPhotosReachThePartysChat(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:claim:"+itoa(tk.ID))
	f.deliver(t)

	f.press(t, resident, "r:add:"+itoa(tk.ID))
	if got := f.out.last(t).Text; !strings.Contains(got, "补充") {
		t.Fatalf("add details prompt = %q", got)
	}
	f.send(t, handlers.Incoming{UserID: resident, Kind: handlers.PhotoMessage, PhotoIDs: []string{"a-small", "a-big"}})
	f.say(t, resident, "按钮也不亮")
	out := f.deliver(t)
	if len(out) != 2 || out[0].PhotoID != "a-big" || !strings.Contains(out[1].Text, "按钮也不亮") {
		t.Fatalf("relays = %+v", out)
	}
	for _, m := range out {
		if m.ChatID != pmChat || m.ReplyTo != card.SentMessageID {
			t.Errorf("relay goes to the party chat as a reply to the card: %+v", m)
		}
	}
	// The wait ended with the text: the next message is a new conversation.
	if got := f.say(t, resident, "电梯什么时候换").Text; got != "电梯更换按楼栋分批进行。" {
		t.Errorf("after adding details a question is a question again, got %q", got)
	}
}

// A question the FAQ answers, asked after pressing "add details", is
// answered; the details that follow still reach the ticket.
func TestAQuestionWhileAddingDetailsIsAnswered(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:claim:"+itoa(tk.ID))
	f.deliver(t)
	f.press(t, resident, "r:add:"+itoa(tk.ID))
	if got := f.say(t, resident, "电梯什么时候换").Text; got != "电梯更换按楼栋分批进行。" {
		t.Errorf("a question while adding details: got %q", got)
	}
	if out := f.deliver(t); len(out) != 0 {
		t.Errorf("the question went to staff: %+v", out)
	}
	f.say(t, resident, "按钮也不亮")
	if out := f.deliver(t); len(out) != 1 || !strings.Contains(out[0].Text, "按钮也不亮") || out[0].ChatID != pmChat {
		t.Errorf("the details after the question: %+v", out)
	}
}

func TestRatingClosesTheTicketAndTakesAnOptionalComment(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	id := itoa(tk.ID)
	f.press(t, resident, "r:rate:"+id+":4")
	if n := f.lastNotice(); !strings.Contains(n, "解决后") {
		t.Errorf("an open ticket cannot be rated, got %q", n)
	}
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:resolve:"+id)
	f.deliver(t)

	f.press(t, resident, "r:rate:"+id+":4")
	tk = f.ticket(t, tk.ID)
	if tk.Rating != 4 || tk.Status != tickets.StatusClosed {
		t.Fatalf("after rating: %+v", tk)
	}
	if got := f.out.last(t); !strings.Contains(got.Text, "4★") {
		t.Errorf("rating thanks = %q", got.Text)
	}
	if got := f.say(t, resident, "师傅来得很快，谢谢").Text; !strings.Contains(got, "意见已转给") {
		t.Errorf("comment thanks = %q", got)
	}
	out := f.deliver(t)
	if len(out) != 2 || !strings.Contains(out[0].Text, "4/5") || !strings.Contains(out[1].Text, "师傅来得很快") || out[1].ChatID != pmChat {
		t.Errorf("staff hear the rating and the comment: %+v", out)
	}
	events, _ := f.db.TicketEvents(f.ctx, tk.ID)
	last := events[len(events)-1]
	if last.Kind != tickets.EventRated || last.Text != "师傅来得很快，谢谢" {
		t.Errorf("comment event = %+v", last)
	}
	f.press(t, resident, "r:rate:"+id+":1")
	if n := f.lastNotice(); !strings.Contains(n, "已经评价") {
		t.Errorf("rating twice is refused, got %q", n)
	}
	if got := f.ticket(t, tk.ID).Rating; got != 4 {
		t.Errorf("second rating changed it to %d", got)
	}
	f.press(t, resident, "r:rate:"+id+":9")
	if n := f.lastNotice(); !strings.Contains(n, "失效") {
		t.Errorf("a rating out of 1-5 is refused, got %q", n)
	}
}

func TestReopenWorksWithinSevenDaysOfResolution(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	id := itoa(tk.ID)
	f.press(t, resident, "r:reopen:"+id)
	if n := f.lastNotice(); !strings.Contains(n, "还没有解决") {
		t.Errorf("an open ticket is not reopened, got %q", n)
	}
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:claim:"+id)
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:resolve:"+id)
	f.deliver(t)

	f.now = f.now.Add(6 * 24 * time.Hour)
	f.press(t, resident, "r:reopen:"+id)
	if got := f.ticket(t, tk.ID); got.Status != tickets.StatusReopened || got.AssigneeID != 0 || got.Assignee != "" {
		t.Fatalf("reopen within the window: %+v; want reopened with nobody assigned until a claim", got)
	}
	out := f.deliver(t)
	if len(out) != 1 || out[0].ChatID != pmChat || out[0].Purpose != "card" || !strings.Contains(out[0].Text, "重新打开") ||
		!strings.Contains(strings.Join(outboxData(out[0]), ","), "s:claim:"+id) {
		t.Fatalf("reopened card = %+v", out)
	}
	f.say(t, resident, "电梯还是不动")
	if relay := f.deliver(t); len(relay) != 1 || !strings.Contains(relay[0].Text, "还是不动") {
		t.Errorf("after reopening the resident's next words go to staff: %+v", relay)
	}

	f.staffPress(t, pmChat, pmMember, out[0].SentMessageID, "s:resolve:"+id)
	f.deliver(t)
	f.now = f.now.Add(tickets.ReopenWindow + time.Hour)
	f.press(t, resident, "r:reopen:"+id)
	if n := f.lastNotice(); !strings.Contains(n, "7 天") {
		t.Errorf("reopen after the window is refused, got %q", n)
	}
	if got := f.ticket(t, tk.ID).Status; got != tickets.StatusResolved {
		t.Errorf("late reopen changed the status to %s", got)
	}
}

func TestAQuestionAfterRatingIsAnsweredNotTakenAsAComment(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	id := itoa(tk.ID)
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:resolve:"+id)
	f.deliver(t)
	f.press(t, resident, "r:rate:"+id+":5")
	if got := f.say(t, resident, "电梯什么时候换").Text; got != "电梯更换按楼栋分批进行。" {
		t.Errorf("a question the FAQ answers is answered, got %q", got)
	}
}

// Asking after a report by its kind ("渗水的问题", "my elevator", "my light")
// or by pointing at it ("我报的那个", "上次那个") finds it.
func TestAskingAfterAReportByItsKind(t *testing.T) {
	t.Parallel()
	for report, asks := range map[string][]string{
		"楼上漏水，天花板在滴水，5号楼302":  {"渗水的问题有进展吗", "我报的那个怎么样了", "上次那个怎么样了"},
		"3号楼1单元楼道灯坏了":         {"did anyone look at my light yet", "any update on my repair?"},
		"5号楼2单元电梯按钮失灵了，按了没反应": {"any update on the elevator?"},
	} {
		for _, ask := range asks {
			f := newTicketFixture(t, nil)
			tk, _ := f.fileTicket(t, resident, report)
			f.deliver(t)
			if m := f.say(t, resident, ask); !strings.Contains(m.Text, tk.Number()) {
				t.Errorf("%q after %q: %q", ask, report, m.Text)
			}
		}
	}
}

// Asking after another matter in passing with only a light ticket open is
// a question, not a chase.
func TestAskingAfterAnotherMatterIsNoChase(t *testing.T) {
	t.Parallel()
	for _, ask := range []string{"电梯更换的事怎么样了", "加装电梯的事有进展吗", "电梯换新的事有消息吗", "any update on the lift replacement project"} {
		f := newTicketFixture(t, nil)
		tk, _ := f.fileTicket(t, resident, "5号楼2单元电梯按钮失灵了")
		f.deliver(t)
		if m := f.say(t, resident, ask); strings.Contains(m.Text, tk.Number()) {
			t.Errorf("%q shows the light ticket: %q", ask, m.Text)
		}
	}
}

// Asking after a report without naming it ("漏水的事怎么样了", "any update on
// my leak?") shows where it stands while it is open.
func TestAskingAfterAnOpenReportInPassingShowsIt(t *testing.T) {
	t.Parallel()
	for report, asks := range map[string][]string{
		"卫生间天花板漏水，楼上602":                                            {"漏水的事怎么样了", "修好了没有啊", "什么时候来修？", "漏水那个怎么样了", "漏水的那个工单有进展吗"},
		"water leaking from ceiling in the bathroom, bldg 4 rm 502": {"any update on my leak?", "did anyone look at my leak yet", "when will someone come?", "What about the leak one?"},
	} {
		for _, ask := range asks {
			f := newTicketFixture(t, nil)
			tk, _ := f.fileTicket(t, resident, report)
			f.deliver(t)
			m := f.say(t, resident, ask)
			if !strings.Contains(m.Text, tk.Number()) {
				t.Errorf("%q: %q", ask, m.Text)
			}
			if tks, _ := f.db.ResidentTickets(f.ctx, resident, 5); len(tks) != 1 {
				t.Errorf("%q: %d tickets", ask, len(tks))
			}
		}
	}
}

// "算了" after "add details" adds nothing and passes nothing on.
func TestNeverMindAfterAddDetailsAddsNothing(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, _ := f.fileTicket(t, resident, "8号楼楼道灯坏了")
	f.deliver(t)
	f.press(t, resident, "r:add:"+itoa(tk.ID))
	if m := f.say(t, resident, "算了"); !strings.Contains(m.Text, "没有补充") {
		t.Errorf("the resident is told %q", m.Text)
	}
	if out := f.deliver(t); len(out) != 0 {
		t.Errorf("staff got %q", out[0].Text)
	}
}
