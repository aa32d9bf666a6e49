package tickets

import (
	"regexp"

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
