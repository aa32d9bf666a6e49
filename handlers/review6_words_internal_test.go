package handlers

import (
	"testing"

	"codesk/tickets"
)

func reviewHandler(t *testing.T) *Handler {
	t.Helper()
	router, err := tickets.NewRouter(tickets.DefaultRules())
	if err != nil {
		t.Fatal(err)
	}
	return New(Deps{Router: router})
}

// A cancel with thanks after one space cancels; a cancel of something else,
// with thanks or not, does not.
func TestCancelWithThanksAfterASpace(t *testing.T) {
	t.Parallel()
	h := reviewHandler(t)
	for text, want := range map[string]bool{
		"算了 谢谢": true, "我要取消这个报修 谢谢": true, "不用了 谢谢": true, "不要了 谢谢你": true,
		// stays
		"算了，谢谢": true, "我想取消停车位 谢谢": false, "等会再说 我先拍个照": false, "不要了 我自己修好了": false,
	} {
		if got := cancelsDraft(text, stepPreview); got != want {
			t.Errorf("cancelsDraft(%q) = %v, want %v", text, got, want)
		}
	}
	for text, want := range map[string]bool{"我要取消这个报修 谢谢": false, "取消这个报修，thanks": false, "我想取消停车位": true, "我想取消停车位 谢谢": true} {
		if got := h.cancelsAnotherThing(text); got != want {
			t.Errorf("cancelsAnotherThing(%q) = %v, want %v", text, got, want)
		}
	}
}

// Asking after one's own report in Shanghainese ("阿拉的单子哪能了") is a
// chase through chase.go's words alone; how repairs work is not.
func TestOwnReportAskedAfterInEverydayWords(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]bool{
		"我的单子哪能了": true, "阿拉的单子哪能了": true, "我报的单子咋样了": true, "我的单子呢": true, "阿拉单子有消息伐": true,
		"我的投诉怎么了": true, "我报的灯修了没有": true,
		// stays: how reporting works
		"报修怎么样": false, "报修要钱吗": false, "报修的话处理吗": false, "单子怎么填": false,
	} {
		if got := asksAfterOwnReport(text); got != want {
			t.Errorf("asksAfterOwnReport(%q) = %v, want %v", text, got, want)
		}
	}
}

// Words that tell more than a chase (the fix failed, worse now, a problem)
// make it no plain chase; a question besides is no news.
func TestAChaseThatTellsMore(t *testing.T) {
	t.Parallel()
	h := reviewHandler(t)
	for text, want := range map[string]bool{
		"我报的灯修好了伐 还是不亮": true, "我之前报的修了没 现在更严重了 水漫到客厅了": true, "我反映的楼上噪音怎么样了 昨晚又吵到两点": true,
		"I reported the leak last week, it's getting worse": true,
		// stays
		"我的投诉怎么了": false, "我的单子哪能了": false, "我报的电梯怎么还没修": false, "漏水的事怎么样了 还有维修资金怎么用": false,
		"any update on my ticket?": false,
	} {
		if got := h.tellsMore(text); got != want {
			t.Errorf("tellsMore(%q) = %v, want %v", text, got, want)
		}
	}
}

// The menu's words for reporting are one list (menuConcern small talk),
// which "report it" after an answer also reads.
func TestTheMenusReportWordsAreOneList(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]bool{
		"反映一下": true, "我要报修": true, "你好，我要投诉": true, "报告": true, "投诉一下吧": true, "我想反映个问题": true,
		"投诉物业": true, "I want to report it": true, "帮我反映一下": true,
		// stays
		"帮我问一下": false, "报修要钱吗": false, "投诉电话是多少": false, "report the broken lift": false,
	} {
		if got := reportRequest(text); got != want {
			t.Errorf("reportRequest(%q) = %v, want %v", text, got, want)
		}
	}
	for _, text := range []string{"反映一下", "我要报修", "你好，我要投诉", "报修"} {
		if k := classifySmallTalk(text); k != menuConcern {
			t.Errorf("classifySmallTalk(%q) = %d, want menuConcern", text, k)
		}
	}
}

// One subject helper: what a report names, shared by a later message, a
// chase's subject, or a draft; another building or "也" is another one.
func TestSharedSubjectAndAnotherOfTheSame(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		text, subject string
		want          bool
	}{
		{"楼上卫生间漏水到我家了", "楼上那家人一直不开门", true},
		{"卫生间天花板漏水", "渗水的问题", true},
		{"kitchen drain blocked", "drain", true},
		{"the bins are overflowing", "bin", true},
		{"water from the upstairs bathroom", "also the upstairs neighbour", true},
		{"5号楼电梯坏了", "3号楼门口垃圾没人收", false},
		{"kitchen drain blocked", "the gym", false},
		{"the light is out", "the one", false},
	} {
		if got := sharesSubject(c.text, c.subject); got != c.want {
			t.Errorf("sharesSubject(%q, %q) = %v, want %v", c.text, c.subject, got, c.want)
		}
	}
	for _, c := range []struct {
		reported, text string
		want           bool
	}{
		{"5号楼电梯坏了", "3号楼电梯也坏了", true},
		{"5号楼电梯坏了", "3号楼电梯按钮没反应", true},
		{"十五号楼电梯坏了", "12栋电梯按钮没反应", true},
		{"the lift in building 5 is broken", "the lift in building 3 is stuck", true},
		{"5号楼电梯坏了", "电梯按钮按了没反应", false},
		{"十五号楼电梯坏了", "15号楼电梯按钮没反应", false},
	} {
		if got := anotherOfTheSame(c.reported, c.text); got != c.want {
			t.Errorf("anotherOfTheSame(%q, %q) = %v, want %v", c.reported, c.text, got, c.want)
		}
	}
}

// Besides "I don't know the building", what else is said, in the
// resident's own words; a place only when it reads like one.
func TestUnknownPlaceKeepsTheResidentsWords(t *testing.T) {
	t.Parallel()
	h := reviewHandler(t)
	for _, c := range []struct {
		text, rest string
		place      bool
	}{
		{"I don't know the building number, it's next to the North Gate.", "next to the North Gate", true},
		{"不记得门牌号了 就在北门车棚旁边", "就在北门车棚旁边", true},
		{"不知道几号楼，就是我家门口那部！", "我家门口那部", true},
		{"不知道位置 你们能不能派人来看看", "你们能不能派人来看看", false},
		{"我也不知道具体位置，水已经漫到走廊了", "水已经漫到走廊了", false},
		{"不记得门牌号了 …", "", false},
	} {
		rest, ok := unknownPlace(c.text)
		if !ok || rest != c.rest || (rest != "" && h.readsLikePlace(rest) != c.place) {
			t.Errorf("unknownPlace(%q) = %q %v (place %v), want %q (place %v)", c.text, rest, ok, h.readsLikePlace(rest), c.rest, c.place)
		}
	}
	// what no longer reads as water indoors: no problem told
	for _, q := range []string{"家里有水表吗", "窗户漏风怎么办", "地上有水渍怎么清理", "is the wall water-proof", "can water damage the wall paint"} {
		if h.complains(q) {
			t.Errorf("complains(%q) = true, want a question", q)
		}
	}
	if !h.complains("我想问一下那个外墙的事情就是我们家那个北面房间下雨天墙上都是水…我是十五号楼的") {
		t.Errorf("the wet wall is a problem told")
	}
}
