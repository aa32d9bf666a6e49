package handlers

import (
	"regexp"
	"strings"

	"codesk/faq"
)

// typedYes reports a typed "yes, send it" ("好的发吧", "对对对 就这样发",
// "yes pls send it"): agreeing or sending words, with nothing but polite
// filler around them. A question ("好的?"), an answer with content ("好的，下
// 午3点可以"), thanks alone or "好了好了" (enough!) is not one.
func typedYes(text string) bool {
	if strings.ContainsAny(text, "?？") {
		return false
	}
	n := faq.Normalize(text)
	if yesZH.MatchString(strings.Join(strings.Fields(n), "")) {
		return true
	}
	return onlyWords(yesPhrasesEN.ReplaceAllString(n, " yes "), yesEN, politeEN)
}

// typedReplyYes is typedYes or a yes in words to "is this your reply to
// ticket #N?" ("对的，是回复", "yes this is my reply"); only that question
// takes them, so "给物业的" at a draft is no "send".
func typedReplyYes(text string) bool {
	return typedYes(text) || replyYes.MatchString(strings.TrimSpace(faq.Normalize(text)))
}

// typedNo reports a typed "no" to a yes-or-no question ("不是", "no thanks").
// "没有了" (the leak stopped) answers with content, so it is not one.
func typedNo(text string) bool {
	if strings.ContainsAny(text, "?？") {
		return false
	}
	n := faq.Normalize(text)
	return noZH.MatchString(strings.Join(strings.Fields(n), "")) || onlyWords(n, noEN, noFillerEN)
}

// onlyWords reports English text whose words are all in core or filler,
// with at least one core word.
func onlyWords(text string, core, filler map[string]bool) bool {
	if strings.IndexFunc(text, func(r rune) bool { return r > 0x2e7f }) >= 0 {
		return false // Chinese in it: not a plain English yes or no
	}
	found := false
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !('a' <= r && r <= 'z') }) {
		switch {
		case core[w]:
			found = true
		case !filler[w]:
			return false
		}
	}
	return found
}

const (
	zhYesCore   = `好的|好滴|好哒|好嘞|好|对的|对|是的|是|行|可以|没问题|没错|确认|确定|嗯|恩|ok|okay|发送|发出去|发一下|发吧|发|提交|就这样|就这么|就这个|直接`
	zhYesFiller = `的|呢|哦|啊|呀|吧|哈|麻烦了|麻烦|谢谢|请|这个|一下|就`
	zhNoCore    = `不是|不对|不用|不要|不|别|算了`
	zhNoFiller  = `的|了|啊|呀|吧|谢谢`
)

var (
	// a run of core and filler pieces containing at least one core piece
	yesZH = regexp.MustCompile(`^(?:` + zhYesFiller + `)*(?:` + zhYesCore + `)(?:` + zhYesCore + `|` + zhYesFiller + `)*$`)
	noZH  = regexp.MustCompile(`^(?:` + zhNoFiller + `)*(?:` + zhNoCore + `)(?:` + zhNoCore + `|` + zhNoFiller + `)*$`)

	yesPhrasesEN = regexp.MustCompile(`\b(sounds good|all good|looks good|go ahead|go for it|that s right|that s fine|that s it)\b`)
	// replyYes: "is this your reply to ticket #N?" answered in words
	replyYes = regexp.MustCompile(`^(是|对|对的|是的|嗯)?[\s,，]*(是)?(回复|答复|给(物业|居委会|业委会|你们|工作人员)(的)?)(的)?$|` +
		`^(yes|yeah|yep)?[\s,]*(this|it|that) (is|s) (my )?(reply|answer)$|^(yes|yeah)?[\s,]*(it s |its )?for (the|my) ticket$`)
	yesEN = setOfWords("yes", "yeah", "yea", "ya", "yep", "yup", "ok", "okay", "k", "sure", "send", "submit",
		"confirm", "confirmed", "correct", "alright", "perfect")
	noEN       = setOfWords("no", "nope", "nah")
	politeEN   = setOfWords("please", "pls", "plz", "it", "thanks", "thank", "you", "thx", "now", "just")
	noFillerEN = setOfWords("thanks", "thank", "you", "thx", "not", "that", "this", "one", "it")
)

// bareAgreement: "好的", "ok thanks", "谢谢", "帮我反映一下" with no word of
// sending in it. Right after the preview it sends (typedYes); once another
// exchange came between, it answers that one, so the preview is shown again.
func bareAgreement(text string) bool {
	if k := classifySmallTalk(text); k == thanks || k == goodbye || k == settled {
		return true
	}
	return (typedYes(text) || asksToReportIt(text)) && !sendWord.MatchString(faq.Normalize(text))
}

// sendWord says "send" outright ("好的发吧", "确认", "yes send it").
var sendWord = regexp.MustCompile(`发|提交|确认|确定|报上去|\b(send|submit|confirm|go ahead|file it)\b`)
