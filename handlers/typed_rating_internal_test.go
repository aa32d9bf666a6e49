package handlers

import "testing"

func TestTypedRatings(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]int{
		"5星": 5, "5星，谢谢师傅": 5, "五星": 5, "四颗星": 4, "3分": 3, "两星": 2, "5 stars": 5, "1 star": 1,
		"⭐⭐⭐⭐⭐": 5, "⭐⭐⭐": 3, "很满意": 5, "很满意，谢谢": 5, "满意": 4, "满意谢谢师傅": 4, "一般": 3, "不满意": 2, "非常不满意": 1,
		"very satisfied": 5, "five stars": 5, "4/5": 4, "5/5!": 5, "10/10 thanks": 5, "not happy with the service": 2, "3/4 of owners": 0, "not satisfied": 2, "Excellent, thanks!": 5, "good": 4, "还行吧": 3, "一般般": 3, "不错": 4, "差": 1, "满意满意 辛苦了": 5, "很好 谢谢": 5, "fine": 3, "It was ok": 3, "Thanks, 5 stars!": 5, "5 stars, great work": 5, "3分钟后到": 0, "一分钱没花": 0,
		"给你们打个三分吧": 3, "给你们打五星": 5, "打个五分": 5, "给3分吧": 3, "蛮好额": 4, "三分之二的业主同意": 0,
		// stars among grading words, 好评 and emoji with words
		"good job, 5 stars": 5, "还行吧，3星": 3, "非常好，5星": 5, "挺好的五星好评": 5, "给个好评": 5, "给个差评": 1, "中评": 3,
		"5⭐": 5, "5 ⭐️": 5, "非常满意⭐⭐⭐⭐⭐": 5, "很满意 给5分": 5, "5星好评 谢谢": 5, "一般吧 三星": 3,
		"5星级酒店附近有停车场吗": 0, "五星级酒店": 0, "很好 15星": 0, "还行 3星 4星": 0, "电梯还行 3星": 0, "someone 5 stars": 0,
		// no rating
		"5号楼电梯坏了": 0, "一星期了还是没修好": 0, "两星期了，灯又不亮了": 0, "三分之一的灯还是不亮": 0, "三星冰箱坏了": 0, "四分五裂": 0, "1 star, nobody came": 0, "我家在5楼": 0, "不满意，根本没人来": 0, "3号楼2单元": 0, "满意度调查是什么": 0, "好的": 0, "ok": 0, "谢谢": 0,
	} {
		if got := typedRating(text); got != want {
			t.Errorf("typedRating(%q) = %d, want %d", text, got, want)
		}
	}
}

// A rating may open a message and go on with a comment; words that only
// look like one ("一星期", "5分钟", "good morning") are none.
func TestTypedRatingWithComment(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]int{
		"很满意，师傅很负责": 5, "5星！师傅很好": 5, "1星，太差劲了": 1, "一星 太差": 1, "only 2 stars, took forever": 2,
		"不满意，等了一个礼拜": 2, "thanks, 4 stars, quick work": 4,
		"一星期了还没人来": 0, "5分钟前又坏了": 0, "三分之一的灯不亮": 0, "good morning, when is the gym open": 0,
		"fine, but the lift is broken again": 0, "满意": 0, "非常好，5星，师傅很负责": 5, "很好，1星，根本没人来": 1, "很好，5星级酒店都没这么贵": 0,
		"terrible noise from the flat upstairs every night": 0, "差 3号楼门口又有人乱停车": 0, "五星级酒店都没这么贵": 0, "两分多钟就跳闸一次": 0, "一分钱都不想交了": 0,
	} {
		if got, _ := typedRatingWithComment(text); got != want {
			t.Errorf("typedRatingWithComment(%q) = %d, want %d", text, got, want)
		}
	}
}

// A remark on how the work was done grades it, with or without naming who
// did it; a greeting to them ("师傅好") does not.
func TestRemarkStars(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]int{
		"修得很快": 5, "修得很快 谢谢师傅": 5, "修得挺快的": 4, "干得好": 4, "处理得太慢了": 1, "师傅修得很快": 5, "服务很差": 1,
		"they fixed it fast": 4, "fixed it really quickly": 5, "the plumber fixed it well": 4, "thank you they fixed it fast": 4,
		"你们好": 0, "师傅好": 0, "很快": 0, "修得": 0, "fixed it": 0, "they fixed it yesterday": 0, "修得很快就又坏了": 0,
	} {
		if got := remarkStars(text); got != want {
			t.Errorf("remarkStars(%q) = %d, want %d", text, got, want)
		}
	}
}
