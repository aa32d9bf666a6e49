package handlers_test

import (
	"encoding/json"
	"strings"
	"testing"

	"codesk/handlers"
	"codesk/llm/llmtest"
	"codesk/storage"
)

// translatingModel answers translation requests with canned translations
// (by the text asked about) and routes everything to the desk.
func translatingModel(t *testing.T, translations map[string]string) func(llmtest.Request) string {
	return func(r llmtest.Request) string {
		system := r.Contents("system")
		if len(system) == 0 || !strings.Contains(system[0], "You translate") {
			return `{"party": "co_office", "category": ""}`
		}
		user := r.Contents("user")
		for from, to := range translations {
			if len(user) > 0 && strings.Contains(user[0], from) {
				b, err := json.Marshal(map[string]string{"translation": to})
				if err != nil {
					t.Error(err)
				}
				return string(b)
			}
		}
		t.Errorf("unexpected translation request %q", user)
		return `{"translation": ""}`
	}
}

func translateRequests(s *llmtest.Server) int {
	n := 0
	for _, r := range s.Requests() {
		if system := r.Contents("system"); len(system) > 0 && strings.Contains(system[0], "You translate") {
			n++
		}
	}
	return n
}

func TestAnEnglishSpeakingResidentAndChineseStaffEachGetTheOthersWordsTranslated(t *testing.T) {
	t.Parallel()
	f := newLLMFixture(t, modelOptions{})
	f.model.ReplyFunc(translatingModel(t, map[string]string{
		"请问是哪部电梯":              "Which lift is it, the left or the right one? Call [[1]] if urgent.",
		"the left one":         "左边那部，一直在响。",
		"building 3 is broken": "3号楼的电梯又坏了，一直在响",
	}))
	tk, card := f.fileTicket(t, resident, "The lift in building 3 is broken again, it keeps beeping")
	if !strings.Contains(card.Text, "The lift in building 3 is broken again") || !strings.Contains(card.Text, "机器翻译") ||
		!strings.Contains(card.Text, "3号楼的电梯又坏了，一直在响") {
		t.Errorf("the card lacks the resident's words or their translation:\n%s", card.Text)
	}
	if got := f.ticket(t, tk.ID).Translation; got != "3号楼的电梯又坏了，一直在响" {
		t.Errorf("stored translation = %q", got)
	}

	f.staffWrites(t, pmChat, pmMember, 77, card.SentMessageID, "请问是哪部电梯？左边还是右边？急的话打021-54231234")
	relayed := onlyOne(t, residentMessages(f.deliver(t), resident), "relayed staff reply")
	for _, want := range []string{"请问是哪部电梯？左边还是右边？", "Machine translation", "Which lift is it, the left or the right one? Call 021-54231234 if urgent."} {
		if !strings.Contains(relayed.Text, want) {
			t.Errorf("the relayed reply lacks %q:\n%s", want, relayed.Text)
		}
	}

	m := f.send(t, handlers.Incoming{UserID: resident, Kind: handlers.TextMessage, Text: "It's the left one, still beeping", ReplyTo: relayed.SentMessageID})
	if !strings.Contains(m.Text, tk.Number()) {
		t.Errorf("the resident is told the answer was passed on, got %q", m.Text)
	}
	back := f.deliver(t)
	if len(back) != 1 || back[0].ChatID != pmChat || !strings.Contains(back[0].Text, "It's the left one, still beeping") ||
		!strings.Contains(back[0].Text, "机器翻译") || !strings.Contains(back[0].Text, "左边那部，一直在响。") {
		t.Fatalf("relay to staff = %+v", back)
	}
	if n := translateRequests(f.model); n != 3 {
		t.Errorf("%d translation requests, want 3 (card, reply, answer)", n)
	}
}

func TestWithTheModelDownARelayGoesUntranslatedAndOnce(t *testing.T) {
	t.Parallel()
	f := newLLMFixture(t, modelOptions{})
	f.model.ReplyFunc(func(r llmtest.Request) string { return "not json at all" })
	_, card := f.fileTicket(t, resident, "The lift in building 3 is broken again, it keeps beeping")

	f.staffWrites(t, pmChat, pmMember, 77, card.SentMessageID, "师傅下午两点到")
	relayed := onlyOne(t, residentMessages(f.deliver(t), resident), "relayed staff reply")
	if !strings.Contains(relayed.Text, "师傅下午两点到") || strings.Contains(relayed.Text, "Machine translation") {
		t.Errorf("relayed = %q, want the reply as written", relayed.Text)
	}
	if !strings.Contains(f.logs.String(), "sent untranslated") {
		t.Errorf("the failed translation is not logged:\n%s", f.logs.String())
	}
}

func TestRelaysInTheReadersOwnLanguageAreNotTranslated(t *testing.T) {
	t.Parallel()
	f := newLLMFixture(t, modelOptions{})
	f.model.ReplyFunc(translatingModel(t, nil))
	_, card := f.fileTicket(t, resident, "3号楼电梯又坏了，一直在响")

	f.staffWrites(t, pmChat, pmMember, 77, card.SentMessageID, "请问是哪部电梯？")
	relayed := onlyOne(t, residentMessages(f.deliver(t), resident), "relayed staff reply")
	f.send(t, handlers.Incoming{UserID: resident, Kind: handlers.TextMessage, Text: "左边那部", ReplyTo: relayed.SentMessageID})
	var toStaff []storage.OutboxMessage
	for _, m := range f.deliver(t) {
		if m.ChatID == pmChat {
			toStaff = append(toStaff, m)
		}
	}
	if len(toStaff) != 1 || strings.Contains(toStaff[0].Text, "机器翻译") || strings.Contains(relayed.Text, "translation") {
		t.Errorf("relays = %q, %+v", relayed.Text, toStaff)
	}
	if n := translateRequests(f.model); n != 0 {
		t.Errorf("%d translation requests for a conversation in one language", n)
	}
}
