package handlers

import (
	"context"
	"regexp"
	"strings"

	"codesk/faq"
	"codesk/tickets"
)

// The place of a report as residents type it at the place question or
// after the preview: the building not known but where it is in words
// ("不知道几号楼 就是我家门口那部"), a place corrected ("不对 是5号楼不是3号
// 楼"), or a bare "搞错了" once a place was given (the place, or the whole
// report?).

// unknownPlace reads "不知道几号楼 就是我家门口那部" at the place question:
// the building is not known (ok); rest is what else the message says, in
// the resident's own words, or "" (nothing, or only a question).
func unknownPlace(text string) (rest string, ok bool) {
	f := fold(text)
	loc := placeUnknown.FindStringIndex(f.folded)
	if loc == nil {
		return "", false
	}
	var kept []string
	for _, span := range [][2]int{{0, loc[0]}, {loc[1], len(f.folded)}} {
		if i, j := trimPlaceFiller(f.folded, span[0], span[1]); i < j {
			kept = append(kept, f.original(i, j))
		}
	}
	rest = strings.Join(kept, " ")
	if runeLen(strings.Join(strings.Fields(rest), "")) < 2 || plainQuestion.MatchString(faq.Normalize(rest)) {
		return "", true
	}
	return rest, true
}

var (
	placeUnknown = regexp.MustCompile(`(我)?(也)?(不知道|不晓得|弗晓得|勿晓得|不清楚|搞不清|搞不清楚|记不得|不记得|说不清|讲不清)(是)?(几号楼|几号|几栋|几幢|哪栋|哪幢|哪个楼|哪一栋|哪号楼|楼号|门牌号|门牌|几单元|哪个单元|具体位置|具体地址|地址|位置|在哪)(了|啦)?|` +
		`\b(i )?(don t|dont|do not) know (the |which |what )?(building|block|number|unit|address|exact place)( number| it is| it s)?|\bnot sure (which|what) (building|block|number|unit)`)
	// placeFillerHead and placeFillerTail open or close what is left
	// ("就是…", "…啊")
	placeFillerHead = regexp.MustCompile(`^(就是|反正|大概|应该|可能|是|在|了|(but|it s|its|it is|just|the one)( |$))`)
	placeFillerTail = regexp.MustCompile(`(啊|呀|吧|哦|的)$`)
)

// trimPlaceFiller narrows s[i:j] past spaces and filler words at its ends.
func trimPlaceFiller(s string, i, j int) (int, int) {
	for {
		for i < j && s[i] == ' ' {
			i++
		}
		for j > i && s[j-1] == ' ' {
			j--
		}
		if m := placeFillerHead.FindStringIndex(s[i:j]); m != nil && m[1] > 0 {
			i += m[1]
			continue
		}
		if m := placeFillerTail.FindStringIndex(s[i:j]); m != nil && m[0] < j-i {
			j = i + m[0]
			continue
		}
		return i, j
	}
}

// readsLikePlace: what was said beside "I don't know the building" tells
// where ("阿拉屋里门口那部", "by my front door"), not more of the problem
// ("水已经漫到走廊了") or a request ("你们能不能派人来看看").
func (h *Handler) readsLikePlace(s string) bool {
	if tickets.NamesOnlyAPlace(s) {
		return true
	}
	n := faq.Normalize(s)
	return (placeSaid.MatchString(n) || tickets.MentionsLocation(s)) && !faultSaid.MatchString(n) &&
		!h.Router.DescribesProblem(s) && !asksOutright(s)
}

var (
	placeSaid = regexp.MustCompile(`门口|旁边|对面|附近|隔壁|楼下|楼上|楼道|楼梯|走廊|过道|电梯口|电梯间|车库|地库|车棚|大门|[东南西北]门|大堂|花园|那部|那栋|那幢|这部|` +
		`\b(by|near|next to|outside|opposite|behind|beside|in front of|door|gate|entrance|lobby|corner)\b`)
	faultSaid = regexp.MustCompile(`漏|渗|坏|堵|漫|淹|臭|吵|烟|火|断|裂|破|停|不亮|不通|不动|没水|没电|滴|` +
		`\b(broken|leak|leaks|leaking|smell|smells|noise|noisy|flood|flooded|flooding|crack|cracked|stuck|dripping)\b`)
)

// foldedText is text as faq.Normalize folds it, with where each byte of the
// folded text came from, so what a pattern finds in the folded text is given
// back in the resident's own words (case and punctuation kept).
type foldedText struct {
	orig, folded string
	from         []int // offsets into orig: one per byte of folded, then len(orig)
}

func fold(orig string) foldedText {
	var b strings.Builder
	var from []int
	space := true // no leading or repeated spaces, as faq.Normalize
	for i, r := range orig {
		n := faq.Normalize(string(r))
		if n == "" {
			if !space {
				b.WriteByte(' ')
				from = append(from, i)
				space = true
			}
			continue
		}
		b.WriteString(n)
		for range len(n) {
			from = append(from, i)
		}
		space = false
	}
	folded := strings.TrimRight(b.String(), " ")
	return foldedText{orig: orig, folded: folded, from: append(from[:len(folded)], len(orig))}
}

// original is the resident's wording of folded[i:j], without the spaces and
// punctuation at its ends.
func (f foldedText) original(i, j int) string {
	return strings.TrimFunc(f.orig[f.from[i]:f.from[j]], func(r rune) bool { return faq.Normalize(string(r)) == "" })
}

// A place corrected at a draft ("不对 是5号楼不是3号楼", "sorry, building 5
// not building 3"): the new place is the draft's, said to replace the old.
var (
	placeToken = `((?:\d+|[一二三四五六七八九十]+) ?(?:号楼|栋|幢|号|单元|楼|室)(?: ?(?:\d+|[一二三四五六七八九十]+) ?(?:号楼|栋|幢|号|单元|楼|室|层))*|(?:building|bldg|block|blk|tower|unit|flat|room) ?#? ?\d+)`
	placeFound = regexp.MustCompile(placeToken)
	// correctionOpen: words that say a correction follows, in a row
	// ("刚才说错了", "不好意思我写错了": a mistake owned, said just now)
	correctionOpen = regexp.MustCompile(`^(?:(?:(?:刚才|刚刚|不好意思|对不起)\s*)?(?:哦|噢|啊|呃|唉|哎|不对|不是的|错了|搞错了|我搞错了|说错了|我说错了|写错了|我写错了|打错了|我打错了|更正一下|更正|纠正一下|纠正)\s*|` +
		`(?:sorry|oops|correction|no|wait|actually|oh|my mistake|my bad)\b\s*)+`)
	oldPlaceToken = `(` + placeToken[1:len(placeToken)-1] + `|\d+)`
	// newBeforeOld: "是5号楼不是3号楼"; oldBeforeNew: "不是3号楼 是5号楼";
	// newOnly: "是5号楼" after an opening
	newBeforeOld = regexp.MustCompile(`^(?:是|应该是|在|it s|its|it is|should be|i meant)?\s*` + placeToken + `\s*(?:不是|而不是|并不是|not)\s*(?:in |at )?` + oldPlaceToken + `\s*(?:才对|啊|呀)?$`)
	oldBeforeNew = regexp.MustCompile(`^(?:不是|not)\s*(?:in |at )?` + oldPlaceToken + `\s*(?:是|而是|应该是|but|it s|its|it is)?\s*(?:in |at )?` + placeToken + `\s*(?:才对|啊|呀)?$`)
	newOnly      = regexp.MustCompile(`^(?:是|应该是|在|it s|its|it is|should be|i meant)?\s*(?:in |at )?` + placeToken + `\s*(?:才对|啊|呀|吧)?$`)
)

// correction returns the new place a correction names, and the old one
// when it names that too ("" for a bare number, "not 3": the draft's own
// place is the one replaced). Openings that say it corrects ("哦不对",
// "我说错了 应该是", "错了错了", "no wait") may come in a row.
func correction(text string) (newPlace, oldPlace string, ok bool) {
	s := strings.Join(strings.Fields(faq.Normalize(text)), " ")
	opened := correctionOpen.FindString(s)
	rest := strings.TrimSpace(s[len(opened):])
	if m := newBeforeOld.FindStringSubmatch(rest); m != nil {
		return m[1], placeNamed(m[2]), true
	}
	if m := oldBeforeNew.FindStringSubmatch(rest); m != nil {
		return m[2], placeNamed(m[1]), true
	}
	if m := newOnly.FindStringSubmatch(rest); m != nil && strings.TrimSpace(opened) != "" {
		return m[1], "", true
	}
	return "", "", false
}

// placeNamed is a replaced place as said: "" for a bare number.
func placeNamed(p string) string {
	if isDigits(strings.TrimSpace(p)) {
		return ""
	}
	return p
}

func correctsPlace(text string) bool {
	_, _, ok := correction(text)
	return ok
}

// correctsSentPlace: text corrects the place of a report already sent: a
// correction as a draft takes it ("刚才说错了，是6号楼不是5号楼"), or a
// mistake owned and the right place first, with more said after it ("不好
// 意思说错了，是12号楼3单元，灯是电梯厅那个"). Staff read it as it was said.
func correctsSentPlace(text string) bool {
	if correctsPlace(text) {
		return true
	}
	s := strings.Join(strings.Fields(faq.Normalize(text)), " ")
	opened := correctionOpen.FindString(s)
	return mistakeOwned.MatchString(opened) && placeFirst.MatchString(strings.TrimSpace(s[len(opened):]))
}

var (
	// mistakeOwned: an opening that says something was wrong, not a mere
	// "哦" or "no" ("no, building 5 also has no light" tells more)
	mistakeOwned = regexp.MustCompile(`错|更正|纠正|correction|my mistake|my bad`)
	placeFirst   = regexp.MustCompile(`^(?:是|应该是|在|it s|its|it is|should be|i meant)?\s*(?:in |at )?` + placeToken)
)

// correctedLocation is the draft's place once newPlace replaces oldPlace
// ("" for the draft's place, or the one its text names): the new place,
// with the one it replaces, so that staff reading "3号楼" in the text are
// not misled.
func correctedLocation(d draft, newPlace, oldPlace, lang string) string {
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

// bareMistake: "搞错了", "my mistake" and nothing else. Once the report has
// a place, it may mean the place as well as the whole report.
func bareMistake(text string) bool {
	return mistakeWords[replyWord(text)]
}

var mistakeWords = setOfWords("搞错了", "我搞错了", "弄错了", "我弄错了", "说错了", "我说错了", "写错了", "打错了", "不好意思 搞错了", "不好意思 弄错了",
	"不好意思 写错了", "my mistake", "my bad", "oops", "sorry my mistake", "sorry my bad")

// hasPlace: a place was given for the draft (not only named in its text,
// where "搞错了" is more likely the whole report).
func (d draft) hasPlace() bool {
	return d.Location != "" || tickets.MentionsLocation(d.Text) // "3号楼电梯坏了": its place is in its words
}

// askWhatWasWrong answers a bare "搞错了" at a preview with a place: the place
// is fixed by typing the right one, the report dropped by its button. The
// preview is no longer the last thing said, so a bare "ok" does not send it.
func (h *Handler) askWhatWasWrong(ctx context.Context, in Incoming, d draft, lang string) error {
	d.FixingPlace, d.Aside = true, true
	if err := h.saveDraft(ctx, in.UserID, d); err != nil {
		return err
	}
	return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtWhatWasWrong.in(lang), Buttons: [][]Button{
		{{Text: txtBtnCancel.in(lang), Data: "c:cancel:" + d.ID}, {Text: txtBtnBack.in(lang), Data: "c:show:" + d.ID}},
	}})
}

var txtWhatWasWrong = text{
	"是哪里搞错了？位置不对的话，直接发正确的位置（例如“5号楼2单元”）；这个报告不想发了，请点“取消”。",
	"What was wrong? If it's the place, just send the right one (e.g. \"Building 5, unit 2\"); if you don't want to send this report, tap Cancel.",
}

// placeWithFiller reads a place given with words around it at the place
// question ("不要紧 就是3号楼门口", "算了 就写3号楼吧"): the place.
func placeWithFiller(text string) (string, bool) {
	m := placeFillers.FindStringSubmatch(strings.TrimSpace(text))
	if m == nil || !placeFound.MatchString(faq.Normalize(m[1])) || !tickets.NamesOnlyAPlace(m[1]) {
		return "", false
	}
	return m[1], true
}

var placeFillers = regexp.MustCompile(`^(?:(?:不要紧|没关系|无所谓|算了|那就|那|就是|就写|就填|写|填|反正|哦|嗯|噢)[\s，,。]*)+(.+?)[\s，,。！!]*(?:吧|啊|呀|就行了|就行|就好|好了)?[\s。！!]*$`)

// correctsSubject: text at the preview says the report is about something
// else than written ("actually it's not the lift, it's the stairwell light",
// "不是电梯 是楼道灯坏了"): the draft is rewritten and routed anew. What it
// was said not to be must be in the report, or what it is must be a problem
// routed elsewhere ("不是一天两天了 是好几个月了" is more of the same).
func (h *Handler) correctsSubject(ctx context.Context, d *draft, text string) bool {
	was, is, ok := subjectCorrection(text)
	if !ok {
		return false
	}
	wasIn := strings.Contains(strings.ToLower(d.Text), strings.ToLower(was))
	problem := h.Router.DescribesProblem(is)
	if !wasIn && !(problem && h.Router.Route(is).Category != h.Router.Route(d.Text).Category) {
		return false
	}
	old := d.Text
	if wasIn && !problem {
		// "the lift in building 7 is broken": "the stairwell light in building 7 is broken"
		i := strings.Index(strings.ToLower(old), strings.ToLower(was))
		if article.MatchString(old[:i]) {
			is = leadingArticle.ReplaceAllString(is, "") // "the the stairwell light"
		}
		d.Text = old[:i] + is + old[i+len(was):]
	} else {
		d.Text = clip(is, MaxQuestionRunes)
		if d.Location == "" && !tickets.MentionsLocation(is) {
			// the place the first words gave stays the report's
			d.Location = placeFound.FindString(faq.Normalize(old))
		}
	}
	dec := h.route(ctx, d.Text)
	if d.PartyChosen {
		d.Category = h.Router.Route(d.Text).CategoryFor(d.Party)
	} else {
		d.Category, d.Party = dec.Category, dec.Party
	}
	return true
}

// subjectCorrection splits "not X, it's Y" into X and Y, as typed.
func subjectCorrection(text string) (was, is string, ok bool) {
	t := strings.TrimSpace(text)
	for _, p := range []*regexp.Regexp{subjectNotEN, subjectNotZH} {
		if m := p.FindStringSubmatch(t); m != nil {
			return strings.TrimSpace(m[1]), strings.TrimSpace(m[2]), true
		}
	}
	return "", "", false
}

var (
	article        = regexp.MustCompile(`(?i)\b(the|a|an)\s+$`)
	leadingArticle = regexp.MustCompile(`(?i)^(the|a|an)\s+`)
	subjectNotEN   = regexp.MustCompile(`(?i)^(?:(?:actually|sorry|oops|no|wait|oh|my mistake|correction)[\s,.!]*)*(?:it'?s|it is|its)?\s*not\s+(?:the\s+|a\s+|an\s+)?(.+?)[\s,;.!-]+(?:but\s+)?(?:it'?s|it is|its)\s+(.+?)[\s.!]*$`)
	subjectNotZH   = regexp.MustCompile(`^(?:(?:哦|噢|其实|不对|搞错了|说错了|我说错了|写错了)[\s，,。]*)*不是([^\s，,。是]{1,12})[\s，,。]*(?:而)?是([^\s].*?)[。！!]*$`)
)
