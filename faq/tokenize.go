package faq

import (
	"strings"
	"unicode"
)

// Tokens returns the index terms of text (after Normalize):
//   - Chinese: character unigrams and bigrams, minus function characters and
//     function-word bigrams (no dictionary segmentation: it needs a heavy
//     dictionary and did no better on paraphrases);
//   - English and other scripts: words, light suffix stripping (stemEnglish),
//     minus stop words; numbers are kept;
//   - concept ids ("#lift") for domain phrases found in either language, from
//     the synonym table, so that 电梯, lift and elevator meet.
func Tokens(text string) []string {
	return appendTokens(nil, Normalize(text), nil)
}

// wordFixer rewrites an unknown English word (typo correction); nil keeps words.
type wordFixer func(word string) string

// appendTokens tokenises already normalised text.
func appendTokens(dst []string, normalized string, fix wordFixer) []string {
	return appendTokensCovered(dst, nil, normalized, fix)
}

// appendTokensCovered tokenises already normalised text; when covered is not
// nil it also collects the word and character terms that lie inside a
// lexicon phrase (their concept stands for them).
func appendTokensCovered(dst []string, covered *[]string, normalized string, fix wordFixer) []string {
	for _, run := range scriptRuns(normalized) {
		if run.han {
			dst = appendHanTokens(dst, covered, foldDialects(run.text))
		} else {
			dst = appendWordTokens(dst, covered, run.text, fix)
		}
	}
	return dst
}

type scriptRun struct {
	text string
	han  bool
}

// scriptRuns splits normalised text into maximal runs of Han characters and
// runs of everything else (words separated by spaces).
func scriptRuns(s string) []scriptRun {
	var runs []scriptRun
	start, inHan := 0, false
	for i, r := range s {
		h := unicode.Is(unicode.Han, r)
		if i == 0 {
			inHan = h
			continue
		}
		if h != inHan {
			runs = appendRun(runs, s[start:i], inHan)
			start, inHan = i, h
		}
	}
	if start < len(s) {
		runs = appendRun(runs, s[start:], inHan)
	}
	return runs
}

func appendRun(runs []scriptRun, text string, han bool) []scriptRun {
	if han {
		// a space inside Chinese text is punctuation: split there
		for _, part := range strings.Fields(text) {
			runs = append(runs, scriptRun{text: part, han: true})
		}
		return runs
	}
	if t := strings.TrimSpace(text); t != "" {
		runs = append(runs, scriptRun{text: t})
	}
	return runs
}

func appendHanTokens(dst []string, covered *[]string, run string) []string {
	rs := []rune(run)
	filler := fillerMask(rs)
	var inPhrase []bool
	if covered != nil {
		inPhrase = make([]bool, len(rs))
	}
	for i, r := range rs {
		if !zhStopChars[r] && !(filler != nil && filler[i]) {
			dst = append(dst, string(r))
		}
		if i+1 < len(rs) {
			bi := string(rs[i : i+2])
			if !(isStopOrFiller(rs, filler, i) && isStopOrFiller(rs, filler, i+1)) && !zhStopBigrams[bi] {
				dst = append(dst, bi)
			}
		}
	}
	dst = appendConcepts(dst, rs, filler, inPhrase)
	if covered != nil {
		for i := range rs {
			if inPhrase[i] {
				*covered = append(*covered, string(rs[i]))
				if i+1 < len(rs) && inPhrase[i+1] {
					*covered = append(*covered, string(rs[i:i+2]))
				}
			}
		}
	}
	return dst
}

// isStopOrFiller reports a stop character or a rune of a filler phrase: a
// bigram of two such runes ("整啊" in "咋整啊") says nothing about the topic.
func isStopOrFiller(rs []rune, filler []bool, i int) bool {
	return zhStopChars[rs[i]] || (filler != nil && filler[i])
}

// fillerMask marks the runes of Chinese filler phrases ("怎么办", "咋整"):
// question frames made of content characters that say nothing about the
// topic, so "办" in "怎么办" neither counts as a term nor starts a concept.
// A lexicon phrase running on past the filler wins ("怎么办理": 办理).
// It returns nil when the run has none.
func fillerMask(rs []rune) []bool {
	var mask []bool
	for i := range rs {
		for _, p := range zhFillerPhrases[rs[i]] {
			if hasRunePrefix(rs[i:], p) && !phraseCrosses(rs, i, i+len(p)) {
				if mask == nil {
					mask = make([]bool, len(rs))
				}
				for j := range p {
					mask[i+j] = true
				}
			}
		}
	}
	return mask
}

// phraseCrosses reports a lexicon phrase that starts inside rs[from:to] and
// ends after it.
func phraseCrosses(rs []rune, from, to int) bool {
	for j := from; j < to; j++ {
		for _, p := range concepts.zh[rs[j]] {
			if j+len(p.runes) > to && hasRunePrefix(rs[j:], p.runes) {
				return true
			}
		}
	}
	return false
}

// zhFillerPhrases indexes filler phrases by their first rune.
var zhFillerPhrases = func() map[rune][][]rune {
	m := map[rune][][]rune{}
	for _, p := range []string{
		"怎么办", "怎么样", "怎么回事", "怎么弄", "怎么搞", "怎么整", "为什么", "干什么", "干嘛",
		"什么样", "没办法", "咋办", "咋整", "咋弄", "咋回事", "啥情况", "什么情况", "请问一下",
		"麻烦问", "想问问", "问一下", "帮忙看看", "谢谢", "多谢", "什么意思", "啥意思", "咋回事儿",
		"早上好", "上午好", "中午好", "下午好", "晚上好", "早安", "晚安", "大家好",
	} {
		rs := []rune(p)
		m[rs[0]] = append(m[rs[0]], rs)
	}
	return m
}()

func appendWordTokens(dst []string, covered *[]string, run string, fix wordFixer) []string {
	words := strings.Fields(run)
	stems := make([]string, 0, len(words))
	for _, w := range words {
		if fix != nil {
			w = fix(w)
		}
		stems = append(stems, stemEnglish(w))
	}
	start := len(dst)
	var posBuf [32]int
	pos := posBuf[:0] // content word i is stems[pos[i]]
	for i, s := range stems {
		if isStopWord(words[i], s) || isGreeting(words, i) {
			continue
		}
		dst = append(dst, s)
		pos = append(pos, i)
	}
	content := dst[start:len(dst):len(dst)]
	return appendWordConcepts(dst, covered, stems, content, pos)
}

// isGreeting reports a word of a greeting ("good morning"): the time of day
// in it is no topic, as in the Chinese fillers 早上好, 晚上好.
func isGreeting(words []string, i int) bool {
	if words[i] == "good" {
		return i+1 < len(words) && greetingTimes[words[i+1]]
	}
	return i > 0 && words[i-1] == "good" && greetingTimes[words[i]]
}

var greetingTimes = setOf("morning", "afternoon", "evening", "night", "day")

// isStopWord reports words that are no index terms: stop words and single
// letters (numbers are kept). The word, not its stem, is looked up: "use"
// stems to "us" but is no stop word.
func isStopWord(word, stem string) bool {
	if enStopWords[word] {
		return true
	}
	return len(stem) < 2 && !isDigits(stem)
}

// isOrdinalOrTime reports a number with an English ordinal or clock suffix
// ("6th", "22nd", "10pm"): like a bare number, a floor, date or hour.
func isOrdinalOrTime(s string) bool {
	i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsDigit(r) })
	if i <= 0 {
		return false
	}
	switch s[i:] {
	case "st", "nd", "rd", "th", "am", "pm":
		return true
	}
	return false
}

func isDigits(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return s != ""
}

// zhStopChars are Chinese function characters: particles, pronouns, question
// words and fillers that say nothing about the topic of a question, with
// the dialect particles residents type (Shanghainese 伐 for 吗, 侬 for 你;
// Cantonese ones become Mandarin first: foldDialects).
var zhStopChars = runeSet("的了吗呢啊吧呀哦嗯么是在我你您他她它们这那个就都也还和与及或被把给让有没不请问些怎样什哪谁吗嘛啦哈喔呗得地着过很太又再将该啥咋伐侬咯喽哇呐噢诶欸哎呃唉咧嘞啰哟")

// zhStopBigrams are function words whose characters are not all stop chars.
var zhStopBigrams = setOf(
	"怎么", "什么", "可以", "你好", "您好", "谢谢", "一下", "多少", "为什么", "如何",
	"能不", "不能", "有没", "没有", "是不", "不是", "我们", "你们", "他们", "这个", "那个",
	"现在", "应该", "需要", "知道", "想问", "问一", "打扰", "麻烦", "是否", "还是", "或者",
	"要是", "如果", "的话", "因为", "所以", "但是", "就是", "已经", "一个", "这样", "那样",
	"到底", "具体", "一般", "自己", "大家", "其他", "而且", "然后", "怎样", "哪些", "多久",
	"能否", "一直", "这些", "那些", "会不", "不会", "请问",
	// adverbs and vague words of chat
	"全部", "清楚", "估计", "终于", "十分", "别人", "先生", "天天", "好像", "感觉", "其实",
	"真的", "特别", "非常", "比较", "可能", "肯定", "确实", "总是", "经常", "马上", "赶紧",
	"顺便", "老是", "几个", "几位",
	// days and years relative to now: when a question is asked, not what about
	"今天", "明天", "昨天", "后天", "前天", "今年", "明年", "去年", "最近", "刚才",
)

// enStopWords are English function words, question words and chat fillers.
var enStopWords = setOf(
	"a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for",
	"with", "from", "into", "about", "as", "is", "are", "was", "were", "be", "been", "being",
	"am", "do", "does", "did", "doing", "have", "has", "had", "having", "i", "me", "my",
	"we", "us", "our", "you", "your", "he", "she", "it", "its", "they", "them", "their",
	"this", "that", "these", "those", "there", "here", "what", "which", "who", "whom",
	"whose", "when", "where", "why", "how", "can", "could", "will", "would", "shall",
	"should", "may", "might", "must", "not", "no", "so", "than", "too", "very", "just",
	"any", "some", "all", "also", "then", "please", "hi", "hello", "hey", "thanks",
	"thank", "ok", "okay", "get", "got", "s", "t", "d", "ll", "re", "ve", "m", "im",
	// chat shorthand: "pls", "thx", "u" for you
	"pls", "plz", "thx", "tks", "ty", "btw", "lol", "u", "ur",
	"dont", "don", "doesn", "isn", "aren", "cant", "won", "let", "lets", "know", "tell",
	"want", "wondering", "anyone", "somebody", "someone", "something", "anything", "thing",
	"still", "yet", "now", "out", "up", "over", "much", "many", "more", "most", "really",
	"actually", "exactly", "only", "own", "same", "other", "such", "each", "every", "via",
	"per", "whether", "need", "needs", "ask", "question", "quick", "since", "ago", "already",
	"again", "ever", "even", "though", "although", "because", "while", "until", "till",
	"his", "him", "her", "hers", "mine", "yours", "ours", "theirs", "myself", "yourself",
	"himself", "herself", "itself", "ourselves", "themselves", "another", "anywhere",
	"somewhere", "everywhere", "sometimes", "maybe", "perhaps", "probably", "suppose",
	"supposed", "sorry", "excuse", "thru",
	// inflected forms and contraction stubs ("didn't" normalises to "didn t")
	"gets", "getting", "gotten", "knows", "knowing", "known", "tells", "telling", "told",
	"wants", "wanted", "wanting", "needed", "needing", "asks", "asked", "asking",
	"questions", "wonder", "wondered", "things", "didn", "wasn", "weren", "hasn", "haven",
	"hadn", "couldn", "wouldn", "shouldn", "mustn", "ain", "shan", "ve", "ya",
	// contractions typed without the apostrophe ("whats", "theres")
	"whats", "hows", "wheres", "whos", "thats", "theres", "heres", "ive", "youre", "were",
	"theyre", "didnt", "doesnt", "isnt", "arent", "wont", "wasnt", "havent", "hasnt", "shouldnt",
	"wouldnt", "couldnt",
)

func runeSet(s string) map[rune]bool {
	m := make(map[rune]bool)
	for _, r := range s {
		m[r] = true
	}
	return m
}
