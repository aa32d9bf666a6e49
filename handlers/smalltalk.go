package handlers

import (
	"strings"

	"codesk/faq"
)

// smallTalk is a message that is only a greeting, thanks or goodbye: it
// deserves a friendly word, not an FAQ search that would offer random
// entries.
type smallTalk int

const (
	notSmallTalk smallTalk = iota
	greeting
	thanks
	goodbye
)

var smallTalkPhrases = map[string]smallTalk{
	"你好": greeting, "您好": greeting, "你们好": greeting, "大家好": greeting, "在吗": greeting, "在不在": greeting,
	"有人吗": greeting, "哈喽": greeting, "嗨": greeting, "早上好": greeting, "下午好": greeting, "晚上好": greeting,
	"hi": greeting, "hello": greeting, "hey": greeting, "good morning": greeting, "good afternoon": greeting,
	"good evening": greeting, "anyone there": greeting, "hi there": greeting, "hello there": greeting,
	"谢谢": thanks, "多谢": thanks, "谢谢你": thanks, "谢谢您": thanks, "感谢": thanks, "辛苦了": thanks,
	"thanks": thanks, "thank you": thanks, "thx": thanks, "thank you very much": thanks, "thanks a lot": thanks,
	"好的": goodbye, "好": goodbye, "知道了": goodbye, "明白了": goodbye, "再见": goodbye, "拜拜": goodbye,
	"ok": goodbye, "okay": goodbye, "bye": goodbye, "goodbye": goodbye, "got it": goodbye,
}

// particles are sentence-final words residents add to small talk.
var particles = []string{"啊", "呀", "哈", "啦", "哦", "呢", "吧", "嘛", "哈哈", " so much", " very much", " codesk"}

func classifySmallTalk(text string) smallTalk {
	s := strings.TrimSpace(faq.Normalize(text))
	s = strings.Join(strings.Fields(s), " ")
	if k, ok := smallTalkPhrases[s]; ok {
		return k
	}
	for _, p := range particles {
		if t := strings.TrimSpace(strings.TrimSuffix(s, p)); t != s {
			if k, ok := smallTalkPhrases[t]; ok {
				return k
			}
		}
	}
	return notSmallTalk
}

var (
	txtYoureWelcome = text{"不客气！还有其他问题随时问我。", "You're welcome! Ask me anytime."}
	txtGoodbye      = text{"好的，有需要随时找我。", "OK. I'm here whenever you need me."}
)
