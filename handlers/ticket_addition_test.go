package handlers_test

import (
	"strings"
	"testing"
	"time"

	"codesk/handlers"
)

// Adding to an open report, in words or by saying the fault is still
// there, is offered to that ticket instead of starting a second one; "no,
// it's a new concern" then drafts it as one.
func TestAnAdditionToAnOpenReportIsOfferedToItsTicket(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	garbage, _ := f.fileTicket(t, resident, "3号楼1单元门口的垃圾桶满了三天没人清理")
	lift, _ := f.fileTicket(t, resident, "5号楼的电梯按钮坏了，按了没反应")

	m := f.say(t, resident, "补充一下：电梯是2号梯，3楼的按钮")
	if !strings.Contains(m.Text, lift.Number()) {
		t.Fatalf("an addition: want the offer to add it to %s, got %q", lift.Number(), m.Text)
	}
	f.press(t, resident, findData(t, m, "r:conv:"+itoa(lift.ID)+":y"))
	if got := residentMessagesOf(t, f, lift.ID); len(got) != 1 || !strings.Contains(got[0], "2号梯") {
		t.Errorf("%s got %q", lift.Number(), got)
	}

	m = f.say(t, resident, "垃圾桶还是满的，根本没人来清理")
	if !strings.Contains(m.Text, garbage.Number()) {
		t.Fatalf("the fault still there: want the offer to add it to %s, got %q", garbage.Number(), m.Text)
	}
	f.press(t, resident, findData(t, m, "r:conv:"+itoa(garbage.ID)+":n"))
	if preview := f.out.last(t); !strings.Contains(preview.Text, "垃圾桶还是满的") || !strings.Contains(strings.Join(buttonData(preview), " "), "c:send:") {
		t.Errorf("'no, a new concern' should draft it, got %q %v", preview.Text, buttonData(preview))
	}
	if tks, _ := f.db.ResidentTickets(f.ctx, resident, 10); len(tks) != 2 {
		t.Errorf("%d tickets, want still 2", len(tks))
	}
}

// A new matter is no addition: it is drafted as usual.
func TestANewMatterWithAnOpenTicketIsDraftedAsUsual(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	f.fileTicket(t, resident, "5号楼的电梯按钮坏了，按了没反应")
	m := f.say(t, resident, "3号楼门口的路灯坏了，晚上很黑")
	if !strings.Contains(strings.Join(buttonData(m), " "), "c:send:") {
		t.Errorf("a new matter: want its draft, got %q %v", m.Text, buttonData(m))
	}
}

// A place alone, just after a report sent without one, is offered to that
// report; later, it is nobody's.
func TestAPlaceJustAfterAReportIsOfferedToIt(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	lift, _ := f.fileTicket(t, resident, "5号楼的电梯按钮坏了，按了没反应")
	if lift.Location != "" {
		t.Fatalf("the report has a location already: %q", lift.Location)
	}
	m := f.say(t, resident, "是12号楼3单元")
	if !strings.Contains(m.Text, lift.Number()) || strings.Contains(m.Text, "确认发送吗") {
		t.Fatalf("a place after the report: want the offer to add it to %s, got %q", lift.Number(), m.Text)
	}
	f.press(t, resident, findData(t, m, "r:conv:"+itoa(lift.ID)+":y"))
	if got := residentMessagesOf(t, f, lift.ID); len(got) != 1 || !strings.Contains(got[0], "12号楼3单元") {
		t.Errorf("%s got %q", lift.Number(), got)
	}

	g := newTicketFixture(t, nil)
	g.fileTicket(t, resident, "5号楼的电梯按钮坏了，按了没反应")
	g.now = g.now.Add(2 * time.Hour)
	if m := g.say(t, resident, "是12号楼3单元"); strings.Contains(m.Text, "#1") {
		t.Errorf("a place two hours later was offered to the report: %q", m.Text)
	}
}

// Details awaited for a ticket: an unrelated report is not taken for them.
func TestAnUnrelatedReportIsNoAwaitedDetail(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	lift, _ := f.fileTicket(t, resident, "5号楼的电梯按钮坏了，按了没反应")
	f.press(t, resident, "r:add:"+itoa(lift.ID))
	f.say(t, resident, "电梯什么时候换") // a question the FAQ answers, between
	m := f.say(t, resident, "小区门口有人乱停车，堵住了消防通道")
	if got := residentMessagesOf(t, f, lift.ID); len(got) != 0 {
		t.Errorf("the parking report was added to the lift ticket: %q", got)
	}
	if !strings.Contains(m.Text, "乱停车") {
		t.Errorf("the parking report is not drafted: %q", m.Text)
	}
	// details of the lift still are
	f.press(t, resident, "r:add:"+itoa(lift.ID))
	f.say(t, resident, "是2号梯，3楼的按钮")
	if got := residentMessagesOf(t, f, lift.ID); len(got) != 1 {
		t.Errorf("the lift's details: %q", got)
	}
}

// With several open tickets, an addition goes to the one it is about.
func TestAnAdditionGoesToTheTicketItIsAbout(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"update: the lift is now also making a grinding noise", "补充一下：电梯门也关不上了"} {
		f := newTicketFixture(t, nil)
		lift, _ := f.fileTicket(t, resident, "5号楼的电梯按钮坏了，按了没反应")
		f.fileTicket(t, resident, "3号楼1单元楼道灯坏了")
		if m := f.say(t, resident, text); !strings.Contains(m.Text, lift.Number()) {
			t.Errorf("%q offered to %q; want %s", text, m.Text, lift.Number())
		}
	}
}

// A photo just after a report, without words or with words pointing back
// ("这是刚才说的灯"), is offered to that report, not drafted as a new one.
func TestAPhotoJustAfterAReportIsOfferedToIt(t *testing.T) {
	t.Parallel()
	for _, caption := range []string{"", "这是刚才说的灯", "补一张照片", "here is a pic of that light", "这是坏的灯", "灯的照片", "here is the broken light"} {
		f := newTicketFixture(t, nil)
		tk, _ := f.fileTicket(t, resident, "8号楼楼道灯坏了")
		f.deliver(t)
		offer := f.send(t, handlers.Incoming{UserID: resident, MessageID: 40, Kind: handlers.PhotoMessage, Text: caption, PhotoIDs: []string{"light.jpg"}})
		yes := ""
		for _, d := range buttonData(offer) {
			if strings.HasPrefix(d, "r:conv:"+itoa(tk.ID)+":y") {
				yes = d
			}
		}
		if yes == "" {
			t.Errorf("%q: the photo is not offered to %s: %q %v", caption, tk.Number(), offer.Text, buttonData(offer))
			continue
		}
		f.press(t, resident, yes)
		var photos []string
		for _, m := range f.deliver(t) {
			if m.ChatID == pmChat && m.PhotoID != "" {
				photos = append(photos, m.PhotoID)
			}
		}
		if len(photos) != 1 {
			t.Errorf("%q: staff got photos %q", caption, photos)
		}
		if tks, _ := f.db.ResidentTickets(f.ctx, resident, 5); len(tks) != 1 {
			t.Errorf("%q: %d tickets", caption, len(tks))
		}
	}
	// a photo of something else, captioned so, is a report of its own
	for _, caption := range []string{"9号楼门口的垃圾三天没人收了", "这是9号楼门口的垃圾，三天没人收了"} {
		f := newTicketFixture(t, nil)
		f.fileTicket(t, resident, "8号楼楼道灯坏了")
		f.deliver(t)
		m := f.send(t, handlers.Incoming{UserID: resident, MessageID: 41, Kind: handlers.PhotoMessage, Text: caption, PhotoIDs: []string{"bins.jpg"}})
		if strings.Contains(strings.Join(buttonData(m), " "), "r:conv:") {
			t.Errorf("%q: another matter's photo was offered to the light ticket: %q", caption, m.Text)
		}
	}
}

// An album sent just after a report is asked about once; "yes" sends all
// its photos to the report.
func TestAnAlbumJustAfterAReportIsAskedAboutOnce(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, _ := f.fileTicket(t, resident, "8号楼楼道灯坏了")
	f.deliver(t)
	before := f.out.count()
	for i, p := range []string{"a.jpg", "b.jpg", "c.jpg"} {
		if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: resident, UserID: resident, UpdateID: int64(900 + i), MessageID: 50 + i,
			Kind: handlers.PhotoMessage, AlbumID: "alb1", PhotoIDs: []string{p}}); err != nil {
			t.Fatal(err)
		}
	}
	asked := f.out.sentSince(before)
	if len(asked) != 1 {
		t.Fatalf("the album was asked about %d times: %q", len(asked), texts(asked))
	}
	f.press(t, resident, "r:conv:"+itoa(tk.ID)+":y:50")
	var photos []string
	for _, m := range f.deliver(t) {
		if m.ChatID == pmChat && m.PhotoID != "" {
			photos = append(photos, m.PhotoID)
		}
	}
	if strings.Join(photos, " ") != "a.jpg b.jpg c.jpg" {
		t.Errorf("staff got photos %q", photos)
	}
}
