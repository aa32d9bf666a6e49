package handlers_test

import (
	"strings"
	"testing"

	"codesk/faq"
	"codesk/handlers"
)

// Every reply of the admin commands, from help to a confirmed import, is in
// the admin's language; only the FAQ's own content shows as it is.
func TestAdminRepliesAreWhollyInTheAdminsLanguage(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			f := newAdminFixture(t)
			user := admin
			if lang == "en" {
				user = englishAdmin(t, f)
			}
			var data []string // shown as stored, whatever the admin's language
			for _, e := range append(append([]faq.Entry(nil), seedFAQ...), faq.Entry{ID: "bike-parking", Topic: "services",
				Questions: []string{"Where can I park my bike?"}, Answer: faq.Answer{EN: "Bikes go in the basement of building 3."}}) {
				data = append(data, e.Questions...)
				data = append(data, e.Answer.ZH, e.Answer.EN, e.ID, e.Topic)
			}
			var replies []string
			say := func(text string) []handlers.OutMessage {
				before := f.out.count()
				f.say(t, user, text)
				msgs := f.since(before)
				for _, m := range msgs {
					replies = append(replies, m.Text)
					for _, row := range m.Buttons {
						for _, b := range row {
							replies = append(replies, b.Text)
						}
					}
				}
				return msgs
			}
			press := func(data string) {
				before := f.out.count()
				f.press(t, user, data)
				for _, m := range f.since(before) {
					replies = append(replies, m.Text)
				}
			}

			for _, cmd := range []string{"/help", "/faq", "/faq help", "/faq list", "/faq list services", "/faq list nothing",
				"/faq show nope", "/faq show", "/faq set", "/faq del", "/faq import", "/faq history", "/stats"} {
				say(cmd)
			}
			shown := say("/faq show lift-replacement")[0].Text
			keep, other := "请保留此行", "keep this line"
			if lang == "en" {
				keep, other = other, keep
			}
			if !strings.Contains(shown, keep) || strings.Contains(shown, other) {
				t.Errorf("the /faq show marker line is not in the admin's language:\n%s", shown)
			}
			say(shown) // unchanged
			say(strings.Replace(shown, seedFAQ[0].Answer.EN, "Lifts are replaced in May.", 1))
			data = append(data, "Lifts are replaced in May.")
			say("/faq set\n" + newEntryYAML) // added, English answer only
			say("/faq history lift-replacement")
			ok, cancel := confirmData(t, say("/faq del gym-hours")[0])
			press(cancel)
			press(ok) // stale after the cancel
			ask := say("/faq set\n" + fullFile(t, seedFAQ[:2]))[0]
			ok, _ = confirmData(t, ask)
			press(ok)
			say("/faq history")
			f.sendDocument(t, user, handlers.Document{FileID: "x", Name: "faq.txt", Size: 10}, "/faq import")
			replies = append(replies, f.out.last(t).Text)
			f.sendDocument(t, user, handlers.Document{FileID: "x", Name: "faq.yaml", Size: 3 << 20}, "")
			replies = append(replies, f.out.last(t).Text)

			if len(replies) < 25 {
				t.Fatalf("only %d replies: the script did not run", len(replies))
			}
			for _, r := range replies {
				if r == shown || strings.HasPrefix(r, "/faq set\n") {
					continue // an entry's YAML: content, checked above for its marker
				}
				plain := handlers.StripData(r, data...)
				if lang == "zh" {
					if phrase := handlers.EnglishIn(plain); phrase != "" {
						t.Errorf("a reply to a Chinese admin has English %q:\n%s", phrase, r)
					}
				} else if han := handlers.ChineseIn(plain); han != "" {
					t.Errorf("a reply to an English admin has Chinese %q:\n%s", han, r)
				}
			}
		})
	}
}
