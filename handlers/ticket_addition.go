package handlers

import (
	"context"
	"regexp"
	"strings"
	"time"

	"codesk/faq"
	"codesk/tickets"
)

// A resident adding to a report they made ("补充一下：是2号梯，3楼的按钮",
// "垃圾桶还是满的，根本没人来清理" while that ticket is open) means that
// ticket, not a second one with half the story.
var additionCue = regexp.MustCompile(`^(补充(一下|说明|一句|两句|几句)?|再补充|追加|更正一下|更正)(\s|$)|^(还有|对了)\s*(忘了说\s*)?(是|在)|` +
	`^(to add|adding to|an update|addendum|correction|ps|p s|more details?|more info|also it s|also its)\b|^update (on|to|about|the|it|its)\b`)

// continuedTicket is the resident's open ticket that text adds to: the
// newest one for words that say so, or the one about the same thing for a
// fault that is still there.
func (h *Handler) continuedTicket(ctx context.Context, userID int64, text string) (tickets.Ticket, bool) {
	tks, err := h.Tickets.ResidentTickets(ctx, userID, 20)
	if err != nil {
		h.Log.Warn("list resident tickets for an addition", "err", err)
		return tickets.Ticket{}, false
	}
	if t, ok := repeatedReport(tks, text); ok {
		return t, true // sent again (no reply seen?): offered to the first
	}
	s := faq.Normalize(text)
	adds := additionCue.MatchString(s)
	still := stillCue.MatchString(s) && h.complains(text)
	// a place alone, not a short report of its own ("3号楼楼道灯坏了")
	place := tickets.NamesOnlyAPlace(text) && !h.complains(text)
	if !adds && !still && !place {
		return h.followsJustSent(tks, text)
	}
	about := tickets.Uncategorized
	if r := h.Router.Route(text); still || (adds && r.Confidence >= anotherMatterConfidence) {
		about = r.Category
	}
	if adds && about != tickets.Uncategorized {
		// "update: the lift also makes a grinding noise": the lift ticket,
		// not the newest one, when both are open
		for _, t := range tks {
			if t.Status.Open() && t.Category == about {
				return t, true
			}
		}
	}
	now := h.Now()
	for _, t := range tks { // newest first
		if !t.Status.Open() {
			continue
		}
		if place {
			// only a place, just after a report sent without one: where
			// that report's problem is ("是12号楼3单元501门口")
			if t.Location == "" && now.Sub(t.CreatedAt) <= placeAfterReport {
				return t, true
			}
			return tickets.Ticket{}, false
		}
		if adds || (about != tickets.Uncategorized && t.Category == about) {
			return t, true
		}
	}
	return tickets.Ticket{}, false
}

// placeAfterReport: how long after a report a place alone is taken for its
// location, or words about what it named for more of it (followsJustSent);
// photoAfterReport: a photo with nothing new to say is offered to the report
// sent this long before.
const (
	placeAfterReport = 30 * time.Minute
	photoAfterReport = 2 * time.Hour
)

// followsJustSent is the report just sent (the newest, open, sent within
// placeAfterReport) that text goes on about: it names what the report named
// ("楼上卫生间漏水到我家了", then "楼上那家人一直不开门"), asks nothing and
// does not say it is another matter ("还有…"). Before, it became a second
// report with half the story.
func (h *Handler) followsJustSent(tks []tickets.Ticket, text string) (tickets.Ticket, bool) {
	if len(tks) == 0 {
		return tickets.Ticket{}, false
	}
	t := tks[0] // newest first
	s := faq.Normalize(text)
	if !t.Status.Open() || h.Now().Sub(t.CreatedAt) > placeAfterReport || startsAnotherMatter.MatchString(s) ||
		asksOutright(text) || emergencyIn(text) != noEmergency || !sharesSubject(t.Text, text) {
		return tickets.Ticket{}, false
	}
	return t, true
}

// sharesSubject: text names something reported ("楼上", "upstairs"): a pair
// of Chinese characters or an English word of some length in both, none of
// them a small word or a place's number word.
func sharesSubject(reported, text string) bool {
	r, s := faq.Normalize(reported), faq.Normalize(text)
	rWords := map[string]bool{}
	for _, w := range strings.Fields(r) {
		rWords[strings.TrimSuffix(w, "s")] = true
	}
	for _, w := range strings.Fields(s) {
		if faq.DetectLang(w) != "zh" {
			if len(w) >= 4 && !commonWords[w] && rWords[strings.TrimSuffix(w, "s")] {
				return true
			}
			continue
		}
		runes := []rune(w)
		for i := 0; i+1 < len(runes); i++ {
			pair := string(runes[i : i+2])
			if strings.ContainsAny(pair, commonChars) || commonPairs[pair] || !strings.Contains(r, pair) {
				continue
			}
			return true
		}
	}
	return false
}

// Words too common to say two messages are about one thing.
const commonChars = "的了是我你他她它们在有这那个也都就还和很吗呢吧啊呀哦嘛一二三四五六七八九十号栋幢元0123456789"

var (
	commonPairs = setOfWords("门口", "小区", "物业", "师傅", "今天", "昨天", "现在", "已经", "时候", "问题", "工单", "报修", "麻烦", "谢谢",
		"什么", "怎么", "没有", "可以", "不能", "不行", "楼道", "楼里", "家里", "屋里", "阿拉", "侬好", "上面", "下面", "里面", "外面")
	commonWords = setOfWords("also", "that", "this", "there", "their", "them", "they", "with", "from", "have", "been", "into", "never",
		"still", "please", "about", "what", "when", "where", "some", "just", "very", "really", "again", "would", "could", "should",
		"here", "your", "because", "building", "block", "room", "flat", "floor", "unit", "today", "yesterday", "now", "anyone",
		"someone", "nobody", "thanks", "thank", "help", "problem", "issue", "ticket", "report", "it's", "doesn", "isn", "isnt", "doesnt", "don")
)

// photoPointsBack is a caption that shows what was reported ("这是刚才说的
// 灯", "补一张照片", "here is a pic of that light").
var photoPointsBack = regexp.MustCompile(`^(这是|这个是|这就是|就是)?(刚才|刚刚|之前|上面|前面)(说|讲|报|提)的|^补(一|两|几)?张(照片|图|相片)?|^(照片|图片|相片|现场照片|现场图)$|` +
	`^(这|这个|这就)是|的(照片|图片|相片)$|^(here is|here s|heres|this is) (the|my|a)\b|` +
	`^(补充|补)(照片|图片)|^(here s|here is|heres|this is|attached|adding)( a| the)? (photo|pic|picture|image)\b|^(photo|pic|picture)( of (it|that|this|the (light|leak|lift|problem)))?$`)

// photoForRecentTicket is the open ticket a photo belongs with: the newest,
// sent within photoAfterReport, when the caption is empty or points back
// to it, or the one the caption adds to (continuedTicket).
func (h *Handler) photoForRecentTicket(ctx context.Context, userID int64, caption string) (tickets.Ticket, bool) {
	if caption != "" && !photoPointsBack.MatchString(faq.Normalize(caption)) {
		return h.continuedTicket(ctx, userID, caption)
	}
	tks, err := h.Tickets.ResidentTickets(ctx, userID, 5)
	if err != nil {
		h.Log.Warn("list resident tickets for a photo", "err", err)
		return tickets.Ticket{}, false
	}
	r := h.Router.Route(caption)
	for _, t := range tks { // newest first
		if !t.Status.Open() {
			continue
		}
		if caption != "" && r.Confidence >= anotherMatterConfidence && !relatedCategories(r.Category, t.Category) {
			continue // "这是9号楼门口的垃圾": another matter's photo, or an older report's
		}
		return t, h.Now().Sub(t.CreatedAt) <= photoAfterReport
	}
	return tickets.Ticket{}, false
}

// repeatedReport is the open ticket of tks whose report text says what
// text says, word for word once spacing and punctuation are set aside.
func repeatedReport(tks []tickets.Ticket, text string) (tickets.Ticket, bool) {
	key := sameWords(text)
	if runeLen(key) < 4 {
		return tickets.Ticket{}, false
	}
	for _, t := range tks {
		if t.Status.Open() && sameWords(t.Text) == key {
			return t, true
		}
	}
	return tickets.Ticket{}, false
}

// sameWords is text normalised with its spacing and punctuation removed.
func sameWords(text string) string {
	return strings.Join(strings.Fields(faq.Normalize(text)), "")
}
