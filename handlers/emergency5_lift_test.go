package handlers_test

import (
	"strings"
	"testing"
)

// Someone shut in a lift, told in Shanghainese or asked as "what do I do"
// ("…出不来 哪能办啊", "…出不来怎么办"), gets the lift advice and then an
// urgent report to the property company, like the plain statement: not an
// FAQ answer in place of the report.
func TestShutInALiftInShanghaineseGetsAdviceThenAnUrgentReport(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"阿拉老头子关在电梯里厢了 出不来 哪能办啊",
		"阿拉老头子关在电梯里厢了出不来哪能办啊", // voice-to-text, no punctuation
		"电梯关牢了 里厢有人",
		"电梯卡住了 我出不来怎么办",
	} {
		f := newTicketFixture(t, nil)
		before := f.out.count()
		f.say(t, resident, text)
		got := texts(f.out.sentSince(before))
		if len(got) != 2 || !strings.HasPrefix(got[0], "⚠️") || !strings.Contains(got[0], "警铃") {
			t.Fatalf("%q: want the lift advice, then the report; got %q", text, got)
		}
		if !strings.Contains(got[1], "工单") || !strings.Contains(got[1], "位置") {
			t.Fatalf("%q: after the advice a report is drafted, asking where: %q", text, got[1])
		}
		preview := f.say(t, resident, "7号楼2单元")
		if !strings.Contains(preview.Text, "【电梯故障】") || !strings.Contains(preview.Text, "【物业】") || !strings.Contains(preview.Text, "确认发送吗") {
			t.Fatalf("%q: the lift report goes to the property company: %q", text, preview.Text)
		}
		f.press(t, resident, findData(t, preview, "c:send:"))
		var card string
		for _, m := range f.deliver(t) {
			if m.Purpose == "card" {
				card = m.Text
			}
		}
		if !strings.Contains(card, "URGENT") || !strings.Contains(card, text) {
			t.Errorf("%q: the staff card is not an urgent one of these words:\n%s", text, card)
		}
	}
}

// Sparks from the meter box get the fire advice and an urgent report; a
// lift danger only imagined ("万一…哪能办") or a shut lift door with nobody
// inside gets no advice.
func TestSparksAreAFireAndAnImaginedLiftDangerIsNone(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	before := f.out.count()
	f.say(t, resident, "电表箱冒火星")
	if got := texts(f.out.sentSince(before)); len(got) != 2 || !strings.Contains(got[0], "119") || !strings.Contains(got[1], "位置") {
		t.Fatalf("sparks: the fire advice, then the report: %q", got)
	}
	if preview := f.say(t, resident, "5号楼楼道"); !strings.Contains(preview.Text, "【物业】") {
		t.Errorf("sparks go to the property company: %q", preview.Text)
	}
	for _, text := range []string{"万一被关在电梯里哪能办", "电梯门关不牢", "打火机没火星了"} {
		g := newTicketFixture(t, nil)
		before := g.out.count()
		g.say(t, resident, text)
		for _, m := range g.out.sentSince(before) {
			if strings.Contains(m.Text, "⚠️") {
				t.Errorf("%q is no danger now, got %q", text, m.Text)
			}
		}
	}
}
