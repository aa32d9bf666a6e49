package handlers_test

import (
	"strings"
	"testing"
	"unicode/utf16"

	"codesk/handlers"
)

// Telegram counts a caption in UTF-16 units, where an emoji is two: a card
// whose text fits 1,024 runes but not 1,024 units cannot be the photo's
// caption, so it goes as one text message with its buttons and the photo
// follows, rather than being split by the transport into two messages.
func TestACardTooLongForACaptionInUTF16IsOneTextMessageAndThePhotoFollows(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	text := "8号楼门口的路灯坏了，" + strings.Repeat("晚上一片漆黑😡", 110)
	m := f.send(t, handlers.Incoming{UserID: resident, Kind: handlers.PhotoMessage, PhotoIDs: []string{"p1"}, Text: text})
	f.press(t, resident, findData(t, m, "c:send:"))
	var toStaff []string
	for _, o := range f.deliver(t) {
		if o.ChatID != pmChat {
			continue
		}
		if o.Purpose == "card" {
			if runes, units := len([]rune(o.Text)), len(utf16.Encode([]rune(o.Text))); runes > 1024 || units <= 1024 {
				t.Fatalf("test text must fit 1,024 runes but not 1,024 UTF-16 units: %d runes, %d units", runes, units)
			}
			toStaff = append(toStaff, "card:"+o.PhotoID)
		} else {
			toStaff = append(toStaff, "photo:"+o.PhotoID)
		}
	}
	if got := strings.Join(toStaff, ","); got != "card:,photo:p1" {
		t.Errorf("staff chat got %s; want the card as text, then the photo", got)
	}
}

// Staff relay replies as written: the card says when the resident reads
// English.
func TestTheCardSaysWhenTheResidentWritesEnglish(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	_, card := f.fileTicket(t, resident, "The light in the corridor of building 3, unit 2 has been broken for a week")
	if !strings.Contains(card.Text, "居民使用英文") {
		t.Errorf("an English resident's card: %q", card.Text)
	}
	_, card = f.fileTicket(t, neighbour, "3号楼2单元楼道灯坏了一个星期了")
	if strings.Contains(card.Text, "居民使用英文") {
		t.Errorf("a Chinese resident's card: %q", card.Text)
	}
}
