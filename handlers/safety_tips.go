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
	{dogBiteCue,
		text{
			"⚠️ 被猫狗咬伤或抓伤：请马上用肥皂水和流动清水交替冲洗伤口约 15 分钟，并尽快（最好 24 小时内）到医院或狂犬病疫苗接种门诊处理伤口、接种疫苗。",
			"⚠️ Bitten or scratched by a dog or cat: wash the wound with soap and running water for about 15 minutes now, and see a hospital or rabies-vaccination clinic as soon as possible (within 24 hours) for the wound and the vaccine.",
		}},
	{theftCue,
		text{
			"⚠️ 家中或车内财物被盗：请尽量保持现场、不要翻动，先拨打 110 报警；物业可以协助调取监控、加强巡逻。",
			"⚠️ Something stolen from your home or car: leave things as they are if you can and call the police on 110 first; the property company can help with camera footage and patrols.",
		}},
}

// theftCue: a burglary or theft told after the fact (one going on now is a
// crime emergency): the police first, then the report.
var theftCue = regexp.MustCompile(`(家里|我家|家|屋里|房间|车里)(被盗|被偷|失窃|进(了|过)?(小偷|贼)|遭贼|遭了贼)|入室盗窃|门(锁)?被撬|` +
	`\b(burgled|burglarized|broken into)\b|\b(stole|stolen) (something |things |stuff )?from (my|our) (flat|home|house|apartment|car)\b`)

// A bite is of a person: the bitten one or a body part follows the bite, or
// the person was bitten by the animal ("the dog bit through the bin bag",
// "狗把垃圾袋咬破了" are no bites).
var (
	bittenPerson  = `(我|他|她|人|孩子|小孩|小朋友|儿子|女儿|孙子|孙女|外孙|老人|老太太|老爷子|大爷|大妈|阿姨|邻居|快递员|保安|保洁)`
	bittenBody    = `(手|脚|腿|胳膊|脸|手指|小腿|屁股)`
	bittenEnglish = `(me|us|him|her|them|someone|somebody|` +
		`(my|our|his|her|their|a|an|the|this|that)\s+(\w+\s+)?(son|daughter|kid|kids|child|children|boy|girl|baby|toddler|wife|husband|mum|mom|mother|dad|father|grandma|grandmother|grandpa|grandfather|neighbou?r|friend|man|woman|lady|guy|resident|courier|postman|guard|cleaner|hand|hands|finger|leg|legs|arm|arms|ankle|face|foot|feet|calf))\b`
	dogBiteCue = regexp.MustCompile(`(^被|` + bittenPerson + `[^\s，。,.]{0,8}被)[^\s，。,.]{0,6}(狗|猫|犬)[^\s，。,.]{0,2}(咬|抓)|` +
		`(狗|猫|犬)[^\s，。,.]{0,8}(咬伤|抓伤|(咬|抓)(了|到|破了?)?` + bittenPerson + `|(咬|抓)(了|到|破了?)?[^\s，。,.]{0,3}` + bittenBody + `)|` +
		`(狗|猫|犬)把` + bittenPerson + `[^\s，。,.]{0,4}(咬|抓)|` +
		`\b(dog|dogs|cat|puppy)\b.{0,20}\b(bit|bites|scratched|attacked)\s+` + bittenEnglish + `|` +
		`\b(bitten|scratched|attacked) by (a |the |their |his |her |our |my |someone's |a neighbou?r's )?(\w+ )?(dog|cat|puppy)\b`)
)

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
