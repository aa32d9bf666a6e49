package handlers

import (
	"context"
	"regexp"
	"strings"

	"codesk/parties"
)

// Two matters in one message ("楼道灯坏了，还有楼下有人群租很吵") are two
// reports: the first is drafted, the second set aside like another matter
// told while a draft waits (parkAnotherMatter), and it comes back once the
// first is sent or cancelled. Before, both went as one ticket under the
// first one's category and party.

// alsoJoint is where a message turns to another matter: "还有", "另外",
// "also", after a clause break ("还有人…", "还有没有…", "还有点…" are not).
var alsoJoint = regexp.MustCompile(`(?i)[，,。；;！!]\s*(还有|另外|另一件事|再就是|再有就是|顺便(说|反映|提)一下|对了)|` +
	`[,.;!]\s+(also|and also|plus|another thing|one more thing|and another thing)\b`)

// jointTail: words that trail the joint ("还有就是", "另外呢", "also,").
var jointTail = regexp.MustCompile(`^\s*(就是|呢|啊|的话|一个|一件事)?[，,：:\s]*`)

// notAlso: 还有 followed by these is "still" or "is there", not "also".
var notAlso = regexp.MustCompile(`^(人|没|点|些|多|救|得)`)

// splitMatters returns text's first matter and the rest, when the rest is
// a report of another category, not related to the first's.
func (h *Handler) splitMatters(text string) (first, rest string, ok bool) {
	if emergencyIn(text) != noEmergency {
		return "", "", false // a danger is reported whole, and first
	}
	loc := alsoJoint.FindStringIndex(text)
	if loc == nil || notAlso.MatchString(text[loc[1]:]) {
		return "", "", false
	}
	first = strings.TrimSpace(text[:loc[0]])
	rest = strings.TrimLeft(text[loc[0]:loc[1]], "，,。；;！! ") + text[loc[1]:]
	rest = strings.TrimSpace(rest)
	if !hasWords(first) || !hasWords(strings.TrimSpace(text[loc[1]:])) {
		return "", "", false
	}
	if !h.Router.DescribesProblem(first) || !h.Router.DescribesProblem(rest) && !h.complains(rest) {
		return "", "", false // "灯坏了，另外请问…": the rest asks, it is no report
	}
	// another matter: its own business, said surely, unlike the first's
	own, alone := h.Router.Route(first), h.Router.Route(rest)
	if alone.Party == parties.CoOffice || alone.Confidence < anotherMatterConfidence || relatedCategories(own.Category, alone.Category) {
		return "", "", false // "灯坏了，还有电梯里的灯也不亮": one problem seen twice
	}
	// the second as told, without "还有" and what trails it ("还有就是，…")
	return first, strings.TrimSpace(strings.TrimLeft(jointTail.ReplaceAllString(text[loc[1]:], ""), "，,：:；; ")), true
}

// setAsideSecondMatter parks rest as a report of its own (splitMatters) and
// tells the resident so, after the first report's prompt.
func (h *Handler) setAsideSecondMatter(ctx context.Context, in Incoming, chosen, lang, rest string) error {
	in.PhotoIDs = nil // the photo is the first matter's, as its words come first
	if err := h.parkAnotherMatter(ctx, in, chosen, rest); err != nil {
		return err
	}
	return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtSecondMatterKept.f(lang, clip(rest, 60))})
}
