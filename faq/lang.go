package faq

import (
	"strings"
	"unicode"
)

// DetectLang returns "zh" when text is mainly Chinese, else "en".
//
// Mixed lines are judged by their sentence frame, the function words that hold
// the content words together: "How do I 办居住登记?" is English with a Chinese
// term, "请问parking lottery今年几号开始报名" is Chinese with English terms.
// When the frame words tie, the share of Han characters against Latin words
// decides (about two Han characters make one word).
func DetectLang(text string) string {
	norm := Normalize(text)
	han, latinWords, enFrame, zhFrame := 0, 0, 0, 0
	for _, run := range scriptRuns(norm) {
		if run.han {
			n := len([]rune(run.text))
			han += n
			zhFrame += countZHFrame(run.text)
			continue
		}
		for _, w := range strings.Fields(run.text) {
			if !hasLetter(w) {
				continue
			}
			latinWords++
			if enFrameWords[w] {
				enFrame++
			}
		}
	}
	switch {
	case han == 0:
		return "en"
	case latinWords == 0:
		return "zh"
	case enFrame > zhFrame:
		return "en"
	case zhFrame > enFrame:
		return "zh"
	case float64(han)/2 >= float64(latinWords):
		return "zh"
	}
	return "en"
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// HasChineseFrame reports a Chinese function word or question particle in
// normalised text: what makes a few characters a Chinese sentence.
func HasChineseFrame(normalized string) bool { return countZHFrame(normalized) > 0 }

func countZHFrame(s string) int {
	n := 0
	for _, w := range zhFrameWords {
		n += strings.Count(s, w)
	}
	return n
}

// enFrameWords are English function words that make a sentence frame.
var enFrameWords = setOf(
	"how", "what", "when", "where", "who", "which", "why", "can", "could", "do", "does",
	"did", "is", "are", "was", "will", "would", "should", "i", "we", "you", "my", "our",
	"the", "a", "an", "to", "for", "of", "in", "on", "with", "it", "there", "please",
	"me", "have", "has", "if", "and", "or", "not", "need",
)

// zhFrameWords are Chinese function words and question particles.
var zhFrameWords = []string{
	"请问", "怎么", "什么", "哪里", "哪儿", "多少", "可以", "能不能", "是不是", "有没有",
	"吗", "呢", "吧", "的", "了", "我", "你", "是", "在", "要", "几", "谁", "和",
}

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
