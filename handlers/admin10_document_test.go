package handlers_test

import (
	"strings"
	"testing"

	"codesk/handlers"
)

// An admin's document that is no FAQ file, caption or not, is answered with
// which files are read and how to import one, in their language; a
// resident's is still told that only text is read.
func TestAnAdminsOtherDocumentGetsTheImportHint(t *testing.T) {
	t.Parallel()
	f := newAdminFixture(t)
	en := englishAdmin(t, f)
	notes := handlers.Document{FileID: "notes", Name: "notes.txt", Size: 120}
	for _, c := range []struct {
		user    int64
		caption string
		want    []string
	}{
		{admin, "", []string{"notes.txt", ".yaml", "/faq import", "/faq show"}},
		{admin, "/faq import", []string{"notes.txt", ".yaml", "/faq import"}},
		{en, "", []string{"notes.txt", ".yaml", "/faq import", "/faq show"}},
	} {
		got := f.sendDocument(t, c.user, notes, c.caption).Text
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("admin %d, caption %q: want %q in %q", c.user, c.caption, w, got)
			}
		}
		if strings.Contains(got, "只能处理文字") || strings.Contains(got, "only read text") {
			t.Errorf("admin %d, caption %q: got the residents' text-only reply %q", c.user, c.caption, got)
		}
		if c.user == en {
			if han := handlers.ChineseIn(got); han != "" {
				t.Errorf("the English admin's reply has Chinese %q: %s", han, got)
			}
		} else if phrase := handlers.EnglishIn(handlers.StripData(got, "notes.txt")); phrase != "" {
			t.Errorf("the Chinese admin's reply has English %q: %s", phrase, got)
		}
	}
	if got := f.sendDocument(t, resident, notes, "").Text; !strings.Contains(got, "只能处理文字") {
		t.Errorf("a resident's document: want the text-only reply, got %q", got)
	}
	if n := f.files.count(); n != 0 {
		t.Errorf("a file that is no FAQ file must not be downloaded: %d downloads", n)
	}
	f.assertUnchanged(t, "other documents")
}
