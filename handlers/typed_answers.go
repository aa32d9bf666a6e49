package handlers

import (
	"regexp"
	"strings"

	"codesk/faq"
)

// typedYes reports a typed "yes, send it" ("好的发吧", "对对对 就这样发",
// "yes pls send"): a message made only of agreeing and sending words, so
// "好的，下午3点可以" (an answer with content) is not one.
func typedYes(text string) bool {
	n := faq.Normalize(text)
	return yesZH.MatchString(n) || onlyWords(n, yesEN)
}

// typedNo reports a typed "no" to a yes-or-no question.
func typedNo(text string) bool {
	n := faq.Normalize(text)
	return noZH.MatchString(n) || onlyWords(n, noEN)
}

// onlyWords reports English text (Normalize folds case and punctuation)
// whose every word is in words.
func onlyWords(text string, words map[string]bool) bool {
	fields := strings.FieldsFunc(text, func(r rune) bool { return !('a' <= r && r <= 'z') })
	for _, w := range fields {
		if !words[w] {
			return false
		}
	}
	return len(fields) > 0 && strings.IndexFunc(text, func(r rune) bool { return r > 0x2e7f }) < 0
}

var (
	yesZH = regexp.MustCompile(`^(?:[\s,.!~。，！、]|好的?|好滴|对的?|是的?|嗯+|行|可以|没问题|确认|确定|就这样|就这么|就这个|发送?|发出去|提交|吧|了|啊|呀|哈|麻烦了?|谢谢)+$`)
	noZH  = regexp.MustCompile(`^(?:[\s,.!~。，！、]|不是的?|不对|不用|不要|不|没有|别|了|啊|呀|吧|谢谢)+$`)
	yesEN = setOfWords("yes", "yeah", "yep", "yup", "ok", "okay", "k", "sure", "pls", "please", "send", "it", "that",
		"this", "now", "go", "ahead", "confirm", "confirmed", "correct", "right", "fine", "good", "looks", "thanks", "thank",
		"you", "do", "is", "s")
	noEN = setOfWords("no", "nope", "nah", "not", "that", "it", "thanks", "thank", "you", "don", "t", "dont")
)
