package handlers_test

import (
	"strings"
	"testing"

	"codesk/handlers"
)

// FAQ editing happens only in an administrator's private chat: in a group
// (a staff chat, say) "/faq ..." and FAQ files change nothing, reveal
// nothing and download nothing, whoever sends them — an admin's YAML pasted
// into a group is seen by everyone there and is not a confirmed edit.
func TestFAQEditsInAGroupChangeNothingWhoeverSendsThem(t *testing.T) {
	t.Parallel()
	f := newAdminFixture(t)
	f.files.files["doc1"] = []byte(fullFile(t, seedFAQ[:1]))
	for _, user := range []int64{resident, admin} {
		for _, text := range []string{
			"/faq set\n" + newEntryYAML, "/faq@codesk_bot set\n" + newEntryYAML, "/faq set\n" + fullFile(t, seedFAQ[:1]),
			"/faq del parcel-lockers", "/faq show lift-replacement", "/faq list", "/faq import",
		} {
			before := f.out.count()
			in := handlers.Incoming{ChatID: staffGroup, Chat: handlers.GroupChat, UserID: user, Kind: handlers.TextMessage, Text: text}
			if err := f.h.Handle(f.ctx, in); err != nil {
				t.Fatalf("%q from %d in a group: %v", text, user, err)
			}
			replies := f.since(before)
			for _, m := range replies {
				if len(m.Buttons) != 0 || strings.Contains(m.Text, "lift-replacement") || strings.Contains(m.Text, "电梯") {
					t.Errorf("%q from %d in a group: replied with FAQ content or buttons: %q %v", text, user, m.Text, buttonData(m))
				}
			}
			// silence would leave the admin wondering: point to the private
			// chat; anyone else is told only administrators may
			want := "私聊"
			if user != admin {
				want = "只有管理员"
			}
			if len(replies) != 1 || !strings.Contains(replies[0].Text, want) {
				t.Errorf("%q from %d in a group: want one reply with %q, got %+v", text, user, want, replies)
			}
		}
		for _, caption := range []string{"/faq import", ""} {
			before := f.out.count()
			in := handlers.Incoming{ChatID: staffGroup, Chat: handlers.GroupChat, UserID: user, Kind: handlers.FileMessage,
				Text: caption, Document: &handlers.Document{FileID: "doc1", Name: "faq.yaml", Size: 100}}
			if err := f.h.Handle(f.ctx, in); err != nil {
				t.Fatalf("FAQ file from %d in a group: %v", user, err)
			}
			for _, m := range f.since(before) {
				if len(m.Buttons) != 0 {
					t.Errorf("FAQ file from %d in a group offered buttons: %q %v", user, m.Text, buttonData(m))
				}
			}
		}
	}
	if n := f.files.count(); n != 0 {
		t.Errorf("files sent in a group must not be downloaded: %d downloads", n)
	}
	f.assertUnchanged(t, "FAQ commands and files in a group")
}
