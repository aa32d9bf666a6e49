package handlers_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"codesk/handlers"
)

// A resident saying their resolved report was not dealt with gets that
// ticket back with its reopen button, not an FAQ entry or a new report.
func TestDisputingAResolutionShowsTheTicketToReopen(t *testing.T) {
	t.Parallel()
	for _, dispute := range []string{"plumber never came!! why resolved??", "我那个工单怎么就说解决了 根本没人来过"} {
		f := newTicketFixture(t, nil)
		tk, _ := f.fileResolved(t, "3号楼2单元楼道灯坏了")
		f.deliver(t)
		m := f.say(t, resident, dispute)
		if !strings.Contains(m.Text, "楼道灯坏了") || !hasData(m, "r:reopen:"+itoa(tk.ID)) {
			t.Errorf("%q: got %q %v; want the ticket with its reopen button", dispute, m.Text, buttonData(m))
		}
		// questions about things that close, and a gas smell, are not about it
		for _, other := range []string{"健身房为什么关了", "厨房燃气阀关了 还是有很大的煤气味"} {
			if m := f.say(t, resident, other); hasData(m, "r:reopen:"+itoa(tk.ID)) {
				t.Errorf("%q: the resolved ticket was shown: %q", other, m.Text)
			}
		}
	}
	// with nothing resolved to reopen, the same words are an ordinary message
	f := newTicketFixture(t, nil)
	if m := f.say(t, resident, "plumber never came!! why resolved??"); hasData(m, "r:reopen:") {
		t.Errorf("no ticket, yet a reopen button: %v", buttonData(m))
	}
}

// The ticket's history names the party that wrote each message, and leaves
// out the status bookkeeping of a move.
func TestTicketHistoryNamesThePartyOfEachMessage(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "5号楼2单元楼道灯坏了一个星期了")
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:claim:"+itoa(tk.ID))
	if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: pmChat, Chat: handlers.GroupChat, UserID: pmMember, UserName: "王师傅",
		MessageID: 78, ReplyTo: card.SentMessageID, Kind: handlers.TextMessage, Text: "请问是几楼？"}); err != nil {
		t.Fatal(err)
	}
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:to:"+itoa(tk.ID)+":nc")
	var ncCard int
	for _, m := range f.deliver(t) {
		if m.ChatID == ncChat && m.Purpose == "card" {
			ncCard = m.SentMessageID
		}
	}
	if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: ncChat, Chat: handlers.GroupChat, UserID: ncMember, UserName: "李主任",
		MessageID: 79, ReplyTo: ncCard, Kind: handlers.TextMessage, Text: "我们明天上门看看"}); err != nil {
		t.Fatal(err)
	}
	f.deliver(t)
	f.press(t, resident, "r:show:"+itoa(tk.ID))
	details := f.out.last(t).Text
	if !strings.Contains(details, "物业: 请问是几楼？") || !strings.Contains(details, "居委会: 我们明天上门看看") {
		t.Errorf("each message under the party that wrote it:\n%s", details)
	}
	if strings.Contains(details, "→ 待受理") {
		t.Errorf("the move's status bookkeeping is shown:\n%s", details)
	}
}

// The problem named again with "still" disputes the resolved ticket about
// it; with two resolved, the one it is about.
func TestTheProblemStillThereReopensItsTicket(t *testing.T) {
	t.Parallel()
	for text, wantLight := range map[string]bool{
		"楼道灯还是不亮啊": true, "楼道灯的问题还是没解决": true,
		"楼上还是天天吵": false, "还是没解决": false, // the latest
	} {
		f := newTicketFixture(t, nil)
		light, lightCard := f.fileTicket(t, resident, "3号楼2单元楼道灯坏了")
		noise, noiseCard := f.fileTicket(t, resident, "楼上邻居天天半夜吵闹，吵得睡不着")
		f.staffPress(t, pmChat, pmMember, lightCard.SentMessageID, "s:resolve:"+itoa(light.ID))
		f.staffPress(t, ncChat, ncMember, noiseCard.SentMessageID, "s:resolve:"+itoa(noise.ID))
		f.deliver(t)
		want := noise.ID
		if wantLight {
			want = light.ID
		}
		if m := f.say(t, resident, text); !hasData(m, "r:reopen:"+itoa(want)) {
			t.Errorf("%q: got %q %v; want ticket %d with its reopen button", text, m.Text, buttonData(m), want)
		}
		// a question with "还没", another fault of the same party, a late
		// parcel: no dispute of these tickets
		for _, other := range []string{"物业费还没交怎么办", "楼道灯还是物业管吗", "地下车库还是有积水", "我根本没来得及交物业费，会罚款吗", "快递根本没来", "my parcel didn't come, where do I collect it"} {
			g := newTicketFixture(t, nil)
			l, lc := g.fileTicket(t, resident, "3号楼2单元楼道灯坏了")
			g.staffPress(t, pmChat, pmMember, lc.SentMessageID, "s:resolve:"+itoa(l.ID))
			g.deliver(t)
			if m := g.say(t, resident, other); hasData(m, "r:reopen:"+itoa(l.ID)) {
				t.Errorf("%q was taken for a dispute of the light ticket: %q", other, m.Text)
			}
		}
	}
}

// Rating does not end the right to say it is not fixed: a low rating's
// comment that disputes the resolution, or a dispute typed after rating,
// gets the reopen button.
func TestADisputeAfterRatingOffersTheReopen(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "The intercom at gate 2 does not work, visitors cannot call us")
	id := itoa(tk.ID)
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:resolve:"+id)
	f.deliver(t)
	f.press(t, resident, "r:rate:"+id+":1")
	thanks := f.say(t, resident, "Nobody came, they just closed it")
	if !slices.Contains(buttonData(thanks), "r:reopen:"+id) {
		t.Errorf("a disputing comment: want the reopen button, got %q %v", thanks.Text, buttonData(thanks))
	}
	later := f.say(t, resident, "it is still not fixed at all")
	if !strings.Contains(later.Text, tk.Number()) || !slices.Contains(buttonData(later), "r:reopen:"+id) {
		t.Errorf("a dispute after rating: want %s with its reopen button, got %q %v", tk.Number(), later.Text, buttonData(later))
	}
	if tks, _ := f.db.ResidentTickets(f.ctx, resident, 10); len(tks) != 1 {
		t.Errorf("the dispute started %d tickets, want still 1", len(tks))
	}
}

// What the resident typed to dispute the resolution reaches staff once they
// press reopen: it is why the ticket came back.
func TestTheDisputeTypedBeforeTheReopenReachesStaff(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼1单元门口的垃圾桶满了三天没人清理")
	id := itoa(tk.ID)
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:resolve:"+id)
	f.deliver(t)
	f.say(t, resident, "怎么就说解决了，根本没人来清理")
	f.press(t, resident, "r:reopen:"+id)
	var toStaff []string
	var reopenedCard int
	for _, m := range f.deliver(t) {
		if m.ChatID == pmChat {
			toStaff = append(toStaff, m.Purpose+": "+m.Text)
			if m.Purpose == "card" {
				reopenedCard = m.SentMessageID
			}
		}
	}
	if got := strings.Join(toStaff, "\n"); strings.Count(got, "根本没人来清理") != 1 || !strings.Contains(got, "card: ") {
		t.Errorf("staff got, after the reopen:\n%s\nwant the reopened card and the dispute once", got)
	}
	// on the reopened card itself: stored with the reopen, read with it
	onCard := false
	for _, m := range toStaff {
		onCard = onCard || strings.HasPrefix(m, "card: ") && strings.Contains(m, "根本没人来清理")
	}
	if !onCard {
		t.Errorf("the dispute is not on the reopened card: %q", toStaff)
	}
	// and stays there when the card is redrawn (claimed)
	f.staffPress(t, pmChat, pmMember, reopenedCard, "s:claim:"+id)
	if e := f.out.lastEdit(t); e.msg != reopenedCard || !strings.Contains(e.text, "根本没人来清理") {
		t.Errorf("the claimed card lost the dispute: %+v", e)
	}
	// a second press (a redelivered update) adds nothing
	f.press(t, resident, "r:reopen:"+id)
	if got := residentMessagesOf(t, f, tk.ID); len(got) != 1 {
		t.Errorf("after a second press, the ticket's resident messages = %q", got)
	}
	if got := residentMessagesOf(t, f, tk.ID); len(got) != 1 {
		t.Errorf("the ticket's resident messages = %q; want the dispute", got)
	}
}

// With two resolved tickets, a dispute naming no thing is about the one
// resolved last; English disputes in everyday words are disputes.
func TestADisputeIsAboutTheTicketResolvedLast(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"nobody came to fix it", "it's still broken", "you closed my ticket but nothing was done", "it stopped working again an hour later"} {
		f := newTicketFixture(t, nil)
		lift, light, liftCard, lightCard := f.liftAndLight(t)
		f.staffPress(t, pmChat, pmMember, lightCard.SentMessageID, "s:resolve:"+itoa(light.ID))
		f.now = f.now.Add(time.Minute)
		f.staffPress(t, pmChat, pmMember, liftCard.SentMessageID, "s:resolve:"+itoa(lift.ID))
		f.deliver(t)
		m := f.say(t, resident, text)
		if got := findData(t, m, "r:reopen:"); got != "r:reopen:"+itoa(lift.ID) {
			t.Errorf("%q offers %s, want the lift ticket resolved last", text, got)
		}
	}
}

// Asking after one's own report in everyday English shows where it stands.
func TestAskingAfterOnesReportInEnglish(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"any update on my lift ticket?", "hello? anyone handling my report?", "when will someone come to fix my leak?"} {
		f := newTicketFixture(t, nil)
		tk, _ := f.fileTicket(t, resident, "5号楼的电梯按钮坏了，按了没反应")
		if got := f.say(t, resident, text).Text; !strings.Contains(got, tk.Number()) {
			t.Errorf("%q: %q; want the ticket's status", text, got)
		}
	}
}

// A low rating followed by "it is not cleaned at all" is a dispute, not a
// comment to file: the ticket is shown to reopen.
func TestADisputeAfterALowRatingShowsTheTicketToReopen(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, _ := f.fileResolved(t, "5号楼门口垃圾一直没人清理")
	f.deliver(t)
	f.press(t, resident, "r:rate:"+itoa(tk.ID)+":2")
	// a poor rating is answered with an apology and the way to reopen
	if thanks := f.out.last(t); !strings.Contains(thanks.Text, "很抱歉") || findData(t, thanks, "r:reopen:") != "r:reopen:"+itoa(tk.ID) {
		t.Errorf("after 2★: %q %v", thanks.Text, buttonData(thanks))
	}
	m := f.say(t, resident, "it is not cleaned at all, I just walked past")
	if got := findData(t, m, "r:reopen:"); got != "r:reopen:"+itoa(tk.ID) {
		t.Errorf("the dispute: %q %v", m.Text, buttonData(m))
	}
	for _, msg := range f.deliver(t) {
		if strings.Contains(msg.Text, "not cleaned") && msg.ChatID == pmChat && !strings.Contains(msg.Text, "居民说") {
			t.Errorf("the dispute went to staff as a rating comment: %q", msg.Text)
		}
	}
}

// A photo without words, then "灯还是不亮": the photo shows the fix that
// failed; it goes with that ticket's reopen, not into a new report.
func TestAPhotoThenTheDisputeGoTogether(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "5号楼2单元楼道灯坏了")
	id := itoa(tk.ID)
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:resolve:"+id)
	f.deliver(t)
	f.send(t, handlers.Incoming{UserID: resident, Kind: handlers.PhotoMessage, PhotoIDs: []string{"dark.jpg"}})
	shown := f.say(t, resident, "灯还是不亮")
	if findData(t, shown, "r:reopen:"+id) == "" {
		t.Fatalf("the dispute does not offer the reopen: %q %v", shown.Text, buttonData(shown))
	}
	f.press(t, resident, "r:reopen:"+id)
	var photos []string
	for _, m := range f.deliver(t) {
		if m.ChatID == pmChat && m.PhotoID != "" {
			photos = append(photos, m.PhotoID)
		}
	}
	if len(photos) != 1 || photos[0] != "dark.jpg" {
		t.Errorf("staff got photos %q with the reopen", photos)
	}
	if tks, _ := f.db.ResidentTickets(f.ctx, resident, 5); len(tks) != 1 {
		t.Errorf("a second ticket was filed: %d tickets", len(tks))
	}
}

// A report set aside comes back after a photo that turned out to dispute a
// fix.
func TestASetAsideReportComesBackAfterAPhotoDispute(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "5号楼2单元楼道灯坏了")
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:resolve:"+itoa(tk.ID))
	f.deliver(t)
	f.say(t, resident, "9号楼门口的垃圾三天没人收了")
	f.say(t, resident, "/report") // the garbage report is set aside
	f.send(t, handlers.Incoming{UserID: resident, Kind: handlers.PhotoMessage, PhotoIDs: []string{"dark.jpg"}})
	before := f.out.count()
	f.say(t, resident, "灯还是不亮")
	got := strings.Join(texts(f.out.sentSince(before)), "\n")
	if !strings.Contains(got, tk.Number()) || !strings.Contains(got, "垃圾") {
		t.Errorf("want the disputed ticket, then the garbage report back: %q", got)
	}
}
