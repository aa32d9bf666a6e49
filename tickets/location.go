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

// placeNouns name parts of an estate where a problem can be.
var placeNouns = regexp.MustCompile(`车棚|车库|地库|地下室|大堂|大厅|门口|大门|[东南西北]门|花园|广场|停车场|电梯口|电梯间|楼梯间|楼梯口|楼道|楼顶|天台|走廊|过道|岗亭|垃圾站|单元门|` +
	`\b(gate|gates|lobby|garage|shed|car park|carpark|parking lot|corridor|hallway|stairwell|stairs|roof|rooftop|basement|square|garden|entrance)\b`)

// placeWords are what a reply naming a place says besides the place: its
// numbers' units, directions and small words.
var placeWords = regexp.MustCompile(`号楼|栋|幢|单元|门洞|楼层|层|楼|室|号|附近|旁边|对面|里面|外面|之间|[东南西北上下左右前后边面里外和的在是那这个]|` +
	`\b(building|bldg|block|blk|tower|unit|flat|apt|apartment|room|floor|fl|the|of|in|at|on|near|between|and|by|outside|inside|next|to|behind|opposite|it|s|is|st|nd|rd|th|f|north|south|east|west|main|front|back|side|left|right|our|my)\b`)

// NamesOnlyAPlace reports text that says where something is and little
// else ("3号楼2单元", "Building 3, unit 2", "3楼和4楼之间", "北门车棚", "near
// the south gate"): the answer to "where is it?", not a new message.
func NamesOnlyAPlace(text string) bool {
	folded := faq.Normalize(text)
	if !locationPattern.MatchString(folded) && !placeNouns.MatchString(folded) {
		return false
	}
	rest := locationPattern.ReplaceAllString(folded, " ")
	rest = placeWords.ReplaceAllString(placeNouns.ReplaceAllString(rest, " "), " ")
	han, words := 0, 0
	for _, w := range strings.Fields(digits.ReplaceAllString(rest, " ")) {
		if faq.DetectLang(w) == "zh" {
			han += len([]rune(w))
		} else {
			words++
		}
	}
	return han <= 3 && words <= 1
}
