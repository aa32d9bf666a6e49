package handlers_test

import (
	"slices"
	"strings"
	"testing"

	"codesk/faq"
	"codesk/handlers"
)

// sayAs is a private message from user showing their display name.
func (f *adminFixture) sayAs(t *testing.T, user int64, name, text string) handlers.OutMessage {
	t.Helper()
	in := handlers.Incoming{ChatID: user, UserID: user, UserName: name, Kind: handlers.TextMessage, Text: text}
	if err := f.h.Handle(f.ctx, in); err != nil {
		t.Fatalf("handle %q: %v", text, err)
	}
	return f.out.last(t)
}

// "/faq history" names who changed an entry as "name (id)", with the
// display name they had, whether they saved it, imported it or deleted it
// with a button; the command line's imports are named in words.
func TestFAQHistoryNamesTheAdmins(t *testing.T) {
	t.Parallel()
	f := newAdminFixture(t)
	en := englishAdmin(t, f)

	f.sayAs(t, admin, "王  伟\n", "/faq set\n"+newEntryYAML)
	changed := append(slices.Clone(seedFAQ), faq.Entry{ID: "bike-parking", Topic: "services",
		Questions: []string{"Where can I park my bike?"}, Answer: faq.Answer{EN: "Bikes go in the basement of building 4."}})
	ok, _ := confirmData(t, f.sayAs(t, en, "Jane Doe", "/faq set\n"+fullFile(t, changed)))
	ev := handlers.Incoming{ChatID: en, UserID: en, UserName: "Jane Doe", Callback: &handlers.Callback{ID: "cb", Data: ok}}
	if err := f.h.Handle(f.ctx, ev); err != nil {
		t.Fatal(err)
	}
	if c := f.history(t)[0]; c.EntryID != "bike-parking" || c.Actor != "telegram:910 Jane Doe" {
		t.Fatalf("the import's change: %+v, want it recorded with the admin's name", c)
	}

	n := f.out.count()
	f.sayAs(t, admin, "王伟", "/faq history bike-parking")
	zh := f.since(n)[0].Text
	if !strings.Contains(zh, "修改 · Jane Doe（910）") || !strings.Contains(zh, "新增 · 王 伟（900）") {
		t.Errorf("the history names the admins, newest first:\n%s", zh)
	}
	if strings.Contains(zh, "telegram:") {
		t.Errorf("the history shows raw actors:\n%s", zh)
	}
	n = f.out.count()
	f.sayAs(t, en, "Jane Doe", "/faq history bike-parking")
	if got := f.since(n)[0].Text; !strings.Contains(got, "updated · Jane Doe (910)") || !strings.Contains(got, "added · 王 伟 (900)") {
		t.Errorf("the English history:\n%s", got)
	}

	// a deletion confirmed with a button
	del, _ := confirmData(t, f.sayAs(t, admin, "王伟", "/faq del gym-hours"))
	ev = handlers.Incoming{ChatID: admin, UserID: admin, UserName: "王伟", Callback: &handlers.Callback{ID: "cb", Data: del}}
	if err := f.h.Handle(f.ctx, ev); err != nil {
		t.Fatal(err)
	}
	n = f.out.count()
	f.sayAs(t, admin, "王伟", "/faq history gym-hours")
	if got := f.since(n)[0].Text; !strings.Contains(got, "删除 · 王伟（900）") {
		t.Errorf("a deletion's history:\n%s", got)
	}

	// the command line's import
	if _, err := f.db.ReplaceFAQ(f.ctx, seedFAQ[:1], "cli:faq-import"); err != nil {
		t.Fatal(err)
	}
	n = f.out.count()
	f.sayAs(t, en, "Jane Doe", "/faq history")
	if got := f.since(n)[0].Text; !strings.Contains(got, "command-line import") || strings.Contains(got, "cli:") {
		t.Errorf("the command line's import in the history:\n%s", got)
	}
}
