package handlers_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"codesk/faq"
	"codesk/handlers"
	"codesk/storage"
	"codesk/storage/storagetest"
)

// seedFAQ is the FAQ the admin tests start from; real entries, so the real
// matcher shows what residents get after an edit.
var seedFAQ = []faq.Entry{
	{ID: "lift-replacement", Topic: "lifts", Questions: []string{"When will the lifts be replaced?", "电梯什么时候更换？"},
		Answer: faq.Answer{ZH: "电梯按楼栋分批更换。", EN: "Lifts are replaced building by building."}},
	{ID: "parcel-lockers", Topic: "services", Questions: []string{"Where are the parcel lockers?", "快递柜在哪里？"},
		Answer: faq.Answer{ZH: "快递柜在东门。", EN: "The parcel lockers are at the east gate."}},
	{ID: "gym-hours", Topic: "services", Questions: []string{"When is the gym open?", "健身房几点开门？"},
		Answer: faq.Answer{ZH: "健身房早六点到晚十点开放。", EN: "The gym is open from 6 am to 10 pm."}, Party: "property_management"},
}

// fakeFiles serves documents from memory and counts downloads.
type fakeFiles struct {
	mu        sync.Mutex
	files     map[string][]byte
	downloads int
}

func (f *fakeFiles) Download(_ context.Context, fileID string, maxBytes int64) ([]byte, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.downloads++
	data, ok := f.files[fileID]
	if !ok {
		return nil, fmt.Errorf("no file %q", fileID)
	}
	if int64(len(data)) > maxBytes {
		return nil, fmt.Errorf("file %q: %w", fileID, handlers.ErrFileTooLarge)
	}
	return data, nil
}

func (f *fakeFiles) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.downloads
}

type adminFixture struct {
	*fixture
	catalog *faq.Catalog
	files   *fakeFiles
}

// secondAdmin is another listed administrator, for edits that cross.
const secondAdmin int64 = 910

func newAdminFixture(t *testing.T) *adminFixture {
	t.Helper()
	db := storagetest.Open(t)
	ctx := context.Background()
	if _, err := db.ReplaceFAQ(ctx, seedFAQ, "test:seed"); err != nil {
		t.Fatal(err)
	}
	catalog := faq.NewCatalog(seedFAQ)
	files := &fakeFiles{files: map[string][]byte{}}
	out := &recorder{}
	h := handlers.New(handlers.Deps{
		Messenger: out, FAQ: catalog, Residents: db, Questions: db,
		State:       storage.NewMemoryState(time.Now),
		IsAdmin:     func(id int64) bool { return id == admin || id == secondAdmin },
		BotUsername: "codesk_bot",
		Log:         slog.New(slog.NewTextHandler(io.Discard, nil)),
		FAQStore:    db,
		Files:       files,
	})
	return &adminFixture{fixture: &fixture{h: h, out: out, db: db, ctx: ctx}, catalog: catalog, files: files}
}

// since returns the messages sent after the first n.
func (f *adminFixture) since(n int) []handlers.OutMessage {
	f.out.mu.Lock()
	defer f.out.mu.Unlock()
	return append([]handlers.OutMessage(nil), f.out.sent[n:]...)
}

func (f *adminFixture) stored(t *testing.T) []faq.Entry {
	t.Helper()
	entries, err := f.db.FAQEntries(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	return entries
}

func (f *adminFixture) history(t *testing.T) []storage.FAQChange {
	t.Helper()
	changes, err := f.db.FAQHistory(f.ctx, "", 1000)
	if err != nil {
		t.Fatal(err)
	}
	return changes
}

// assertUnchanged checks the stored FAQ, its history and the served catalog
// are still the seed.
func (f *adminFixture) assertUnchanged(t *testing.T, what string) {
	t.Helper()
	if got := f.stored(t); !reflect.DeepEqual(got, seedFAQ) {
		t.Errorf("%s changed the stored FAQ: %+v", what, got)
	}
	if n := len(f.history(t)); n != len(seedFAQ) {
		t.Errorf("%s recorded history: %d changes, want the %d seed adds", what, n, len(seedFAQ))
	}
	if got := f.catalog.Entries(); !reflect.DeepEqual(got, seedFAQ) {
		t.Errorf("%s changed the served FAQ", what)
	}
}

func (f *adminFixture) sendDocument(t *testing.T, user int64, doc handlers.Document, caption string) handlers.OutMessage {
	t.Helper()
	before := f.out.count()
	err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: user, UserID: user, Kind: handlers.FileMessage, Text: caption, Document: &doc})
	if err != nil {
		t.Fatalf("handle document %q: %v", doc.Name, err)
	}
	if f.out.count() == before {
		t.Fatalf("no reply to document %q", doc.Name)
	}
	return f.out.last(t)
}

func confirmData(t *testing.T, m handlers.OutMessage) (ok, cancel string) {
	t.Helper()
	data := buttonData(m)
	if len(data) != 2 || !strings.HasPrefix(data[0], "fa:ok:") || !strings.HasPrefix(data[1], "fa:no:") {
		t.Fatalf("want confirm and cancel buttons on %q, got %v", m.Text, data)
	}
	for _, d := range data {
		if len(d) > 64 {
			t.Errorf("callback data %q is over Telegram's 64 bytes", d)
		}
	}
	return data[0], data[1]
}

// fullFile renders entries as a FAQ file.
func fullFile(t *testing.T, entries []faq.Entry) string {
	t.Helper()
	var b strings.Builder
	if err := faq.Write(&b, entries); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

const newEntryYAML = `id: bike-parking
topic: services
questions:
  - Where can I park my bike?
answer:
  en: Bikes go in the basement of building 3.
`

func TestFAQCommandsAreRefusedToNonAdminsAndChangeNothing(t *testing.T) {
	t.Parallel()
	f := newAdminFixture(t)
	// An admin's pending deletion, which a resident then tries to confirm.
	ok, _ := confirmData(t, f.say(t, admin, "/faq del gym-hours"))

	for _, text := range []string{
		"/faq", "/faq help", "/faq list", "/faq show lift-replacement", "/faq history lift-replacement",
		"/faq del parcel-lockers", "/faq set\n" + newEntryYAML, "/faq set\n" + fullFile(t, seedFAQ[:1]), "/faq import",
	} {
		got := f.say(t, resident, text)
		if !strings.Contains(got.Text, "管理员") || len(got.Buttons) != 0 {
			t.Errorf("%q from a resident: want the only-administrators reply and no buttons, got %q %v", text, got.Text, buttonData(got))
		}
		if strings.Contains(got.Text, "lift-replacement") {
			t.Errorf("%q leaked FAQ content to a resident: %q", text, got.Text)
		}
	}
	f.files.files["doc1"] = []byte(fullFile(t, seedFAQ[:1]))
	got := f.sendDocument(t, resident, handlers.Document{FileID: "doc1", Name: "faq.yaml", Size: 100}, "/faq import")
	if !strings.Contains(got.Text, "管理员") {
		t.Errorf("a resident's /faq import document: want the only-administrators reply, got %q", got.Text)
	}
	// A resident's plain .yaml file is just a file: no download, no import.
	got = f.sendDocument(t, resident, handlers.Document{FileID: "doc1", Name: "faq.yaml", Size: 100}, "")
	if len(got.Buttons) != 0 || strings.Contains(got.Text, "管理员") {
		t.Errorf("a resident's yaml file gets the usual note, got %q", got.Text)
	}
	if n := f.files.count(); n != 0 {
		t.Errorf("files of non-admins must not be downloaded: %d downloads", n)
	}

	f.press(t, resident, ok)
	if n := f.lastNotice(); !strings.Contains(n, "管理员") {
		t.Errorf("a resident pressing an admin's confirm button: want the only-administrators notice, got %q", n)
	}
	f.assertUnchanged(t, "non-admins")
}

func TestShowEditSetRoundTripChangesTheNextAnswer(t *testing.T) {
	t.Parallel()
	f := newAdminFixture(t)
	if got := f.say(t, resident, "When will the lifts be replaced?").Text; got != seedFAQ[0].Answer.EN {
		t.Fatalf("before the edit: %q", got)
	}

	shown := f.say(t, admin, "/faq show lift-replacement").Text
	if !strings.HasPrefix(shown, "/faq set\n") || !strings.Contains(shown, "id: lift-replacement") || strings.Contains(shown, "version:") {
		t.Fatalf("show must give one entry ready to send back with /faq set, got:\n%s", shown)
	}
	// Sending it back untouched changes nothing.
	if got := f.say(t, admin, shown).Text; !strings.Contains(got, "unchanged") && !strings.Contains(got, "没有变化") {
		t.Errorf("an untouched entry: got %q", got)
	}
	if n := len(f.history(t)); n != len(seedFAQ) {
		t.Errorf("an unchanged entry must leave no history, got %d changes", n)
	}

	const newAnswer = "Lifts in buildings 1-4 are replaced in May; the rest in June."
	edited := strings.Replace(shown, seedFAQ[0].Answer.EN, newAnswer, 1)
	if edited == shown {
		t.Fatalf("the English answer is not in the shown YAML:\n%s", shown)
	}
	if got := f.say(t, admin, edited).Text; !strings.Contains(got, "已更新") {
		t.Errorf("saving the edit: got %q", got)
	}
	if got := f.say(t, resident, "When will the lifts be replaced?").Text; got != newAnswer {
		t.Errorf("the next question gets the edited answer, got %q", got)
	}
	if got := f.say(t, resident, "电梯什么时候更换？").Text; got != seedFAQ[0].Answer.ZH {
		t.Errorf("the untouched Chinese answer stays, got %q", got)
	}

	// A new entry via /faq set is served at once too.
	if got := f.say(t, admin, "/faq set\n"+newEntryYAML).Text; !strings.Contains(got, "已新增") || !strings.Contains(got, "只有英文回答") {
		t.Errorf("adding an entry with an English answer only: got %q; want it added, with a note on the missing Chinese", got)
	}
	if got := f.say(t, resident, "Where can I park my bike?").Text; got != "Bikes go in the basement of building 3." {
		t.Errorf("the new entry answers, got %q", got)
	}

	n := f.out.count()
	f.say(t, admin, "/faq history lift-replacement")
	replies := f.since(n)
	hist := replies[0].Text
	if !strings.Contains(hist, "修改 · telegram:900") || !strings.Contains(hist, "新增 · test:seed") {
		t.Errorf("history lists each change with its actor, newest first, got:\n%s", hist)
	}
	if strings.Index(hist, "修改") > strings.Index(hist, "新增") {
		t.Errorf("history must be newest first:\n%s", hist)
	}
	// what the update changed, and the version before it, ready to send back
	if !strings.Contains(hist, "修改 · telegram:900 · 英文答案") || strings.Contains(hist, "中文答案") {
		t.Errorf("the update changed the English answer only:\n%s", hist)
	}
	if earlier := replies[len(replies)-1].Text; !strings.HasPrefix(earlier, "/faq set\n") || !strings.Contains(earlier, seedFAQ[0].Answer.EN) {
		t.Errorf("the version before the update: %q", earlier)
	}
	changes := f.history(t)
	if changes[0].EntryID != "bike-parking" || changes[0].Actor != "telegram:900" || changes[0].Action != storage.FAQActionAdd {
		t.Errorf("latest change = %+v, want the admin's add of bike-parking", changes[0])
	}
}

func TestBadYAMLIsReportedProblemByProblemAndChangesNothing(t *testing.T) {
	t.Parallel()
	f := newAdminFixture(t)
	cases := []struct {
		name, msg string
		want      []string
	}{
		{"invalid YAML", "/faq set\nid: bike-parking\nquestions:\n\t- Where can I park?\n", []string{"第 4 行：YAML 格式错误", "制表符"}},
		{"unknown field and missing answer",
			"/faq set\nid: bike-parking\ncolour: red\nquestions:\n  - Where can I park my bike?\n",
			[]string{"2 个问题", `第 3 行，条目“bike-parking”：条目里有未知的字段“colour”`, "缺少回答"}},
		{"bad id", "/faq set\nid: Bike Parking\nquestions:\n  - Where can I park my bike?\nanswer:\n  en: Basement.\n",
			[]string{`第 2 行，条目“Bike Parking”：编号“Bike Parking”不合规则`}},
		{"question of another entry",
			"/faq set\nid: bike-parking\nquestions:\n  - where are the parcel lockers?\nanswer:\n  en: Basement.\n",
			[]string{`问题“where are the parcel lockers?”已经是条目“parcel-lockers”的问题`}},
		{"duplicate id in a full file",
			"/faq set\n" + fullFile(t, append(append([]faq.Entry(nil), seedFAQ...), faq.Entry{
				ID: "gym-hours", Questions: []string{"Is there a gym?"}, Answer: faq.Answer{EN: "Yes."}})),
			[]string{`第 31 行，条目“gym-hours”：编号（id）重复：第 22 行的条目已经在用`}},
		{"empty set", "/faq set", []string{"/faq show"}},
	}
	for _, c := range cases {
		got := f.say(t, admin, c.msg)
		for _, w := range c.want {
			if !strings.Contains(got.Text, w) {
				t.Errorf("%s: reply should contain %q, got:\n%s", c.name, w, got.Text)
			}
		}
		if len(got.Buttons) != 0 {
			t.Errorf("%s: a rejected change offers no confirmation", c.name)
		}
	}
	f.assertUnchanged(t, "rejected edits")
}

func TestFullImportNeedsConfirmationAndReportsCounts(t *testing.T) {
	t.Parallel()
	f := newAdminFixture(t)
	updated := seedFAQ[1]
	updated.Answer.EN = "The parcel lockers moved to the north gate."
	file := []faq.Entry{seedFAQ[0], updated,
		{ID: "bike-parking", Questions: []string{"Where can I park my bike?"}, Answer: faq.Answer{EN: "In the basement."}}}

	// Cancel first: nothing happens.
	_, cancel := confirmData(t, f.say(t, admin, "/faq set\n"+fullFile(t, file)))
	f.press(t, admin, cancel)
	if got := f.out.last(t).Text; !strings.Contains(got, "取消") {
		t.Errorf("cancel: got %q", got)
	}
	f.assertUnchanged(t, "a cancelled import")

	ask := f.say(t, admin, "/faq set\n"+fullFile(t, file))
	for _, w := range []string{"新增 1", "更新 1", "删除 1", "不变 1", "gym-hours"} {
		if !strings.Contains(ask.Text, w) {
			t.Errorf("the confirmation should show %q, got %q", w, ask.Text)
		}
	}
	ok, _ := confirmData(t, ask)
	f.assertUnchanged(t, "an import not yet confirmed")

	f.press(t, admin, ok)
	if got := f.out.last(t).Text; !strings.Contains(got, "新增 1，更新 1，删除 1，不变 1") {
		t.Errorf("the result reports the counts, got %q", got)
	}
	if got := f.stored(t); !reflect.DeepEqual(got, file) {
		t.Errorf("stored FAQ = %+v, want the file", got)
	}
	if got := f.say(t, resident, "Where are the parcel lockers?").Text; got != updated.Answer.EN {
		t.Errorf("the next question is answered from the import, got %q", got)
	}
	if _, ok := f.catalog.Entry("gym-hours"); ok {
		t.Errorf("the removed entry is still served")
	}
	for _, c := range f.history(t)[:3] {
		if c.Actor != "telegram:900" {
			t.Errorf("import change %+v: want actor telegram:900", c)
		}
	}

	sent := f.out.count()
	f.press(t, admin, ok)
	if n := f.lastNotice(); !strings.Contains(n, "失效") || f.out.count() != sent {
		t.Errorf("a second press must do nothing, got notice %q", n)
	}
}

func TestImportConfirmedAfterAnotherEditShowsNewCounts(t *testing.T) {
	t.Parallel()
	f := newAdminFixture(t)
	ok, _ := confirmData(t, f.say(t, admin, "/faq set\n"+fullFile(t, seedFAQ[:2])))
	f.say(t, admin, "/faq set\n"+newEntryYAML) // lands between preview and confirmation
	before := f.out.count()
	f.press(t, admin, ok)
	msgs := f.since(before)
	if len(msgs) != 2 || !strings.Contains(msgs[1].Text, "删除 2") {
		t.Fatalf("want a notice and a fresh confirmation counting 2 removals, got %+v", msgs)
	}
	if n := len(f.stored(t)); n != 4 {
		t.Errorf("nothing is imported until the new counts are confirmed: %d entries", n)
	}
	again, _ := confirmData(t, msgs[1])
	f.press(t, admin, again)
	if got := f.stored(t); !reflect.DeepEqual(got, seedFAQ[:2]) {
		t.Errorf("after confirming again the FAQ is the file: %+v", got)
	}
}

func TestDeleteNeedsConfirmation(t *testing.T) {
	t.Parallel()
	f := newAdminFixture(t)
	if got := f.say(t, admin, "/faq del no-such-entry").Text; !strings.Contains(got, "no-such-entry") || len(f.out.last(t).Buttons) != 0 {
		t.Errorf("deleting an unknown id: got %q", got)
	}
	ok, _ := confirmData(t, f.say(t, admin, "/faq del gym-hours"))
	f.assertUnchanged(t, "an unconfirmed delete")
	f.press(t, admin, ok)
	if got := f.out.last(t).Text; !strings.Contains(got, "已删除") {
		t.Errorf("delete confirmed: got %q", got)
	}
	if _, ok := f.catalog.Entry("gym-hours"); ok {
		t.Errorf("a deleted entry is no longer served")
	}
	if got := f.say(t, resident, "When is the gym open?").Text; got == seedFAQ[2].Answer.EN {
		t.Errorf("a deleted entry must not answer")
	}
	c := f.history(t)[0]
	if c.EntryID != "gym-hours" || c.Action != storage.FAQActionDelete || c.Actor != "telegram:900" {
		t.Errorf("latest change = %+v, want the admin's delete", c)
	}
	n := f.out.count()
	f.say(t, admin, "/faq history gym-hours")
	replies := f.since(n)
	if got := replies[0].Text; !strings.Contains(got, "删除 · telegram:900") {
		t.Errorf("history shows the delete: %q", got)
	}
	// The deleted entry comes back by sending its earlier version.
	restore := replies[len(replies)-1].Text
	if got := f.say(t, admin, restore).Text; !strings.Contains(got, "已新增") {
		t.Fatalf("restoring from history: %q", got)
	}
	if got := f.say(t, resident, "When is the gym open?").Text; got != "The gym is open from 6 am to 10 pm." {
		t.Errorf("the restored entry answers, got %q", got)
	}
}

func TestLastEntryCannotBeDeleted(t *testing.T) {
	t.Parallel()
	f := newAdminFixture(t)
	ok, _ := confirmData(t, f.say(t, admin, "/faq set\n"+fullFile(t, seedFAQ[:1])))
	f.press(t, admin, ok)
	m := f.say(t, admin, "/faq del lift-replacement")
	if len(m.Buttons) != 0 || !strings.Contains(m.Text, "最后一个") {
		t.Errorf("want a refusal, got %q %v", m.Text, buttonData(m))
	}
}

func TestListAndShow(t *testing.T) {
	t.Parallel()
	f := newAdminFixture(t)
	got := f.say(t, admin, "/faq list services").Text
	if !strings.Contains(got, "parcel-lockers — Where are the parcel lockers?") || strings.Contains(got, "lift-replacement") {
		t.Errorf("list by topic: %q", got)
	}
	if got := f.say(t, admin, "/faq list nothing").Text; !strings.Contains(got, "lifts, services") {
		t.Errorf("an unknown topic lists the topics, got %q", got)
	}
	if got := f.say(t, admin, "/faq show nope").Text; !strings.Contains(got, "nope") {
		t.Errorf("show of an unknown id: %q", got)
	}

	// Many long entries are listed over several messages, each within limits.
	var many []faq.Entry
	for i := range 150 {
		many = append(many, faq.Entry{ID: fmt.Sprintf("entry-%03d", i),
			Questions: []string{fmt.Sprintf("Question number %d about %s?", i, strings.Repeat("the estate ", 5))},
			Answer:    faq.Answer{EN: "Yes."}})
	}
	if _, err := f.db.ReplaceFAQ(f.ctx, many, "test"); err != nil {
		t.Fatal(err)
	}
	before := f.out.count()
	f.say(t, admin, "/faq list")
	msgs := f.since(before)
	if len(msgs) < 2 {
		t.Fatalf("a long list is split, got %d message(s)", len(msgs))
	}
	all := ""
	for _, m := range msgs {
		if n := len([]rune(m.Text)); n > 4096 {
			t.Errorf("a list message has %d characters", n)
		}
		all += m.Text + "\n"
	}
	for _, e := range many {
		if !strings.Contains(all, e.ID+" — ") {
			t.Errorf("%s missing from the list", e.ID)
		}
	}
}

func TestShowRoundTripsEveryEntryShape(t *testing.T) {
	t.Parallel()
	f := newAdminFixture(t)
	tricky := faq.Entry{ID: "tricky", Topic: "misc", Questions: []string{"12345", "yes", "a: b?", "#hash"},
		Answer: faq.Answer{ZH: "第一行\n\n第三行：冒号", EN: "  indented\nnext: line"}, Party: "owners_committee"}
	if err := f.db.SaveFAQEntry(f.ctx, faq.TrimEntry(tricky), "test"); err != nil {
		t.Fatal(err)
	}
	shown := f.say(t, admin, "/faq show tricky").Text
	if _, err := f.db.ReplaceFAQ(f.ctx, seedFAQ, "test"); err != nil { // remove it again
		t.Fatal(err)
	}
	// Deleted since shown: the copy does not silently bring it back ...
	if got := f.say(t, admin, shown).Text; !strings.Contains(got, "已被删除") {
		t.Fatalf("sending back an entry deleted since it was shown: %q", got)
	}
	// ... but it does without the version line, as the refusal says.
	var resend []string
	for _, line := range strings.Split(shown, "\n") {
		if !strings.HasPrefix(line, "# shown-rev: ") {
			resend = append(resend, line)
		}
	}
	if got := f.say(t, admin, strings.Join(resend, "\n")).Text; !strings.Contains(got, "已新增") {
		t.Fatalf("sending the shown entry back: %q", got)
	}
	if e, _ := f.catalog.Entry("tricky"); !reflect.DeepEqual(e, faq.TrimEntry(tricky)) {
		t.Errorf("round trip changed the entry:\n got %+v\nwant %+v", e, faq.TrimEntry(tricky))
	}
}

func TestDocumentImport(t *testing.T) {
	t.Parallel()
	f := newAdminFixture(t)
	file := append(append([]faq.Entry(nil), seedFAQ...),
		faq.Entry{ID: "bike-parking", Questions: []string{"Where can I park my bike?"}, Answer: faq.Answer{EN: "In the basement."}})
	f.files.files["good"] = []byte(fullFile(t, file))
	f.files.files["bad"] = []byte("version: 1\nentries:\n  - id: x\n    colour: red\n")
	f.files.files["huge"] = make([]byte, handlers.MaxFAQFileBytes+1)

	refusals := []struct {
		doc     handlers.Document
		caption string
		want    string
	}{
		{handlers.Document{FileID: "good", Name: "faq.yaml", Size: 3 << 20}, "", "太大"},
		{handlers.Document{FileID: "huge", Name: "faq.yaml"}, "/faq import", "太大"}, // size unknown up front
		{handlers.Document{FileID: "good", Name: "faq.txt", Size: 10}, "/faq import", ".yaml"},
		{handlers.Document{FileID: "bad", Name: "faq.yml", Size: 10}, "", `第 4 行，条目“x”：条目里有未知的字段“colour”`},
	}
	for _, r := range refusals {
		if got := f.sendDocument(t, admin, r.doc, r.caption); !strings.Contains(got.Text, r.want) || len(got.Buttons) != 0 {
			t.Errorf("%s (%q): want a refusal containing %q, got %q", r.doc.Name, r.caption, r.want, got.Text)
		}
	}
	if n := f.files.count(); n != 2 {
		t.Errorf("oversized and non-YAML files are refused before downloading: %d downloads, want 2", n)
	}
	f.assertUnchanged(t, "refused documents")

	ask := f.sendDocument(t, admin, handlers.Document{FileID: "good", Name: "FAQ.YAML", Size: 1000}, "")
	if !strings.Contains(ask.Text, "新增 1") || !strings.Contains(ask.Text, "删除 0") {
		t.Errorf("the preview counts one added, none removed: %q", ask.Text)
	}
	ok, _ := confirmData(t, ask)
	f.press(t, admin, ok)
	if got := f.stored(t); !reflect.DeepEqual(got, file) {
		t.Errorf("stored FAQ after the document import = %+v", got)
	}
	if got := f.say(t, resident, "Where can I park my bike?").Text; got != "In the basement." {
		t.Errorf("the imported entry answers, got %q", got)
	}
}

func TestFAQEditingOffWithoutAStore(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	if got := f.say(t, admin, "/faq list").Text; !strings.Contains(got, "codesk faq import") {
		t.Errorf("without a FAQ store admins are pointed to the command line, got %q", got)
	}
}
