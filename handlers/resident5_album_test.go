package handlers_test

import (
	"strings"
	"testing"

	"codesk/handlers"
)

// sendAlbum has the resident send photos together (one media group), the
// first with caption; it returns what the bot sent meanwhile.
func (f *ticketFixture) sendAlbum(t *testing.T, album, caption string, firstMsg int, photos ...string) []handlers.OutMessage {
	t.Helper()
	before := f.out.count()
	for i, p := range photos {
		in := handlers.Incoming{ChatID: resident, UserID: resident, UpdateID: int64(9000 + firstMsg + i), MessageID: firstMsg + i,
			Kind: handlers.PhotoMessage, AlbumID: album, PhotoIDs: []string{p}}
		if i == 0 {
			in.Text = caption
		}
		if err := f.h.Handle(f.ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	return f.out.sentSince(before)
}

// A caption-less album just after a report is asked about once; answered
// "no" (pressed or typed), it is one new matter: one draft holding all its
// photos and one request for its words, not one per photo.
func TestAnAlbumThatIsNotForTheReportIsOneNewReport(t *testing.T) {
	t.Parallel()
	for _, how := range []string{"press", "typed"} {
		f := newTicketFixture(t, nil)
		tk, _ := f.fileTicket(t, resident, "8号楼楼道灯坏了")
		f.deliver(t)
		if asked := f.sendAlbum(t, "alb1", "", 50, "a.jpg", "b.jpg", "c.jpg"); len(asked) != 1 {
			t.Fatalf("%s: the album was asked about %d times: %q", how, len(asked), texts(asked))
		}
		before := f.out.count()
		if how == "press" {
			f.press(t, resident, "r:conv:"+itoa(tk.ID)+":n:50")
		} else {
			f.say(t, resident, "不是")
		}
		prompts := f.out.sentSince(before)
		if len(prompts) != 1 || !strings.Contains(prompts[0].Text, "描述") {
			t.Fatalf("%s: after \"no\" want one request for a description, got %q", how, texts(prompts))
		}
		preview := f.say(t, resident, "9号楼门口的垃圾桶满了，三天没人收")
		if !strings.Contains(preview.Text, "照片：3 张") {
			t.Fatalf("%s: the preview does not hold the album's 3 photos: %q", how, preview.Text)
		}
		f.press(t, resident, findData(t, preview, "c:send:"))
		tks, err := f.db.ResidentTickets(f.ctx, resident, 5)
		if err != nil || len(tks) != 2 {
			t.Fatalf("%s: want the light ticket and one new one, got %d (%v)", how, len(tks), err)
		}
		if got := strings.Join(tks[0].PhotoIDs, " "); got != "a.jpg b.jpg c.jpg" || tks[1].ID != tk.ID || len(tks[1].PhotoIDs) != 0 {
			t.Errorf("%s: new ticket's photos %q; the light ticket's %q", how, got, tks[1].PhotoIDs)
		}
	}
}

// An album from a resident with no draft and no recent report is one
// matter too: one request for words, one question for the place, or one
// preview (updated as its photos arrive), never one per photo.
func TestAnAlbumStartsOneDraftAndAsksOnce(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	if got := f.sendAlbum(t, "g1", "", 60, "a.jpg", "b.jpg", "c.jpg"); len(got) != 1 || !strings.Contains(got[0].Text, "描述") {
		t.Errorf("a caption-less album: want one request for words, got %q", texts(got))
	}
	if preview := f.say(t, resident, "3号楼2单元楼道灯坏了"); !strings.Contains(preview.Text, "照片：3 张") {
		t.Errorf("the caption-less album's draft: %q", preview.Text)
	}

	f = newTicketFixture(t, nil)
	got := f.sendAlbum(t, "g2", "楼道灯坏了", 70, "a.jpg", "b.jpg", "c.jpg")
	if len(got) != 1 || !hasData(got[0], "c:skip:") {
		t.Errorf("an album captioned without a place: want the place asked once, got %q", texts(got))
	}
	if preview := f.say(t, resident, "3号楼2单元"); !strings.Contains(preview.Text, "照片：3 张") {
		t.Errorf("after the place: %q", preview.Text)
	}

	f = newTicketFixture(t, nil)
	got = f.sendAlbum(t, "g3", "3号楼2单元楼道灯坏了", 80, "a.jpg", "b.jpg", "c.jpg")
	if len(got) != 1 || !hasData(got[0], "c:send:") {
		t.Fatalf("an album captioned with the place: want one preview, got %q", texts(got))
	}
	if e := f.out.lastEdit(t); e.msg != f.out.count() || !strings.Contains(e.text, "照片：3 张") || !hasData(handlers.OutMessage{Buttons: e.buttons}, "c:send:") {
		t.Errorf("the preview is not updated to the album's 3 photos: message %d (of %d) %q", e.msg, f.out.count(), e.text)
	}
	// a photo sent on its own later is shown with a new preview, as before
	if m := f.send(t, handlers.Incoming{UserID: resident, MessageID: 90, Kind: handlers.PhotoMessage, PhotoIDs: []string{"d.jpg"}}); !strings.Contains(m.Text, "照片：4 张") {
		t.Errorf("a later single photo: %q", m.Text)
	}
}
