package faq

import "strings"

// cantoneseToMandarin rewrites the Cantonese words that residents from
// Guangdong and Hong Kong type (after Normalize: simplified characters) into
// the Mandarin words FAQs are written in, so "部𨋢坏咗" meets "电梯坏了".
// Function characters and particles map to their Mandarin counterparts
// (嘅 的, 咗 了, 喺 在, 㗎 啊), which are stop characters. Characters that are
// also Mandarin words on their own (点, 边, 几, 系, 整, 食) appear only in
// the Cantonese words they form, never alone. Longer keys come first: the
// replacer tries keys in this order at each position.
var cantoneseToMandarin = strings.NewReplacer(
	// question words
	"系唔系", "是不是", "系咪", "是不是", "唔系", "不是", "有冇", "有没有",
	"点样", "怎样", "点解", "为什么", "点算", "怎么办", "点办", "怎么办",
	"边度", "哪里", "边处", "哪里", "边个", "谁", "边间", "哪间", "边座", "哪座",
	"几时", "什么时候", "几多钱", "多少钱", "几多", "多少", "乜嘢", "什么", "咩嘢", "什么",
	// things and places
	"搭𨋢", "坐电梯", "部𨋢", "电梯", "𨋢", "电梯",
	"屋企", "家", "隔篱屋", "隔壁", "隔篱", "隔壁", "楼下铺", "楼下",
	"泊车", "停车", "揸车", "开车", "租屋", "租房", "返工", "上班", "放工", "下班",
	"冷气机", "空调", "冷气", "空调", "差佬", "警察", "街坊", "邻居", "嘢", "东西",
	"食饭", "吃饭", "成日", "经常", "琴日", "昨天", "听日", "明天", "今日", "今天",
	// verbs and adjectives
	"搵", "找", "揾", "找", "睇", "看", "攞", "拿", "畀", "给", "瞓", "睡", "谂", "想",
	"嘈", "吵", "整返", "修好", "整好", "修好", "嚟", "来", "俾", "给",
	// function characters and particles, to their Mandarin counterparts so
	// that the bigrams around them are the Mandarin ones too
	"咁样", "这样", "咁", "这么", "嘅", "的", "咗", "了", "喺", "在", "唔", "不",
	"冇", "没", "佢", "他", "哋", "们", "啲", "些", "嗰", "那",
	"㗎", "啊", "喎", "啊", "啫", "呢", "噃", "啊", "吖", "啊", "喇", "啦", "啵", "啊", "咩", "吗",
)

// otherDialectsToMandarin does the same for the dialect words residents of
// other regions type most: Sichuanese (啥子, 咋个, 莫得), Beijing 儿化
// (哪儿, 这儿, 甭), Shanghainese beyond its particles (阿拉, 覅, 辰光),
// northeastern (嘎哈) and Hubei/Hunan (么子, 么样, 为么事, 冇得). 儿 goes only inside these words: 儿童 and 儿子 stay.
var otherDialectsToMandarin = strings.NewReplacer(
	// Sichuanese and southwestern
	"啥子", "什么", "咋个", "怎么", "啷个", "怎么", "莫得", "没有", "晓得", "知道",
	"哪点儿", "哪里", "哪点", "哪里", "娃儿", "孩子",
	// Beijing
	"哪儿", "哪里", "这儿", "这里", "那儿", "那里", "门口儿", "门口", "事儿", "事",
	"一块儿", "一起", "一会儿", "一会", "一点儿", "一点", "甭", "不用", "忒", "太",
	// "a whiff of" before a smell: 一股子煤气味 is 有煤气味
	"一股子", "有", "一股脑", "一股脑", "一股东", "一股东", "一股份", "一股份", "一股", "有",
	// Shanghainese
	"阿拉伯", "阿拉伯", "阿拉", "我们", "覅", "不要", "辰光", "时候", "事体", "事情",
	// Mandarin's "在哪能看到" (where can one see) keeps its 哪
	"在哪能", "在哪能", "去哪能", "去哪能", "从哪能", "从哪能", "到哪能", "到哪能",
	"哪能办", "怎么办", "哪能", "怎么", "啥人", "谁", "啥地方", "哪里", "几钿", "多少钱", "多少钿", "多少钱",
	"铜钿", "钱", "侬", "你", "屋里厢", "家里", "里厢", "里面", "今朝", "今天", "阿是", "是不是",
	// northeastern
	"嘎哈", "干什么", "干哈", "干什么",
	// Hubei and Hunan (Wuhan, Changsha): 么 for 什么 in these words only
	// (Mandarin's 怎么样, 什么事 stay as they are; 冇 is 没 by now)
	"怎么样", "怎么样", "什么事", "什么事", "什么样", "什么样", "这么样", "这么样", "那么样", "那么样",
	"这么子", "这么子", "那么子", "那么子", "没得到", "没得到",
	"为么事", "为什么", "搞么事", "干什么", "么事", "什么事", "么子", "什么", "么样", "怎么样", "没得", "没有",
)

// foldDialects rewrites the Cantonese and other dialect words of a
// normalised Han run.
func foldDialects(run string) string {
	return dropErhua(otherDialectsToMandarin.Replace(cantoneseToMandarin.Replace(run)))
}

// dropErhua removes the 儿 northern speakers add to words (味儿, 点儿,
// 小孩儿, 冰棍儿), so "煤气味儿" meets "煤气味". 儿 stays where it is part of
// the word: first in a run or before 子, 童, 科, 女 … (儿子, 儿童), and after
// 女, 婴, 幼, 孤 … (女儿, 婴儿, 幼儿园, 托儿所).
func dropErhua(run string) string {
	if !strings.Contains(run, "儿") {
		return run
	}
	rs := []rune(run)
	out := rs[:0:0]
	for i, r := range rs {
		if r == '儿' && i > 0 && !strings.ContainsRune(erhuaWordBefore, rs[i-1]) &&
			(i+1 == len(rs) || !strings.ContainsRune(erhuaWordAfter, rs[i+1])) {
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

// The characters around a 儿 that belongs to the word.
const (
	erhuaWordBefore = "女婴幼孤健宠胎少托侄男育患生产弃乳儿孙小一"
	erhuaWordAfter  = "子童科女孙媳歌时戏化"
)
