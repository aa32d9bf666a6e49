package handlers_test

import (
	"strings"
	"testing"

	"codesk/handlers"
)

// A danger told while another report waits unsent is reported first and is
// never taken as the waiting report's place or details; the waiting report
// comes back once the danger's is sent or cancelled.
func TestAnEmergencyDuringADraftIsItsOwnReportFirst(t *testing.T) {
	t.Parallel()
	t.Run("at the location step", func(t *testing.T) {
		f := newTicketFixture(t, nil)
		if got := f.say(t, resident, "楼道里有很浓的煤气味"); !strings.Contains(got.Text, "位置") {
			t.Fatalf("the gas report asks where: %q", got.Text)
		}
		before := f.out.count()
		f.say(t, resident, "3号楼着火了！！")
		got := texts(f.out.sentSince(before))
		if len(got) < 2 || !strings.Contains(got[0], "119") || strings.Contains(strings.Join(got, "\n"), "煤气味") {
			t.Fatalf("the fire: advice, then its own report, the gas one aside: %q", got)
		}
		f.say(t, resident, "3号楼2单元") // the fire's place
		before = f.out.count()
		f.say(t, resident, "发送")
		// the gas report is back where it was: its place still asked
		if got := strings.Join(texts(f.out.sentSince(before)), "\n"); !strings.Contains(got, "煤气味") || !strings.Contains(f.out.last(t).Text, "位置") {
			t.Fatalf("the gas report is back after the fire's is sent, asking where: %q", got)
		}
		if got := f.say(t, resident, "5号楼1单元"); !strings.Contains(got.Text, "5号楼1单元") || !strings.Contains(got.Text, "确认发送吗") {
			t.Fatalf("its place, then its preview: %q", got.Text)
		}
		typeSend(t, f)
		tks, _ := f.db.ResidentTickets(f.ctx, resident, 5)
		if len(tks) != 2 {
			t.Fatalf("want two tickets, got %+v", tks)
		}
		for _, tk := range tks {
			if strings.Contains(tk.Text, "煤气") && (strings.Contains(tk.Location, "着火") || strings.Contains(tk.Text, "着火")) {
				t.Errorf("the fire ended up in the gas ticket: %+v", tk)
			}
		}
	})
	t.Run("at the preview, then cancelled", func(t *testing.T) {
		f := newTicketFixture(t, nil)
		f.say(t, resident, "5号楼2单元楼道灯坏了")
		before := f.out.count()
		f.say(t, resident, "有人被困电梯里了")
		got := texts(f.out.sentSince(before))
		if len(got) < 2 || !strings.Contains(got[0], "警铃") || strings.Contains(got[len(got)-1], "另一件事") {
			t.Fatalf("someone trapped: advice and its own report: %q", got)
		}
		f.say(t, resident, "取消")
		if got := f.out.last(t).Text; !strings.Contains(got, "楼道灯坏了") || !strings.Contains(got, "确认发送吗") {
			t.Fatalf("the light report is back after the lift one is cancelled: %q", got)
		}
		typeSend(t, f)
		tks, _ := f.db.ResidentTickets(f.ctx, resident, 5)
		if len(tks) != 1 || strings.Contains(tks[0].Text, "电梯") {
			t.Errorf("want the light ticket alone: %+v", tks)
		}
	})
}

// typeSend types "发送" at a preview; the acknowledgement goes through the
// outbox, so nothing may come back at once.
func typeSend(t *testing.T, f *ticketFixture) {
	t.Helper()
	if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: resident, UserID: resident, Kind: handlers.TextMessage, Text: "发送"}); err != nil {
		t.Fatal(err)
	}
}

// A photo sent while the report waits for its place: its caption is the
// place, or more about the problem, never dropped.
func TestAPhotoCaptionAtTheLocationStepIsKept(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	if got := f.say(t, resident, "楼道里堆满了杂物"); !strings.Contains(got.Text, "位置") {
		t.Fatalf("the report asks where: %q", got.Text)
	}
	f.send(t, handlers.Incoming{UserID: resident, Kind: handlers.PhotoMessage, PhotoIDs: []string{"p1"}, Text: "邻居家的纸箱，都堆到楼梯上了"})
	if got := f.out.last(t).Text; !strings.Contains(got, "位置") {
		t.Errorf("without a place the report asks again: %q", got)
	}
	got := f.send(t, handlers.Incoming{UserID: resident, Kind: handlers.PhotoMessage, PhotoIDs: []string{"p2"}, Text: "3号楼2单元"})
	if !strings.Contains(got.Text, "确认发送吗") || !strings.Contains(got.Text, "纸箱") || !strings.Contains(got.Text, "3号楼2单元") {
		t.Errorf("the preview keeps both captions: %q", got.Text)
	}
}

// Two dangers in a row: both earlier reports wait, and come back in turn.
func TestTwoEmergenciesInARowKeepEveryWaitingReport(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	f.say(t, resident, "2号楼门口的垃圾桶满出来了")
	f.say(t, resident, "9号楼楼道里有很浓的煤气味")
	f.say(t, resident, "9号楼垃圾房冒烟了")
	for _, back := range []string{"煤气味", "垃圾桶"} {
		f.say(t, resident, "跳过") // the place, if asked
		typeSend(t, f)
		if got := f.out.last(t).Text; !strings.Contains(got, back) || !strings.Contains(got, "确认发送吗") {
			t.Fatalf("want the %s report back, got %q", back, got)
		}
	}
	typeSend(t, f)
	if tks, _ := f.db.ResidentTickets(f.ctx, resident, 5); len(tks) != 3 {
		t.Errorf("want three tickets, got %d", len(tks))
	}
}

// The same danger told again is more of its report, not a second one.
func TestTheSameDangerAgainIsMoreOfItsReport(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	f.say(t, resident, "楼道里有很浓的煤气味")
	if got := f.say(t, resident, "3号楼2单元，煤气味越来越重了").Text; !strings.Contains(got, "越来越重") || !strings.Contains(got, "很浓的煤气味") {
		t.Errorf("the second message is not part of the gas report: %q", got)
	}
	before := f.out.count()
	typeSend(t, f)
	if got := texts(f.out.sentSince(before)); len(got) != 0 {
		t.Errorf("after sending, a parked report came back: %q", got)
	}
	if tks, _ := f.db.ResidentTickets(f.ctx, resident, 5); len(tks) != 1 {
		t.Errorf("want one gas ticket, got %d", len(tks))
	}
}

// A danger told while staff wait for an answer, or while details are
// awaited for a ticket, is its own report.
func TestAnEmergencyIsNeitherAnAnswerNorDetailsForAnotherTicket(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk := staffAsks(t, f)
	before := f.out.count()
	f.say(t, resident, "there's smoke coming from the bin room")
	got := texts(f.out.sentSince(before))
	joined := strings.Join(got, "\n")
	if !strings.Contains(joined, "119") || strings.Contains(joined, tk.Number()) {
		t.Errorf("smoke while staff wait for an answer: %q", got)
	}

	g := newTicketFixture(t, nil)
	light, _ := g.fileTicket(t, resident, "3号楼1单元楼道灯坏了")
	g.press(t, resident, "r:add:"+itoa(light.ID))
	g.say(t, resident, "楼道里有很浓的煤气味")
	if got := residentMessagesOf(t, g, light.ID); len(got) != 0 {
		t.Errorf("the gas smell was added to the light ticket: %q", got)
	}
}

// A report of a danger now reaches staff marked urgent; others do not.
func TestADangerReachesStaffMarkedUrgent(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	_, gas := f.fileTicket(t, resident, "3号楼2单元楼道里有很浓的煤气味")
	if !strings.Contains(gas.Text, "URGENT") {
		t.Errorf("the gas card is not marked urgent:\n%s", gas.Text)
	}
	_, light := f.fileTicket(t, neighbour, "3号楼1单元楼道灯坏了")
	if strings.Contains(light.Text, "URGENT") {
		t.Errorf("the light card is marked urgent:\n%s", light.Text)
	}
}

// A danger goes to the property company's duty staff, whatever else the
// words suggest.
func TestADangerGoesToThePropertyCompany(t *testing.T) {
	t.Parallel()
	for text, category := range map[string]string{"the neighbours flat is on fire": "Emergency", "邻居家着火了，浓烟很大": "紧急情况", "我妈被困在电梯里了": "电梯",
		"my neighbour is threatening me with a knife right now": "Security", "有人撬我家门，小偷还在里面": "安保", "我不想活了，没人管我": "紧急情况"} {
		f := newTicketFixture(t, nil)
		preview := f.say(t, resident, text)
		if !strings.Contains(preview.Text, "确认发送吗") && !strings.Contains(preview.Text, "Send it?") {
			preview = f.say(t, resident, "跳过") // the place, when asked
		}
		if !strings.Contains(preview.Text, "【物业】") && !strings.Contains(preview.Text, "property management") {
			t.Errorf("%q: not to the property company: %q", text, preview.Text)
		}
		if category != "" && !strings.Contains(preview.Text, category) {
			t.Errorf("%q: want the %s category: %q", text, category, preview.Text)
		}
	}
}

// Violence, a break-in and a resident speaking of ending their life get
// what to do now, and whom to call, before anything else.
func TestThreatsBreakInsAndSelfHarmGetAdviceFirst(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]string{
		"my neighbour is threatening me with a knife right now":     "call 110",
		"someone broke into my flat, the thief may still be inside": "call 110",
		"邻居拿刀威胁我":                                                   "拨打 110",
		"I feel like ending my life, nobody helps me":               "12356",
		"我不想活了": "12356",
	} {
		f := newTicketFixture(t, nil)
		before := f.out.count()
		f.say(t, resident, text)
		if f.out.count() < before+2 {
			t.Fatalf("%q: want the advice and then the report; %d messages", text, f.out.count()-before)
		}
		if advice := f.out.sent[before].Text; !strings.Contains(advice, want) || !strings.HasPrefix(advice, "⚠️") {
			t.Errorf("%q: first reply %q; want advice with %q", text, advice, want)
		}
	}
}

// An old neighbour not seen for days gets "knock, then call 110/120" first
// and an urgent report; an everyday complaint after it is not merged in.
func TestANeighbourNotSeenForDaysIsUrgent(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	before := f.out.count()
	f.say(t, resident, "对门的老太太好几天没出门了，敲门也没人应")
	if got := texts(f.out.sentSince(before)); len(got) < 2 || !strings.Contains(got[0], "110") {
		t.Fatalf("advice first: %q", got)
	}
	preview := f.say(t, resident, "7号楼302")
	if !strings.Contains(preview.Text, "紧急") || !strings.Contains(preview.Text, "物业") {
		t.Fatalf("the report: %q", preview.Text)
	}
	f.say(t, resident, "楼上天天半夜蹦迪，我真想拿刀砍了楼上那家")
	for _, m := range f.out.sentSince(before) {
		if strings.Contains(m.Text, "老太太") && strings.Contains(m.Text, "蹦迪") {
			t.Fatalf("the noise joined the urgent report: %q", m.Text)
		}
	}
}
