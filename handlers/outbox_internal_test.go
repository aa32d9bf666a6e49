package handlers

import (
	"strings"
	"testing"

	"codesk/storage"
)

// Text and photos become one outbox message per Telegram message: unique
// keys, the caption on the first photo when it fits, buttons with the text
// (on the last part of a long one), every part of a long text whole.
func TestWithPhotosShapesTheOutbox(t *testing.T) {
	t.Parallel()
	buttons := [][]storage.OutboxButton{{{Text: "ok", Data: "x"}}}
	short := withPhotos(storage.OutboxMessage{Key: "k", Text: "短", Buttons: buttons}, []string{"p1", "p2"})
	if len(short) != 2 || short[0].Text != "短" || short[0].PhotoID != "p1" || len(short[0].Buttons) != 1 ||
		short[1].PhotoID != "p2" || short[1].Text != "" || short[1].Buttons != nil || short[0].Key == short[1].Key {
		t.Errorf("short text with photos: %+v", short)
	}
	long := strings.Repeat("说明。", 500) // over a caption, under a message
	msgs := withPhotos(storage.OutboxMessage{Key: "k", Text: long, Buttons: buttons}, []string{"p1"})
	if len(msgs) != 2 || msgs[0].Text != long || msgs[0].PhotoID != "" || len(msgs[0].Buttons) != 1 ||
		msgs[1].PhotoID != "p1" || msgs[1].Text != "" || msgs[1].Buttons != nil {
		t.Errorf("long text with a photo: %d messages", len(msgs))
	}
	huge := strings.Repeat("说明。", 2000)
	parts := withPhotos(storage.OutboxMessage{Key: "k", Text: huge, Buttons: buttons, ReplyTo: 9}, nil)
	var joined strings.Builder
	for i, p := range parts {
		joined.WriteString(p.Text)
		if (i == 0) != (p.ReplyTo == 9) || (i == len(parts)-1) != (p.Buttons != nil) {
			t.Errorf("part %d: reply-to %d, buttons %v", i, p.ReplyTo, p.Buttons)
		}
	}
	if len(parts) < 2 || joined.String() != huge {
		t.Errorf("a text over the limit: %d parts, whole %v", len(parts), joined.String() == huge)
	}
}
