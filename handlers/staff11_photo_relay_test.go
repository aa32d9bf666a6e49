package handlers_test

import (
	"strings"
	"testing"

	"codesk/handlers"
)

// A photo staff send without a caption reaches the resident without empty
// lines where its words would be.
func TestAPhotoWithoutCaptionHasNoEmptyLines(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			f := newTicketFixture(t, nil)
			text := "3号楼2单元楼道灯坏了"
			if lang == "en" {
				text = "The stairwell light in building 3 unit 2 is broken"
			}
			preview := f.send(t, handlers.Incoming{UserID: resident, UserLang: lang, Kind: handlers.TextMessage, Text: text})
			f.press(t, resident, findData(t, preview, "c:send:"))
			card := onlyOne(t, byPurpose(f.deliver(t), "card"), "the card")
			in := handlers.Incoming{ChatID: pmChat, Chat: handlers.GroupChat, UserID: pmMember, UserName: "王师傅",
				MessageID: 90, ReplyTo: card.SentMessageID, Kind: handlers.PhotoMessage, PhotoIDs: []string{"fixed.jpg"}}
			if err := f.h.Handle(f.ctx, in); err != nil {
				t.Fatal(err)
			}
			got := onlyOne(t, residentMessages(f.deliver(t), resident), "the relayed photo")
			if got.PhotoID != "fixed.jpg" || strings.Contains(got.Text, "\n\n") || strings.HasSuffix(got.Text, "\n") {
				t.Errorf("the relayed photo: %q with caption %q", got.PhotoID, got.Text)
			}
			if !strings.Contains(got.Text, "回复") && !strings.Contains(got.Text, "Reply") {
				t.Errorf("the caption lost how to answer: %q", got.Text)
			}
		})
	}
}
