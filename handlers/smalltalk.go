package handlers

import (
	"regexp"
	"strings"
	"unicode"

	"codesk/faq"
)

// smallTalk is a message that is only a greeting, thanks or goodbye, a
// question about what codesk can do, or a wish to reach a person: it
// deserves a friendly word, not an FAQ search that would offer random
// entries.
type smallTalk int

const (
	notSmallTalk smallTalk = iota
	greeting               // also "what can you do": the greeting answers it
	thanks
	goodbye
	wantsPerson // "转人工", "can I talk to a real person"
	// a menu item typed instead of tapped ("我的工单", "report a problem")
	menuTickets
	menuConcern
	menuAsk
	menuLanguage
	menuHelp // "help", "菜单": the help text and the menu
	// settled: "已经修好了", "it works now": a goodbye, except that staff who
	// asked about a ticket want to hear it (conversationFollowUp offers it)
	settled
	// abuse: a message that is only an insult ("fuck you stupid bot",
	// "傻逼机器人"): a calm reply, and never part of a report
	abuse
)

// abusePattern is a whole message of insults at the bot. "垃圾" alone is
// rubbish, a topic; "垃圾机器人" is not.
var abusePattern = regexp.MustCompile(`^((fuck|f+ck|screw|damn)( you| off| this| it)?|stupid|useless|idiot|dumb|moron|shut up|you suck|wtf|` +
	`傻逼|傻b|sb|煞笔|弱智|白痴|蠢货|废物|滚|滚蛋|去死|妈的|他妈的|我操|卧槽|tmd|nmsl|垃圾机器人|破机器人)` +
	`( ?(you|bot|robot|stupid|useless|idiot|dumb|thing|machine|piece of (shit|junk)|你|你这|这个|破|机器人|东西|玩意|玩意儿|吧|啊|呀))*$`)

var smallTalkPhrases = map[string]smallTalk{
	"你好": greeting, "您好": greeting, "你们好": greeting, "大家好": greeting, "在吗": greeting, "在不在": greeting,
	"有人吗": greeting, "哈喽": greeting, "嗨": greeting, "早上好": greeting, "下午好": greeting, "晚上好": greeting,
	"hi": greeting, "hello": greeting, "hey": greeting, "good morning": greeting, "good afternoon": greeting,
	"good evening": greeting, "anyone there": greeting, "hi there": greeting, "hello there": greeting,
	"谢谢": thanks, "多谢": thanks, "谢谢你": thanks, "谢谢你们": thanks, "谢谢大家": thanks, "感谢你们": thanks, "谢谢您": thanks, "感谢": thanks, "辛苦了": thanks,
	"满意": thanks, "很满意": thanks, "非常满意": thanks, "挺满意": thanks, "satisfied": thanks, "very satisfied": thanks,
	"thanks": thanks, "thank you": thanks, "thx": thanks, "thank you very much": thanks, "thanks a lot": thanks,
	"好的": goodbye, "好": goodbye, "知道了": goodbye, "明白了": goodbye, "再见": goodbye, "拜拜": goodbye,
	"ok": goodbye, "okay": goodbye, "bye": goodbye, "goodbye": goodbye, "got it": goodbye,
	"great": goodbye, "cool": goodbye, "perfect": goodbye, "nice": goodbye, "很好": goodbye, "太好了": goodbye,
	"谢谢师傅": thanks, "感谢师傅": thanks, "谢谢物业": thanks, "师傅辛苦了": thanks, "辛苦啦": thanks, "谢谢啦": thanks, "谢啦": thanks,
	"谢谢侬": thanks, "多谢侬": thanks, "谢谢哈": thanks, "thanks so much": thanks, "ty": thanks, "tysm": thanks, "cheers": thanks,
	"晓得了": goodbye, "晓得": goodbye, "知道啦": goodbye, "好滴": goodbye, "好哒": goodbye, "算了": goodbye, "k": goodbye, "kk": goodbye,
	"np": goodbye, "no problem": goodbye, "all right": goodbye, "alright": goodbye, "sure": goodbye,
	"fine": goodbye, "that s fine": goodbye, "thats fine": goodbye, "ok fine": goodbye, "good": goodbye, "sounds good": goodbye,
	"行吧": goodbye, "好吧": goodbye, "可以": goodbye, "可以了": goodbye, "没问题": goodbye, "就这样吧": goodbye,
	"好嘞": goodbye, "嗯": goodbye, "嗯嗯": goodbye, "行": goodbye, "收到": goodbye, "ok 了": goodbye,
	// the matter settled itself: nothing to search for
	"没事了": settled, "已经好了": settled, "已经解决了": settled, "解决了": settled, "修好了": settled, "已经修好了": settled,
	"it works now": settled, "it s working now": settled, "working now": settled, "all good now": settled,
	"fixed now": settled, "it s fixed now": settled, "never mind": goodbye, "nevermind": goodbye, "no worries": goodbye,
	"你能干嘛": greeting, "你能做什么": greeting, "你会什么": greeting, "你是谁": greeting, "你是干嘛的": greeting,
	"你能干什么": greeting, "能干啥": greeting, "你能帮我做什么": greeting, "what can you do": greeting,
	"who are you": greeting, "what are you": greeting, "what do you do": greeting, "how can you help": greeting,
	"人工": wantsPerson, "转人工": wantsPerson, "有没有人工客服": wantsPerson, "请帮我转人工": wantsPerson, "帮我转人工": wantsPerson, "人工服务": wantsPerson, "人工客服": wantsPerson, "我要找人工": wantsPerson,
	"找人工": wantsPerson, "真人": wantsPerson, "你是真人吗": wantsPerson, "你是机器人吗": wantsPerson,
	"我要找真人": wantsPerson, "有没有真人": wantsPerson, "real person": wantsPerson, "human": wantsPerson,
	"talk to a human": wantsPerson, "talk to a person": wantsPerson, "can i talk to a real person": wantsPerson,
	"can i talk to a human": wantsPerson, "are you a real person": wantsPerson, "are you a bot": wantsPerson,
	"are you a robot": wantsPerson, "agent": wantsPerson, "operator": wantsPerson,
	"我的工单": menuTickets, "工单": menuTickets, "查工单": menuTickets, "查看工单": menuTickets, "我的报修": menuTickets,
	"my tickets": menuTickets, "my ticket": menuTickets, "tickets": menuTickets, "my reports": menuTickets,
	// ("我要报修", "反映个问题": menuConcernWords)
	"我要投诉物业": menuConcern, "投诉物业": menuConcern, "我想投诉物业": menuConcern, "我要投诉业委会": menuConcern,
	"我要投诉居委会": menuConcern, "我要举报": menuConcern,
	"i want to make a complaint": menuConcern, "i have a complaint": menuConcern,
	"report a concern": menuConcern, "report a problem": menuConcern, "report": menuConcern,
	"complaint": menuConcern, "i want to complain": menuConcern, "i want to report a problem": menuConcern,
	"提问": menuAsk, "我要提问": menuAsk, "问问题": menuAsk, "ask a question": menuAsk, "i have a question": menuAsk,
	"我有个问题": menuAsk, "语言": menuLanguage, "切换语言": menuLanguage, "language": menuLanguage,
	"change language": menuLanguage, "i want to report something": menuConcern, "i want to report a concern": menuConcern,
	"帮助": menuHelp, "help": menuHelp, "菜单": menuHelp, "menu": menuHelp, "使用说明": menuHelp, "怎么用": menuHelp,
	// Shanghainese, as residents write it: hello, have you eaten (a
	// greeting), OK, goodbye, are you a robot
	"侬好": greeting, "侬早": greeting, "侬吃过了伐": greeting, "侬吃饭了伐": greeting, "吃过了伐": greeting, "吃了伐": greeting,
	"你吃了吗": greeting, "你吃饭了吗": greeting, "吃饭了吗": greeting, "吃了吗": greeting, "你吃过了吗": greeting, "吃过了吗": greeting,
	"好额": goodbye, "好个": goodbye, "好咯": goodbye, "晓得额": goodbye, "明白额": goodbye, "再会": goodbye, "下趟会": goodbye,
	"回头见": goodbye, "下次见": goodbye, "晚安": goodbye, "see you": goodbye, "see ya": goodbye, "see you later": goodbye, "good night": goodbye,
	"侬是机器人伐": wantsPerson, "侬是真人伐": wantsPerson, "侬是人伐": wantsPerson, "你是机器人": wantsPerson, "你是不是机器人": wantsPerson,
	"是机器人吗": wantsPerson, "是真人吗": wantsPerson, "你是ai吗": wantsPerson, "你是人工智能吗": wantsPerson, "你是真人还是机器人": wantsPerson,
	"are you human": wantsPerson, "are you a human": wantsPerson, "are you real": wantsPerson, "are you an ai": wantsPerson, "are you ai": wantsPerson,
	"are you a chatbot": wantsPerson, "is this a bot": wantsPerson, "am i talking to a bot": wantsPerson, "am i talking to a robot": wantsPerson,
	"am i talking to a real person": wantsPerson, "am i talking to a human": wantsPerson, "is this a real person": wantsPerson,
	// thanks in other words, praise of the bot or the work
	"感激不尽": thanks, "感恩": thanks, "much appreciated": thanks, "appreciate it": thanks, "i appreciate it": thanks, "appreciated": thanks,
	"many thanks": thanks, "thanks a million": thanks, "thanks heaps": thanks, "thank u": thanks, "ta": thanks, "tq": thanks,
	"good job": thanks, "great job": thanks, "nice job": thanks, "well done": thanks, "nice work": thanks, "good work": thanks, "great work": thanks,
	"good bot": thanks, "你真棒": thanks, "你们真棒": thanks, "你真聪明": thanks, "真棒": thanks,
	// chit-chat the greeting answers lightly (who codesk is, what it does)
	// pinyin, as typed without Chinese input
	"xie xie": thanks, "xiexie": thanks, "xie xie ni": thanks, "ni hao": greeting, "nihao": greeting, "zai jian": goodbye, "zaijian": goodbye,
	"你叫什么名字": greeting, "你叫什么": greeting, "what s your name": greeting, "what is your name": greeting, "你几岁了": greeting,
}

// menuConcernWords are the menu's "report a concern" in a resident's words
// ("我要报修", "反映个问题", "投诉一下吧", "I want to report it"): typed after
// an answer they report what was asked (reportRequest).
var menuConcernWords = regexp.MustCompile(`^(我|那我)?(要|想)?(报修|反映|投诉|报告)(一下|下)?(个|这个)?(问题|情况)?(吧)?|` +
	`^(i want to |i d like to |i would like to )?(report|complain about) (it|this|that)`)

// phraseKind is the small talk a whole phrase is (normalised, single-spaced).
func phraseKind(s string) (smallTalk, bool) {
	if k, ok := smallTalkPhrases[s]; ok {
		return k, true
	}
	if m := menuConcernWords.FindString(s); m != "" && m == s {
		return menuConcern, true
	}
	return notSmallTalk, false
}

// thanksWarmly is thanks said more warmly ("非常感谢你们", "太感谢了",
// "真是太谢谢你们的帮助了"): read as a plain "谢谢".
var thanksWarmly = regexp.MustCompile(`(真是|真的|实在是?)?(太|非常|十分|特别|万分|超级)?(感谢|谢谢|感激|多谢)(你们|您|你|大家)?(的(帮助|帮忙|耐心|解答|回复|答复|服务|付出))?了?`)

// jokeRequest: "tell me a joke", "讲个笑话": chit-chat, answered lightly
// with the greeting (what codesk is for), not offered to the staff.
var jokeRequest = regexp.MustCompile(`^(can you |could you |please )?(tell|give) (me |us )?(a |another )?(funny |good )?jokes?( please)?$|^(do you )?know any (good )?jokes$|^say something funny$` +
	`|^(你)?(能|会)?(给我|给我们)?(讲|说|来)(个|一个|段)(冷)?(笑话|段子)(吧|呗|听听)?$`)

// ventingPattern is a whole message of scorn for the staff
// ("你们物业都是吃干饭的", "you guys are useless"): abuse, answered calmly;
// with the matter told besides ("…楼道灯坏了一个月没人修") it is a report.
var ventingPattern = regexp.MustCompile(`^((你们|你们这些人|你们这帮人|这帮人|这些人)(物业|物业公司|居委会|业委会|工作人员|客服|服务台|管理处)?|物业|物业公司|居委会|业委会|工作人员|客服|管理处)(的人)?` +
	`(到底|究竟)?(都|全|全都|就|真|真是|简直)?(是)?(一群|一帮|一堆)?(吃干饭的|吃白饭的|饭桶|废物|摆设|混日子的|白拿工资的|不干事的|不干活的|干什么吃的|干嘛吃的|干啥吃的|没用的|没用|一点用都没有|一点用也没有|垃圾)(吧|啊|呀|吗|嘛)?$` +
	`|^(要|养)(你们|物业|居委会|业委会)(有什么|有啥|何)用(啊|呀)?$` +
	`|^(you guys|you people|you lot|you all|y all|all of you|you|u|the (property )?management|management|the property company|the desk|your staff|the staff|this service|this desk)` +
	` (are|is|r|re)( all)?( so| totally| completely| absolutely| really| just| bloody| fucking)* (useless|hopeless|pathetic|incompetent|worthless|a joke|a disgrace|rubbish|garbage|trash|lazy|clueless|good for nothing|the worst|a waste of (time|space|money))$` +
	`|^(useless|hopeless|pathetic|incompetent|lazy) (management|property management|people|staff|lot|bunch|desk|company)$`)

// wantsPersonPattern: asking for a person in a sentence of its own
// ("我要找人工客服", "Can I speak to a real person?"), normalised text.
var wantsPersonPattern = regexp.MustCompile(`^(我|我想|我要|能不能|可以|请)?(找|转|联系|接|要|跟|和)(个)?(人工|真人|客服|人工客服)(客服|服务)?(说话|聊|聊聊)?(吗|呢|啊|吧)?$` +
	`|^(can|could|may) i (please )?(speak|talk|chat) (to|with) (a |an |some )?(real |live )?(person|human|agent|operator|someone)( please)?$` +
	`|^i (want|need|would like|d like) to (speak|talk|chat) (to|with) (a |an |some )?(real |live )?(person|human|agent|operator|someone)( please)?$` +
	// a call back asked for ("能不能给我回个电话", "让经理给我打电话"): only
	// people can; how to reach them is the answer
	`|^(请|麻烦)?(能不能|可不可以|能|可以)?(让(师傅|经理|负责人|主任|领导|你们|物业|工作人员))?(给我|跟我)(回|打)(个|一个)?电话(吗|吧|呗)?$|^(我)?(要|想)?(找|叫)[^\s]{0,8}(经理|负责人|主任|领导)\s?[^\s]{0,4}(给我|跟我)(回|打)(个)?电话(吧|吗)?$` +
	`|^(please |can you |could you |can someone |could someone )?(call|phone|ring) me( back)?( please| pls| asap)?$` +
	// a person wanted instead of the bot ("我要找真人 不要机器人", "机器人听不懂
	// 叫个人来", "能不能让真人来回答")
	`|^(我)?(要|想)?(找|叫|要|转)(个)?(真人|人工)(客服|服务)?\s?(不要|别|不想)(跟)?(机器人|机器|ai|bot)(说话|聊)?(了)?$` +
	`|^(这个)?(机器人|机器)[^\s]{0,2}(听不懂|不懂|没用|答非所问|看不懂)(我的话|我说的)?(啊|呀)?\s?(请)?(叫|找|换|让|来)(个|一个)?(人|真人|人工|工作人员)(来|过来)?(吧|啊|呀)?$` +
	`|^(能不能|可不可以|能否|请|麻烦)?(让|叫|找|换)(个|一个)?(真人|人工|工作人员|真的人)(来)?(回答|回复|答复|处理|跟我说|说话|聊)(吗|吧|一下)?$` +
	`|^(i want|i need|i d like|get me|give me|let me talk to|put me through to)( to talk to| to speak to)? (a |an )?(real |actual |live )?(person|human|human being)( not a (bot|robot|machine))?( please)?$` +
	`|^(this )?(bot|robot|machine) (doesn t|does not|don t|can t|cannot) understand( me)?\s?(get me|give me|get|i want|i need|let me talk to) (a |an )?(real |actual |live )?(person|human)( please)?$` +
	// "is anybody there?": waiting for someone, not asking the FAQ
	`|^(喂+|哈喽|你好)?\s*(有人吗|有没有人|有人在吗|人呢|怎么没人(理|回|管)(我)?)(\s*(喂+|啊|呀))?$` +
	`|^(hello+|hi|hey)?\s*(is )?(anyone|anybody|someone) (there|here|home|around)$` +
	`|^(hello+|hi|hey)?\s*(no ?one|nobody) (answers?|replies|responds|is answering|is replying|answer me|reply me|replies me)( me)?$`)

// particles are sentence-final words residents add to small talk.
var particles = []string{"啊", "呀", "哈", "啦", "哦", "呢", "吧", "嘛", "哈哈", "噢", "了", " so much", " very much", " codesk",
	" mate", " guys", " everyone", " all", " again", " buddy"}

func classifySmallTalk(text string) smallTalk {
	if k := emojiSmallTalk(text); k != notSmallTalk {
		return k
	}
	s := strings.TrimSpace(faq.Normalize(text))
	s = strings.Join(strings.Fields(s), " ")
	if k, ok := phraseKind(s); ok {
		return k
	}
	if wantsPersonPattern.MatchString(s) {
		return wantsPerson
	}
	if abusePattern.MatchString(s) || ventingPattern.MatchString(s) {
		return abuse
	}
	if jokeRequest.MatchString(s) {
		return greeting
	}
	if remarkStars(s) >= 4 {
		return thanks // "they did a good job, thanks", "师傅很负责"
	}
	s = thanksWarmly.ReplaceAllString(s, "谢谢")
	if k, ok := phraseKind(s); ok {
		return k
	}
	for _, p := range particles {
		if t := strings.TrimSpace(strings.TrimSuffix(s, p)); t != s {
			if k, ok := phraseKind(t); ok {
				return k
			}
		}
	}
	return smallTalkRun(s)
}

// smallTalkRun classifies a message made only of small-talk phrases ("ok
// thanks", "好的谢谢", "great, thank you", "你好，我要投诉"): a request wins
// over thanks, thanks over a greeting, a greeting over an acknowledgement.
// Anything else in it makes it no small talk.
func smallTalkRun(s string) smallTalk {
	s = strings.ReplaceAll(s, " ", "")
	if s == "" {
		return notSmallTalk
	}
	found := map[smallTalk]bool{}
	for s != "" {
		best := ""
		for p := range smallTalkPhrasesNoSpace {
			if len(p) > len(best) && strings.HasPrefix(s, p) {
				best = p
			}
		}
		kind := smallTalkPhrasesNoSpace[best]
		if m := menuConcernWords.FindString(s); len(m) > len(best) {
			best, kind = m, menuConcern
		}
		if best == "" {
			for _, p := range particles {
				if p = strings.TrimSpace(p); strings.HasPrefix(s, p) {
					best = p
					break
				}
			}
			if best == "" {
				return notSmallTalk
			}
		} else {
			found[kind] = true
		}
		s = s[len(best):]
	}
	// a request among pleasantries is what the message asks ("你好，我要投诉")
	for _, k := range []smallTalk{wantsPerson, menuConcern, menuTickets, menuAsk, menuLanguage, thanks, greeting, settled, goodbye} {
		if found[k] {
			return k
		}
	}
	return notSmallTalk
}

// smallTalkPhrasesNoSpace is smallTalkPhrases keyed without spaces.
var smallTalkPhrasesNoSpace = func() map[string]smallTalk {
	m := make(map[string]smallTalk, len(smallTalkPhrases))
	for p, k := range smallTalkPhrases {
		m[strings.ReplaceAll(p, " ", "")] = k
	}
	return m
}()

var (
	txtNeedWords = text{
		"请用文字写下您的问题或遇到的情况，例如“电梯什么时候换？”或“3号楼楼道灯坏了”。也可以用下面的菜单。",
		"Please write your question or what happened in words, e.g. \"When will the lift be replaced?\" or \"The stairwell light in building 3 is broken\". Or use the menu below.",
	}
	txtYoureWelcome = text{"不客气！还有其他问题随时问我。", "You're welcome! Ask me anytime."}
	txtGoodbye      = text{"好的，有需要随时找我。", "OK. I'm here whenever you need me."}
	txtAbuse        = text{
		"抱歉让您着急了。我是自动服务台，可能理解错了您的意思。请直接写下遇到的情况，或用菜单里的“反映问题”交给值班人员处理。",
		"Sorry this has been frustrating. I'm the automatic desk and may have misunderstood you. Write what happened in your own words, or use \"Report a concern\" in the menu to reach the staff on duty.",
	}
	// txtWantsPerson answers "转人工" where questions can go to the staff;
	// txtWantsPersonOffice where they cannot (tickets off)
	txtWantsPerson = text{
		"我是自动服务台，背后是三方联合办公室的值班人员。请直接写下您的问题或遇到的情况：我答不上来时，您可以一键转给值班人员；要报修或投诉，请用菜单里的“反映问题”。",
		"I'm the automatic desk; the co-office staff are behind me. Write your question or what happened: if I can't answer, one tap passes it to the staff on duty. To report a repair or a complaint, use \"Report a concern\" in the menu.",
	}
	txtWantsPersonOffice = text{
		"我是自动服务台。请直接写下您的问题，我会从小区常见问题中找答案；需要当面办理的，请在办公时间到三方联合办公室。紧急情况请拨打 110 / 119 / 120。",
		"I'm the automatic desk. Write your question and I'll look for the answer in the estate's FAQ; for anything in person, visit the co-office during office hours. In an emergency call 110 / 119 / 120.",
	}
)

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// Emoji alone say something too: a thumbs-up thanks, an angry face is
// frustration (answered as abuse is: calmly, with the way to the staff).
var (
	thanksEmoji = "👍👌🙏❤😊🙂👏💯🤝🌹💐"
	angryEmoji  = "😡😠🤬👎💢😤"
)

// emojiSmallTalk classifies a message of only thanks or only angry emoji
// (skin tones and variation selectors aside).
func emojiSmallTalk(text string) smallTalk {
	kinds := map[smallTalk]bool{}
	for _, r := range text {
		switch {
		case unicode.IsSpace(r) || r == '\uFE0F' || (r >= 0x1F3FB && r <= 0x1F3FF):
		case strings.ContainsRune(thanksEmoji, r):
			kinds[thanks] = true
		case strings.ContainsRune(angryEmoji, r):
			kinds[abuse] = true
		default:
			return notSmallTalk
		}
	}
	if len(kinds) != 1 {
		return notSmallTalk
	}
	for k := range kinds {
		return k
	}
	return notSmallTalk
}

// languageRequest is a request to be answered in a language ("请用中文",
// "能说中文吗", "English please"): set at once, no picker to tap.
func languageRequest(text string) (string, bool) {
	s := strings.TrimSpace(faq.Normalize(text))
	switch {
	case askChinese.MatchString(s):
		return "zh", true
	case askEnglish.MatchString(s):
		return "en", true
	}
	return "", false
}

var (
	askChinese = regexp.MustCompile(`^(请|麻烦)?(你)?(用|说|讲|回)?中文(回答|回复|说|讲|交流)?(吧|好吗|可以吗|行吗|呗)?$|^(你)?(能|可以|会)(不能|不会)?(说|讲|用)中文(吗|回答吗)?$|^(我)?看不懂英文(啊|呀)?$|^(chinese|in chinese)( please| pls)?$|^(please )?(reply|answer|speak) in chinese( please)?$`)
	askEnglish = regexp.MustCompile(`^(please )?(english|in english)( please| pls)?$|^(do|can|could) you (speak|reply in|answer in|write in) english$|^(please )?(speak|reply|answer|write) in english( please)?$|^speak english$|^(我)?看不懂中文(啊|呀)?$|^(请)?(用|说|讲)英文(回答|回复|吧)?$`)
)
