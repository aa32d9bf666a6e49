package faq

import (
	"sync"
	"testing"
)

// fixtureEntries is a small bilingual FAQ of a fictional estate, with
// near-neighbours (two lift entries, two maintenance-fund entries) and
// entries whose questions are in one language only.
func fixtureEntries() []Entry {
	return []Entry{
		{ID: "office-hours", Questions: []string{"物业办公室几点开门？", "When is the management office open?"},
			Answer: Answer{ZH: "物业服务中心在3号楼一楼，周一至周六 8:00–18:00 开放，周日休息。", EN: "The management office is on the ground floor of Building 3, open Monday–Saturday 8:00–18:00, closed on Sundays."}},
		{ID: "lift-breakdown", Questions: []string{"电梯坏了找谁修？", "电梯困人怎么办"},
			Answer: Answer{ZH: "电梯故障或困人请拨打物业24小时电话 400-000-0000，维保单位30分钟内到场。", EN: "For a broken lift or someone trapped, call the 24-hour property line 400-000-0000; the lift contractor arrives within 30 minutes."}},
		{ID: "lift-addition", Questions: []string{"老楼加装电梯要多少户同意？"},
			Answer: Answer{ZH: "加装电梯须本单元三分之二以上业主参与表决，且参与表决的四分之三以上同意。", EN: "Adding a lift needs two-thirds of the stairwell's owners to take part and three-quarters of them to agree."}},
		{ID: "fund-use", Questions: []string{"How do we get approval to use the maintenance fund?"},
			Answer: Answer{ZH: "使用维修资金须经参与表决的业主过半数同意，由业委会组织表决。", EN: "Using the maintenance fund needs more than half of the participating owners; the owners' committee organises the vote."}},
		{ID: "fund-topup", Questions: []string{"维修资金不够了怎么续筹？"},
			Answer: Answer{ZH: "续筹维修资金须经参与表决的业主四分之三以上同意。", EN: "Topping up the maintenance fund needs three-quarters of the participating owners to agree."}},
		{ID: "fee-payment", Questions: []string{"物业费怎么交？", "Can I pay the property fee online?"},
			Answer: Answer{ZH: "物业费可通过微信小程序、支付宝或在服务中心现金缴纳。", EN: "Pay the property fee in the WeChat mini program, with Alipay or in cash at the office."}},
		{ID: "garbage-times", Questions: []string{"几点可以扔垃圾？", "What are the rubbish drop-off times?"},
			Answer: Answer{ZH: "垃圾投放时间为每天 7:00–9:00 和 18:00–20:00。", EN: "Waste can be dropped off every day 7:00–9:00 and 18:00–20:00."}},
		{ID: "dog-licence", Questions: []string{"How do I register my dog?"},
			Answer: Answer{ZH: "养犬须先接种狂犬疫苗，再到派出所办理犬只登记。", EN: "Get the rabies vaccination first, then register the dog at the police station."}},
		{ID: "group-rental", Questions: []string{"隔壁是群租房，怎么举报？"},
			Answer: Answer{ZH: "群租请向居委会举报，每间房最多住2人。", EN: "Report a group rental to the neighborhood committee; at most 2 people per room."}},
	}
}

func TestMatchFindsParaphrases(t *testing.T) {
	m := NewMatcher(fixtureEntries())
	cases := map[string]string{
		"物业费可以用支付宝交吗":                                 "fee-payment",
		"how do I pay the service charge with wechat": "fee-payment",
		"扔垃圾的时间是几点到几点":                                "garbage-times",
		"電梯壞了，找誰修":                                    "lift-breakdown",
		"someone is stuck in the elevator":            "lift-breakdown",
		"where do I get a licence for my dog":         "dog-licence",
		"how do I get my dog registered":              "dog-licence",
	}
	for q, want := range cases {
		r := m.Match(q)
		if r.ID != want {
			t.Errorf("Match(%q) = %q (score %.2f, candidates %v), want %q", q, r.ID, r.Score, r.Candidates, want)
		}
	}
}

func TestMatchTellsNearNeighboursApart(t *testing.T) {
	m := NewMatcher(fixtureEntries())
	cases := map[string]string{
		"电梯困住人了怎么办":                                                    "lift-breakdown",
		"我们单元想加装电梯，需要几户同意":                                             "lift-addition",
		"续筹维修资金要多少业主同意":                                                "fund-topup",
		"what share of owners must approve using the maintenance fund": "fund-use",
	}
	for q, want := range cases {
		if got := m.Rank(q, 1); len(got) == 0 || got[0].ID != want {
			t.Errorf("Rank(%q) = %v, want %q first", q, got, want)
		}
	}
}

func TestMatchCrossLanguage(t *testing.T) {
	m := NewMatcher(fixtureEntries())
	cases := map[string]string{
		// English question, entry asked only in Chinese
		"how do I report an illegal group rental next door": "group-rental",
		"how many households must agree to add a lift":      "lift-addition",
		// Chinese question, entry asked only in English
		"养狗怎么登记":      "dog-licence",
		"动用维修基金要怎么批准": "fund-use",
	}
	for q, want := range cases {
		r := m.Match(q)
		top := m.Rank(q, 1)
		if len(top) == 0 || top[0].ID != want {
			t.Errorf("Rank(%q) = %v, want %q first", q, top, want)
		}
		if r.ID != want && !hasCandidate(r, want) {
			t.Errorf("Match(%q) = %+v: %q neither answered nor offered", q, r, want)
		}
	}
}

func TestMatchRefusesChitChatAndUnrelated(t *testing.T) {
	m := NewMatcher(fixtureEntries())
	for _, q := range []string{
		"hello", "thanks a lot!", "你好", "谢谢", "今天天气怎么样", "tell me a joke",
		"which metro line goes to the airport", "护照怎么办理", "how do I renew my passport",
		"附近哪家医院好", "", "？？？",
	} {
		if r := m.Match(q); r.ID != "" {
			t.Errorf("Match(%q) answered %q with score %.2f", q, r.ID, r.Score)
		}
	}
}

func TestMatchResultShape(t *testing.T) {
	m := NewMatcher(fixtureEntries())
	r := m.Match("maintenance fund vote")
	if r.Score < 0 || r.Score > 1 {
		t.Errorf("score %v outside [0,1]", r.Score)
	}
	if len(r.Candidates) > 3 {
		t.Errorf("%d candidates, want at most 3", len(r.Candidates))
	}
	for i, c := range r.Candidates {
		if c.ID == r.ID {
			t.Errorf("candidates %v include the answer %q", r.Candidates, r.ID)
		}
		if i > 0 && c.Score > r.Candidates[i-1].Score {
			t.Errorf("candidates not best first: %v", r.Candidates)
		}
	}
	if r.ID == "" && !hasCandidate(r, "fund-use") && !hasCandidate(r, "fund-topup") {
		t.Errorf("Match(maintenance fund vote) = %+v: no fund entry offered", r)
	}
	if got := m.Match("hello"); got.Score != 0 || len(got.Candidates) != 0 {
		t.Errorf("Match(hello) = %+v, want nothing at all", got)
	}
}

func TestRank(t *testing.T) {
	m := NewMatcher(fixtureEntries())
	got := m.Rank("电梯", 3)
	if len(got) != 2 {
		t.Fatalf("Rank(电梯, 3) = %v, want the two lift entries", got)
	}
	for i := 1; i < len(got); i++ {
		if got[i].Score > got[i-1].Score {
			t.Errorf("Rank not best first: %v", got)
		}
	}
	if got := m.Rank("电梯", 0); len(got) != 0 {
		t.Errorf("Rank(k=0) = %v", got)
	}
	if got := NewMatcher(nil).Match("电梯"); got.ID != "" || got.Score != 0 {
		t.Errorf("empty matcher matched: %+v", got)
	}
}

func TestMatchTypoTolerance(t *testing.T) {
	m := NewMatcher(fixtureEntries())
	if got := m.Rank("the elevater is broken", 1); len(got) == 0 || got[0].ID != "lift-breakdown" {
		t.Errorf("Rank(elevater) = %v, want lift-breakdown", got)
	}
}

func TestMatcherConcurrentUse(t *testing.T) {
	m := NewMatcher(fixtureEntries())
	want := m.Match("物业费怎么交")
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				if got := m.Match("物业费怎么交"); got.ID != want.ID || got.Score != want.Score {
					t.Errorf("concurrent Match = %+v, want %+v", got, want)
					return
				}
				m.Match("the elevater is broken")
			}
		}()
	}
	wg.Wait()
}

func hasCandidate(r Result, id string) bool {
	for _, c := range r.Candidates {
		if c.ID == id {
			return true
		}
	}
	return false
}

// An answer that mentions the bot ("the bot passes it on") does not make
// questions about the bot its topic.
func TestMatchQuestionsAboutTheBotAreNoTopic(t *testing.T) {
	entries := append(fixtureEntries(), Entry{
		ID:        "message-committee",
		Questions: []string{"Can I leave a message for the owners' committee through this bot?", "能通过机器人给业委会留言吗"},
		Answer:    Answer{ZH: "可以，直接在这里留言，机器人会转给业委会。", EN: "Yes: leave a message here and the bot passes it to the owners' committee."},
	})
	m := NewMatcher(entries)
	for _, q := range []string{"are you a bot?", "is this a robot", "你是机器人吗", "这个机器人是谁开发的"} {
		if r := m.Match(q); r.ID != "" {
			t.Errorf("Match(%q) answered %q with score %.2f", q, r.ID, r.Score)
		}
	}
	if r := m.Match("can i send the owners committee a message via the bot"); r.ID != "message-committee" {
		t.Errorf("the entry's own question got %q, want message-committee", r.ID)
	}
}

// A word of the lexicon that the question uses outside any of its phrases
// ("weather" without "wet weather") is a word the FAQ lacks like any other:
// it must not be taken as carried by a concept the question never named.
func TestMatchLexiconWordOutsideItsPhraseIsUnknown(t *testing.T) {
	m := NewMatcher(append(fixtureEntries(), Entry{ID: "renovation-hours",
		Questions: []string{"装修可以在周末施工吗？", "Can renovation work be done at the weekend?"},
		Answer: Answer{ZH: "装修施工时间为工作日 8:00–12:00、14:00–18:00，周末和节假日不得进行产生噪音的施工。",
			EN: "Renovation work is allowed on weekdays 8:00–12:00 and 14:00–18:00; no noisy work at the weekend or on public holidays."}}))
	if r := m.Match("can the workers come this weekend?"); r.ID != "renovation-hours" {
		t.Fatalf("the weekend question itself: got %q, want renovation-hours", r.ID)
	}
	for _, q := range []string{"What's the weather like this weekend?", "any idea what the weather will be like this weekend"} {
		if r := m.Match(q); r.ID != "" {
			t.Errorf("Match(%q) answered %q (score %.2f), want no confident answer", q, r.ID, r.Score)
		}
	}
}

// A four- or five-letter word is corrected only by the letter it lacks
// ("tmes", "acess"): substituting a letter would turn real short words
// ("time", "fees") into others.
func TestShortWordsAreCorrectedOnlyByAMissingLetter(t *testing.T) {
	f := newTypoFixer(map[string]int{"times": 3, "access": 2, "fees": 4, "tome": 1})
	for typed, want := range map[string]string{"tmes": "times", "acess": "access", "feez": "feez", "time": "time", "tomb": "tomb"} {
		if got := f.fix(typed); got != want {
			t.Errorf("fix(%q) = %q, want %q", typed, got, want)
		}
	}
}
