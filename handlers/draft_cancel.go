package handlers

import (
	"regexp"
	"strings"

	"codesk/faq"
)

// A waiting report cancelled in words ("算了", "弗要报了", "我要取消这个报修
// 谢谢", "never mind, forget it"), and a wish to cancel something else
// ("我想取消停车位") that is no cancel of the report.

// cancelsDraft: text typed at a draft's step cancels it ("算了", "弗要报了",
// "actually no", "never mind, forget it": every part of it a cancel, or
// thanks with one). "Later" cancels at the preview only (laterWords).
func cancelsDraft(text, step string) bool {
	cancels := func(part string) bool {
		word := replyWord(dialectNo.Replace(part))
		if w := cancelSoftener.ReplaceAllString(word, ""); w != "" {
			word = w
		}
		return cancelWords[word] || notNowPattern.MatchString(word) ||
			(step == stepPreview && (previewNoWords[word] || laterWords.MatchString(word)))
	}
	if cancels(text) {
		return true
	}
	// a space between Chinese words parts them too ("算了 谢谢")
	parts := cancelParts.Split(hanSpace.ReplaceAllString(strings.TrimSpace(text), "$1，$2"), -1)
	if len(parts) < 2 {
		return false
	}
	found := false
	for _, p := range parts {
		switch {
		case strings.TrimSpace(p) == "":
		case cancels(p):
			found = true
		case classifySmallTalk(p) != thanks:
			return false
		}
	}
	return found
}

var (
	// dialectNo: Shanghainese "not" ("弗要报了", "覅发了")
	dialectNo = strings.NewReplacer("弗要", "不要", "覅", "不要", "勿要", "不要", "弗", "不")
	// cancelSoftener opens a cancel without changing it ("actually no",
	// "哦 算了")
	cancelSoftener = regexp.MustCompile(`^(actually|oh|um|hmm|no wait|wait|其实|哦|噢|呃|唉|哎)\s*`)
	cancelParts    = regexp.MustCompile(`[,，。.!！;；、~]+|\s{2,}`)
)

// Words typed instead of tapping the draft's buttons.
var (
	cancelWords = setOfWords("取消", "算了", "算了算了", "不用了", "不用了谢谢", "不要了", "不报了", "不发了", "撤回", "不报了 太麻烦", "cancel", "forget it",
		"搞错了", "我搞错了", "弄错了", "我弄错了", "发错了", "报错了", "不好意思 搞错了", "不要报了", "不用报了", "不要发了", "不用发了",
		"no cancel", "no cancel it", "never mind forget it", "forget it never mind", "my mistake", "my bad", "wrong one", "sorry wrong one",
		"never mind", "nevermind", "never mind thanks", "don t send", "dont send", "do not send", "cancel it", "cancel that", "no thanks", "no thank you",
		"nvm", "nvm thanks", "forget about it", "scratch that")
	previewNoWords = setOfWords("不", "不要", "no", "nope", "nah", "no need")
)

// notNowPattern: "先不发了", "暂时不报了": a cancel with a softener.
var notNowPattern = regexp.MustCompile(`^(哦|噢|啊)?(不对)?\s*(算了)?\s*(先|暂时|还是|那就|那|这个|这条)?(不发|不报|不提交|别发|不用发|不用报|不弄|不要发|不报告)(了|吧|啦)?(吧)?$|^算了吧?$|^(nah|no|ok|actually)?\s*(forget it|don t send it|do not send it|dont send it)$|` +
	// "我想取消", "我不想报了", "I want to cancel this"
	`^(我)?(想|要|还是)?(取消|撤销|撤回)(吧|了|掉)?(这个|这条|那个|我的|刚才的|刚才那个)?(报告|工单|报修|投诉)?(吧|了)?$|^(我)?(不想|不要|不打算)(报|发|提交|反映|投诉)(了)?(吧)?$|^(那|还是)?算了(吧)?$|` +
	`^(i|i d|i would)? ?(want|wanna|like|d like|need) to cancel( this| it| that| my report| the report| this report)?( please| pls)?$|^(please )?cancel( it| the report| this| this report| my report)?( please| pls)?$`)

// cancelsAnotherThing: a wish to cancel something else than the report
// ("我想取消停车位", "I want to cancel my parking space"): a matter of its
// own for the estate, neither the draft's cancel (cancelWords,
// notNowPattern, checked first) nor a line of it. "取消了两次预约，灯还是不亮"
// tells of the problem: a line of the report.
func (h *Handler) cancelsAnotherThing(text string) bool {
	m := cancelWish.FindStringSubmatch(faq.Normalize(text))
	if m == nil || h.Router.DescribesProblem(text) {
		return false
	}
	object := strings.Join(m[1:], "") // one alternative matched: its object
	return strings.TrimSpace(notAnObject.ReplaceAllString(object, " ")) != ""
}

var (
	// cancelWish: a cancel wished for, and (the group) of what
	cancelWish = regexp.MustCompile(`^(?:我|我们|我家)?(?:想|要|想要|需要|打算|准备|申请)(?:取消|退掉|退订|注销|停掉|解约|退租|退)掉?(.+)$|` +
		`^(?:取消|退掉|退订|注销|停掉)掉?([^了过]{1,8})$|` +
		`^(?:i|we)?(?: d| would)? ?(?:want|wanna|like|d like|need|have) to (?:cancel|terminate|end|give up|stop renting|unsubscribe from) (.+)$|` +
		`^(?:please )?(?:cancel|terminate) (?:my|our) (.+)$`)
	// notAnObject: words that name the report itself, or nothing
	notAnObject = regexp.MustCompile(`这个|这条|那个|这单|单子|这次的|刚才的|我的|报告|工单|报修|维修|修理|投诉|反映|申请|了|吧|掉|呢|啊|` +
		`谢谢|多谢|谢啦|\b(this|that|it|the|my|our|report|ticket|request|complaint|repair|repairs|one|please|pls|now|all|whole thing|everything|thanks|thank you|thx)\b`)
)

// asideReply: while the report is set aside (a question answered after its
// preview), a bare "no" ("不用了", "nope", "no thanks") or a word that the
// answer missed ("不是", "不对 我问的是周末", "no, that's not what I asked")
// is about that answer, not the report: reply says so. Cancelling the report
// then takes words naming it ("取消报修", "cancel the report") or its button.
func asideReply(msg string) (reply text, ok bool) {
	word := replyWord(dialectNo.Replace(msg))
	switch {
	case answerMissed.MatchString(word):
		return txtAnswerMissed, true
	case asideNoWords[word] || previewNoWords[word]:
		return txtOKShort, true
	}
	return txtNoReply, false
}

var (
	asideNoWords = setOfWords("不用", "不用了", "不用了谢谢", "不用谢谢", "不要 谢谢", "不用 谢谢", "不用了 谢谢", "不需要", "不需要了",
		"no thanks", "no thank you", "nope thanks", "no need thanks", "no it s ok", "no its ok")
	answerMissed = regexp.MustCompile(`^(不是|不对|没有|不是的|不对不对|不是这个|答非所问|没用)(啊|呀|吧|的|哦)?$|` +
		`^(不是|不对|不是的|错了)\s*(啊|呀)?\s*(我|我是)?(问的是|说的是|想问的是|要问的是|是问|想问|问)\s*.{1,20}$|` +
		`^(no|nope|nah)?\s*(that s|thats|that is|it s|its)\s+not\s+what\s+i\s+(asked|meant|wanted|was asking)( for| about)?$|` +
		`^(no|nope)?\s*not\s+what\s+i\s+(asked|meant)$|^(no|nope)?\s*(wrong answer|that s wrong|thats wrong)$|^(no|nope)\s+i\s+(asked|meant|was asking)\s+.{1,40}$`)
)

// replyLanguage is the language to answer a typed message in: the one
// chosen, else the message's own when its words carry one ("弗要报了" on an
// English report), else fallback (the draft's).
func (h *Handler) replyLanguage(chosen string, in Incoming, fallback string) string {
	if chosen == "zh" || chosen == "en" {
		return chosen
	}
	if t := strings.TrimSpace(in.Text); in.Kind == TextMessage && carriesLanguage(t, in.lastLang) {
		return faq.DetectLang(t)
	}
	return fallback
}

// fineAsOK reads "fine", "fine thanks", "ok fine" typed at a waiting draft
// as the "ok" it means (agreement or acknowledgement, per the rules for
// "ok"); other text is returned as it is. "fine" alone is no yes elsewhere:
// it rates a fix as so-so.
func fineAsOK(text string) string {
	if m := fineAck.FindStringSubmatch(faq.Normalize(text)); m != nil {
		return strings.TrimSpace("ok " + m[1])
	}
	return text
}

var fineAck = regexp.MustCompile(`^\s*(?:ok |okay )?(?:that s |thats |that is |all |sounds |it s |its )?fine(?: by me| with me)?\s*((?:thanks|thank you|thx|cheers)?)\s*$`)

// withoutLeadingFiller is a report's text without the acknowledgements and
// fillers it opens with ("ok cool. the lift…", "另外 车库的灯坏了"): they are
// no part of what staff must read. A filler must be set off by a space or a
// mark ("另外一部电梯" and "还有人抽烟" keep theirs), and something must
// follow it; else text is returned as it is.
func withoutLeadingFiller(text string) string {
	rest := text
	for {
		loc := leadingFiller.FindStringIndex(rest)
		if loc == nil || loc[1] == 0 {
			break
		}
		rest = rest[loc[1]:]
	}
	if rest == text || !hasWords(faq.Normalize(rest)) {
		return text
	}
	return strings.TrimSpace(rest)
}

var leadingFiller = regexp.MustCompile(`^(?i)\s*(?:ok(?:ay)?(?:\s*cool)?|cool|alright|also|and|好的|好|嗯+|恩|哦|另外|还有)(?:[\s,，.。!！、:：~～]+|$)`)
