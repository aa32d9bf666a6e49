package handlers

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

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

// Typed instead of the "report it to the staff" button under an answer:
// "帮我反映一下", "please report it" (about what was just said), and the menu's
// words ("我要报修", "投诉"), which mean it only when a problem was told.
var (
	reportItForMe = regexp.MustCompile(`^(那|那就|那你|你|请|麻烦|麻烦你|能不能|可不可以|可以)?\s*(帮我|给我|替我|帮忙|帮我们|帮阿拉)\s*(把这个|把这件事|把它|把这个事情|这个)?\s*` +
		`(反映|报修|上报|报上去|报给物业|报一下|报|提交|投诉|转告|转达|报告)(一下|下|上去|给物业|给他们|给你们|给工作人员|给相关部门)?\s*(吧|啊|呀|好吗|可以吗|行吗|好伐|谢谢)?$|` +
		`^(please |pls |can you |could you |would you )?(please )?(report|file|submit|pass on|forward) (it|this|that)( on)?( for me)?( to (the )?(staff|management|them|property management|the desk))?( please| pls| thanks)?$`)
	reportMenuWords = regexp.MustCompile(`^(我|那我)?(要|想)?(报修|反映|投诉|报告)(一下|下)?(个|这个)?(问题|情况)?(吧)?$|` +
		`^(i want to |i d like to |i would like to )?(report|complain about) (it|this|that)$`)
)

// asksToReportIt: "report it for me", about what was said before.
func asksToReportIt(text string) bool {
	return reportItForMe.MatchString(strings.TrimSpace(faq.Normalize(text)))
}

// reportRequest: asksToReportIt, or the menu's words for reporting.
func reportRequest(text string) bool {
	s := strings.TrimSpace(faq.Normalize(text))
	return reportItForMe.MatchString(s) || reportMenuWords.MatchString(s)
}

// askedKey holds the resident's last message answered as a question, for a
// typed "report it" after the answer; askedTTL is how long it is "just said".
func askedKey(userID int64) string { return fmt.Sprintf("asked:%d", userID) }

const askedTTL = 30 * time.Minute

// noteAsked remembers text answered as a question (handled false: the FAQ
// gets it) and forgets it once anything else was said.
func (h *Handler) noteAsked(ctx context.Context, in Incoming, handled bool) {
	if in.Kind != TextMessage {
		return
	}
	text := strings.TrimSpace(in.Text)
	_, langAsked := languageRequest(text)
	question := !handled && !langAsked && hasWords(text) && runeLen(text) <= MaxQuestionRunes &&
		classifySmallTalk(text) == notSmallTalk && !reportRequest(text)
	var err error
	if question {
		err = h.State.Set(ctx, askedKey(in.UserID), []byte(text), askedTTL)
	} else {
		err = h.State.Delete(ctx, askedKey(in.UserID))
	}
	if err != nil {
		h.Log.Warn("remember the last question", "err", err) // a typed "report it" then asks what
	}
}

// reportWhatWasAsked serves a typed "report it" (text): the question just
// answered becomes the report, as its button would make it (the draft the
// resident had set aside with "I'm only asking" comes back as it was). The
// menu's words take it only when it told a problem; with nothing said
// before, the description is asked for.
func (h *Handler) reportWhatWasAsked(ctx context.Context, in Incoming, chosen, lang, text string) error {
	data, ok, err := h.State.Get(ctx, askedKey(in.UserID))
	if err != nil {
		return fmt.Errorf("last question of %d: %w", in.UserID, err)
	}
	asked := ""
	if ok {
		asked = string(data)
		if err := h.State.Delete(ctx, askedKey(in.UserID)); err != nil {
			h.Log.Warn("forget the last question", "err", err)
		}
	}
	if d, ok, err := h.loadDraft(ctx, in.UserID); err != nil {
		return err
	} else if ok && d.Step == stepAsked && (asked == "" || asked == d.Text) {
		d.Step = stepPreview
		return h.showPreview(ctx, in.UserID, in.ChatID, d, d.lang(chosen))
	}
	if asked != "" && (asksToReportIt(text) || h.problemTold(asked)) {
		return h.startIntake(ctx, in, chosen, h.language(chosen, Incoming{Text: asked, UserLang: in.UserLang}), asked)
	}
	return h.startIntake(ctx, in, chosen, lang, "")
}

// problemTold: text tells of a problem, in the router's words or as water
// where it should not be ("下雨天墙上都是水", "the bedroom wall is damp").
func (h *Handler) problemTold(text string) bool {
	return h.complains(text) || waterIndoors.MatchString(faq.Normalize(text))
}

var waterIndoors = regexp.MustCompile(`(墙|墙上|墙面|天花板|屋顶|顶上|窗|窗台|地板|地上|房间|屋里|家里)[^\s]{0,6}(都是水|全是水|有水|湿了|湿透|潮湿|渗|漏|发霉|霉斑|水渍|滴水)|` +
	`下雨(天)?[^\s]{0,16}(水|漏|渗|湿)|\b(water|damp|wet|mould|mold)\b.{0,20}\b(wall|walls|ceiling|window)\b|\b(wall|walls|ceiling)\b.{0,20}\b(wet|damp|water|mould|mold)\b`)

// unknownPlace reads "不知道几号楼 就是我家门口那部" at the place question:
// the building is not known (ok); place is what else it says of where, or "".
func unknownPlace(text string) (place string, ok bool) {
	s := faq.Normalize(text)
	loc := placeUnknown.FindStringIndex(s)
	if loc == nil {
		return "", false
	}
	rest := strings.Join(strings.Fields(s[:loc[0]]+" "+s[loc[1]:]), " ")
	for {
		trimmed := strings.TrimSpace(placeFiller.ReplaceAllString(rest, ""))
		if trimmed == rest {
			break
		}
		rest = trimmed
	}
	if runeLen(strings.ReplaceAll(rest, " ", "")) < 2 || plainQuestion.MatchString(rest) {
		return "", true
	}
	return rest, true
}

var (
	placeUnknown = regexp.MustCompile(`(我)?(也)?(不知道|不晓得|弗晓得|勿晓得|不清楚|搞不清|搞不清楚|记不得|不记得|说不清|讲不清)(是)?(几号楼|几号|几栋|几幢|哪栋|哪幢|哪个楼|哪一栋|哪号楼|楼号|门牌号|门牌|几单元|哪个单元|具体位置|具体地址|地址|位置|在哪)|` +
		`\b(i )?(don t|dont|do not) know (the |which |what )?(building|block|number|unit|address|exact place)( number| it is| it s)?|\bnot sure (which|what) (building|block|number|unit)`)
	// placeFiller opens or closes what is left ("就是…", "…啊")
	placeFiller = regexp.MustCompile(`^(就是|反正|大概|应该|可能|是|在|but|it s|its|it is|just|the one)\s*|\s*(啊|呀|吧|哦|的)$`)
)

// A place corrected at a draft ("不对 是5号楼不是3号楼", "sorry, building 5
// not building 3"): the new place is the draft's, said to replace the old.
var (
	placeToken   = `((?:\d+|[一二三四五六七八九十]+) ?(?:号楼|栋|幢|号|单元|楼|室)(?: ?(?:\d+|[一二三四五六七八九十]+) ?(?:号楼|栋|幢|号|单元|楼|室|层))*|(?:building|bldg|block|blk|tower|unit|flat|room) ?#? ?\d+)`
	placeFound   = regexp.MustCompile(placeToken)
	correctionOf = `(?:不对|不是的|错了|搞错了|说错了|写错了|打错了|更正一下|更正|纠正一下|纠正|sorry|oops|correction|no|wait|actually|my mistake)`
	// newBeforeOld: "是5号楼不是3号楼"; oldBeforeNew: "不是3号楼 是5号楼";
	// newOnly: "不对 是5号楼"
	newBeforeOld = regexp.MustCompile(`^` + correctionOf + `?\s*(?:是|应该是|在|it s|its|it is|should be|i meant)?\s*` + placeToken + `\s*(?:不是|而不是|并不是|not)\s*(?:in |at )?` + placeToken + `\s*(?:才对|啊|呀)?$`)
	oldBeforeNew = regexp.MustCompile(`^` + correctionOf + `?\s*(?:不是|not)\s*(?:in |at )?` + placeToken + `\s*(?:是|而是|应该是|but|it s|its|it is)?\s*(?:in |at )?` + placeToken + `\s*(?:才对|啊|呀)?$`)
	newOnly      = regexp.MustCompile(`^` + correctionOf + `\s*(?:是|应该是|在|it s|its|it is|should be|i meant)?\s*(?:in |at )?` + placeToken + `\s*(?:才对|啊|呀)?$`)
)

// correction returns the new place a correction names, and the old one
// when it names that too.
func correction(text string) (newPlace, oldPlace string, ok bool) {
	s := strings.Join(strings.Fields(faq.Normalize(text)), " ")
	if m := newBeforeOld.FindStringSubmatch(s); m != nil {
		return m[1], m[2], true
	}
	if m := oldBeforeNew.FindStringSubmatch(s); m != nil {
		return m[2], m[1], true
	}
	if m := newOnly.FindStringSubmatch(s); m != nil {
		return m[1], "", true
	}
	return "", "", false
}

func correctsPlace(text string) bool {
	_, _, ok := correction(text)
	return ok
}

// correctedLocation is the draft's place after the correction text: the new
// place, with the one it replaces (named, the draft's place or the one its
// text names) so that staff reading "3号楼" in the text are not misled.
func correctedLocation(d draft, text, lang string) string {
	newPlace, oldPlace, _ := correction(text)
	if oldPlace == "" {
		oldPlace = d.Location
	}
	if oldPlace == "" {
		oldPlace = placeFound.FindString(faq.Normalize(d.Text))
	}
	if oldPlace == "" || strings.ReplaceAll(oldPlace, " ", "") == strings.ReplaceAll(newPlace, " ", "") {
		return newPlace
	}
	return txtLocationCorrected.f(lang, newPlace, oldPlace)
}
