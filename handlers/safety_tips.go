package handlers

import (
	"regexp"

	"codesk/faq"
)

// A safety tip comes before the report of a harm that is no emergency for
// the duty staff but wants care now: a dog bite (wash the wound, rabies
// shots within a day). The report itself goes its usual way.
var safetyTips = []struct {
	cue *regexp.Regexp
	tip text
}{
	{regexp.MustCompile(`(狗|猫|犬)[^\s]{0,6}(咬了|咬伤|咬到|抓伤|抓破)|被(狗|猫|犬)(咬|抓)|` +
		`\b(dog|dogs|cat|puppy)\b.{0,20}\b(bit|bites|bitten|scratched)\b|\bbitten by (a |the |their |his |her )?(dog|cat|puppy)\b`),
		text{
			"⚠️ 被猫狗咬伤或抓伤：请马上用肥皂水和流动清水交替冲洗伤口约 15 分钟，并尽快（最好 24 小时内）到医院或狂犬病疫苗接种门诊处理伤口、接种疫苗。",
			"⚠️ Bitten or scratched by a dog or cat: wash the wound with soap and running water for about 15 minutes now, and see a hospital or rabies-vaccination clinic as soon as possible (within 24 hours) for the wound and the vaccine.",
		}},
}

// safetyTipFor returns the tip message calls for, if any.
func safetyTipFor(message string) (text, bool) {
	s := faq.Normalize(message)
	for _, t := range safetyTips {
		if t.cue.MatchString(s) {
			return t.tip, true
		}
	}
	var none text
	return none, false
}
