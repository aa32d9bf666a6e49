package handlers

import "testing"

// A message made only of pleasantries is small talk however they combine;
// a question after a greeting is not.
func TestSmallTalkRuns(t *testing.T) {
	t.Parallel()
	for q, want := range map[string]smallTalk{
		"ok thanks": thanks, "ok, thank you": thanks, "Great, thanks": thanks, "好的谢谢": thanks, "好的，谢谢！": thanks,
		"hi there, thanks": thanks, "okay bye": goodbye, "谢谢你们": thanks,
		"你好，我要投诉": menuConcern, "好的，我要报修": menuConcern, "谢谢，转人工": wantsPerson, "hello agent": wantsPerson,
		"thanks it works now": thanks, "已经解决了，没事了，谢谢": thanks, "已经解决了，没事了": settled, "it works now": settled,
		"喂喂喂 有人吗": wantsPerson, "有人在吗？": wantsPerson, "hello?? nobody answer me": wantsPerson, "is anyone there": wantsPerson,
		"能不能给我回个电话": wantsPerson, "please call me back": wantsPerson, "我要找物业经理，让他给我打电话": wantsPerson,
		"好的谢谢侬": thanks, "修好了，谢谢师傅": thanks, "晓得了": goodbye, "我要投诉物业": menuConcern,
		"你好，请问电梯什么时候换": notSmallTalk, "物业电话打不通，给我回电话的人也没有": notSmallTalk,
		"让师傅来之前给我打个电话": notSmallTalk, "我叫物业经理给我回电话，到现在也没打，电梯还是坏的": notSmallTalk, "thanks for nothing the lift is still broken": notSmallTalk, "ok 3号楼电梯坏了": notSmallTalk,
	} {
		if got := classifySmallTalk(q); got != want {
			t.Errorf("classifySmallTalk(%q) = %d, want %d", q, got, want)
		}
	}
}

// A thumbs-up thanks; an angry face is frustration; a mix, or an emoji with
// words, is neither.
func TestEmojiSmallTalk(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]smallTalk{
		"👍": thanks, "👍🏻👍🏻": thanks, "🙏 ❤️": thanks, "😡😡😡": abuse, "👎": abuse,
		"👍😡": notSmallTalk, "🏠": notSmallTalk, "👍 电梯坏了": notSmallTalk, "": notSmallTalk,
	} {
		if got := emojiSmallTalk(text); got != want {
			t.Errorf("emojiSmallTalk(%q) = %d, want %d", text, got, want)
		}
	}
}
