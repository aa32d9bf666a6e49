package handlers

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"codesk/faq"
	"codesk/tickets"
)

// A rating typed instead of tapped ("5星", "五星好评", "很满意", "not
// satisfied") while a resolved ticket waits for one is that rating: before,
// "5星，谢谢师傅" started a new report.

var (
	// starsTyped: a number of stars or points first ("5星", "四颗星",
	// "3分", "5 stars"); the rest may thank or comment
	starsTyped = regexp.MustCompile(`^((?:给你们|给您|给你|给)?\s*(?:打)?\s*(?:个)?)\s*([1-5]|一|二|两|三|四|五|one|two|three|four|five)\s*(颗星|星|分|stars?\b|out of 5\b)`)
	// ratingParticles end a rating without saying more ("给3分吧")
	ratingParticles = regexp.MustCompile(`^(吧|啦|呀|了|哈|哦|嘛|!|！)*$`)
	// outOf: "4/5", "10/10" as typed (normalising drops the slash)
	outOf = regexp.MustCompile(`^\s*(\d{1,2})\s*/\s*(5|10)\s*[!.。！]*\s*$`)
	// allStars: only star emoji
	allStars = regexp.MustCompile(`^(⭐|🌟|★)+$`)
	// starsAnywhere: a count of stars or points inside a message ("还行吧，
	// 3星", "挺好的五星好评"); ratingAmidGrades decides whether the rest of
	// the message only grades or thanks
	starsAnywhere = regexp.MustCompile(`([1-5]|一|二|两|三|四|五|\bone|\btwo|\bthree|\bfour|\bfive)\s*(颗星|星|分|stars?\b|out of 5\b)`)
	// digitStar, starRun: "5⭐", "⭐⭐⭐⭐" among words, which normalising
	// would drop
	digitStar = regexp.MustCompile(`([1-5])\s*(?:⭐|🌟|★)\x{FE0F}?`)
	starRun   = regexp.MustCompile(`(?:(?:⭐|🌟|★)\x{FE0F}?\s*)+`)
	// giveGrade: "给个", "给你们一个" before 好评/差评 ("给个好评")
	giveGrade = regexp.MustCompile(`^给\s*(你们|您|你|师傅|物业)?\s*(打)?\s*(个|一个)?\s*`)
)

// starEmojiAsWords writes star emoji as the count they give ("5⭐" and
// "⭐⭐⭐⭐⭐" as "5 stars"), so a rating in emoji reads as one in words.
func starEmojiAsWords(text string) string {
	if !strings.ContainsAny(text, "⭐🌟★") {
		return text
	}
	text = digitStar.ReplaceAllString(text, " $1 stars ")
	return starRun.ReplaceAllStringFunc(text, func(run string) string {
		n := strings.Count(run, "⭐") + strings.Count(run, "🌟") + strings.Count(run, "★")
		return " " + strconv.Itoa(min(5, n)) + " stars "
	})
}

// gradeWord is the stars of a whole message that grades the work in words
// ("很满意", "给个好评"), or 0.
func gradeWord(s string) int {
	for _, w := range []string{s, giveGrade.ReplaceAllString(s, "")} {
		for _, g := range satisfactionWords {
			if slices.Contains(g.words, w) {
				return g.stars
			}
		}
	}
	return 0
}

// ratingAmidGrades reads stars given after words that only grade or thank,
// and followed by nothing but thanks or a 好评 ("good job 5 stars", "还行吧
// 3星", "挺好的五星好评", "非常满意 给5分"): the stars, said outright, are
// the rating, and the grade leading up to them no comment. Words after the
// stars say more ("1星，太差劲了": typedRatingWithComment's comment). A
// count in a sentence about something else ("5星级酒店附近有停车场吗") is
// none.
func ratingAmidGrades(s string) int {
	ms := starsAnywhere.FindAllStringSubmatchIndex(s, -1)
	if len(ms) != 1 {
		return 0
	}
	m := ms[0]
	before, after := s[:m[0]], s[m[1]:]
	if r, _ := utf8.DecodeLastRuneInString(before); r >= '0' && r <= '9' {
		return 0 // "15星"
	}
	before = strings.TrimSpace(giveStars.ReplaceAllString(before, ""))
	if !onlyGrades(before) || !onlyThanks(after) {
		return 0
	}
	n, ok := chineseDigit[s[m[2]:m[3]]]
	if !ok {
		n = int(s[m[2]] - '0')
	}
	return n
}

// giveStars: "给你们打", "打个" before a count of stars.
var giveStars = regexp.MustCompile(`(给你们|给您|给你|给)?\s*(打)?\s*(个|一个)?\s*$`)

// onlyGrades: s (normalised) is nothing, or only grading words, thanks and
// particles ("good job", "还行吧", "好评 谢谢").
func onlyGrades(s string) bool {
	s = strings.TrimSpace(thanksHead.ReplaceAllString(thanksTail.ReplaceAllString(strings.TrimSpace(s), ""), ""))
	bare := strings.TrimSpace(strings.Trim(s, "吧啦呀了哈哦嘛的 "))
	return bare == "" || gradeWord(s) > 0 || gradeWord(bare) > 0
}

// onlyThanks: s (normalised) is nothing, or only thanks, particles and a
// grade that restates the stars ("好评", "谢谢师傅").
func onlyThanks(s string) bool {
	s = strings.TrimSpace(thanksHead.ReplaceAllString(thanksTail.ReplaceAllString(strings.TrimSpace(s), ""), ""))
	s = strings.TrimSpace(restatedGrade.ReplaceAllString(s, ""))
	return ratingParticles.MatchString(s) // also matches nothing
}

// restatedGrade: the kind of rating named after its stars ("五星好评").
var restatedGrade = regexp.MustCompile(`^(好评|差评|中评)(吧|啦|呀|哦|!|！)*`)

// leadingStars reads stars opening rest ("5星，师傅很负责"): the count and
// what follows; ok is false when there are none, or the count is of
// something else ("5星级", "一星期", "5分钟", "三分之一").
func leadingStars(rest string) (n int, after string, ok bool) {
	m := starsTyped.FindStringSubmatch(rest)
	if m == nil {
		return 0, "", false
	}
	after = strings.TrimSpace(rest[len(m[0]):])
	if next, _ := utf8.DecodeRuneInString(rest[len(m[0]):]); after != "" && strings.ContainsRune("期座钟之级多钱手电冰洗空显", next) {
		return 0, "", false
	}
	n, isWord := chineseDigit[m[2]]
	if !isWord {
		n = int(m[2][0] - '0')
	}
	return n, after, true
}

var chineseDigit = map[string]int{"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}

// satisfactionWords are whole messages that grade the work, longest first
// where one contains another.
var satisfactionWords = []struct {
	words []string
	stars int
}{
	{[]string{"非常不满意", "很不满意", "特别不满意", "太差了", "很差", "差", "差评", "very poor", "terrible", "awful", "very bad", "very dissatisfied",
		"太差劲了", "差劲", "太烂了", "糟糕", "太糟糕了", "horrible", "really bad"}, 1},
	{[]string{"不太满意", "不怎么满意", "不满意", "not satisfied", "unsatisfied", "dissatisfied", "poor", "not good", "not happy", "not happy with the service",
		"不太好", "不怎么样", "bad", "pretty bad", "not great", "not very good", "disappointing"}, 2},
	{[]string{"中评", "一般", "一般般", "还行", "还行吧", "还可以", "凑合", "马马虎虎", "so so", "average", "okay i guess", "it was ok", "fine", "ok i guess",
		"还可以吧", "还可以啦", "还行啦", "一般吧", "凑合吧", "it was okay", "not too bad",
		"it s ok i guess", "its ok i guess", "it s okay i guess", "it was ok i guess"}, 3},
	{[]string{"非常满意", "很满意", "特别满意", "十分满意", "太满意了", "超级满意", "满分", "五星好评", "好评", "very satisfied", "excellent", "very good", "great job", "perfect", "very happy", "很好", "非常好", "满意满意", "great work", "great",
		"really good", "outstanding"}, 5},
	{[]string{"蛮好", "蛮好额", "蛮好的", "老好额", "挺满意", "比较满意", "还算满意", "满意", "satisfied", "good job", "happy with it", "不错", "不错不错", "挺好", "挺好的", "满意的", "还不错", "good",
		"pretty good", "quite good", "not bad", "挺不错", "挺不错的"}, 4},
}

// A remark on the work or the service ("terrible service", "they did a good
// job", "师傅很负责") grades it too, and is itself the comment to pass on.
// Praise at the rating prompt ("修得很快，谢谢师傅") is taken as the grade it
// says rather than answered with the stars again: the resident has said how
// it went, in words, and asking once more reads as not listening; the words
// reach staff whole, so nothing is lost if the stars are a guess.
var (
	remarkGradeEN = `(terrible|awful|horrible|lousy|rubbish|useless|appalling|dreadful|bad|poor|slow|rude|disappointing|` +
		`excellent|fantastic|brilliant|amazing|wonderful|superb|outstanding|great|perfect|good|nice|quick|fast|decent|helpful|professional|friendly|efficient)`
	remarkIntensifierEN = `(?:(very|really|so|super|absolutely|pretty|quite) )?`
	remarkEN            = regexp.MustCompile(`^(?:the |this |your )?(?:service|job|work|repair|repairs|fix|response|support|repairman|plumber|electrician|technician|worker|workers|staff|team|they|he|she)` +
		`(?: was| were| is| are| has been| have been)? ` + remarkIntensifierEN + remarkGradeEN + `$` +
		`|^` + remarkIntensifierEN + remarkGradeEN + ` (?:service|job|work|repair|repairs|fix|response|support)$` +
		`|^(?:they|he|she|you|you guys|the (?:\w+ )?(?:guy|guys|man|men|team|staff|worker|workers|plumber|electrician|technician|repairman|repairmen|handyman|cleaner|cleaners))` +
		`(?: really| all)? did (?:a |an )?` + remarkIntensifierEN + remarkGradeEN + ` job(?: on it| there| today| fixing it)?$` +
		// how it was fixed: "they fixed it fast", "fixed it really quickly"
		`|^(?:(?:they|he|she|you|you guys|the (?:\w+ )?(?:guy|guys|man|men|team|staff|worker|workers|plumber|electrician|technician|repairman|repairmen|handyman)) )?` +
		`(?:fixed|repaired|sorted|solved|handled|did) (?:it|that|this|the \w+|everything)(?: up| out)? ` + remarkIntensifierEN + `(fast|quick|quickly|promptly|well|nicely|efficiently|in no time)$`)
	// remarkZH: who or what, then perhaps how it was done ("师傅修得很快"),
	// or only how ("修得很快": whose work is plain at the rating prompt)
	remarkZH = regexp.MustCompile(`^(?:(?:服务|服务态度|态度|维修|师傅|师傅们|工人|维修师傅|维修工|物业|你们)(?:的)?(?:服务|态度|服务态度)?(?P<verb>` + remarkVerbZH + `)?|(?P<alone>` + remarkVerbZH + `))` +
		`(?P<stress>太|很|挺|蛮|真|非常|特别|老|比较|还|还算|相当)?(?P<grade>差劲|差|烂|糟糕|不行|不太好|不好|慢|好|棒|快|及时|负责|专业|认真|耐心|仔细|给力|靠谱|不错|热情|周到)(?:了|的|额|啊|呀)*$`)
	remarkVerbZH = `修得|干得|做得|弄得|处理得|来得|修的|干的|做的|弄的|处理的|来的`
)

// remarkStars grades a remark on the work (normalised text, perhaps with
// thanks), or 0: poor words 2, or 1 when stressed ("very slow", "太差"),
// good words 4, or 5 when stressed ("really helpful", "非常负责").
func remarkStars(s string) int {
	s = strings.TrimSpace(thanksHead.ReplaceAllString(thanksTail.ReplaceAllString(s, ""), ""))
	if m := remarkEN.FindStringSubmatch(s); m != nil {
		var stress, grade string
		for i := 1; i+1 < len(m); i += 2 {
			if m[i+1] != "" {
				stress, grade = m[i], m[i+1]
			}
		}
		stressed := stress != "" && stress != "pretty" && stress != "quite"
		switch grade {
		case "terrible", "awful", "horrible", "lousy", "rubbish", "useless", "appalling", "dreadful":
			return 1
		case "bad", "poor", "slow", "rude", "disappointing":
			if stressed {
				return 1
			}
			return 2
		case "excellent", "fantastic", "brilliant", "amazing", "wonderful", "superb", "outstanding", "great", "perfect":
			return 5
		}
		if stressed {
			return 5
		}
		return 4
	}
	if m := remarkZH.FindStringSubmatch(s); m != nil {
		stress, grade := m[remarkZH.SubexpIndex("stress")], m[remarkZH.SubexpIndex("grade")]
		verb := m[remarkZH.SubexpIndex("verb")] + m[remarkZH.SubexpIndex("alone")]
		if grade == "好" && stress == "" && verb == "" {
			return 0 // "你们好", "师傅好": hello ("修得好" is praise)
		}
		strong := strings.Contains("太很真非常特别老相当", stress) && stress != ""
		switch grade {
		case "差劲", "烂", "糟糕":
			return 1
		case "差", "不行", "不好", "不太好", "慢":
			if strong {
				return 1
			}
			return 2
		}
		switch {
		case strong:
			return 5
		case grade == "好" && (stress == "还" || stress == "还算"):
			return 3
		}
		return 4
	}
	return 0
}

// typedRating reads a rating from text, or 0.
func typedRating(text string) int {
	if m := outOf.FindStringSubmatch(strings.TrimSpace(thanksTail.ReplaceAllString(strings.ToLower(text), ""))); m != nil {
		n, _ := strconv.Atoi(m[1])
		if m[2] == "10" {
			n = (n + 1) / 2
		}
		if n >= 1 && n <= 5 {
			return n
		}
	}
	if allStars.MatchString(strings.ReplaceAll(strings.TrimSpace(text), " ", "")) {
		return min(5, strings.Count(text, "⭐")+strings.Count(text, "🌟")+strings.Count(text, "★"))
	}
	s := strings.TrimSpace(faq.Normalize(starEmojiAsWords(text)))
	// the whole message is the rating, perhaps with thanks: "一星期了还是
	// 没修好" and "三分之一的灯不亮" are no ratings
	s = strings.TrimSpace(thanksHead.ReplaceAllString(thanksTail.ReplaceAllString(s, ""), ""))
	if m := starsTyped.FindStringSubmatch(s); m != nil && ratingParticles.MatchString(strings.TrimSpace(s[len(m[0]):])) {
		if n, ok := chineseDigit[m[2]]; ok {
			return n
		}
		return int(m[2][0] - '0')
	}
	if n := gradeWord(s); n > 0 {
		return n
	}
	return ratingAmidGrades(s)
}

// typedRatingWithComment reads a rating that opens a message and goes on
// with a comment ("很满意，师傅很负责", "1星，太差劲了", "only 2 stars, took
// forever"): the stars and the comment, or 0. Everyday words that also
// open small talk ("good morning…", "fine, but…") are no such rating. A
// remark on the work ("terrible service") is both (remarkStars).
func typedRatingWithComment(text string) (int, string) {
	s := strings.TrimSpace(thanksHead.ReplaceAllString(strings.TrimSpace(faq.Normalize(starEmojiAsWords(text))), ""))
	s = strings.TrimSpace(onlyPrefix.ReplaceAllString(s, ""))
	if n := remarkStars(s); n > 0 {
		return n, strings.TrimSpace(text) // the remark is the comment
	}
	// "一星期了还没人来", "5分钟", "三分之一" are no stars
	if n, rest, ok := leadingStars(s); ok && rest != "" {
		return n, commentOf(text, rest)
	}
	best, stars := "", 0
	for _, g := range satisfactionWords {
		for _, w := range g.words {
			if len(w) > len(best) && strings.HasPrefix(s, w+" ") {
				if _, _, starsNext := leadingStars(s[len(w)+1:]); ackWords[w] && !starsNext {
					continue // "good morning…", "fine, but…"; "很好，5星，…" rates
				}
				best, stars = w, g.stars
			}
		}
	}
	if best == "" || !punctuatedAfter(text, best) {
		// "terrible noise from upstairs", "差 3号楼又有人乱停车": a grading
		// word that opens a report; a rating is set off by punctuation
		return 0, ""
	}
	rest := strings.TrimSpace(s[len(best):])
	if n, after, ok := leadingStars(rest); ok {
		// "非常好，5星，师傅很负责": the stars said outright rate, and are no
		// part of the comment
		stars, rest = n, after
	}
	return stars, commentOf(text, rest)
}

// punctuatedAfter reports word, in text, followed by punctuation ("很满意，",
// "terrible!").
func punctuatedAfter(text, word string) bool {
	lower := strings.ToLower(text)
	i := strings.Index(lower, word)
	if i < 0 {
		return false
	}
	next, _ := utf8.DecodeRuneInString(lower[i+len(word):])
	return strings.ContainsRune("，,！!。.、~；;：:…", next)
}

// onlyPrefix: "only 2 stars", "只给两星".
var onlyPrefix = regexp.MustCompile(`^(only|just|只给|只能给|仅)\s*`)

// commentOf returns the comment as the resident wrote it: text from where
// the normalised rest begins (normalising folds case and punctuation), or
// the normalised rest when it cannot be found.
func commentOf(text, rest string) string {
	words := strings.Fields(rest)
	if len(words) == 0 {
		return ""
	}
	if i := strings.Index(strings.ToLower(text), words[0]); i >= 0 {
		return strings.TrimSpace(text[i:])
	}
	return rest
}

// plainGrade: text is an everyday word of approval or its opposite ("good",
// "很好", "不错", "一般") that also acknowledges anything else: a rating only
// when nothing else waits for an answer.
func plainGrade(text string) bool {
	s := strings.TrimSpace(thanksHead.ReplaceAllString(thanksTail.ReplaceAllString(strings.TrimSpace(faq.Normalize(text)), ""), ""))
	return ackWords[s]
}

var ackWords = map[string]bool{"good": true, "fine": true, "great": true, "很好": true, "不错": true, "挺好": true, "还不错": true,
	"一般": true, "还行": true, "还可以": true, "挺好的": true, "不错不错": true, "还行吧": true, "一般般": true, "非常好": true, "perfect": true, "great work": true, "ok i guess": true, "it was ok": true,
	"pretty good": true, "quite good": true, "not bad": true, "it s ok i guess": true, "its ok i guess": true, "还可以吧": true, "还可以啦": true, "还行啦": true, "一般吧": true, "挺不错": true, "挺不错的": true, "really good": true}

// thanksTail is thanks after a grade.
var thanksTail = regexp.MustCompile(`\s*(谢谢(你们|您|师傅|物业)?|感谢|辛苦(了|啦)?|thanks?( you)?|thx|great work|good job)\s*$`)

// thanksHead is thanks before a rating ("thanks, 5 stars").
var thanksHead = regexp.MustCompile(`^\s*(谢谢(你们|您|师傅|物业)?|感谢|thanks?( you)?|thx)\s*`)

// settledRating reads "修好了 蛮好" ("fixed, quite good"): the fix told, then
// graded; 0 for anything else.
func settledRating(text string) int {
	s := strings.TrimSpace(faq.Normalize(text))
	rest := strings.TrimSpace(settledHead.ReplaceAllString(s, ""))
	if rest == s || rest == "" {
		return 0
	}
	return typedRating(rest)
}

// settledHead is the fix told before a grade ("修好了", "已经解决了").
var settledHead = regexp.MustCompile(`^(已经|都)?(修好了?|修好啦|弄好了?|好了|好啦|解决了?|搞定了?|没问题了)\s*|` +
	// the thing named: "灯亮了", "电梯好了", "水管不漏了"
	`^(\p{Han}{1,4}?)(已经|都)?(亮了|好了|修好了|通了|不漏了|能用了)\s*|` +
	`^((the|my|our) [a-z]+ |it |it s |its |all )?(is |are |s )?(fixed|working|works|sorted|back on)( now| again)*\s*`)

// settledThanks: the fix told, with thanks or nothing more ("灯亮了 谢谢",
// "fixed, thanks", "the light works now, thank you", "works now"): for the
// ticket awaiting its rating, thanks and the rating prompt, not a report.
func settledThanks(text string) bool {
	s := strings.TrimSpace(faq.Normalize(text))
	rest := strings.TrimSpace(settledHead.ReplaceAllString(s, ""))
	if rest == s {
		return false
	}
	rest = strings.TrimSpace(thanksHead.ReplaceAllString(thanksTail.ReplaceAllString(rest, ""), ""))
	return rest == "" || classifySmallTalk(rest) == thanks
}

// settledWithGrade takes "修好了 蛮好" as the rating of the ticket resolved
// last, when one waits for it. With none to rate, words on an open ticket
// ("修好了 很差" before staff marked it resolved) are for its staff: not
// handled here (continuedTicket offers them to it); with no open ticket
// either they are a friendly word, not a report.
func (h *Handler) settledWithGrade(ctx context.Context, in Incoming, chosen, lang string, stars int) (bool, error) {
	if t, ok := h.ticketAwaitingRating(ctx, in.UserID); ok && h.mayTakeRating(ctx, in) {
		return true, h.rate(ctx, in, t, stars, typedLang(t, chosen, in), "")
	}
	tks, err := h.Tickets.ResidentTickets(ctx, in.UserID, 20)
	if err != nil {
		return true, fmt.Errorf("tickets of %d: %w", in.UserID, err)
	}
	if anyOpen(tks) {
		return false, nil
	}
	return true, h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtGoodbye.in(lang)})
}

// ticketAwaitingRating is the resident's ticket resolved last and not rated
// yet, within the reopen window: the rating request they saw last.
func (h *Handler) ticketAwaitingRating(ctx context.Context, userID int64) (tickets.Ticket, bool) {
	tks, err := h.Tickets.ResidentTickets(ctx, userID, 20)
	if err != nil {
		h.Log.Warn("list resident tickets for a typed rating", "err", err)
		return tickets.Ticket{}, false
	}
	now := h.Now()
	var latest *tickets.Ticket
	for i, t := range tks {
		if t.Status == tickets.StatusResolved && t.Rating == 0 && t.CanReopen(now) &&
			(latest == nil || t.ResolvedAt.After(*latest.ResolvedAt)) {
			latest = &tks[i]
		}
	}
	if latest == nil {
		return tickets.Ticket{}, false
	}
	return *latest, true
}

// mayTakeRating: a typed rating is taken as one unless the comment prompt
// waits (then it is that comment), or it is a plain word of approval while
// staff wait for an answer ("很好" to "can we come at 10?").
func (h *Handler) mayTakeRating(ctx context.Context, in Incoming) bool {
	if data, ok, err := h.State.Get(ctx, awaitKey(in.UserID)); err == nil && ok {
		var a awaited
		if json.Unmarshal(data, &a) == nil && a.Kind == awaitComment {
			return false
		}
	}
	if plainGrade(in.Text) {
		if _, asked, err := h.State.Get(ctx, askedKey(in.UserID)); err != nil || asked {
			// "not bad" after an answer to "when is the office open?": on
			// that answer, not a rating of the fix
			return false
		}
		if _, talking, err := h.State.Get(ctx, conversationKey(in.UserID)); err != nil || talking {
			return false
		}
	}
	return true
}

// starsGiven: a rating given as stars or points ("5星", "4/5", "⭐⭐⭐"),
// not a word ("terrible", "满意") that may be about whatever is on screen.
func starsGiven(text string) bool {
	s := strings.TrimSpace(thanksHead.ReplaceAllString(thanksTail.ReplaceAllString(strings.TrimSpace(faq.Normalize(text)), ""), ""))
	for _, g := range satisfactionWords {
		if slices.Contains(g.words, s) {
			return false
		}
	}
	return typedRating(text) > 0
}

// typedLang is the language to answer words typed about ticket t in (a
// rating, a comment, a dispute): the one chosen, else that of the words
// when they carry one, else the ticket's. A rating in words carries its
// language even where a few Chinese characters would not ("非常好，5星"
// after English messages, on an English ticket: answered in Chinese); "ok"
// or "5⭐" carry none.
func typedLang(t tickets.Ticket, chosen string, in Incoming) string {
	if chosen == "zh" || chosen == "en" {
		return chosen
	}
	text := strings.TrimSpace(in.Text)
	if carriesLanguage(text, in.lastLang) || (typedRating(text) > 0 && strings.IndexFunc(text, unicode.IsLetter) >= 0) {
		return faq.DetectLang(text)
	}
	return ticketLang(t, chosen)
}
