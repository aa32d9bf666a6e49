package handlers_test

import (
	"strings"
	"testing"

	"codesk/faq"
)

// Two administrators editing the same entry: the copy shown before the
// other's save does not silently undo it.
func TestAnEditOnAStaleCopyIsRefused(t *testing.T) {
	t.Parallel()
	f := newAdminFixture(t)
	shownToA := f.say(t, admin, "/faq show gym-hours").Text
	shownToB := f.say(t, secondAdmin, "/faq show gym-hours").Text

	fromB := strings.Replace(shownToB, "from 6 am to 10 pm", "from 7 am to 9 pm", 1)
	if got := f.say(t, secondAdmin, fromB).Text; !strings.Contains(got, "已更新") {
		t.Fatalf("B's edit: %q", got)
	}
	fromA := strings.Replace(shownToA, "健身房早六点到晚十点开放。", "健身房早六点开门。", 1)
	got := f.say(t, admin, fromA).Text
	if !strings.Contains(got, "已被修改") || !strings.Contains(got, "telegram:910") {
		t.Fatalf("A's edit on a stale copy: %q", got)
	}
	e, _ := f.catalog.Entry("gym-hours")
	if e.Answer.EN != "The gym is open from 7 am to 9 pm." || e.Answer.ZH != "健身房早六点到晚十点开放。" {
		t.Errorf("B's edit must stand and A's must not land: %+v", e.Answer)
	}
	// A shows it again and edits the current version.
	again := f.say(t, admin, "/faq show gym-hours").Text
	if got := f.say(t, admin, strings.Replace(again, "健身房早六点到晚十点开放。", "健身房早七点到晚九点开放。", 1)).Text; !strings.Contains(got, "已更新") {
		t.Fatalf("an edit of the current version: %q", got)
	}
}

// Two deletions asked while two entries were left, then both confirmed:
// the second finds the last entry and keeps it.
func TestTwoConfirmedDeletionsKeepTheLastEntry(t *testing.T) {
	t.Parallel()
	f := newAdminFixture(t)
	ask1 := f.say(t, admin, "/faq del parcel-lockers")
	f.press(t, admin, findData(t, ask1, "fa:ok:"))
	ask2 := f.say(t, admin, "/faq del lift-replacement")
	ask3 := f.say(t, secondAdmin, "/faq del gym-hours")
	f.press(t, admin, findData(t, ask2, "fa:ok:"))
	f.press(t, secondAdmin, findData(t, ask3, "fa:ok:"))
	if got := f.out.last(t).Text; !strings.Contains(got, "最后一个条目") {
		t.Errorf("the second confirmation: %q", got)
	}
	if got := f.stored(t); len(got) != 1 || got[0].ID != "gym-hours" {
		t.Errorf("stored FAQ = %+v, want gym-hours alone", got)
	}
}

// Another administrator cannot confirm a change they did not ask for.
func TestOnlyTheAskingAdminConfirms(t *testing.T) {
	t.Parallel()
	f := newAdminFixture(t)
	ask := f.say(t, admin, "/faq del parcel-lockers")
	f.press(t, secondAdmin, findData(t, ask, "fa:ok:"))
	if got := f.lastNotice(); !strings.Contains(got, "只有发起操作的管理员") {
		t.Errorf("notice to the other admin: %q", got)
	}
	if len(f.stored(t)) != len(seedFAQ) {
		t.Fatal("the other admin's press deleted the entry")
	}
	f.press(t, admin, findData(t, ask, "fa:ok:"))
	if len(f.stored(t)) != len(seedFAQ)-1 {
		t.Error("the asking admin's press must still work")
	}
}

// An entry too long for one message is shown for reading, without the
// "/faq set" a cut copy could be sent back with.
func TestALongEntryIsShownForReadingOnly(t *testing.T) {
	t.Parallel()
	f := newAdminFixture(t)
	long := faq.Entry{ID: "long-rules", Questions: []string{"What are the house rules?"},
		Answer: faq.Answer{ZH: strings.Repeat("装修须遵守规定。", 380), EN: strings.Repeat("Follow the rules. ", 60)}}
	if err := f.db.SaveFAQEntry(f.ctx, long, "test"); err != nil {
		t.Fatal(err)
	}
	n := f.out.count()
	f.say(t, admin, "/faq show long-rules")
	msgs := f.since(n)
	if len(msgs) < 2 || !strings.Contains(msgs[0].Text, "太长") {
		t.Fatalf("want a note and the entry in parts, got %d message(s): %q", len(msgs), msgs[0].Text)
	}
	for _, m := range msgs {
		if strings.HasPrefix(m.Text, "/faq set") {
			t.Errorf("a part offers itself for sending back: %q", m.Text[:40])
		}
	}
}

// A shown entry used as the template of a new one (its id changed) is a new
// entry, not a stale edit of the shown one.
func TestAShownEntryAsTheTemplateOfANewOne(t *testing.T) {
	t.Parallel()
	f := newAdminFixture(t)
	shown := f.say(t, admin, "/faq show gym-hours").Text
	copyOf := strings.Replace(strings.Replace(shown, "id: gym-hours", "id: pool-hours", 1), "When is the gym open?", "When is the pool open?", 1)
	copyOf = strings.Replace(copyOf, "健身房几点开门？", "游泳池几点开门？", 1)
	if got := f.say(t, admin, copyOf).Text; !strings.Contains(got, "已新增") {
		t.Fatalf("a new entry from a shown template: %q", got)
	}
	if _, ok := f.catalog.Entry("pool-hours"); !ok {
		t.Error("pool-hours was not added")
	}
}
