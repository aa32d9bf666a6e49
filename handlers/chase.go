package handlers

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"codesk/faq"
	"codesk/tickets"
)

// A resident chasing a report ("我上次报的电梯怎么还没修？", "any update on my
// ticket?") wants where it stands, not an FAQ entry or a second ticket.
var (
	chaseRef = regexp.MustCompile(`我报的|我反映的|我投诉的|我提交的|上次报|之前报|报的那个|报修的|工单|我的报修|我的投诉|我的单子|我的\s?ticket|` +
		`\bmy (ticket|report|complaint|request|repair)s?\b|\bi (reported|filed|complained)\b|\breported it\b|\bi (sent|made|submitted|put in|filed) (a|the|my) (report|complaint|request|ticket)\b`)
	chaseAsk = regexp.MustCompile(`怎么还没|还没有?(修|处理|人|动静|回复|消息)|(怎么|咋|怎|哪能)样?了|进度|到哪|有消息|催|多久|什么时候|有人(管|处理|跟进)吗|` +
		`(修|弄|处理|修好|弄好)了?(没有|没|吗|伐)|(单子|工单|报修|投诉|报的|那个)\s?(现在)?\s?呢$|` +
		`\b(update|updates|status|still|when|how long|any news|progress|follow up|chasing|anyone handling|anybody handling|is anyone)\b`)
	chaseAlone = regexp.MustCompile(`^(催一下|催一催|催催|催办|帮我催一下|any update|any updates|any news)$`)
	// chaseLoose asks after a repair without naming the report ("漏水的事怎么
	// 样了", "什么时候来修？", "did anyone look at my leak yet"): a chase when
	// an open ticket is about the same thing (or the words name nothing)
	chaseLoose = regexp.MustCompile(`(的事|那事|那个事|的问题|的那个|那个)(工单|报修)?(情)?(现在)?(怎么样了|咋样了|处理得?怎么样|有进展|有消息|有人管)|` +
		`\bwhat about (the|my) [a-z]+ (one|ticket|report)\b|` +
		`^(那|请问)?(你们|师傅|物业)?(什么时候|啥时候|几时|几点|哪天)(能|才|会|可以)?(来|过来|上门)(修|看|处理)|` +
		`^(修好了没|修了没|修没修|到底修不修|还修不修|有人来(修|看)(了)?(吗|没)|有没有人来(修|看))|` +
		`^(怎么|为什么|为啥|哪能|咋)?(还|到现在)?(是)?(没|没有|不)人来(修|看|处理)?(啊|呀|呢)?$|^why (is|has|have) (nobody|no one|noone|no body)( yet)? (come|came|coming|been|turned up|shown up)\b|` +
		`\b(any )?(update|news|progress) on (my|the) \w+|\b(did|has|have) (anyone|anybody|someone|somebody|you|they) (look|looked|come|came|check|checked|been)\b.{0,25}\b(yet|my|the)\b|` +
		`^when (will|are|is) (you|they|someone|somebody|the (plumber|electrician|worker|repairman)) (come|coming|be here)\b|\bstatus of my \w+|` +
		// "is my lift fixed yet?", "what about the lift?", "why is nobody fixing it"
		`^(is|has) (my|the|our) [a-z]+ (been )?(fixed|repaired|sorted)( yet)?$|^what about (my|the|our) [a-z]+$|` +
		`^why (is|are) (nobody|no one|noone) (fixing|repairing|doing anything about|looking at|dealing with) (it|this|that|my \w+|the \w+)$|` +
		// several reports at once: "两个事情现在怎么样了", "那几个单子呢"
		`^(我的|我报的|我反映的)?(这|那)?(两|几|[二三四])(个|件)(事情?|问题|单子|工单|报修|投诉)(现在)?(都)?(怎么样了|咋样了|哪能了|处理得?怎么样了?|有进展了?吗|有消息了?吗|进度如何|到哪一步了|呢)$`)
	// chaseWhen asks when "it" will be fixed and names nothing ("啥时候修好",
	// "When will it be fixed?"): right after a report, that report's
	// (asksWhenJustAfterReport); "外墙啥时候修好" names the FAQ's project
	chaseWhen = regexp.MustCompile(`^(那|请问|所以|大概|到底|那大概|那到底)?(你们)?(啥时候|什么时候|几时|啥辰光|何时|哪天)(能|才|会|可以|能够|才能)?(修好|修|弄好|处理好|解决|修复|好)(了)?(啊|呀|呢|吗|嘛|哦|伐)?$|` +
		`^(大概|到底)?(要|需要|还要)?(多久|多长时间)(才|能|才能)?(修好|弄好|处理好|解决|好)(啊|呀|呢|吗)?$|` +
		`^(so |and |ok |okay )?(when|how soon) (will|would|can|could|is|are) (it|this|that|they|you) (be |get |going to be |gonna be )?` +
		`(fixed|repaired|sorted|sorted out|done|resolved|fix it|fix this|fix that|repair it)( then| yet)?$|` +
		`^how long (will|would|does|is) (it|this|that) (take|going to take|gonna take)( to (fix|repair|sort out)( it| this| that)?)?$`)
	// chaseThing asks after a thing in a few words ("电梯哪能了", "我的电梯哪能
	// 了", "电梯修了伐"): a chase only when the thing is an open ticket's kind
	chaseThing = regexp.MustCompile(`^(我的|我家|阿拉|阿拉屋里)?(\p{Han}{2,4}?)(的事)?(哪能了|哪能样了|怎么样了|咋样了|修了伐|修了吗|修了没|修好了伐|修好伐|修好了吗|修好没)$`)
	// chaseOwn names the resident's own report outright: asked about with
	// nothing open, the answer is still their tickets ("none yet", or how
	// the last one ended), not an FAQ entry. "报修的流程…多久" is no chase.
	chaseOwn = regexp.MustCompile(`我报的|我反映的|我投诉的|我提交的|上次报|之前报|(我的|阿拉的|我那张|我那个)\s?(报修|投诉|工单|单子)|阿拉\s?(单子|工单)|` +
		`\bmy (ticket|report|complaint|repair request)s?\b|\bi (reported|filed|complained)\b|\bmy (lift|elevator|leak|light|lights|door|noise|repair) (ticket|report)\b|` +
		`\bwhen will (someone|somebody|anyone|the (plumber|electrician|repairman|technician|worker|workers)) (come|be here)(( to (fix|repair|look at|look|check) (it|this|that|my \w+))?\s*$| to (fix|repair|look at|look|check)\s*$)`)
)

// chasing reports a message that asks after the resident's own report while
// they have one open.
func (h *Handler) chasing(ctx context.Context, userID int64, text string) bool {
	s := faq.Normalize(text)
	// an estate project ("电梯更换的事", "the lift replacement project") is
	// the FAQ's, not a resident's report
	loose := chaseLoose.MatchString(s) && !estateProject.MatchString(s)
	if !loose && chaseThing.MatchString(s) && !estateProject.MatchString(s) {
		if genericCategory(h.Router.Route(text).Category) {
			return false // "天气哪能了" names no ticket's kind
		}
		loose = true
	}
	if !loose && !chaseAlone.MatchString(s) && !(chaseRef.MatchString(s) && chaseAsk.MatchString(s)) {
		return false
	}
	tks, err := h.Tickets.ResidentTickets(ctx, userID, 20)
	if err != nil {
		h.Log.Warn("list resident tickets for a chase", "err", err)
		return false
	}
	about := tickets.Uncategorized
	if r := h.Router.Route(text); loose && !genericCategory(r.Category) {
		// any topic the words name must be a ticket's ("电梯更换的事怎么样了"
		// with only a light ticket open asks the FAQ; "修好了没有" names
		// repairs in general: any ticket)
		about = r.Category
	}
	subject, subjectKind := "", tickets.Uncategorized
	if loose {
		if subject = chaseSubject(s); subject != "" {
			subjectKind = h.Router.Route(subject).Category
		}
	}
	for _, t := range tks {
		if !t.Status.Open() {
			continue
		}
		if subject != "" {
			// "漏水的事" and the ticket about the leak, or its kind:
			// "渗水的问题" and the leak ticket, "my elevator" and 电梯
			if sharesSubject(t.Text, subject) {
				return true
			}
			if !genericCategory(subjectKind) && relatedCategories(subjectKind, t.Category) {
				return true
			}
			continue
		}
		if about == tickets.Uncategorized || genericCategory(t.Category) || relatedCategories(about, t.Category) {
			return true
		}
	}
	return false
}

// estateProject names an estate project, or asks when a thing is replaced
// ("电梯啥辰光换", "when will the lifts be replaced").
var estateProject = regexp.MustCompile(`更换|换新|加装|改造|翻新|整修|工程|项目|(什么时候|啥时候|啥辰光|几时|何时|哪年|哪天)(会|要|能|才|可以)?(换|装)|` +
	`\b(replacement|renovation|project|upgrade|installation|works)\b|\bwhen (will|are|is) (the|our) \w+ (be )?(replaced|renovated|upgraded)\b`)

// chaseSubject is what a loose chase names ("漏水" in "漏水的事怎么样了",
// "leak" in "any update on my leak"), or "".
func chaseSubject(s string) string {
	m := chaseSubjectPattern.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	for _, g := range m[1:] {
		if g = strings.TrimSpace(g); g != "" && !chaseReference.MatchString(g) {
			return g
		}
	}
	return ""
}

// sameThing folds words residents use for one fault ("渗水" and "漏水").
var sameThing = strings.NewReplacer("渗水", "漏水", "滴水", "漏水", "渗漏", "漏水", "不亮", "灯坏", "升降机", "电梯")

// chaseReference: words that point at a report without saying what it is
// about ("我报的那个", "上次那个", "my repair").
var chaseReference = regexp.MustCompile(`^(报的|上次|我家|之前|我的|这个|那个|刚才|前几天|repair|request|ticket|report|complaint|problem|issue)$`)

var chaseSubjectPattern = regexp.MustCompile(`^(?:我(?:家)?(?:报的|反映的)?)?([^\s]{2,10}?)(?:的事|那事|那个事|的问题|的那个|那个)|` +
	`\b(?:on|about|with) (?:my|the) ([a-z]{3,})\b|\blook at my ([a-z]{3,})\b|` +
	// the thing after the repair word: "什么时候来修下水道", "come to fix the drain"
	`(?:来|过来|上门)(?:修|看|处理|弄)(?:一下|下)?(?:我家|我们家|我们)?的?(\p{Han}{2,8}?)(?:啊|呀|呢|吗|嘛|了|吧|哦|\s|$)|` +
	`\bto (?:fix|repair|look at|check) (?:my|the|our) ([a-z]{3,})\b`)

// sharesSubject reports text that names what subject names ("漏水的事" and a
// leak ticket; "楼上那家人" and "楼上卫生间漏水"; "upstairs"): a pair of
// Chinese characters, or an English word's stem, in both, none of them a
// small word or a place's number word. Words residents use for one fault
// count as one (sameThing).
func sharesSubject(text, subject string) bool {
	t := sameThing.Replace(faq.Normalize(text))
	stems := map[string]bool{}
	for _, w := range strings.Fields(t) {
		if faq.DetectLang(w) != "zh" {
			stems[englishStem(w)] = true
		}
	}
	for _, w := range strings.Fields(sameThing.Replace(faq.Normalize(subject))) {
		if faq.DetectLang(w) != "zh" {
			if len(w) >= 3 && !commonWords[w] && stems[englishStem(w)] {
				return true
			}
			continue
		}
		runes := []rune(w)
		for i := 0; i+1 < len(runes); i++ {
			pair := string(runes[i : i+2])
			if !strings.ContainsAny(pair, commonChars) && !commonPairs[pair] && strings.Contains(t, pair) {
				return true
			}
		}
	}
	return false
}

// englishStem is a word's first four letters, a plural's "s" aside:
// "leaking" and "leak", "lifts" and "lift", "bins" and "bin".
func englishStem(w string) string {
	if len(w) > 3 {
		w = strings.TrimSuffix(w, "s")
	}
	return w[:min(len(w), 4)]
}

// Words too common to say two messages are about one thing.
const commonChars = "的了是我你他她它们在有这那个也都就还和很吗呢吧啊呀哦嘛一二三四五六七八九十号栋幢元0123456789"

var (
	commonPairs = setOfWords("门口", "小区", "物业", "师傅", "今天", "昨天", "现在", "已经", "时候", "问题", "工单", "报修", "麻烦", "谢谢",
		"什么", "怎么", "没有", "可以", "不能", "不行", "楼道", "楼里", "家里", "屋里", "阿拉", "侬好", "上面", "下面", "里面", "外面")
	commonWords = setOfWords("also", "that", "this", "there", "their", "them", "they", "with", "from", "have", "been", "into", "never",
		"still", "please", "about", "what", "when", "where", "some", "just", "very", "really", "again", "would", "could", "should",
		"here", "your", "because", "building", "block", "room", "flat", "floor", "unit", "today", "yesterday", "now", "anyone",
		"someone", "nobody", "thanks", "thank", "help", "problem", "issue", "ticket", "report", "it's", "doesn", "isn", "isnt", "doesnt", "don",
		// short words that name nothing
		"the", "and", "for", "was", "not", "but", "his", "her", "you", "our", "can", "has", "had", "got", "one", "two", "its", "all", "any",
		"are", "out", "off", "why", "how", "who", "did", "too", "yet", "she", "him", "see", "day", "way", "get", "let", "may", "new", "old",
		"ago", "few", "lot", "own", "per", "via", "yes", "pls", "plz", "thx", "im", "ive", "won", "cant", "didn", "hasn", "haven")
)

// genericCategory names no particular thing: repairs or facilities in
// general, or nothing the rules know.
func genericCategory(c string) bool {
	return c == tickets.Uncategorized || c == "repairs" || c == "facilities"
}

// chasesOwnReport: text asks after the resident's reports, and only that:
// a chase of an open one (chasing), or their report named outright and
// asked after ("我的单子哪能了", "any update on my ticket?"). Never a danger
// told, nor words that tell more (tellsMore): "我报的灯修好了伐 还是不亮"
// disputes the fix, "我之前报的修了没 现在更严重了" is news for staff.
func (h *Handler) chasesOwnReport(ctx context.Context, userID int64, text string) bool {
	if emergencyIn(text) != noEmergency || h.tellsMore(text) {
		return false
	}
	return asksAfterOwnReport(text) || asksAfterTicketNumber(text) || h.chasing(ctx, userID, text) ||
		h.asksWhenJustAfterReport(ctx, userID, text)
}

// asksAfterTicketNumber: text asks after a ticket it names by number ("any
// news on ticket 1?", "#1怎么样了", "工单1有消息吗"): the resident's own is
// shown (chasedTickets), and a number not theirs shows only theirs.
func asksAfterTicketNumber(text string) bool {
	if chasedTicketNumber(text) == "" {
		return false
	}
	s := faq.Normalize(text)
	return chaseAsk.MatchString(s) || chaseLoose.MatchString(s)
}

// chasedTicketNumber is the ticket number a chase names outright ("#1",
// "工单1", "ticket 1"), or "": "我3号报修的" is a date and "a report 2 days
// ago" a count, no ticket.
func chasedTicketNumber(text string) string {
	n := namedTicketNumber(text)
	if n == "" || !ticketNamedOutright.MatchString(text) {
		return ""
	}
	return n
}

var ticketNamedOutright = regexp.MustCompile(`(?i)#\s*\d|(工单|ticket)\s*(号|no\.?|number)?\s*[:：]?\s*#?\s*\d`)

// whenAfterReport: how long after a report a bare "when will it be fixed"
// is asked of it.
const whenAfterReport = 2 * time.Hour

// asksWhenJustAfterReport: a bare "when will it be fixed" (chaseWhen) right
// after a report: one of the resident's tickets is open and was sent within
// whenAfterReport, and no other report is being written.
func (h *Handler) asksWhenJustAfterReport(ctx context.Context, userID int64, text string) bool {
	if !chaseWhen.MatchString(faq.Normalize(text)) {
		return false
	}
	if d, drafting, err := h.loadDraft(ctx, userID); err != nil || (drafting && d.active()) {
		return false
	}
	tks, err := h.Tickets.ResidentTickets(ctx, userID, 20)
	if err != nil {
		h.Log.Warn("list resident tickets for a chase", "err", err)
		return false
	}
	for _, t := range tks {
		if t.Status.Open() && h.Now().Sub(t.CreatedAt) <= whenAfterReport {
			return true
		}
	}
	return false
}

// chasedTickets shows where the resident's reports stand: the ticket the
// words name by number when it is theirs, else their tickets.
func (h *Handler) chasedTickets(ctx context.Context, in Incoming, text, lang string) error {
	if n, err := strconv.ParseInt(chasedTicketNumber(text), 10, 64); err == nil {
		if t, err := h.ownTicket(ctx, in.UserID, n); err == nil {
			return h.showTicket(ctx, in, t, lang) // in the language asked in, as the list
		} else if !errors.Is(err, errStale) {
			return err
		}
	}
	return h.myTickets(ctx, in, lang)
}

// tellsMore: besides any words that ask after a report, text disputes the
// fix, says the fault is still there or worse, or tells a problem.
func (h *Handler) tellsMore(text string) bool {
	if disputesResolution(text) || worseCue.MatchString(faq.Normalize(text)) {
		return true
	}
	rest := strings.Join(strings.Fields(withoutChaseWords(faq.Normalize(text))), " ")
	if !hasWords(rest) {
		return false
	}
	// "…还有维修资金怎么用" asks besides (questionBesidesChase), tells nothing
	return (stillCue.MatchString(rest) && h.complains(rest)) ||
		(h.Router.DescribesProblem(rest) && !h.Router.AsksSomething(rest) && !asksOutright(rest))
}

// withoutChaseWords is s without the words that ask after a report.
func withoutChaseWords(s string) string {
	for _, p := range []*regexp.Regexp{chaseAlone, chaseLoose, chaseOwn, chaseRef, chaseAsk, chaseWhen} {
		s = p.ReplaceAllString(s, " ")
	}
	return s
}

// chaseWithNews: text asks after the resident's report and tells more
// ("我反映的楼上噪音怎么样了 昨晚又吵到两点"), or tells it got worse ("现在更严重了
// 水漫到客厅了"): news for the open ticket about it (continuedTicket).
func (h *Handler) chaseWithNews(text string) bool {
	s := faq.Normalize(text)
	if worseCue.MatchString(s) {
		return true
	}
	asksAfter := chaseLoose.MatchString(s) || ((chaseRef.MatchString(s) || chaseOwn.MatchString(s)) && chaseAsk.MatchString(s))
	return asksAfter && h.tellsMore(text)
}

// worseCue: the fault got worse ("现在更严重了", "it's getting worse").
var worseCue = regexp.MustCompile(`更严重|越来越(严重|厉害|大|多|重|差|臭|响|吵)|更(厉害|大|多|重|糟)了|加重了|恶化|` +
	`\b(getting worse|got worse|gotten worse|worse now|even worse|much worse|worse and worse|worse than before)\b`)

// asksAfterOwnReport reports words that ask after the resident's own report
// outright ("我的报修怎么样了", "any update on my ticket?"): with nothing open
// the answer is still their tickets ("none yet", or how the last ended). It
// is asked after the emergency and dispute checks: "我上次报的煤气味又有了"
// is a report and "我报的灯还是不亮" a dispute.
func asksAfterOwnReport(text string) bool {
	s := faq.Normalize(text)
	return chaseOwn.MatchString(s) && chaseAsk.MatchString(s)
}

// A resident disputing a resolution ("why resolved?? plumber never came",
// "工单怎么就说解决了 根本没人来过", "还是没修好") wants that ticket back, not an
// FAQ entry or a new report with no link to it. The words must name the
// resolution or the repair: "健身房为什么关了" and "已经解决了，没事了" are
// no dispute.
var (
	disputeClosed = regexp.MustCompile(`(说|显示|标记?|标成|标为|直接点|随便点|就点|点了|按了|怎么就|凭什么|为什么|为啥)(是|成|为|了)?(已经?)?(解决|办结|结案|修好|处理好|完成)|` +
		`(工单|报修|投诉).{0,8}(解决|关闭|关了|结案|办结)|` +
		`\b(marked|says|shows|set|closed|resolved) (it |my ticket |the ticket )?(as )?(resolved|closed|done|fixed|complete)\b|` +
		`\b(closed|resolved) (my|the|this) (ticket|report|complaint)\b|` +
		`\b(why|how) (is|was|did|has) (it|this|my ticket|the ticket|my report|the report)( been)? (resolved|closed)\b|` +
		`\b(why|how come) (it s |its |is it |was it )?(resolved|closed|marked (as )?(resolved|done))\b|` +
		`\b(ticket|report|repair|request|complaint)s? .{0,20}\b(resolved|closed)\b|\b(resolved|closed) .{0,20}\b(ticket|report|repair)\b`)
	disputeNot = regexp.MustCompile(`没(有)?人来|没(有)?修|没(有)?解决|没(有)?处理|没(有)?弄好|根本|还是|依然|仍然|照样|凭什么|怎么就|` +
		`\b(never|not|didn t|didnt|hasn t|hasnt|no one|nobody|still|wasn t|isn t|why)\b|\bnothing (was |has been |got )?(done|fixed|happened|changed)\b`)
	// a dispute in few words, with no "resolved" in it
	disputeAlone = regexp.MustCompile(`^(问题)?(还是|根本|怎么还|怎么还是|仍然|依然|完全|压根)?(没|没有)(解决|修好|修|人来|处理|弄好)(啊|呀|嘛|呢|吧)?$|` +
		`这(也|就)叫(解决|修好|处理)|(根本|压根)(就)?没(有)?(解决|处理|修|弄)|` +
		// broken again just after the fix, in few words: "又坏了", "又不亮了"
		`^(怎么)?(又|还)(坏|不亮|不行|漏|漏水|停|堵|不转|不动)(了|啦|啊)+$|` +
		// "修好了 但是又坏了": fixed, then broken again
		`^(修好了?|修了|好了)\s*(但是|可是|不过|结果)?\s*(又|还是)(坏|不亮|不行|漏|漏水|停|堵|不转|不动)(了|啦|啊)+$|^(师傅|你们|物业|维修工|修的人)(根本|压根)(就)?没(有)?来(过)?(啊|呀)?$|^(根本|压根)(就)?没(有)?人来(过)?(啊|呀)?$|` +
		// the fix did nothing: "还是坏的", "修了跟没修一样", "白修了"
		`^(还是|仍然|依然|照样|照旧)(坏的|坏了|坏着|不行|老样子|那样|没好|不亮|不动|不通|在漏|漏)(啊|呀|嘛|呢|的)?$|` +
		`(修了)?(跟|和|同)没修(一样|差不多|似的)|白修了|等于没修|越修越(坏|差|糟)|修了个寂寞|` +
		`^(it s |its |it is )?(the )?same as before$|^(it s |its |it is )?worse than before$|^no (different|better|change)$|` +
		`^(it s |its |it is )?(still )?(not|never) (fixed|repaired|solved|resolved)( at all)?$|^still broken$|` +
		// said of the fix just made, so at the start: "楼道的垃圾三天都没清理干净"
		// and "the bins at building 5 have not been collected" are new reports
		`^(根本|压根|完全|一点都|一点也)(就)?没(有)?(打扫|清理|清扫|收拾|清)|^(垃圾|楼道|地面)?(还是)?没(有)?(打扫|清理|清扫|收拾)干净|` +
		`^(it|that|this|they|the (rubbish|bins?|trash|garbage))( is| s| was| were| has| have|s)? (not|never|wasn t|isn t|hasn t|haven t)( been| even| really)? (cleaned|cleared|collected|removed|repaired|swept|tidied)( up)?( at all)?\b|` +
		`(你们|物业|师傅)?根本(就)?没(有)?(人)?来(修|看|过|处理)|^(nobody|no one|no body) (ever )?came( to (fix|repair|check|look))?|never came to (fix|repair)|didn t (even )?come to (fix|repair|check)`)
	// stillCue: the problem is back or was never fixed ("灯还是不亮啊",
	// "the light is still broken"): a dispute of a resolved ticket about it
	stillCue = regexp.MustCompile(`还是|仍然|依然|照样|又(坏|不|漏|停|没)|还没|没修好|没好|` +
		`\b(still|again|not fixed|never fixed|keeps?)\b`)
)

// disputedTicket returns the resolved ticket, still reopenable, that text
// disputes: the one about what the text is about ("灯还是不亮啊" and the
// stairwell-light ticket), else, for words that dispute any resolution
// ("还是没解决", "why resolved?? nobody came"), the latest.
func (h *Handler) disputedTicket(ctx context.Context, userID int64, text string) (tickets.Ticket, bool) {
	disputes := disputesResolution(text)
	s := strings.TrimSpace(faq.Normalize(text))
	if !disputes && !(stillCue.MatchString(s) && h.complains(text)) {
		return tickets.Ticket{}, false // "物业费还没交怎么办" is a question, not the fault back
	}
	tks, err := h.Tickets.ResidentTickets(ctx, userID, 20)
	if err != nil {
		h.Log.Warn("list resident tickets for a dispute", "err", err)
		return tickets.Ticket{}, false
	}
	now := h.Now()
	// the one resolved last (its notice came last), of the category named
	// if the text names one
	var latest, latestAbout *tickets.Ticket
	route := h.Router.Route(text)
	if rest := strings.Join(strings.Fields(withoutChaseWords(s)), " "); hasWords(rest) && rest != s {
		// "我报的灯修好了伐 还是不亮" is about the light, not repairs
		route = h.Router.Route(rest)
	}
	about := route.Category
	for i, t := range tks {
		// a rated (closed) ticket can be disputed too, within the window
		if (t.Status != tickets.StatusResolved && t.Status != tickets.StatusClosed) || !t.CanReopen(now) {
			continue
		}
		if latest == nil || t.ResolvedAt.After(*latest.ResolvedAt) {
			latest = &tks[i]
		}
		if about != tickets.Uncategorized && t.Category == about && (latestAbout == nil || t.ResolvedAt.After(*latestAbout.ResolvedAt)) {
			latestAbout = &tks[i]
		}
	}
	switch {
	case latestAbout != nil:
		return *latestAbout, true // the problem named again: that ticket's
	case latest == nil:
		return tickets.Ticket{}, false
	case disputes:
		return *latest, true
	case (about == tickets.Uncategorized || route.Confidence < vagueRouteConfidence) && !anyOpen(tks):
		// "it's still broken", "it stopped working again": no thing named,
		// so the thing last resolved (with one open, it may be about that)
		return *latest, true
	}
	return tickets.Ticket{}, false
}

// anyOpen: one of tks is open.
func anyOpen(tks []tickets.Ticket) bool {
	for _, t := range tks {
		if t.Status.Open() {
			return true
		}
	}
	return false
}

// vagueRouteConfidence: below it a message names no thing of its own ("it's
// still broken" routes to repairs at 0.55), so it is about what was last
// resolved.
const vagueRouteConfidence = 0.7

// disputesResolution reports words that dispute any resolution ("还是没解决",
// "why resolved?? nobody came"), whatever the ticket is about.
func disputesResolution(text string) bool {
	s := strings.TrimSpace(faq.Normalize(text))
	return (disputeClosed.MatchString(s) && disputeNot.MatchString(s)) || disputeAlone.MatchString(s)
}

// complains reports text that reads as a concern or a fault, not a question.
func (h *Handler) complains(text string) bool {
	concern, _ := h.Router.IsConcern(text)
	return concern || h.Router.DescribesProblem(text)
}

// A dispute typed before the reopen button is pressed ("根本没人来清理") is
// what staff most need to read on the reopened ticket: it is held until then.
const disputeTTL = 24 * time.Hour

func disputeKey(userID, ticketID int64) string { return fmt.Sprintf("dispute:%d:%d", userID, ticketID) }

// heldDisputeValue is what a held dispute keeps: the words and the photos
// that came with them ("灯还是不亮" under a picture of the dark stairwell),
// everything the resident said against the fix before reopening.
type heldDisputeValue struct {
	Text   string   `json:"text"`
	Photos []string `json:"photos,omitempty"`
}

// maxHeldDispute bounds what a held dispute grows to (a card's reason).
const maxHeldDispute = 1000

func (h *Handler) holdDispute(ctx context.Context, in Incoming, ticketID int64, text string) {
	v, _, err := h.heldDispute(ctx, in.UserID, ticketID)
	if err != nil {
		// what is held stays as it is rather than be written over by
		// this message alone
		h.Log.Warn("read a held dispute", "ticket", ticketID, "err", err)
		return
	}
	if text != "" && !strings.Contains(v.Text, text) && runeLen(v.Text)+runeLen(text) < maxHeldDispute {
		v.Text = strings.TrimSpace(v.Text + "\n" + text)
	}
	v.Photos = appendPhoto(v.Photos, in.PhotoIDs)
	data, err := json.Marshal(v)
	if err == nil {
		err = h.State.Set(ctx, disputeKey(in.UserID, ticketID), data, disputeTTL)
	}
	if err != nil {
		h.Log.Warn("hold a dispute for the reopen", "ticket", ticketID, "err", err)
	}
}

// heldDispute returns the dispute held for the ticket; forgetDispute drops
// it once the reopen that carries it is stored.
func (h *Handler) heldDispute(ctx context.Context, userID, ticketID int64) (heldDisputeValue, bool, error) {
	data, ok, err := h.State.Get(ctx, disputeKey(userID, ticketID))
	if err != nil {
		return heldDisputeValue{}, false, fmt.Errorf("held dispute of ticket %d: %w", ticketID, err)
	}
	if !ok {
		return heldDisputeValue{}, false, nil
	}
	var v heldDisputeValue
	if json.Unmarshal(data, &v) != nil {
		v = heldDisputeValue{Text: string(data)} // held as plain text before photos were kept
	}
	return v, true, nil
}

func (h *Handler) forgetDispute(ctx context.Context, userID, ticketID int64) {
	if err := h.State.Delete(ctx, disputeKey(userID, ticketID)); err != nil {
		h.Log.Warn("forget a held dispute", "ticket", ticketID, "err", err)
	}
}

// questionBesidesChase is a question a chase asks besides ("电梯的事怎么样了
// 还有物业费怎么交", "any update on my leak? also how do I pay the fee"):
// the ticket list answers the chase, and this part gets the FAQ's answer
// when the FAQ has a confident one.
func (h *Handler) questionBesidesChase(text string) (string, bool) {
	// after a chase, a space between Chinese words is a resident's comma
	// (not in general: "包月车为 多少钱一个月" is one question)
	parts := questionParts(hanSpace.ReplaceAllString(text, "$1，$2"))
	if len(parts) < 2 {
		return "", false
	}
	for _, p := range parts {
		s := faq.Normalize(p)
		if !asksWord.MatchString(s) || chaseLoose.MatchString(s) || chaseAlone.MatchString(s) ||
			chaseRef.MatchString(s) || chaseOwn.MatchString(s) || disputeAlone.MatchString(s) {
			continue
		}
		if h.FAQ.Match(p).ID != "" {
			return p, true
		}
	}
	return "", false
}
