package handlers_test

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"codesk/faq"
	"codesk/handlers"
	"codesk/storage"
	"codesk/storage/storagetest"
)

// newDefaultFAQFixture is a resident fixture answering from the default
// FAQ, background topics included: what residents meet on a fresh install.
func newDefaultFAQFixture(t *testing.T) *fixture {
	t.Helper()
	db := storagetest.Open(t)
	out := &recorder{}
	h := handlers.New(handlers.Deps{
		Messenger: out, FAQ: faq.NewCatalog(faq.Default()), Residents: db, Questions: db,
		State: storage.NewMemoryState(time.Now), BotUsername: "codesk_bot",
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	return &fixture{h: h, out: out, db: db, ctx: context.Background()}
}

// Warm thanks, Shanghainese pleasantries, a joke asked for and scorn for the
// staff get a friendly or calm word, never "outside estate matters" nor an
// FAQ search; the weather is out of scope, a gym in the compound is a gap of
// the FAQ for the desk, and questions with thanks or a greeting in front are
// still answered.
func TestPleasantriesAndScornGetAWordNotASearch(t *testing.T) {
	t.Parallel()
	f := newDefaultFAQFixture(t)
	user := int64(7100)
	for text, want := range map[string]string{
		"非常感谢你们": "不客气", "太感谢了": "不客气", "cheers mate": "welcome", "they did a good job thanks": "welcome",
		"侬好": "您好", "侬吃过了伐": "您好", "好额": "随时", "再会": "随时",
		"侬是机器人伐": "自动服务台", "你是机器人吗": "自动服务台", "are you a bot": "automatic desk",
		"tell me a joke": "online desk", "讲个笑话吧": "线上服务台",
		"你们物业都是吃干饭的": "抱歉让您着急", "you guys are useless": "frustrating",
	} {
		user++ // a resident each: the language of their first words is theirs
		m := f.say(t, user, text)
		if !strings.Contains(m.Text, want) || strings.Contains(m.Text, "不属于小区事务") || strings.Contains(m.Text, "outside estate matters") {
			t.Errorf("%q: reply %q, want %q", text, m.Text, want)
		}
	}
	if qs, _ := f.db.RecentQuestions(f.ctx, 20); len(qs) != 0 {
		t.Errorf("small talk logged as questions: %d", len(qs))
	}
	for text, want := range map[string]string{
		"What is the weather tomorrow":    "outside estate matters",
		"Is there a gym in the compound?": "couldn't find an answer",
		"物业费多少钱":                          "物业费",
		"谢谢 另外电梯什么时候换":                    "电梯更新",
		"侬好，物业费多少钱":                       "物业费",
	} {
		user++
		if m := f.say(t, user, text); !strings.Contains(m.Text, want) {
			t.Errorf("%q: reply %q, want %q", text, m.Text, want)
		}
	}
}

// Scorn alone is answered calmly and drafts nothing; scorn with the matter
// told is a report of it.
func TestScornIsNoReportButScornWithAMatterIs(t *testing.T) {
	t.Parallel()
	for text, report := range map[string]bool{
		"你们物业都是吃干饭的": false, "you guys are useless": false,
		"物业都是吃干饭的 楼道灯坏了一个月没人修": true, "you guys are useless, the stairwell light has been broken for a month": true,
	} {
		f := newTicketFixture(t, nil)
		m := f.say(t, resident, text)
		drafted := hasData(m, "c:") // the draft's buttons: its place, send, cancel
		if drafted != report {
			t.Errorf("%q: drafted %v, want %v (%q)", text, drafted, report, m.Text)
		}
		if !report && !hasData(m, "m:concern") {
			t.Errorf("%q: reply %q without the menu", text, m.Text)
		}
	}
}

// At the rating prompt, "还可以吧", "pretty good" rate; a remark on the work
// rates and reaches the staff as the comment, a poor one with the reopen
// offer; a remark that tells another matter, and "好的", rate nothing.
func TestRatingsAndRemarksTypedAtTheRatingPrompt(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]struct {
		stars   int
		comment string
	}{
		"还可以吧": {3, ""}, "pretty good": {4, ""}, "Pretty good, thanks!": {4, ""},
		"terrible service": {1, "terrible service"}, "they did a good job thanks": {4, "they did a good job thanks"},
		"the plumber was very helpful": {5, "the plumber was very helpful"}, "态度很差": {1, "态度很差"},
		"好的": {0, ""}, "terrible service at the gate, the guard was asleep again": {0, ""},
		"服务太差了": {1, "服务太差了"}, "服务还好": {3, ""}, "服务太差了 电梯又坏了三天": {0, ""},
	} {
		f := newTicketFixture(t, nil)
		tk, _ := f.fileResolved(t, "8号楼楼道灯坏了")
		f.deliver(t)
		reply := f.say(t, resident, text)
		if got := f.ticket(t, tk.ID).Rating; got != want.stars {
			t.Errorf("%q: rating %d, want %d (reply %q)", text, got, want.stars, reply.Text)
		}
		var toStaff []string
		for _, m := range f.deliver(t) {
			if m.ChatID == pmChat {
				toStaff = append(toStaff, m.Text)
			}
		}
		if want.comment != "" && !strings.Contains(strings.Join(toStaff, "\n"), want.comment) {
			t.Errorf("%q: staff got %q, want the comment", text, toStaff)
		}
		if want.stars == 0 {
			continue
		}
		offered := strings.Contains(strings.Join(buttonData(reply), " "), "r:reopen:")
		if poor := want.stars <= 2; poor != offered {
			t.Errorf("%q: reopen offered = %v, want %v (%q)", text, offered, poor, reply.Text)
		}
		if tks, _ := f.db.ResidentTickets(f.ctx, resident, 5); len(tks) != 1 {
			t.Errorf("%q: %d tickets", text, len(tks))
		}
	}
}
