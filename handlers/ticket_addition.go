package handlers

import (
	"context"
	"regexp"
	"strconv"
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
	// "修好了 很差" while the ticket is still open: a remark for its staff
	adds := additionCue.MatchString(s) || settledRating(text) > 0
	still := stillCue.MatchString(s) && h.complains(text)
	// a place alone, not a short report of its own ("3号楼楼道灯坏了")
	place := tickets.NamesOnlyAPlace(text) && !h.complains(text)
	if h.chaseWithNews(text) {
		return h.ticketWithNews(tks, text)
	}
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
		asksOutright(text) || emergencyIn(text) != noEmergency || !sharesSubject(t.Text, text) ||
		anotherOfTheSame(t.Text+" "+t.Location, text) || h.anotherMatter(draft{Text: t.Text}, text) || h.asksTheFAQ(text) {
		return tickets.Ticket{}, false
	}
	return t, true
}

// asksTheFAQ: text names an estate project ("电梯啥辰光换" after a lift
// report) or asks, telling no problem, what the FAQ answers: the answer,
// not more of the report.
func (h *Handler) asksTheFAQ(text string) bool {
	if estateProject.MatchString(faq.Normalize(text)) {
		return true
	}
	return h.Router.AsksSomething(text) && !h.Router.DescribesProblem(text) && h.FAQ.Match(text).ID != ""
}

// anotherOfTheSame: text tells of another one of what was reported: "也"
// ("3号楼电梯也坏了" after "5号楼电梯坏了"), or another building.
func anotherOfTheSame(reported, text string) bool {
	s := faq.Normalize(text)
	if strings.Contains(s, "也") {
		return true
	}
	b := buildingNumber(s)
	return b != 0 && buildingNumber(faq.Normalize(reported)) != 0 && b != buildingNumber(faq.Normalize(reported))
}

// buildingNumber is the number of the building s names ("5号楼", "十五栋",
// "building 12"), or 0.
func buildingNumber(s string) int {
	m := buildingNamed.FindStringSubmatch(s)
	if m == nil {
		return 0
	}
	if m[2] != "" {
		n, _ := strconv.Atoi(m[2])
		return n
	}
	return chineseNumber(m[1])
}

var buildingNamed = regexp.MustCompile(`(\d+|[一二三四五六七八九十]+) ?(?:号楼|号 楼|栋|幢)|\b(?:building|bldg|block|blk|tower) ?#? ?(\d+)`)

// chineseNumber reads 1 to 99 in Chinese numerals ("五", "十五", "二十三"),
// or digits; 0 for anything else.
func chineseNumber(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	digit := func(r rune) int { return strings.IndexRune("〇一二三四五六七八九", r) / len("一") } // 0: none
	r := []rune(s)
	switch {
	case len(r) == 1 && r[0] == '十':
		return 10
	case len(r) == 1:
		return digit(r[0])
	case len(r) == 2 && r[0] == '十':
		return 10 + digit(r[1])
	case len(r) == 2 && r[1] == '十':
		return digit(r[0]) * 10
	case len(r) == 3 && r[1] == '十':
		return digit(r[0])*10 + digit(r[2])
	}
	return 0
}

// ticketWithNews is the open ticket news is for ("我反映的楼上噪音怎么样了
// 昨晚又吵到两点", "现在更严重了 水漫到客厅了"): the one about what it names;
// else, when it names nothing of its own or only one is open, the newest.
func (h *Handler) ticketWithNews(tks []tickets.Ticket, text string) (tickets.Ticket, bool) {
	r := h.Router.Route(text)
	var open []tickets.Ticket
	for _, t := range tks { // newest first
		if !t.Status.Open() {
			continue
		}
		if (r.Confidence >= anotherMatterConfidence && !genericCategory(r.Category) && relatedCategories(r.Category, t.Category)) ||
			sharesSubject(t.Text, text) {
			return t, true
		}
		open = append(open, t)
	}
	if len(open) == 1 || (len(open) > 1 && (r.Confidence < anotherMatterConfidence || genericCategory(r.Category))) {
		return open[0], true
	}
	return tickets.Ticket{}, false
}

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
