package handlers

import "testing"

func TestTypedYesAndNo(t *testing.T) {
	t.Parallel()
	// words that answer "is this your reply?", and only that question
	for _, s := range []string{"对的，是回复", "是给物业的", "yes this is my reply", "it's for the ticket"} {
		if !typedReplyYes(s) || typedYes(s) {
			t.Errorf("%q: want a yes to the reply question only", s)
		}
	}
	for _, s := range []string{"好的", "好的发吧", "对对对 就这样发", "是的", "嗯嗯", "确认发送", "可以，发吧！", "ok", "yes pls send", "Yes, send it.", "OK thanks", "sure go ahead", "that's right",
		"可以的", "好哒", "好嘞", "好的呢", "好的哦", "恩恩", "嗯呢", "没错", "ok发吧", "OK的", "发一下", "请发送", "直接发", "就发这个",
		"yea", "ya", "sounds good", "all good", "perfect", "submit", "alright", "go for it",
	} {
		if !typedYes(s) || typedNo(s) {
			t.Errorf("%q: want a yes", s)
		}
	}
	for _, s := range []string{"不是", "不用了", "不对", "no", "nope, not that", "no thanks"} {
		if !typedNo(s) || typedYes(s) {
			t.Errorf("%q: want a no", s)
		}
	}
	// answers with content, questions and other matters are neither
	for _, s := range []string{"好的，下午3点可以", "yes 3pm is fine", "是不是要交钱", "不知道在哪", "ok but the lift is broken again",
		"yesterday", "好的发吧 还有电梯也坏了", "不是这个问题", "", "👍",
		"谢谢", "thanks", "哈哈哈", "啊", "了", "嗯？", "好的?", "确定?", "行了行了", "好了好了", "没问题了", "is it?", "right?", "now",
		"right now", "now is fine", "you", "that", "没有了", "没有"} {
		if typedYes(s) || typedNo(s) {
			t.Errorf("%q: want neither yes nor no", s)
		}
	}
}
