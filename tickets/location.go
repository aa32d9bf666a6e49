package tickets

import (
	"regexp"
	"strings"

	"codesk/faq"
)

// locationPattern finds a building, stairwell, unit, floor or flat number in
// folded text: "12号楼2单元", "7栋", "1203室", "building 9", "block 7", "11f".
var locationPattern = regexp.MustCompile(
	`\d+ ?(号楼|栋|幢|号|单元|门洞|楼|层|室)|` +
		`[一二三四五六七八九十]+ ?(号楼|栋|幢|单元|楼|层)|` +
		`\b(building|bldg|block|blk|tower|unit|flat|apt|apartment|room|stairwell|entrance|floor) ?#? ?\d+|` +
		`\b\d+ ?(f|fl|st|nd|rd|th) (floor|fl)\b|\b\d+ ?f\b|\b\d{3,4}\b`)

// MentionsLocation reports whether text names where the problem is (a
// building, unit, floor or flat), so intake need not ask for it.
func MentionsLocation(text string) bool {
	return locationPattern.MatchString(faq.Normalize(text))
}

var digits = regexp.MustCompile(`\d+`)

// placeWords are what a reply naming a place says besides the numbers.
var placeWords = regexp.MustCompile(`号楼|栋|幢|单元|门洞|楼道|楼梯口?|楼层|层|楼|室|号|门口|大门|[东南西北]门|附近|旁边|对面|里面|之间|和|的|在|是|\b(building|bldg|block|blk|tower|unit|flat|apt|apartment|room|stairwell|entrance|floor|fl|the|of|in|at|on|near|between|and|by|outside|inside|next|to|it|s|is|st|nd|rd|th|f)\b`)

// NamesOnlyAPlace reports text that says where something is and little
// else ("3号楼2单元", "Building 3, unit 2", "3楼和4楼之间"): the answer to
// "where is it?", not a new message about something else.
func NamesOnlyAPlace(text string) bool {
	folded := faq.Normalize(text)
	if !locationPattern.MatchString(folded) {
		return false
	}
	rest := placeWords.ReplaceAllString(locationPattern.ReplaceAllString(folded, " "), " ")
	han, words := 0, 0
	for _, w := range strings.Fields(digits.ReplaceAllString(rest, " ")) {
		if faq.DetectLang(w) == "zh" {
			han += len([]rune(w))
		} else {
			words++
		}
	}
	return han <= 4 && words <= 2
}
