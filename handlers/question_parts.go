package handlers

import (
	"regexp"
	"slices"
	"strings"

	"codesk/faq"
)

// A message may ask two things at once ("电梯什么时候换？物业费怎么交？",
// "停车位怎么申请，访客车能进来吗", "how do I get a new access card and where
// is the bike shed?"). Matched whole, the words of both can pull towards a
// third entry; matched part by part, each question finds its own.

// firstOfSeveralQuestions returns the first of the questions text asks,
// when it asks two or more that the FAQ answers confidently, each its own
// entry, and the whole message's answer (whole) is none of theirs.
func (h *Handler) firstOfSeveralQuestions(text, whole string) (string, bool) {
	parts := questionParts(text)
	if len(parts) < 2 || pointsBack.MatchString(faq.Normalize(text)) {
		// ("What does it pay for, and do I get it back?": each part leans
		// on what the message said before; the whole is the question)
		return "", false
	}
	var first string
	var ids []string
	for _, p := range parts {
		if !asksWord.MatchString(faq.Normalize(p)) {
			continue // a statement around the questions ("我住7号楼")
		}
		id := h.FAQ.Match(p).ID
		if id == "" || slices.Contains(ids, id) {
			continue
		}
		if ids = append(ids, id); first == "" {
			first = p
		}
	}
	if len(ids) < 2 || slices.Contains(ids, whole) {
		return "", false
	}
	return first, true
}

// pointsBack: a part that names its subject only by a pronoun.
var pointsBack = regexp.MustCompile(`\b(it|its|this|that|they|them|these|those)\b|它|这个|那个|这些|那些`)

// questionParts splits text into its sentences, and a sentence further at
// a comma or an "and" that joins two questions; parts too short to ask
// anything are dropped.
func questionParts(text string) []string {
	var parts []string
	for _, sentence := range sentenceEnd.Split(text, -1) {
		for _, clause := range splitJoinedQuestions(sentence) {
			if clause = strings.TrimSpace(clause); runeLen(clause) >= 4 {
				parts = append(parts, clause)
			}
		}
	}
	return parts
}

// splitJoinedQuestions splits a sentence at a comma or an "and/also" when
// the pieces on both sides ask something.
func splitJoinedQuestions(sentence string) []string {
	var pieces []string
	start := 0
	for _, m := range clauseJoin.FindAllStringSubmatchIndex(sentence, -1) {
		// the piece ends where the joint begins; the next begins after the
		// joint's words (the question word of "and where…" stays in it)
		next := m[1]
		if m[2] >= 0 {
			next = m[2]
		}
		pieces = append(pieces, sentence[start:m[0]])
		start = next
	}
	pieces = append(pieces, sentence[start:])
	if len(pieces) < 2 {
		return []string{sentence}
	}
	asking := 0
	for _, p := range pieces {
		if strings.TrimSpace(p) == "" {
			return []string{sentence}
		}
		if asksWord.MatchString(faq.Normalize(p)) {
			asking++
		}
	}
	last := strings.TrimSpace(pieces[len(pieces)-1])
	substantive := runeLen(last) >= 6 && (faq.DetectLang(last) == "zh" || len(strings.Fields(last)) >= 4)
	if asking == len(pieces) || asking == 1 && asksWord.MatchString(faq.Normalize(last)) && substantive {
		// questions side by side, or what happened and then the question
		// ("上个月我被困在电梯里半小时，电梯到底什么时候换")
		return pieces
	}
	return []string{sentence}
}

var (
	// clauseJoin: a comma (with "还有", "also"…), or "and"/"also" before
	// another question word, which (group 1) begins the next piece
	clauseJoin = regexp.MustCompile(`[，,]\s*(?:还有|另外|以及|and also|also|and)?\s*|\s+(?:and also|and|also)\s+((?:where|when|how|what|who|why|can|could|is|are|do|does)\b)`)
	// asksWord: the piece asks something of its own
	asksWord = regexp.MustCompile(`吗|呢|么|怎么|怎样|什么|啥|咋|哪|多少|几|多久|能不能|可不可以|可以不|是否|有没有|谁|` +
		`\b(where|when|how|what|who|why|which|can|could|is there|are there|do i|do we|does|is it)\b`)
)
