package handlers

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"

	"codesk/faq"
)

// A resident who has not chosen a language gets replies in the language of
// what they write. Commands and button presses carry no language of their
// own; for them the language the resident last wrote in is a better guess
// than the client's setting (a Chinese speaker often has an English phone).

// lastLangTTL is how long the language a resident last wrote in is kept.
const lastLangTTL = 90 * 24 * time.Hour

func lastLangKey(userID int64) string { return fmt.Sprintf("lastlang:%d", userID) }

// recallLanguage puts the language the resident last wrote in where the
// client's hint goes, for messages that carry no language of their own.
// Losing it only means falling back to the client's hint.
func (h *Handler) recallLanguage(ctx context.Context, in *Incoming) {
	data, ok, err := h.State.Get(ctx, lastLangKey(in.UserID))
	if err != nil {
		h.Log.Warn("recall resident language", "err", err)
		return
	}
	if ok && (string(data) == "zh" || string(data) == "en") {
		in.UserLang = string(data)
		in.lastLang = string(data)
	}
}

// rememberLanguage notes the language of a resident's written message.
func (h *Handler) rememberLanguage(ctx context.Context, in Incoming) {
	t := strings.TrimSpace(in.Text)
	if !carriesLanguage(t, in.lastLang) || isPleasantry(t) {
		return // no language of its own
	}
	lang := faq.DetectLang(t)
	if lang == in.lastLang {
		return // already what recallLanguage found
	}
	if err := h.State.Set(ctx, lastLangKey(in.UserID), []byte(lang), lastLangTTL); err != nil {
		h.Log.Warn("remember resident language", "err", err)
	}
}

// carriesLanguage reports a message whose words tell the language to reply
// in: not a command, nor (when the resident's last language is known) a
// pleasantry either side types in the other's script ("ok", "thx", "hi" from
// Chinese residents; "谢谢" from English-speaking ones), nor a short message
// mixing both scripts (mixesScripts): the estate's words come in Chinese
// whatever language the resident writes.
func carriesLanguage(t, lastLang string) bool {
	if strings.HasPrefix(t, "/") {
		return false
	}
	// a link alone is in no one's language ("https://…" after Chinese lines)
	if t = strings.TrimSpace(webLink.ReplaceAllString(t, " ")); !hasWords(t) {
		return false
	}
	return lastLang == "" || !(isPleasantry(t) || mixesScripts(t) || (lastLang == "en" && bareChineseTerm(t)) || (lastLang == "zh" && bareLatinTerm(t)))
}

// webLink is a web address in a message.
var webLink = regexp.MustCompile(`(?i)\b(https?://|www\.)\S+`)

// bareLatinTerm reports one short Latin word ("WiFi", "APP", "OK", "help"):
// older Chinese residents type these as they are, no switch to English.
func bareLatinTerm(t string) bool {
	fields := strings.Fields(faq.Normalize(t))
	if len(fields) != 1 || len(fields[0]) > 12 {
		return false
	}
	for _, r := range fields[0] {
		if r >= unicode.MaxASCII || !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return false
		}
	}
	return true
}

// bareChineseTerm reports a few Chinese characters with no sentence frame
// ("门禁卡?", "业委会", "报修"): the estate's word for a thing, which an
// English-speaking resident types as they see it on notices, not a switch
// to Chinese. "你能干嘛", "怎么报修" have a frame and are Chinese.
func bareChineseTerm(t string) bool {
	n := faq.Normalize(t)
	han := 0
	for _, r := range n {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.IsLetter(r):
			return false
		}
	}
	return han > 0 && han <= 4 && !faq.HasChineseFrame(n)
}

func isPleasantry(t string) bool {
	if faq.DetectLang(t) == "zh" {
		// thanks or an acknowledgement; a Chinese greeting may be a real
		// question ("你能干嘛")
		c := classifySmallTalk(t)
		return runeLen(t) <= 6 && (c == thanks || c == goodbye)
	}
	if len(strings.Fields(t)) > 2 {
		return false
	}
	switch classifySmallTalk(t) {
	case greeting, thanks, goodbye:
		return true
	}
	return false
}

// mixesScripts reports a short message with a term or two in each script
// ("业委会 email?", "门禁卡 lost"): its language is a guess, so the
// resident's own is kept. Longer mixed text has a sentence frame that tells
// ("B1车库晚上几点关门？", "Can I register my 电动车 at the 物业 office?").
func mixesScripts(t string) bool {
	han, latinWords := 0, 0
	for _, r := range t {
		if unicode.Is(unicode.Han, r) {
			han++
		}
	}
	for _, w := range strings.Fields(t) {
		if strings.IndexFunc(w, func(r rune) bool { return r < unicode.MaxASCII && unicode.IsLetter(r) }) >= 0 {
			latinWords++
		}
	}
	return han > 0 && latinWords > 0 && han <= 4 && latinWords <= 2
}

// draftLanguage is the language a draft (now text, added its last line) is
// answered in when the resident chose none: that of the bulk of what they
// wrote for it. One line in the other language ("the light in the stairwell
// is broken", then a long Chinese detail) does not switch it; most of its
// lines in the other language, or a line that says why ("sorry my chinese
// is bad, …"), do.
func draftLanguage(current, text, added string) string {
	if statesLanguage(added) || (current != "zh" && current != "en") {
		return faq.DetectLang(added)
	}
	own, other := 0, 0
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case !carriesLanguage(line, current) || isPleasantry(line):
		case faq.DetectLang(line) == current:
			own++
		default:
			other++
		}
	}
	if other > own {
		return otherLanguage(current)
	}
	return current
}

func otherLanguage(lang string) string {
	if lang == "en" {
		return "zh"
	}
	return "en"
}

// statesLanguage: the resident says, in one language, that the other is
// hard for them ("sorry my chinese is bad, …", "我英文不好，…"): the one
// they write it in is theirs.
func statesLanguage(t string) bool {
	s := faq.Normalize(t)
	if faq.DetectLang(t) == "en" {
		return chineseIsHard.MatchString(s)
	}
	return englishIsHard.MatchString(s)
}

var (
	chineseIsHard = regexp.MustCompile(`\bmy (chinese|mandarin) (is|s|isn t|isnt) (bad|poor|not good|not great|limited|terrible|not very good|very bad|so bad)\b|` +
		`\b(i )?(don t|do not|dont|can t|cannot|can not) (speak|read|write|type|understand) (chinese|mandarin)\b|\bsorry for my (bad |poor )?chinese\b`)
	englishIsHard = regexp.MustCompile(`我的?(英文|英语)(不好|不太好|很差|不行|太差|一般)|我(不会|不懂|看不懂)(英文|英语)`)
)

// keepLanguage remembers lang as the one the resident writes in (a line
// in the other language added to a draft does not change it: draftLanguage).
func (h *Handler) keepLanguage(ctx context.Context, userID int64, lang string) {
	if err := h.State.Set(ctx, lastLangKey(userID), []byte(lang), lastLangTTL); err != nil {
		h.Log.Warn("remember resident language", "err", err)
	}
}
