package handlers

import "testing"

// Warm thanks, praise of the work, Shanghainese pleasantries, asking
// whether codesk is a robot, a joke asked for and scorn for the staff are
// small talk; the same words with a question or a matter told are not.
func TestSmallTalkInMoreWords(t *testing.T) {
	t.Parallel()
	for q, want := range map[string]smallTalk{
		// thanks said warmly, in English slang, or as praise of the work
		"非常感谢你们": thanks, "太感谢了": thanks, "太感谢了～": thanks, "真是太谢谢你们的帮助了": thanks, "十分感谢": thanks, "感谢感谢": thanks,
		"好的 非常感谢": thanks, "cheers mate": thanks, "Thanks guys!": thanks, "much appreciated": thanks, "thanks again": thanks,
		"they did a good job thanks": thanks, "They did a great job, thank you!": thanks, "the plumber was very helpful": thanks,
		"师傅很负责，谢谢": thanks, "服务很好": thanks, "good job": thanks, "well done": thanks,
		// Shanghainese: hello, have you eaten, OK, goodbye, are you a robot
		"侬好": greeting, "侬好呀": greeting, "侬吃过了伐": greeting, "你吃了吗？": greeting,
		// a person wanted instead of the bot, and scorn asked as a question
		"我要找真人！不要机器人": wantsPerson, "机器人听不懂，叫个人来": wantsPerson, "能不能让真人来回答": wantsPerson,
		"I want a real person not a bot": wantsPerson, "this bot doesn't understand, get me a human": wantsPerson,
		"你们物业到底干什么吃的": abuse, "你们物业到底干什么吃的！": abuse,
		"人工费多少钱": notSmallTalk, "机器人听不懂 楼道灯坏了": notSmallTalk,
		// an acknowledgement alone ("fine" is no penalty to look up)
		"fine": goodbye, "Fine.": goodbye, "that's fine": goodbye, "行吧": goodbye, "没问题": goodbye, "sounds good": goodbye,
		"fine by me": notSmallTalk, "罚款多少": notSmallTalk,
		"好额": goodbye, "再会": goodbye, "再会哦": goodbye, "晚安": goodbye,
		"侬是机器人伐": wantsPerson, "侬是机器人伐？": wantsPerson, "你是机器人吗": wantsPerson, "你是不是机器人": wantsPerson,
		"are you a bot?": wantsPerson, "Are you a real person?": wantsPerson, "am I talking to a bot?": wantsPerson,
		// a joke or codesk's name: chit-chat, the greeting answers it
		"tell me a joke": greeting, "Can you tell me a joke?": greeting, "讲个笑话吧": greeting, "给我讲个笑话": greeting, "What's your name?": greeting,
		// scorn for the staff
		"你们物业都是吃干饭的": abuse, "物业都是吃干饭的": abuse, "你们是干什么吃的": abuse, "要你们有什么用": abuse,
		"you guys are useless": abuse, "You're useless!": abuse, "you people are a joke": abuse, "the management is totally incompetent": abuse,
		// not small talk: a matter told or a question asked besides
		"物业都是吃干饭的 楼道灯坏了一个月没人修": notSmallTalk, "you guys are useless, the lift has been broken for a week": notSmallTalk,
		"物业费多少钱": notSmallTalk, "谢谢 另外电梯什么时候换": notSmallTalk, "太感谢了 但是灯还是不亮": notSmallTalk,
		"好额 3号楼电梯坏了": notSmallTalk, "楼下都是垃圾": notSmallTalk, "the lift is useless": notSmallTalk,
		"师傅很快就来吗": notSmallTalk, "terrible service": notSmallTalk, "they did a terrible job": notSmallTalk, "服务太差了": notSmallTalk,
		"讲一下停车规定": notSmallTalk, "tell me about the parking rules": notSmallTalk, "What is the weather tomorrow": notSmallTalk,
		"感谢信怎么写": notSmallTalk, "机器人停车库什么时候建好": notSmallTalk,
		"你们好": greeting, "师傅好": notSmallTalk, "谢谢你们的服务": thanks, "this service is rubbish": abuse,
	} {
		if got := classifySmallTalk(q); got != want {
			t.Errorf("classifySmallTalk(%q) = %d, want %d", q, got, want)
		}
	}
}

// "还可以吧", "pretty good" grade the work; a remark on it ("terrible
// service", "they did a good job") grades it and is the comment; a remark
// that goes on to another matter, or a grading word opening a report, is
// no rating.
func TestRatingsInMoreWords(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]int{
		"还可以吧": 3, "pretty good": 4, "Pretty good, thanks": 4, "not bad": 4, "really good": 5, "bad": 2, "太差劲了": 1,
		// remarks carry a comment: typedRatingWithComment's
		"terrible service": 0, "they did a good job thanks": 0,
		"pretty good parking rules": 0, "bad smell in the stairwell": 0, "rubbish": 0,
	} {
		if got := typedRating(text); got != want {
			t.Errorf("typedRating(%q) = %d, want %d", text, got, want)
		}
	}
	for text, want := range map[string]int{
		"terrible service": 1, "Terrible service!": 1, "slow service": 2, "very slow service": 1, "the service was excellent": 5,
		"they did a good job thanks": 4, "They did a great job, thank you!": 5, "the plumber was very helpful": 5,
		"服务太差了": 1, "师傅很负责": 5, "师傅修得挺好的": 4, "服务还好": 3, "态度很差": 1,
		// no rating
		"terrible service at the gate, the guard was asleep": 0, "服务太差了 电梯又坏了三天": 0, "the lift is terrible": 0,
		"bad smell in the stairwell": 0, "物业很好说话吗": 0, "师傅很快就来": 0, "good morning": 0,
		"this service is rubbish": 1, "你们好": 0, "师傅好": 0, "物业好": 0,
	} {
		got, comment := typedRatingWithComment(text)
		if got != want {
			t.Errorf("typedRatingWithComment(%q) = %d, want %d", text, got, want)
		}
		if want > 0 && comment != text {
			t.Errorf("typedRatingWithComment(%q): comment %q, want the remark itself", text, comment)
		}
	}
	// approval words that acknowledge anything else too: a rating only when
	// nothing else waits
	for text, want := range map[string]bool{"pretty good": true, "还可以吧": true, "not bad": true, "terrible service": false, "不满意": false} {
		if got := plainGrade(text); got != want {
			t.Errorf("plainGrade(%q) = %v, want %v", text, got, want)
		}
	}
}
