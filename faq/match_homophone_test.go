package faq

import "testing"

func TestHomophoneFixerRepairsPinyinSlips(t *testing.T) {
	m := NewMatcher(append(fixtureEntries(),
		Entry{ID: "duty-rota", Questions: []string{"值班表在哪里看？"}, Answer: Answer{ZH: "值班表贴在办公室门口。", EN: "The rota is posted at the office door."}},
		Entry{ID: "roof-leak", Questions: []string{"楼顶漏水找谁？"}, Answer: Answer{ZH: "楼顶漏水请报修，顶楼住户优先。", EN: "Report a roof leak; top-floor flats first."}},
	))
	cases := []struct{ typed, want string }{
		// 废 (fèi) is in no entry; 费 makes 物业费's 业费
		{"物业废怎么交", "物业费怎么交"},
		{"值斑表在哪", "值班表在哪"},
		// 瓶 completes the lexicon phrase 电瓶车 though the FAQ never says it
		{"电平车能充电吗", "电瓶车能充电吗"},
		// the FAQ uses 漏 itself, and only one neighbour would make a word
		// with 楼 (顶楼): a known character is not a typo on that evidence
		{"楼顶漏了好几年", "楼顶漏了好几年"},
		// out-of-scope words have no homophone the FAQ uses
		{"护照到期去哪换", "护照到期去哪换"},
		// common characters make words with anything: 接 and 说 stay
		{"物业晚上有人接电话吗", "物业晚上有人接电话吗"},
		{"有人说要全部签字", "有人说要全部签字"},
		{"how do i pay the fee", "how do i pay the fee"},
		// after a number a character is a measure word: 幢 (zhuàng) would
		// otherwise become 装 of the lexicon's 装电梯, a lift addition
		{"18幢电梯又停了", "18幢电梯又停了"},
	}
	for _, c := range cases {
		if got, _ := m.homophones.fix(nil, Normalize(c.typed)); got != Normalize(c.want) {
			t.Errorf("fix(%q) = %q, want %q", c.typed, got, c.want)
		}
	}
}

func TestHomophoneSlipScoresLikeTheRightSpelling(t *testing.T) {
	m := NewMatcher(fixtureEntries())
	for typed, right := range map[string]string{
		"物业废可以用支付宝交吗": "物业费可以用支付宝交吗",
		"物业废怎么交":      "物业费怎么交",
	} {
		got, want := m.Match(typed), m.Match(right)
		if got.ID != "fee-payment" || got.Score != want.Score {
			t.Errorf("Match(%q) = %q %.3f, want fee-payment %.3f like %q", typed, got.ID, got.Score, want.Score, right)
		}
	}
}

func TestPinyinTableReadings(t *testing.T) {
	tab := loadPinyin()
	same := func(a, b rune) bool {
		for _, x := range tab.appendSyllables(nil, a) {
			for _, y := range tab.appendSyllables(nil, b) {
				if x == y {
					return true
				}
			}
		}
		return false
	}
	for _, p := range [][2]rune{{'废', '费'}, {'斑', '班'}, {'平', '瓶'}, {'行', '航'}, {'长', '涨'}} {
		if !same(p[0], p[1]) {
			t.Errorf("%c and %c should share a reading", p[0], p[1])
		}
	}
	if same('费', '班') {
		t.Error("费 and 班 share no reading")
	}
	if got := tab.appendSyllables(nil, 'a'); len(got) != 0 {
		t.Errorf("a Latin letter has readings %v", got)
	}
}

// The default FAQ's answer text says 访客停到: its bigram 客停 joins two
// words, so it must not turn 客厅 (living room) into 客停.
func TestHomophoneOneSidedRepairNeedsALexiconWord(t *testing.T) {
	m := NewMatcher(Default())
	for _, text := range []string{"厨房跟客厅中间那堵墙想打掉", "物业费怎么交"} {
		if got, _ := m.homophones.fix(nil, text); got != text {
			t.Errorf("fix(%q) = %q, want it unchanged", text, got)
		}
	}
	if got, _ := m.homophones.fix(nil, "物业废怎么交"); got != "物业费怎么交" {
		t.Errorf("fix(物业废怎么交) = %q, want 物业费怎么交", got)
	}
}
