package faq

import (
	"slices"
	"testing"
)

func TestTokensChinese(t *testing.T) {
	got := Tokens("电梯坏了吗")
	for _, want := range []string{"电", "梯", "电梯", "梯坏", "坏", "#lift", "#repair"} {
		if !slices.Contains(got, want) {
			t.Errorf("Tokens(电梯坏了吗) = %v, missing %q", got, want)
		}
	}
	for _, stop := range []string{"了", "吗", "了吗"} {
		if slices.Contains(got, stop) {
			t.Errorf("Tokens(电梯坏了吗) = %v, has function word %q", got, stop)
		}
	}
}

func TestTokensTraditionalEqualsSimplified(t *testing.T) {
	if a, b := Tokens("維修資金"), Tokens("维修资金"); !slices.Equal(a, b) {
		t.Errorf("traditional %v != simplified %v", a, b)
	}
}

func TestTokensEnglish(t *testing.T) {
	got := Tokens("How are the owners' committees charging the fees?")
	for _, want := range []string{"owner", "committee", "charg", "fee", "#owners_committee"} {
		if !slices.Contains(got, want) {
			t.Errorf("Tokens = %v, missing %q", got, want)
		}
	}
	for _, stop := range []string{"how", "are", "the"} {
		if slices.Contains(got, stop) {
			t.Errorf("Tokens = %v, has stop word %q", got, stop)
		}
	}
}

func TestStemEnglish(t *testing.T) {
	groups := [][]string{
		{"charge", "charges", "charging", "charged"},
		{"owner", "owners"},
		{"party", "parties"},
		{"stop", "stopped", "stopping"},
		{"agreement", "agree", "agrees"},
		{"month", "monthly"},
	}
	for _, g := range groups {
		for _, w := range g[1:] {
			if a, b := stemEnglish(g[0]), stemEnglish(w); a != b {
				t.Errorf("stem(%q)=%q but stem(%q)=%q", g[0], a, w, b)
			}
		}
	}
	// short stems keep their e: these must not fall together
	for _, pair := range [][2]string{{"rate", "rat"}, {"care", "car"}, {"site", "sit"}, {"note", "not"}, {"tape", "tap"}} {
		if a, b := stemEnglish(pair[0]), stemEnglish(pair[1]); a == b {
			t.Errorf("stem(%q) = stem(%q) = %q", pair[0], pair[1], a)
		}
	}
	for _, g := range [][]string{{"pay", "paid"}, {"spend", "spent"}, {"child", "children"}, {"vote", "voting", "voted"},
		{"rate", "rates", "rated"}, {"apply", "applied", "applies"}, {"neighbor", "neighbours"}} {
		for _, w := range g[1:] {
			if a, b := stemEnglish(g[0]), stemEnglish(w); a != b {
				t.Errorf("stem(%q)=%q but stem(%q)=%q", g[0], a, w, b)
			}
		}
	}
	if stemEnglish("bus") != "bus" || stemEnglish("gas") != "gas" {
		t.Errorf("short words must stay: bus->%q gas->%q", stemEnglish("bus"), stemEnglish("gas"))
	}
}

func TestStopWordsAreWordsNotStems(t *testing.T) {
	// "use" stems like the stop word "us" but carries meaning
	if got := Tokens("what can we use it for"); !slices.Contains(got, stemEnglish("use")) {
		t.Errorf("Tokens = %v, lost %q", got, "use")
	}
	// contractions typed without an apostrophe are function words
	if got := Tokens("whats the deadline"); slices.Contains(got, "whats") || slices.Contains(got, "what") {
		t.Errorf("Tokens = %v, kept a contraction", got)
	}
}

func TestChineseFillerPhrasesCarryNoTerms(t *testing.T) {
	got := Tokens("闻到煤气味怎么办")
	for _, noise := range []string{"办", "么办", "#apply"} {
		if slices.Contains(got, noise) {
			t.Errorf("Tokens = %v, has %q from the filler 怎么办", got, noise)
		}
	}
	if !slices.Contains(Tokens("怎么办理居住证"), "#apply") {
		t.Errorf("办理 after 怎么 must still be found: %v", Tokens("怎么办理居住证"))
	}
}

func TestCoveredTermsAreThoseInsideLexiconPhrases(t *testing.T) {
	var covered []string
	terms := appendTokensCovered(nil, &covered, Normalize("维修基金余额 charging point near gate 7"), nil)
	for _, c := range []string{"维修", "基金", "charg", "point"} {
		if !slices.Contains(covered, c) {
			t.Errorf("covered %v lacks %q (terms %v)", covered, c, terms)
		}
	}
	if slices.Contains(covered, "near") || slices.Contains(covered, "7") {
		t.Errorf("covered %v has a word outside any phrase", covered)
	}
}

func TestSynonymConceptsBridgeLanguages(t *testing.T) {
	pairs := [][2]string{
		{"电梯", "elevator"}, {"升降机", "lift"}, {"维修基金", "sinking fund"},
		{"业委会", "owners' committee"}, {"管理费", "service charge"}, {"垃圾", "rubbish"},
		{"监控", "CCTV"}, {"群租", "group rental"}, {"加装电梯", "adding a lift"},
	}
	for _, p := range pairs {
		zh, en := Tokens(p[0]), Tokens(p[1])
		shared := false
		for _, t := range zh {
			if t[0] == '#' && slices.Contains(en, t) {
				shared = true
			}
		}
		if !shared {
			t.Errorf("%q %v and %q %v share no concept", p[0], zh, p[1], en)
		}
	}
}

func TestTyposAreFixedAgainstVocabulary(t *testing.T) {
	f := newTypoFixer(map[string]int{"elevator": 3, "maintenance": 2, "while": 1, "access": 1, "walls": 1})
	for in, want := range map[string]string{
		"elevater": "elevator", "maintanence": "maintenance", "elevator": "elevator",
		"passport": "passport", // nothing close: unchanged
		"whale":    "whale",    // five letters: no substitution
		"wells":    "wells",
		"acess":    "access", // ...but the letter it lacks
		"card":     "card",   // four letters: never
	} {
		if got := f.fix(in); got != want {
			t.Errorf("fix(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestGreetingsAreNoTopic(t *testing.T) {
	for text, gone := range map[string][]string{
		"good morning, how do I pay the property fee": {"good", "morn", "#morning"},
		"Good evening! lift broken":                   {"good", "even", "#night"},
		"早上好，物业费怎么交":                                  {"早", "早上", "#morning"},
	} {
		got := Tokens(text)
		for _, g := range gone {
			if slices.Contains(got, g) {
				t.Errorf("Tokens(%q) = %v, has %s from the greeting", text, got, g)
			}
		}
	}
	if got := Tokens("the office is closed in the morning"); !slices.Contains(got, "#morning") {
		t.Errorf("Tokens(morning outside a greeting) = %v, want #morning", got)
	}
}

func TestOrdinalsAndTimesAreNumbers(t *testing.T) {
	for _, s := range []string{"6th", "22nd", "1st", "3rd", "10pm", "7am", "12"} {
		if k := termKindOf(s); k != number {
			t.Errorf("termKindOf(%q) = %v, want number", s, k)
		}
	}
	for _, s := range []string{"th", "pm", "b2", "6f", "room"} {
		if k := termKindOf(s); k == number {
			t.Errorf("termKindOf(%q) = number, want a word", s)
		}
	}
}

// Residents writing English type estate words they know only in Chinese in
// pinyin; a spelling that is an English word keeps its English meaning.
func TestPinyinSpellingsOfLexiconPhrases(t *testing.T) {
	for text, concept := range map[string]string{
		"is the wuye office open today":      "#property_company",
		"can the yeweihui decide this alone": "#owners_committee",
		"what do i need for a juzhuzheng":    "#residence_registration",
		"does the juweihui do mediation":     "#neighborhood_committee",
		"is a fapiao available for the fee":  "#invoice",
	} {
		if got := Tokens(text); !slices.Contains(got, concept) {
			t.Errorf("Tokens(%q) = %v, want %s", text, got, concept)
		}
	}
	if got := Tokens("we moved to shanghai last year"); slices.Contains(got, "#safe") {
		t.Errorf("Tokens(shanghai) = %v: the city is no 伤害 (harm)", got)
	}
}

func TestDialectsMeetMandarin(t *testing.T) {
	for _, c := range []struct{ cantonese, mandarin string }{
		{"部𨋢壞咗", "电梯坏了"},
		{"管理處喺邊度㗎", "管理处在哪里啊"},
		{"隔籬屋好嘈", "隔壁好吵"},
		{"泊車幾多錢", "停车多少钱"},
		{"有冇人搵過你", "有没有人找过你"},
		{"电梯坏了莫得人管，咋个办", "电梯坏了没有人管，怎么办"},
		{"物业在哪儿，甭跑了", "物业在哪里，不用跑了"},
		{"阿拉楼里覅堆东西", "我们楼里不要堆东西"},
		{"投票要带么子材料，么样搞", "投票要带什么材料，怎么样搞"},
		{"物业为么事被换了，冇得人讲", "物业为什么被换了，没有人讲"},
		{"厨房一股煤气味儿，暖气费能少交点儿不", "厨房一股煤气味，暖气费能少交点不"},
		{"小孩儿在楼道玩儿", "小孩在楼道玩"},
		{"厨房一股子煤气味儿", "厨房有煤气味"},
		{"侬晓得换电梯辰光上下楼哪能办伐", "你知道换电梯时候上下楼怎么办伐"},
		{"屋里厢停车费几钿，啥人收", "家里停车费多少钱，谁收"},
		{"电瓶车哪能充电，啥地方充", "电瓶车怎么充电，哪里充"},
	} {
		got, want := Tokens(c.cantonese), Tokens(c.mandarin)
		slices.Sort(got)
		slices.Sort(want)
		got, want = slices.Compact(got), slices.Compact(want)
		if !slices.Equal(got, want) {
			t.Errorf("Tokens(%q) = %v, want those of %q: %v", c.cantonese, got, c.mandarin, want)
		}
	}
	// characters that are Mandarin words too stay themselves outside the
	// Cantonese words they form
	for _, s := range []string{"几点开门", "旁边", "联系物业", "整改", "儿童乐园", "我儿子", "我女儿", "幼儿园", "婴儿车", "托儿所", "新生儿", "儿科", "孙儿", "小儿麻痹", "一儿一女", "有一股东不同意", "在哪能看到", "去哪能办", "从哪能进", "阿拉伯", "怎么样", "什么事", "为什么", "什么样的", "没得到回复"} {
		if foldDialects(Normalize(s)) != Normalize(s) {
			t.Errorf("foldDialects changed Mandarin %q", s)
		}
	}
}
