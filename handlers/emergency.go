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
	// floodEmergency: water pouring in (a burst pipe, a ceiling streaming,
	// a flat flooding), not a drip or a damp patch: power and valves first
	floodEmergency
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
	`(万一|如果|要是|假如|假设|一旦|容易|怎么防|防止|预防)[^\s]{0,6}(水管|管子)?[^\s]{0,2}(爆了|爆裂|冻裂|淹了|爆管)|\b(what if|in case|if) (a |the |my )?(pipe|pipes) (burst|bursts)\b|` +
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
	// much smoke from a smoker, a grill or a kitchen ("有人抽烟 楼道里全是烟");
	// the gap may hold one space but no 火/焦/烧, so a fire told alongside stays
	`(油烟|烧烤|烤肉|烧纸|烧香|烧垃圾|烧树叶|烧落叶|抽烟|吸烟|有人(在)?抽|烟头|二手烟|香烟|做饭|炒菜)[^\s火焦烧着]{0,10}\s?[^\s火焦烧着]{0,10}((好多|很多|全是|都是|满是|大量|浓)烟|烟(雾)?(好|很|特别|太|非常|越来越)(大|浓|多)|烟(雾)?呛)|` +
	`((好多|很多|全是|都是|满是|大量|浓)烟|烟(雾)?(好|很|特别|太|非常|越来越)(大|浓|多)|烟(雾)?呛)[^\s火焦烧着]{0,10}\s?[^\s火焦烧着]{0,10}(油烟|烧烤|烤肉|烧纸|烧香|抽烟|吸烟|抽的|烟头|二手烟|香烟|做饭|炒菜)|` +
	`\b(smoking|smokers?|cigarettes?|vaping|cooking|frying|grilling|bbq|barbecue|incense)\b[a-z ]{0,30}\bsmoke (everywhere|in the)\b|` +
	`\bsmoke (everywhere|in the [a-z]+)\b[a-z ]{0,40}\b(smoking|smokers?|cigarettes?|vaping|cooking|frying|grilling|bbq|barbecue|incense)\b|` +
	// a thing or an animal lying down is no faint ("大树倒在路上", "猫躺在门口不动")
	`(树|树枝|垃圾桶|单车|自行车|电动车|电瓶车|摩托车|车|广告牌|牌子|招牌|栏杆|路灯|灯杆|杆子|柱子|花盆|围墙|墙|雕塑|柜子|箱子)(突然)?倒(在|下|了)|` +
	`(猫|狗|鸟|鸽子|老鼠|刺猬|黄鼠狼)(儿)?(倒|躺|趴)在|` +
	// something dumped ("把装修垃圾倒在楼道里"); a drum kit played (打架子鼓)
	`把[^\s]{0,8}(垃圾|渣土|建筑垃圾|装修垃圾|脏水|污水|水|东西|杂物|剩饭|剩菜|沙子|土)倒在|架子鼓|` +
	// staff not seen ("保洁阿姨好几天没见到了") is no welfare worry
	`(保洁|门卫|保安|快递|清洁|物业|送奶|送水)(阿姨|大爷|大妈|师傅|小哥|员)|(打扫卫生|扫地|扫楼|打扫)的(阿姨|大爷|大妈)|` +
	// breathless under pressure or anger, not for want of air ("房贷压得我喘不过气")
	`(压力(太|好|很)?大|压|忙|累|逼|气|憋屈|闷|热|挤|憋|呛)(得|的)(我|人)?(都)?(快|要|快要)?(喘不过气|透不过气|喘不上气|喘不过来)(来)?|` +
	// a near miss or a risk: nobody hurt ("差点被车撞", "万一有人受伤怎么办"); "打人工客服"
	`差点(儿)?[^\s]{0,4}(被[^\s]{0,4}撞|撞到|受伤|摔|出事|出人命)|` +
	`(万一|如果|要是|假如|假设|一旦|容易|迟早|早晚|会不会)[^\s]{0,8}(被[^\s]{0,4}撞|撞到人|受伤|摔伤|摔倒|出人命)|打人工|` +
	`\b(almost|nearly) (got |get |was |been )?(hit|run over|knocked (down|over))\b|` +
	// a thing too heavy to shift ("the shelf fell and I can't move it")
	`\b(can t|cant|cannot|can not|unable to) move (it|them|this|that|my car|our car)\b|` +
	// animals fighting: no one to send an ambulance or the police to
	`(狗|猫|鸟)[^\s]{0,4}(打架|打起来)|\b(dogs?|cats?)\b[a-z ]{0,20}\bfight(ing)?\b[a-z ]{0,30}\b(bleeding|hurt|injured)\b|` +
	// a danger denied ("没有冒烟，就是不亮", answering staff's "有没有冒烟？"),
	// a boiler that will not light
	// an ambulance not needed; "想死你了" misses someone; an alarm's noise
	`(burglar|intruder) alarms?|(不用|不需要|没必要|别|用不着)(叫|打)(救护车|120)|\b(no need to|don t|do not|didn t|no need for) (call )?(an |the )?ambulance\b|想死你|` +
	`(没有|没|并没有)(冒烟|着火|起火|晕倒|闻到(什么)?((煤气|燃气|天然气)(味|味道)?)?|(煤气|燃气)味|焦味|烧焦味)|没(有)?人(被困|困住|困在|受伤|关在|关牢|困牢)|无人受伤|\b(no one|nobody|noone) (is |was |got )?(hurt|injured|bleeding)\b|打不着火|点不着火|打不着|点不着|` +
	`\b(no|without|there s no|there is no|isn t any|wasn t any) (smoke|fire|gas smell|gas|smell of gas|burning smell)\b|` +
	`\b(nobody|no one) (is |s |was |got )?(trapped|stuck)\b|\b(not|isn t|wasn t|aren t) (trapped|stuck|on fire|burning)\b|` +
	// people kept out, not shut in ("电梯门关牢了阿姨进不来"); a lift danger
	// imagined ("万一被关在电梯里哪能办", "what if I get stuck in a lift"): with
	// someone now inside, a plain "怎么办" is still asked from inside
	`[^\s]{0,3}(进不去|进弗去|进勿去|进不来|进弗来|进不了)|` +
	`(万一|如果|要是|假如|假设|一旦|假使|若是)[^\s]{0,6}(被困|困在|关在|卡在|被关|关牢|困牢|困勒|关勒|困住|关住|卡住)[^\s]{0,6}电梯[^\s]{0,4}|` +
	`(万一|如果|要是|假如|假设|一旦|假使|若是)[^\s]{0,2}电梯[^\s]{0,6}(困人|关人|困住|困牢|关牢|卡住|卡牢|停|坏)[^\s]{0,8}|(被困|困在|关在)电梯(里)?(的话|时|的时候)|` +
	`\b(if|in case|what if|when) (i|you|we|one|someone|somebody|anyone|people|a person) ((get|gets|got|am|are|is|were|was|ever get) )?(stuck|trapped|locked) in(side)? (the |a |an |our )?(lifts?|elevators?)\b|` +
	// a danger seen online or on TV ("冒火星的视频网上看到的")
	`[^\s]{0,12}(网上|抖音|快手|朋友圈|新闻|电视|微博|视频号)(上|里)?(看到|看见|刷到|播)[^\s]{0,12}|` +
	// no sparks ("打火机没火星了", "擦出火花" is romance); a cigarette's,
	// fireworks' or a welder's; a stove or boiler lighting ("燃气灶开关打火");
	// a burnt dinner's smell; a gas smell gone
	`(没|不|弗|勿|呒|打不|擦|碰撞)(有)?(出|冒|起|打)?(火星|火花)|(灶|炉|热水器|打火机|点火器)[^\s]{0,6}(打火|点火)[^\s]{0,6}|(烟头|烟蒂|香烟|烟灰|鞭炮|烟花|炮仗|爆竹|放炮|电焊|焊接|切割|砂轮|烧烤|炭火)[^\s]{0,10}\s?[^\s]{0,8}(火星|火花)|` +
	`(烧菜|做饭|炒菜|煎鱼|烤肉|烧烤|烧饭|烧小菜|烤面包|饭烧焦|菜烧焦|饭烧糊|菜烧糊)[^\s火着]{0,10}\s?[^\s火着]{0,10}焦(糊|臭|毛)?(味|气|臭)|` +
	`(` + restaurantFumes + `)[^\s火着冒]{0,10}\s?[^\s火着冒]{0,10}焦(糊|臭|毛)?(味|气|臭)|` +
	`焦(糊|臭|毛)?(味|气味|臭)[^\s火着冒]{0,10}\s?[^\s火着冒]{0,10}(` + restaurantFumes + `)|` +
	// a smell or sparks there day after day, static ("开关老是打火花 静电"),
	// anger ("气得我眼睛冒火星"): nothing burning now
	`(天天|每天|老是|总是|经常|常常|一直都)[^\s火着]{0,8}(焦(糊|臭|毛)?(味|气味|臭)|打火花|冒火星|火花|火星)|` +
	`(焦(糊|臭|毛)?(味|气味|臭)|火花|火星)[^\s]{0,4}(天天|每天|老是|总是|经常)|` +
	`静电[^\s]{0,8}(火花|火星)|(火花|火星)[^\s]{0,6}\s?静电|` +
	`(气|急|恼)(得|的)[^\s]{0,4}(冒火星|冒火|冒金星)|眼(睛)?(里)?(直)?冒(火星|火|金星)|火冒三丈|` +
	`(燃气|煤气|天然气)(的)?(气)?(味|味道|臭味)(已经)?(没了|没有了|散了|消失了|淡了|没有|没得|散脱了|没啦)`)

// restaurantFumes: a restaurant's or a kitchen vent's smoke and smells
// ("楼下饭店一股焦味 天天油烟"): a nuisance to report, not a fire.
const restaurantFumes = `饭店|饭馆|餐馆|餐厅|小吃店|烧烤店|排档|油烟`

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
		`smell(s|ing)? (of )?burning|sparks (from|coming)|(wire|wires|wiring|socket|outlet|plug|cable|box|panel|meter|switch) [a-z ]{0,24}sparking|sparking (wire|wires|socket|outlet|plug|cable|box)|is burning|` +
		// much smoke, not a cigarette's ("好多烟头", "烟瘾好大", "烟花", "二手烟"):
		// "楼道里好多烟", "烟好大", "被烟呛得不行"
		`(好多|很多|都是|满是|大量|好大的|很大的|好浓的|很浓的|浓浓的|一屋子|满屋子|满屋|一楼道)(的)?烟(雾)?($|[^头味蒂灰囱花民酒草盒瘾])|` +
		`(^|[^油抽吸香手])烟(雾)?(好|很|特别|太|非常|越来越)(大|浓|多)|(^|[^油抽吸香手])(被)?烟(雾)?呛(得|的|死|醒)|` +
		`\b(lots of|a lot of|so much|heavy|white|grey|gray) smoke\b|` +
		// sparks and a burning smell, in everyday and Shanghainese words:
		// "电表箱冒火星", "插座打火", "开关噼里啪啦冒火", "一股焦味", "焦毛气"
		// (bare 冒火 is anger: "气得我冒火")
		`冒火星|火星子|火星(直|乱)(冒|溅|飞)|(打|跳|爆|迸|溅|起|出)(火花|火星)|火花(四溅|直冒|乱溅|乱飞)|噼里啪啦[^\s]{0,4}(冒火|火花|火星)|` +
		`(电线|插座|插头|插板|插线板|插排|排插|接线板|开关|电箱|电表|电闸|电瓶|电池|充电器|充电桩|变压器|电缆|线路|灯泡|灯管|电器|配电)[^\s]{0,6}(打火|冒火|跳火|噼里啪啦|噼噼啪啪|烧焦|烧糊|烧化|熔化)|` +
		`(有|一股|股|好大的?|很大的?|好重的?|很重的?|好浓的?|很浓的?|老重的?|交关|闻到|闻着|闻见)[^\s]{0,2}焦(糊|臭|毛)?(味|气味|臭)|焦毛气|焦臭味`)},
	{gasEmergency, regexp.MustCompile(`(燃气|煤气|天然气)(味|泄漏|泄露|漏了)|(燃气|煤气|天然气).{0,6}(漏了|漏气|泄漏|泄露|嘶嘶)|漏气.{0,6}(燃气|煤气|天然气)|闻到(燃气|煤气)|漏(燃气|煤气)|` +
		`\bgas (leek|leeks|leaked)\b|` +
		// "煤气的味道", "一股煤气气味", "味道像煤气"; Shanghainese 漏脱 (leaked)
		`(燃气|煤气|天然气)(的)?(气)?(味|臭)|味[^\s]{0,4}\s?(好)?像(是)?(燃气|煤气|天然气)|` +
		`(燃气|煤气|天然气)(管|管子|管道|阀门|阀|灶|表|罐|瓶|接口|软管)?(漏脱|漏勒|漏辣|漏出来|在漏)|` +
		// mercaptan smells of rotten eggs; a gas tap that will not close leaks
		`臭鸡蛋.{0,2}味|((燃气|煤气|天然气)(灶|阀|阀门|开关|总阀)|燃气灶|煤气灶|灶火|灶头).{0,4}(关不掉|关不上|关不了|拧不上)|` +
		`smell(s|ing)? (of |like )?gas\b|stinks? (of|like) gas\b|gas (leak|smell|is leaking|leaking)|leaking gas|rotten eggs? smell|smell(s|ing)? (of|like) rotten eggs?|` +
		`gas (stove|hob|cooker|tap|valve) (won t|will not|can t|cannot|doesn t) (turn|switch|shut) off`)},
	{trappedEmergency, regexp.MustCompile(`困人|电梯关人|电梯里关着人|(被困|困住|困在|关在|卡在|出不来)[^\s]{0,8}(电梯|lift|elevator)|电梯.{0,8}(被困|困住|出不来)|` +
		`电梯.{0,8}(困了人|困着人|关了人|关着人|有人被困|有人出不来|(里面|里头|里边|里厢)(还)?有人(出不来|出弗来|出勿来|被困|困着|$))|` +
		// "电梯里困了一个老人", "里面困着两个人", "电梯关了两个人", "电梯里有人被关住了",
		// "电梯里有人，门打不开"
		`电梯.{0,8}(困了|困着|关了|关着|关住了?)(一个|个|两个|几个|\d+个)?(人|老人|小孩|孩子|女人|男人|阿姨|大爷|老太太)|` +
		`电梯.{0,10}(有人|人)(被)?(关住|关起来|困住|关牢|困牢|轧牢)|电梯(里|里面|里头|里厢)(有人|有个人|还有人)[^\s]{0,2}\s?[^\s]{0,4}(门)?(打不开|开不了|开不开|打弗开|开弗开|出不来|出弗来|出勿来)|` +
		// someone inside a lift that stopped or fell, or cannot get out
		`电梯.{0,15}(人|妈|爸|孩子|小孩|老人|女儿|儿子|老公|老婆|爷爷|奶奶|外婆|外公|宝宝|家人|囡|老头|老太|阿婆|阿爷|爷叔|伊)(还|都)?(在里面|在里头|在里边|关在里|出不去|出不来|` +
		`在里厢|勒里厢|辣里厢|关勒里|困勒里|困在里|关牢|困牢|出弗来|出勿来)|` +
		`电梯(停在|卡在)[^\s]{0,6}(中间|之间|半空)[^\s]{0,4}(出不去|出不来)|电梯(停在|卡在)[^\s]{0,6}(中间|之间|半空)(了\s?|\s)[^\s]{0,10}(扒开|扒门|爬出)|电梯(停|卡)[^\s]{0,10}(中间|之间|半空).{0,4}(里面|里头)(有|还有)(人|小孩|孩子|老人)|电梯(轿厢)?(突然|直接)?(掉下去|坠落|下坠|溜梯|冲顶|往下掉)|救命.{0,10}电梯|电梯.{0,10}救命|` +
		`(lift|elevator|elevater|elevtor|elavator|elevetor) (plunged|is falling)|(someone|somebody|people|my \w+) (is |are )?(stuck|trapped) in(side)? (the |a )?(lift|elevator|elevater|elevtor|elavator|elevetor)|` +
		`(lift|elevator|elevater|elevtor|elavator|elevetor) (stopped|stuck|broke down|broken down|is stuck|got stuck)[a-z ]{0,12}\b(with|and) (my|our|a|his|her) \w+ (in it|inside)|(lift|elevator|elevater|elevtor|elavator|elevetor).{0,30}\b(my|our) \w+ (is|are) (in it|in there)\b|` +
		`(stuck|trapped|locked) in(side)? (the |a |an |our )?(lift|elevator|elevater|elevtor|elavator|elevetor)|(lift|elevator|elevater|elevtor|elavator|elevetor).{0,60}(stuck|trapped).{0,30}(inside|in it|in there)|` +
		`(stuck|stopped) between floors.{0,30}(inside|with)|` +
		`(关|卡|困)(在)?电梯里|电梯.{0,12}我(还)?(在里面|在里头|在里厢|勒里厢|出不去|出不来|出弗来|出勿来)|我(在|勒)电梯里(厢)?(出不去|出不来|出弗来)|电梯(卡住|停)了.{0,4}(我|人)(出不去|出不来)|` +
		// Shanghainese: 关牢/困牢/轧牢 (shut in, jammed), 勒/辣 (in, at), 里厢
		// (inside), 出弗来 (can't get out): "阿拉姆妈困勒电梯里", "电梯里厢关牢一个老太",
		// "电梯关牢了 里厢有人"; a lift shut with nobody said inside is none
		`(关|卡|困|轧)(牢(在|勒|辣|嘞)?|勒|辣|嘞)电梯里|电梯.{0,8}(困牢|出弗来|出勿来)|被电梯(关|困|卡|轧)(住|牢|在|勒)|` +
		`电梯.{0,8}(关牢|困牢|轧牢|卡牢|关勒|困勒|关辣|困辣|关住|困住)(了|勒|辣|嘞)?(一个|个|两个|几个|\d+个)?(人|老人|老头|老太|小孩|小囡|囡囡|孩子|阿婆|阿爷|爷叔|宝宝|阿姨|老伯伯)|` +
		`电梯(里|里厢|里面|里头|里边)(还|又)?(关牢|困牢|轧牢|卡牢|关住|困住)(了|勒|辣|嘞)?($|\s|快|哪|救|出)|` +
		// "电梯关牢了哪能办": shut in and asking what to do (a lift merely stuck is
		// "电梯坏了"; 关牢 with a call for help is someone inside)
		`电梯(关牢|轧牢|卡牢|关住)(了|勒|辣|嘞)?\s?(哪能办|哪能弄|怎么办|咋办|救命|快点来|快来|快救)|` +
		// a stopped lift with someone in it, but not one smoking or posting ads in it
		`电梯[^\s]{0,6}(关牢|轧牢|卡牢|停牢|卡住|卡死|停住|关住|停|坏|不动|弗动|勿动)[^\s]{0,3}\s?[^\s]{0,4}(里厢|里面|里头|里边)(还|还是)?有(个|一个|两个|几个)?(人|老人|老太|老头|小孩|小囡|孩子|阿婆|阿姨|老伯伯)(?:$|[^抽吸贴乱小吐住在]|在(里|喊|叫|哭|敲|拍|呼))|` +
		`(里厢|里面|里头|里边)(还)?有人[^\s]{0,2}\s?电梯[^\s]{0,4}(关牢|轧牢|卡牢|卡住|停|坏|不动|弗动)|` +
		`(lift|elevator|elevater|elevtor|elavator|elevetor) (is )?stuck.{0,12}(can t|cannot|can not) get out|(can t|cannot|can not) get out of the (lift|elevator|elevater|elevtor|elavator|elevetor)|` +
		`(lift|elevator|elevater|elevtor|elavator|elevetor) doors? (won t|will not|doesn t|does not) open.{0,12}(i m|i am|we re|we are|someone is) (inside|in it|in there)`)},
	{medicalEmergency, regexp.MustCompile(`晕倒|昏倒|昏迷|昏过去|晕过去了|叫不醒|(人|老人|老头|老太太|大爷|大妈|阿姨|我妈|我爸|孩子|小孩|有人)[^\s]{0,6}倒(在)?地上(了|不动|起不来)|不省人事|没有呼吸|没呼吸|大出血|流血不止|流了好多血|抽搐|心脏病发|摔倒.{0,6}(起不来|流血|不动)|头.{0,3}流血|` +
		`(快|赶紧|赶快|帮忙|帮我|快帮我)(叫|打)(个|一下)?(救护车|120)|\bcall (an |the )?ambulance\b|倒地不动|倒在地上不动|躺在地上不动|呼吸困难|喘不上气|上不来气|触电|溺水|掉进(水池|水里|河里|池子)|噎住|` +
		// someone lying still where they fell: "倒在花坛边不动了", "躺在楼道里一动不动"
		// (lying in bed and unable to get up is an invalid's everyday, not news)
		`倒在[^\s]{0,8}?(了\s?)?(一动不动|不动|起不来|爬不起来|站不起来|没反应|没有反应|叫不醒|没意识|没有意识|没动静)|` +
		`(躺|趴)在[^\s]{0,8}?(一动不动|不动了|没反应|没有反应|叫不醒|没意识|没有意识)|突然倒下|突然晕(了|倒)|倒下[^\s]{0,4}(不动|起不来|没反应|叫不醒)|(有人|有个人|老人|老头|老太太|大爷|大妈|阿姨|孩子|小孩|我妈|我爸|保安)[^\s]{0,8}倒下|` +
		// a fall that leaves someone down: "我妈摔了 起不来了", "从楼梯上摔下来不动了"
		`(摔|跌)(倒|了|了一跤|了一下|跤|下来|下去)?.{0,8}(起不来|爬不起来|站不起来|动不了)|(摔|跌)(倒|了一跤|在|下来|下去)[^\s]{0,8}(不动|没反应|叫不醒)|(摔|跌)(倒|了一跤|在|下来|下去)(了)?\s(一动不动|不动了|没反应|叫不醒)|` +
		// breath or heart failing: "喘不过气", "心脏病犯了", "胸口疼 喘不上来"
		`喘不过气|喘不过来|透不过气|喘不上来|心脏病(又)?犯了|心脏病(突然)?发作|(突发|突然)(心梗|心肌梗|脑梗|脑溢血|中风)|(心梗|脑梗|中风|哮喘|癫痫)(又)?(发作|犯了)|(心梗|脑梗|中风)了|` +
		`胸(口)?(疼|痛|闷)(得)?.{0,10}(喘|透不过气|冷汗|说不出话|晕)|(喘|冷汗).{0,10}胸(口)?(疼|痛|闷)|` +
		// a fight that hurt someone, someone stabbed, beaten or hurt now ("打架 好像有人受伤了")
		`(打架|打起来|打人|斗殴|群殴|打群架).{0,20}(受伤|受了伤|流血|出血|见血|头破血流|打伤|捅伤|砍伤)|头破血流|被(人)?(打|捅|砍|刺)伤|被(人)?(捅|刺)了|` +
		`(有人|好像有人|好几个人|一个人|两个人|老人|小孩|孩子)受(了)?(重)?伤|受(了)?重伤|伤得(很|挺|好|太)?重|伤得不轻|` +
		// a person hit by a vehicle, not a barrier or a lamp post ("道闸被车撞坏了");
		// a place may come between, but not "的" ("我在楼下停的车被车撞了" is a car)
		`(人|孩|孩子|宝宝|朋友|我|妈|爸|爷|奶|婆|公|姐|哥|弟|妹|儿子|女儿|大爷|大妈|阿姨|叔|保安|保洁|师傅|小哥|快递员)(刚才|刚刚|在[^\s的]{0,8})?被[^\s]{0,4}?车(给)?撞|` +
		`(人|孩|孩子|宝宝|朋友|我|妈|爸|爷|奶|婆|公|姐|哥|弟|妹|儿子|女儿|大爷|大妈|阿姨|叔|保安|保洁|师傅|小哥|快递员)(刚才|刚刚|在[^\s的]{0,8})?被[^\s]{0,6}撞(倒|伤|飞)|车[^\s]{0,4}撞(了|到|倒|伤)(个|一个|了)?(人|老人|小孩|孩子|行人)|` +
		`\bseizure\b|\b(can t|cannot|can not) breathe\b|electrocuted|electric shock|drowning|\bchoking\b|` +
		`unconscious|not breathing|fainted|passed out|having a (heart attack|stroke)|bleeding (badly|a lot|heavily)|` +
		`\b(struggling to breathe|trouble breathing|difficulty breathing|can t catch (his|her|my) breath)\b|\b(severe|bad|crushing|having|has|got) chest pains?\b|` +
		`(someone|somebody|he|she|man|woman|lady|person|neighbou?r|dad|mum|mom|father|mother|grandma|grandpa|granny|elderly) .{0,20}collapsed|` +
		// a fall that leaves someone down: "fell down the stairs and can't get up"
		`\b(fell|fallen|tripped|slipped)\b.{0,40}\b(can t|cant|cannot|can not|couldn t|unable to) (get up|stand|move)\b|\b(fell|fallen)\b.{0,40}\b(not moving|isn t moving|not responding|isn t responding|won t wake up|bleeding)\b|` +
		`\b(lying|lies|laying) (on|in) the (floor|ground|road|street|stairs|corridor|hallway|grass|lobby)\b.{0,40}\b(not moving|unresponsive|not responding|can t move|cant move|can t get up|cant get up|won t wake up)\b|\bcan t wake (him|her|them) up\b|` +
		`\bfell (in|into) the (pool|river|lake|pond|water)\b|\bbleeding from (his|her|the|their|my) (head|neck|chest|stomach)\b|\b(head|neck) (is |s )?bleeding\b|` +
		// someone hurt in a fight or a stabbing, or hit by a vehicle (not a gate "hit by a car")
		`\b(fight|fighting|brawl|attacked|beaten up|punched)\b.{0,40}\b(bleeding|injured|hurt|blood)\b|\b(got|was|been|is|s) stabbed\b|` +
		`\b(someone|somebody|one|he|she|man|woman|lady|kid|child|boy|girl|guy|one of them|son|daughter|mum|mom|dad|father|mother|grandma|grandpa|husband|wife|brother|sister|friend) (is |s |got |was |has been )(bleeding|badly hurt|seriously (hurt|injured)|badly injured|injured|hurt)\b|` +
		`\b(someone|somebody|a (man|woman|kid|child|boy|girl|pedestrian|person|cyclist|lady|guy)|the (kid|child|boy|girl|old man|old lady)|an (old|elderly) (man|woman|lady|person)|(my|our|his|her) (son|daughter|kid|child|mum|mom|dad|father|mother|grandma|grandpa|husband|wife|brother|sister|friend)|he|she|i)( was| got| has been| just got| s been| s| is)? ((hit|struck|knocked (down|over)) by (a|an|the) (car|van|truck|lorry|bus|taxi|scooter|e ?bike|motorbike|motorcycle|moped|bike|vehicle|delivery)|run over\b)|` +
		`\ba (car|van|truck|lorry|bus|taxi|scooter|motorbike|bike) (hit|ran over|knocked (down|over)) (someone|somebody|(a|an|the|my) (kid|child|man|woman|boy|girl|pedestrian|person|old|elderly|lady|son|daughter|mum|mom|dad|grandma|grandpa))\b`)},
	// "打人" also starts "打人工客服": only fighting or beating itself
	{crimeEmergency, regexp.MustCompile(`(小偷|贼)[^\s]{0,4}(进屋|进门|进来|进了|撬门|在屋|在家)|进(了)?(贼|小偷)|家里进人了|喊救命|救命啊|有人(在)?呼救|拿刀|持刀|拿着刀|砍人|捅人|在打人|打人了|动手打人|(有人|两个人|几个人|他们|邻居)打起来了|(有人|两个人|几个人|一群人|邻居|他们)(在)?打架|打群架|群殴|斗殴|家暴|威胁(要)?(杀|砍|打|弄死)|要杀(了)?(我|你|他|她)|杀人了|(有人|遭|被)抢劫|(包|手机|钱包|钱|我)被抢|入室(盗窃|抢劫)|(有人|陌生人|小偷|贼)闯进(我家|家里|屋里|来)|` +
		`(小偷|贼)(还)?在(里面|家里|屋里|楼里)|(有人|正在)撬(我家|我们家)?(的)?门|` +
		// a fight told with its place between ("有人在楼下打架", "几个人在3号楼门口打人")
		`(有人|两个人|几个人|一群人|好几个人|一帮人)(在)?[^\s]{0,8}(打架|打起来了|打人)|` +
		// someone beating the speaker ("老公又打我"; not "打我电话")
		`(他|老公|丈夫|男朋友|前夫|邻居|有人)(在|又|又在|正在|动手)?打我(了|$|\s)|` +
		`\b(two|some|several|a group of|a bunch of|a few) (guys|men|people|teenagers|teens|youths|drunks|drunk guys|drunk men|boys)\b.{0,10}\bfighting\b|\b(fist ?fight|brawl)\b|\ba fight (broke out|is going on|going on|outside|downstairs)\b|` +
		`\b(with|has|holding|waving|pulled|carrying) (a |his |her )?(knife|gun|weapon)\b|threaten(s|ing|ed)? (me|us) with (a )?(knife|gun|weapon)|threaten(s|ing|ed)? to kill|(broke|broken|breaking|break) into (my|our|the) (flat|home|house|apartment)|` +
		`someone is (trying to )?break(ing)? in|\b(burglar|intruder)\b|\b(i was|i ve been|we were|she was|he was|just got|got) (robbed|mugged)\b|domestic violence|(is |are )?(hitting|beating|attacking) (me|her|him|us|someone|his wife|her husband|the kids?|a child|his kids?|her kids?)|\bfighting\b.{0,20}\b(blood|knife|hurt)`)},
	// 大爷, 阿姨, a neighbour: only days unseen ("隔壁大爷三天没出门了"), not
	// "一直没回应" (a dispute) nor their dog
	{welfareEmergency, regexp.MustCompile(`(大爷|大妈|阿姨|邻居)[^\s的狗猫车]{0,8}(好几天|几天|两天|三天|四天|五天|多天|一个星期|一周)(都)?(没|没有|不见)(出门|出来|见到|见着|看到|露面|动静|人影|下楼)|` +
		`(老人|老太太|老太|老大爷|老爷子|老奶奶|老爷爷|奶奶|爷爷|独居|一个人住)[^\s的]{0,12}(好几天|几天|两天|三天|多天|一个星期|一周|一直)(都)?(没|没有|不见)(出门|出来|见到|见着|看到|露面|动静|人影|下楼|人应|回应)|` +
		`(老人|老太太|老太|老大爷|老爷子|老奶奶|老爷爷|独居|一个人住)[^\s]{0,12}(敲门|打电话|叫门)[^\s]{0,4}(都)?没(人)?(应|接|开门|回应|反应|动静)|` +
		`\b(haven t|have not|hasn t|has not|not) (seen|heard from|heard) (my |the |our )?(elderly |old )?(neighbou?r|lady|man|woman|gentleman|grandma|grandpa)\b.{0,20}\b(days|a week)\b|` +
		`\b(elderly|old) (neighbou?r|lady|man|woman|gentleman)\b.{0,40}\b(not answering|no answer|doesn t answer|won t answer|isn t answering)\b`)},
	{selfHarmEmergency, regexp.MustCompile(`不想活了|活不下去了|活着没意思|自杀|轻生|割腕|(想|要)跳楼|有人(要)?跳楼|我(好|真)?想死|结束(自己的)?生命|` +
		`(end|ending|take|taking) my (own )?life|kill myself|killing myself|\bsuicid|want to die|don t want to live|self harm`)},
	{floodEmergency, regexp.MustCompile(`(水管|管子|水管子|自来水管|上水管|进水管|热水管|暖气管|暖气片|水龙头|阀门|角阀)[^\s]{0,4}(爆了|爆裂|爆开|破裂|炸了|炸开|崩了|裂开了|在喷水|喷水|狂喷)|爆管了|` +
		`哗哗(的|地)?(往下|往外|直)?(漏|流|淌|灌|冒|喷)|水(哗哗|哗啦啦|呼呼)(的|地)?(往下|往外|直)?(漏|流|淌|灌|冒|喷)|` +
		`(天花板|天花|顶上|屋顶|吊顶|楼板)[^\s]{0,6}(往下)?(流水|淌水|灌水|喷水|浇水|哗哗|像下雨|跟下雨一样)|` +
		`(满地|一地|地上全|地上都|家里全|屋里全|屋里厢全)(都)?是水|(家里|屋里|屋里厢|客厅|卧室|厨房|卫生间|地下室|地库|车库)[^\s]{0,4}(被)?(淹了|水淹|进水了[^\s]{0,4}(好深|很深|没过))|水漫(金山|进来|出来|下来|上来|了一地)|水(已经)?(没过|漫过|淹到)(脚|脚面|脚踝|门槛|膝盖)|` +
		`\b(pipe|pipes|water pipe|main) (has |have )?(burst|bursting|exploded|broke open)\b|\bburst (water )?pipe\b|` +
		`\b(ceiling|roof)\b.{0,20}\b(pouring|gushing|streaming|raining)\b|\bwater (is |s )?(pouring|gushing|streaming|spraying|flooding) (in|into|through|from|down|out|everywhere)\b|` +
		`\b(flat|apartment|kitchen|bathroom|floor|home|house|basement|bedroom|living room) (is |s )?(flooding|flooded)\b|\bflooding (my|the|our) (flat|apartment|kitchen|bathroom|home|house|basement|bedroom)\b|\bwater everywhere\b`)},
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
	// and asks after it ("后来怎么处理的", "到底什么时候换") or says nobody
	// saw to it ("上次有人受伤了 也没人管"): told to ask or complain, not for help
	aftermath     = regexp.MustCompile(`后来|没人管|也没人|处理|什么时候|到底|为什么|为啥|怎么|吗|结果|\b(what happened|when will|why|how)\b`)
	ongoingDanger = regexp.MustCompile(`现在|还在|还有|还是|正在|刚才|刚刚|一直|快来|快点|赶紧|马上|又有|又闻到|又冒|又着|又起|又困|开始|\b(now|still|right now|just now|again|help|since|ever since)\b`)
)

// fixedYet asks whether the past danger's cause is seen to now ("现在修好了
// 吗", "现在还没修好", "is it fixed now"): its "now" is the repair's, not
// the danger's, so it reads as asking after ("后来修好").
var fixedYet = regexp.MustCompile(`(?i)现在(是不是|有没有|已经|都|总算|还是|还)?(没|没有|不)?(修好|修了|修|好了|好没|好伐|恢复|正常|能用|能坐|可以用|可以坐|通了|开了)|` +
	`\b(is it|is the (lift|elevator)|has it been|it s|it is)( been)? (fixed|working|repaired|ok|running)( now| yet)?\b|\bnow (fixed|working|repaired)\b`)

// justAsking: a danger asked about, said outright not to be happening
// ("…怎么办？只是问问", "just asking", "what to do if gas leaks"): the
// advice answers it, and no report is started. A bare "问一下" at the end
// ("家里燃气泄漏了，问一下") may come from someone in it: reported.
var justAsking = regexp.MustCompile(`(只是|就是|随便|随口)问(问|一下|下)(而已|看看|罢了)?$|问(问|一下|下)?(而已|罢了)$|好奇(问|一下)|没有发生|没发生|` +
	`\b(just asking|only asking|just curious|out of curiosity|asking for a friend|hypothetically|in general)\b|^(what|how) (to do|do i do|should i do|should we do|do we do) (if|in case)\b`)

// callsForHelp: someone wants help now, whatever else they say.
var callsForHelp = regexp.MustCompile(`快来|快点|赶紧|赶快|救命|马上来|\b(help|hurry|come quick|right now|asap)\b`)

// onlyAsking reports a danger asked about, not told (justAsking).
func onlyAsking(text string) bool {
	s := strings.TrimSpace(strings.Trim(faq.Normalize(text), " !.?"))
	return justAsking.MatchString(s) && !callsForHelp.MatchString(s)
}

// floodAftermath: a burst pipe told for the damage it did, who answers for
// it or a report that went nowhere ("楼上水管爆了把我家吊顶泡坏了 他不赔"),
// not water pouring in now.
var floodAftermath = regexp.MustCompile(`赔|负责|责任|不认账|泡坏|泡烂|泡了|损失|保险|报过|报修了|\b(ruined|damaged|damage|compensat\w*|responsib\w*|insurance|who pays|reported|never came)\b`)

// floodGoingOn: the water still coming, whatever damage it has done.
var floodGoingOn = regexp.MustCompile(`现在|正在|还在|一直|越来越|不停|\b(right now|still|now|is pouring|keeps|getting worse)\b`)

// withoutPastClauses is text without its clauses that carry a past word
// ("昨天", "last week"), unless the past word dates a repair there ("上周刚修
// 的电梯"); Chinese clauses may be set apart by spaces alone.
func withoutPastClauses(text string) string {
	var kept []string
	for _, c := range clauseBreak.Split(hanSpace.ReplaceAllString(text, "$1，$2"), -1) {
		if n := faq.Normalize(c); !pastDanger.MatchString(n) || ongoingDanger.MatchString(n) || pastRepair.MatchString(n) {
			kept = append(kept, c)
		}
	}
	return strings.Join(kept, "，")
}

// presentState: words of a danger that is there now ("起不来", "被困在里面",
// "有…味"), after a clause that dated its start.
var presentState = regexp.MustCompile(`起不来|站不起来|爬不起来|动不了|不动了|在里面|出不来|出不去|困在|困着|有[^\s]{0,4}味|冒烟|着火|在烧|流血|叫不醒|没反应|还在|现在|` +
	`\b(still|now|inside|can t get up|cant get up|can t get out|cant get out|is bleeding|not breathing|stuck in it|trapped in it|stuck in there)\b`)

var (
	// pastRepair: the past word dates a repair, not the danger ("上周刚修的
	// 电梯，我妈被困在里面了"), in its clause
	pastRepair  = regexp.MustCompile(`刚修|刚换|修好|修过|修的|换的|换过|装的|\b(repaired|fixed|replaced|serviced|installed)\b`)
	clauseBreak = regexp.MustCompile(`[，,。！？!?；;\n]+|\.\s+`)
	hanSpace    = regexp.MustCompile(`(\p{Han})\s+(\p{Han})`)
)

// emergencyIn returns the first danger text describes, or noEmergency.
// "被困电梯里了怎么办" asks what to do, but the one asking may be inside.
func emergencyIn(text string) emergency {
	if pastDanger.MatchString(faq.Normalize(text)) {
		// "…现在修好了吗" asks after the repair, unless the other clauses tell
		// a danger now ("昨天着火了，现在还没修好，楼道全是烟")
		if asked := fixedYet.ReplaceAllString(text, "后来修好"); asked != text && !dangerBesides(text) {
			text = asked
		}
	}
	s := notEmergencies.ReplaceAllString(strings.TrimSpace(strings.Trim(faq.Normalize(text), " !.?")), " ")
	if pastDanger.MatchString(s) && aftermath.MatchString(s) && !ongoingDanger.MatchString(s) {
		return noEmergency
	}
	if pastDanger.MatchString(s) {
		// what happened yesterday ("昨天电梯困人了，困了一个小时", "上礼拜电
		// 梯关牢了一个老太 今朝修好了伐") is a report, not a danger now,
		// unless what follows tells one still there ("我爸昨天摔倒了，起不
		// 来") or the past word starts it ("从昨天开始…煤气味")
		if rest := faq.Normalize(withoutPastClauses(text)); !presentState.MatchString(rest) {
			s = notEmergencies.ReplaceAllString(strings.TrimSpace(rest), " ")
		}
	}
	return cuesIn(s)
}

// dangerBesides: text without its past clauses and the repair asked after
// (fixedYet) still tells a danger there now.
func dangerBesides(text string) bool {
	rest := faq.Normalize(withoutPastClauses(fixedYet.ReplaceAllString(text, "，")))
	rest = notEmergencies.ReplaceAllString(strings.TrimSpace(rest), " ")
	return strings.TrimSpace(rest) != "" && (presentState.MatchString(rest) || cuesIn(rest) != noEmergency)
}

// cuesIn is the first danger whose cues s (normalised, notEmergencies out)
// names, or noEmergency.
func cuesIn(s string) emergency {
	plain := s
	if grievance.MatchString(s) {
		plain = figureOfSpeech.ReplaceAllString(s, " ")
	}
	for _, e := range emergencyCues {
		t := s
		if e.kind == medicalEmergency || e.kind == selfHarmEmergency {
			t = plain
		}
		if e.kind == floodEmergency && floodAftermath.MatchString(t) && !callsForHelp.MatchString(t) && !floodGoingOn.MatchString(t) {
			continue // the water did its damage: who pays is a matter to report
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
	floodEmergency: {
		"⚠️ 大量漏水：水若流到插座、电器或电线附近，请先拉下电闸（不要用湿手或赤脚去碰）；是自家的水管，关闭家里的进水总阀；水从楼上来的，马上敲门请楼上关阀。同时拨打物业24小时值班电话，并在下面把楼栋门牌报给我们，工作人员会尽快处理。",
		"⚠️ Water pouring in: if it reaches sockets, appliances or wiring, switch the power off at the fuse box first (not with wet hands or bare feet); if it is your own pipe, close your flat's main water valve; if it comes from upstairs, knock and ask them to shut theirs. Call the property company's 24-hour line as well, and give us the building and flat below so staff can act quickly.",
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
