package handlers

import (
	"regexp"
	"strings"

	"codesk/faq"
)

// emergency is a danger a message describes that cannot wait for a ticket
// or an FAQ answer: the resident first gets what to do now and whom to call.
type emergency int

const (
	noEmergency emergency = iota
	fireEmergency
	gasEmergency
	trappedEmergency
	medicalEmergency
	crimeEmergency    // violence, a threat, someone breaking in: the police
	selfHarmEmergency // a resident who speaks of ending their life
	// welfareEmergency: someone (often an old neighbour living alone) not
	// seen for days, or not answering the door: maybe fallen inside
	welfareEmergency
)

// notEmergencies are phrases that share words with a danger but name none:
// they are taken out of the text before the cues are looked for ("火灾隐患"
// is a clutter complaint, "fire exit blocked" a hallway one).
var notEmergencies = regexp.MustCompile(`火灾隐患|火灾报警器|消防演练|消防通道|消防栓|灭火器|困扰|` +
	// a danger imagined, not happening: "万一着火了怎么办", "容易起火" (not
	// 可能/怕/会不会: "可能着火了" hedges a real fire); text is normalised,
	// punctuation is space by now
	// the speaker's own wish to hurt someone, over a grievance ("我真想拿刀
	// 砍了楼上那家", "I could kill them"): venting, nobody threatened
	`我(真|真的|都|简直|好|是真)?(想|恨不得|巴不得)(拿(把|着)?(菜)?刀)?(去|上去|下去|过去)?(砍|杀|揍|打|捅|弄死|掐死)(了|死)?(人|他|她|他们|她们|那家|这家|楼上|楼下|邻居)?|` +
	`(真|简直)?恨不得(拿(把|着)?(菜)?刀)?(去|上去|下去|过去)?(砍|杀|揍|捅|弄死|掐死)(了|死)?|` +
	`\bi (could|want to|wanna|d like to|am going to|m going to|feel like) (kill|strangle|murder|punch|stab) (him|her|them|my neighbou?rs?|the neighbou?rs?|that guy|those people)\b|` +
	`(万一|如果|要是|假如|假设|一旦|容易)[^\s]{0,6}(着火|起火|失火|火灾|烧起来)|` +
	`\b(what if|in case of|if there (is|was|were) a|could (catch|start) a|risk of) (a )?fire\b|` +
	`fire (exit|exits|drill|drills|inspection|alarm|alarms|extinguisher|extinguishers|hydrant|hydrants|door|doors|safety|escape|hazard|risk|lane|engine)|` +
	`(cigarette|cigar|tobacco|smoking|barbecue|bbq) smoke|smoke from [a-z ]{0,20}(cigarettes?|cigars?|smoking|barbecue|bbq)|` +
	`(gave|give|giving) me a heart attack|(ceiling|wall|roof|shelf|tiles?) (has |have )?collapsed|` +
	// a drain's or bin's rotten-egg smell is sewage, not gas; smoke from
	// cooking; the lift's alarm button itself
	`(下水道|地漏|垃圾|厕所|马桶|卫生间|化粪池|沼气|污水|阴沟)[^\s]{0,10}臭鸡蛋|臭鸡蛋[^\s]{0,6}(下水道|地漏|垃圾|厕所|马桶|卫生间|污水)|` +
	`(drain|drains|sewer|sewage|bin|bins|toilet|rubbish|garbage)[a-z ]{0,20}rotten eggs?|rotten eggs?[a-z ]{0,20}(drain|drains|sewer|sewage|bin|bins|toilet)|` +
	`smoke when [a-z ]{0,20}(cook|cooks|cooking|fry|frying|grill|grilling)|救命(按钮|铃|电话)|` +
	// kitchen fumes, barbecues, offerings burnt, a chimney: smoke nobody
	// need flee; a lift out of order keeps someone from going out, not in
	`(油烟|烧烤|烤肉|烧纸|烟囱|烧香|烧垃圾).{0,8}冒烟|(一|每次)(做饭|炒菜)就冒烟|出不去门|出不了门|下不了楼|出不了楼|` +
	// a danger denied ("没有冒烟，就是不亮", answering staff's "有没有冒烟？"),
	// a boiler that will not light
	// an ambulance not needed; "想死你了" misses someone; an alarm's noise
	`(burglar|intruder) alarms?|(不用|不需要|没必要|别|用不着)(叫|打)(救护车|120)|\b(no need to|don t|do not|didn t|no need for) (call )?(an |the )?ambulance\b|想死你|` +
	`(没有|没|并没有)(冒烟|着火|起火|晕倒|闻到(什么)?((煤气|燃气|天然气)(味|味道)?)?|(煤气|燃气)味)|没(有)?人(被困|困住|困在)|打不着火|点不着火|打不着|点不着|` +
	`\b(no|without|there s no|there is no|isn t any|wasn t any) (smoke|fire|gas smell|gas|smell of gas|burning smell)\b|` +
	`\b(nobody|no one) (is |s |was |got )?(trapped|stuck)\b|\b(not|isn t|wasn t|aren t) (trapped|stuck|on fire|burning)\b`)

// emergencyCues name a danger happening now, in normalised text (lower
// case, simplified Chinese), once notEmergencies are out of it. Someone is
// trapped only in a lift: a car "trapped in" by a van is no emergency.
var emergencyCues = []struct {
	kind emergency
	cues *regexp.Regexp
}{
	{fireEmergency, regexp.MustCompile(`着火|起火|失火|火灾|烧起来|冒烟|浓烟|冒黑烟|全是烟|冒火花|烧焦味|焦糊味|烧焦的味|电线烧|火好大|火很大|救火|着了火|` +
		`\bflames?\b|\bfire (at|broke out|breaks out|in the|on the)\b|^fire\b|\bburning smell\b|` +
		`\b(car|flat|house|room|kitchen|building|balcony|bin|trash|rubbish|scooter|e ?bike|bike|battery|van|truck) (is )?(burning|on fire)\b|` +
		`on fire|there (is|s) a fire|\bfire in\b|\bfire on the\b|^fire$|smoke (everywhere|coming|in the|from)|smoke (is |s )?(coming|pouring)|` +
		`(full of|filled with|thick|black) smoke|(caught|catching|catches) fire|\b(i|we) (can )?see smoke\b|\bthere s smoke\b|` +
		`smell(s|ing)? (of )?burning|sparks (from|coming)|(wire|wires|wiring|socket|outlet|plug|cable|box|panel|meter|switch) [a-z ]{0,24}sparking|sparking (wire|wires|socket|outlet|plug|cable|box)|is burning`)},
	{gasEmergency, regexp.MustCompile(`(燃气|煤气|天然气)(味|泄漏|泄露|漏了)|(燃气|煤气|天然气).{0,6}(漏了|漏气|泄漏|泄露|嘶嘶)|漏气.{0,6}(燃气|煤气|天然气)|闻到(燃气|煤气)|漏(燃气|煤气)|` +
		`\bgas (leek|leeks|leaked)\b|` +
		// mercaptan smells of rotten eggs; a gas tap that will not close leaks
		`臭鸡蛋.{0,2}味|((燃气|煤气|天然气)(灶|阀|阀门|开关|总阀)|燃气灶|煤气灶|灶火|灶头).{0,4}(关不掉|关不上|关不了|拧不上)|` +
		`smell(s|ing)? (of |like )?gas\b|stinks? (of|like) gas\b|gas (leak|smell|is leaking|leaking)|leaking gas|rotten eggs? smell|smell(s|ing)? (of|like) rotten eggs?|` +
		`gas (stove|hob|cooker|tap|valve) (won t|will not|can t|cannot|doesn t) (turn|switch|shut) off`)},
	{trappedEmergency, regexp.MustCompile(`困人|电梯关人|电梯里关着人|(被困|困住|困在|关在|卡在|出不来)[^\s]{0,8}(电梯|lift|elevator)|电梯.{0,8}(被困|困住|出不来)|` +
		`电梯.{0,8}(困了人|困着人|关了人|关着人|有人被困|有人出不来|(里面|里头|里边)(还)?有人(出不来|被困|困着|$))|` +
		// someone inside a lift that stopped or fell, or cannot get out
		`电梯.{0,15}(人|妈|爸|孩子|小孩|老人|女儿|儿子|老公|老婆|爷爷|奶奶|外婆|外公|宝宝|家人)(还|都)?(在里面|在里头|在里边|关在里|出不去|出不来)|` +
		`电梯(停在|卡在)[^\s]{0,6}(中间|之间|半空)[^\s]{0,4}(出不去|出不来)|电梯(停|卡)[^\s]{0,10}(中间|之间|半空).{0,4}(里面|里头)(有|还有)(人|小孩|孩子|老人)|电梯(轿厢)?(突然|直接)?(掉下去|坠落|下坠|溜梯|冲顶|往下掉)|救命.{0,10}电梯|电梯.{0,10}救命|` +
		`(lift|elevator) (plunged|is falling)|(someone|somebody|people|my \w+) (is |are )?(stuck|trapped) in(side)? (the |a )?(lift|elevator)|` +
		`(lift|elevator) (stopped|stuck|broke down|broken down|is stuck|got stuck)[a-z ]{0,12}\b(with|and) (my|our|a|his|her) \w+ (in it|inside)|(lift|elevator).{0,30}\b(my|our) \w+ (is|are) (in it|in there)\b|` +
		`(stuck|trapped|locked) in(side)? (the |a |an |our )?(lift|elevator)|(lift|elevator).{0,60}(stuck|trapped).{0,30}(inside|in it|in there)|` +
		`(stuck|stopped) between floors.{0,30}(inside|with)|` +
		`(关|卡|困)(在)?电梯里|电梯.{0,12}我(还)?(在里面|在里头|出不去|出不来)|我在电梯里(出不去|出不来)|电梯(卡住|停)了.{0,4}(我|人)(出不去|出不来)|` +
		`(lift|elevator) (is )?stuck.{0,12}(can t|cannot|can not) get out|(can t|cannot|can not) get out of the (lift|elevator)|` +
		`(lift|elevator) doors? (won t|will not|doesn t|does not) open.{0,12}(i m|i am|we re|we are|someone is) (inside|in it|in there)`)},
	{medicalEmergency, regexp.MustCompile(`晕倒|昏倒|昏迷|昏过去|晕过去了|叫不醒|(人|老人|老头|老太太|大爷|大妈|阿姨|我妈|我爸|孩子|小孩|有人)[^\s]{0,6}倒(在)?地上(了|不动|起不来)|不省人事|没有呼吸|没呼吸|大出血|流血不止|流了好多血|抽搐|心脏病发|摔倒.{0,6}(起不来|流血|不动)|头.{0,3}流血|` +
		`(快|赶紧|赶快|帮忙|帮我|快帮我)(叫|打)(个|一下)?(救护车|120)|\bcall (an |the )?ambulance\b|倒地不动|倒在地上不动|躺在地上不动|呼吸困难|喘不上气|上不来气|触电|溺水|掉进(水池|水里|河里|池子)|噎住|被车撞|` +
		`\bseizure\b|\b(can t|cannot|can not) breathe\b|electrocuted|electric shock|drowning|\bchoking\b|hit by a car|` +
		`unconscious|not breathing|fainted|passed out|having a heart attack|bleeding (badly|a lot|heavily)|` +
		`(someone|somebody|he|she|man|woman|lady|person|neighbou?r|dad|mum|mom|father|mother|grandma|grandpa|granny|elderly) .{0,20}collapsed|` +
		`fell( down| over)? and (can t|cant|cannot|can not) get up`)},
	// "打人" also starts "打人工客服": only fighting or beating itself
	{crimeEmergency, regexp.MustCompile(`(小偷|贼)[^\s]{0,4}(进屋|进门|进来|进了|撬门|在屋|在家)|进(了)?(贼|小偷)|家里进人了|喊救命|救命啊|有人(在)?呼救|拿刀|持刀|拿着刀|砍人|捅人|在打人|打人了|动手打人|(有人|两个人|几个人|他们|邻居)打起来了|(有人|两个人|几个人|一群人|邻居|他们)(在)?打架|家暴|威胁(要)?(杀|砍|打|弄死)|要杀(了)?(我|你|他|她)|杀人了|(有人|遭|被)抢劫|(包|手机|钱包|钱|我)被抢|入室(盗窃|抢劫)|(有人|陌生人|小偷|贼)闯进(我家|家里|屋里|来)|` +
		`(小偷|贼)(还)?在(里面|家里|屋里|楼里)|(有人|正在)撬(我家|我们家)?(的)?门|` +
		`\b(with|has|holding|waving|pulled|carrying) (a |his |her )?(knife|gun|weapon)\b|threaten(s|ing|ed)? (me|us) with (a )?(knife|gun|weapon)|threaten(s|ing|ed)? to kill|(broke|broken|breaking|break) into (my|our|the) (flat|home|house|apartment)|` +
		`someone is (trying to )?break(ing)? in|\b(burglar|intruder)\b|\b(i was|i ve been|we were|she was|he was|just got|got) (robbed|mugged)\b|domestic violence|(is |are )?(hitting|beating|attacking) (me|her|him|us|someone|his wife|her husband|the kids?|a child|his kids?|her kids?)|\bfighting\b.{0,20}\b(blood|knife|hurt)`)},
	{welfareEmergency, regexp.MustCompile(`(老人|老太太|老太|老大爷|老爷子|老奶奶|老爷爷|大爷|大妈|阿姨|奶奶|爷爷|邻居|独居|一个人住)[^\s]{0,12}(好几天|几天|两天|三天|多天|一个星期|一周|一直)(都)?(没|没有|不见)(出门|出来|见到|见着|看到|露面|动静|人影|下楼|人应|回应)|` +
		`(老人|老太太|老太|老大爷|老爷子|老奶奶|老爷爷|独居|一个人住)[^\s]{0,12}(敲门|打电话|叫门)[^\s]{0,4}(都)?没(人)?(应|接|开门|回应|反应|动静)|` +
		`\b(haven t|have not|hasn t|has not|not) (seen|heard from|heard) (my |the |our )?(elderly |old )?(neighbou?r|lady|man|woman|gentleman|grandma|grandpa)\b.{0,20}\b(days|a week)\b|` +
		`\b(elderly|old) (neighbou?r|lady|man|woman|gentleman)\b.{0,40}\b(not answering|no answer|doesn t answer|won t answer|isn t answering)\b`)},
	{selfHarmEmergency, regexp.MustCompile(`不想活了|活不下去了|活着没意思|自杀|轻生|割腕|(想|要)跳楼|有人(要)?跳楼|我(好|真)?想死|结束(自己的)?生命|` +
		`(end|ending|take|taking) my (own )?life|kill myself|killing myself|\bsuicid|want to die|don t want to live|self harm`)},
}

// figureOfSpeech is the speaker's own "about to faint" or "could die", which
// over a grievance ("我快晕倒了 物业费又涨了", "吵得我想死") is no faint; it
// is taken out only for the medical and self-harm checks, and only when a
// grievance is in the message ("我要晕倒了 心口疼" is one).
var (
	figureOfSpeech = regexp.MustCompile(`我(都|真的|真|简直|真是)?(快|要|快要|差点)(要)?(被(他们|你们|物业|邻居|楼上|楼下|这事|这些人))?(气|吵|烦|急|愁|吓)?(得)?(晕倒|昏倒|晕过去|晕)(了)?|` +
		`(气|吵|烦|急|愁)(得|的)(我)?(都)?(快|要|快要)?(晕倒|昏倒|晕过去|晕)|(气|吵|烦|累|臭|急|愁|饿)(得|的)(我)?(都)?(快|要)?(想死|要死)|(死了|吵死|烦死|气死)[^\s]{0,4}\s?我(真|真的)?想死|老百姓(都)?(快)?活不下去`)
	grievance = regexp.MustCompile(`物业费|停车费|费用|收费|涨价|涨了|又涨|吵|噪音|装修|投诉|没人管|不管|没人修|太慢|又坏|催了|等了|扯皮|推来推去`)
)

// A danger told as past and asked after ("上个月3号楼着火那事 后来怎么处理的")
// is a question about it, unless something says it goes on ("上周刚修的电梯，
// 我妈被困在里面了" is happening).
var (
	pastDanger = regexp.MustCompile(`上个月|上周|上星期|上礼拜|去年|前年|昨天|前天|那次|那事|上次|\b(last (month|week|year|time)|yesterday|the other day)\b`)
	// and asks after it ("后来怎么处理的", "到底什么时候换"): told to ask, not for help
	aftermath     = regexp.MustCompile(`后来|处理|什么时候|到底|为什么|为啥|怎么|吗|结果|\b(what happened|when will|why|how)\b`)
	ongoingDanger = regexp.MustCompile(`现在|还在|还有|还是|正在|刚才|刚刚|一直|快来|快点|赶紧|马上|又有|又闻到|又冒|又着|又起|又困|\b(now|still|right now|just now|again|help)\b`)
)

// emergencyIn returns the first danger text describes, or noEmergency.
// "被困电梯里了怎么办" asks what to do, but the one asking may be inside.
func emergencyIn(text string) emergency {
	s := notEmergencies.ReplaceAllString(strings.TrimSpace(strings.Trim(faq.Normalize(text), " !.?")), " ")
	if pastDanger.MatchString(s) && aftermath.MatchString(s) && !ongoingDanger.MatchString(s) {
		return noEmergency
	}
	plain := s
	if grievance.MatchString(s) {
		plain = figureOfSpeech.ReplaceAllString(s, " ")
	}
	for _, e := range emergencyCues {
		t := s
		if e.kind == medicalEmergency || e.kind == selfHarmEmergency {
			t = plain
		}
		if e.cues.MatchString(t) {
			return e.kind
		}
	}
	return noEmergency
}

var emergencyAdvice = map[emergency]text{
	crimeEmergency: {
		"⚠️ 如遇暴力、威胁或有人闯入：请先到安全的地方，立即拨打 110 报警，不要与对方正面冲突；安全后再联系物业保安。",
		"⚠️ If someone is violent, threatening you or breaking in: get somewhere safe and call 110 (police) now, and do not confront them. Contact the estate's security once you are safe.",
	},
	selfHarmEmergency: {
		"⚠️ 如果有人正要伤害自己，请立即拨打 110 或 120，尽量陪在他身边。如果是您自己有这样的念头，请拨打心理援助热线 12356（24 小时）或 120——您不是一个人，身边的人和热线都愿意帮助您。",
		"⚠️ If someone is about to harm themselves, call 110 or 120 now and stay with them if you can. If it is you who feels this way, please call the mental-health helpline 12356 (24 hours) or 120: you are not alone, and the people around you and the helpline want to help.",
	},
	fireEmergency: {
		"⚠️ 如果着火了：请立即拨打 119。在着火的楼里就离开房间并关上门，走楼梯不要乘电梯，用湿毛巾捂住口鼻、弯腰撤离；在别处看到的，远离火场、给消防车让路。安全后再联系物业。",
		"⚠️ If there is a fire: call 119 now. In the burning building, leave and close the door behind you, use the stairs, never the lift, and keep low under the smoke; seeing it from elsewhere, keep away and leave the way clear for the fire engines. Contact the property company once you are safe.",
	},
	gasEmergency: {
		"⚠️ 闻到燃气味：不要开关电灯或电器、不要打电话或用明火，关闭燃气总阀，打开门窗，离开后在室外拨打燃气公司抢修电话或 119。",
		"⚠️ If you smell gas: do not switch lights or appliances on or off, do not use a phone or any flame inside; turn off the gas valve, open windows and doors, leave, and call the gas company's emergency line or 119 from outside.",
	},
	trappedEmergency: {
		"⚠️ 被困电梯：请保持冷静，按轿厢内的警铃或拨打轿厢内张贴的救援电话，不要扒门、不要试图爬出；如有人受伤或呼吸困难请拨打 119 / 120。",
		"⚠️ Trapped in a lift: stay calm, press the alarm button or call the rescue number posted in the car, do not force the doors or climb out; if anyone is hurt or short of breath call 119 / 120.",
	},
	welfareEmergency: {
		"⚠️ 担心邻居（特别是独居老人）出了意外：请先敲门、打电话，或联系其家属；如果一直没有回应，或听到呼救、闻到异味，请立即拨打 110（可协助开门）或 120。也请在下面把楼栋门牌报给我们，工作人员会尽快上门查看。",
		"⚠️ Worried a neighbour (especially an older person living alone) may have come to harm: knock and call them, or their family; if there is still no answer, or you hear a call for help or notice a bad smell, call 110 (they can open the door) or 120 now. Report it below with the building and flat, and staff will go and check as soon as possible.",
	},
	medicalEmergency: {
		"⚠️ 如有人晕倒、受重伤或呼吸困难，请立即拨打 120 急救电话，不要随意搬动伤者。",
		"⚠️ If someone has collapsed, is badly hurt or cannot breathe, call 120 for an ambulance now and do not move them unless they are in danger.",
	},
}
