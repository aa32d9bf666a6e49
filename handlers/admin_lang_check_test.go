package handlers

import (
	"regexp"
	"strings"
	"unicode"
)

// What an admin sent or stored (ids, keys, questions, answers) may be in
// any language; what the bot says around it must be in the admin's. These
// checks strip quoted data and commands first.
var (
	quotedData = regexp.MustCompile(`“[^”]*”|"[^"\n]*"|「[^」]*」`)
	// "/faq show <id>", "codesk faq import": names to type, not prose
	commandText = regexp.MustCompile(`codesk faq [a-z/]+|/faq (?:list|show|set|del|history|import|help)(?: <id>| lift-repair)?|/[a-z]+`)
	aliasName   = regexp.MustCompile(`\*[A-Za-z0-9_-]+`)
	asciiWord   = regexp.MustCompile(`[A-Za-z][A-Za-z_]*`)
)

// withoutData drops what shows as it is in either language: quoted values,
// aliases ("*name"), commands, and the language names of "/lang".
func withoutData(s string) string {
	s = quotedData.ReplaceAllString(s, "“”")
	s = aliasName.ReplaceAllString(s, "*")
	s = strings.ReplaceAll(s, "中文 / English", "")
	return commandText.ReplaceAllString(s, "")
}

// namesToType are the ASCII words a Chinese reply may show: the FAQ file's
// keys and format, party ids and the actors of the FAQ history.
var namesToType = map[string]bool{
	"version": true, "entries": true, "id": true, "topic": true, "questions": true, "answer": true, "party": true,
	"zh": true, "en": true, "YAML": true, "yaml": true, "yml": true, "UTF": true, "Tab": true, "MB": true,
	"FAQ": true, "shown_rev": true, "shown": true, "rev": true, "telegram": true, "test": true, "seed": true,
	"property_management": true, "owners_committee": true, "neighborhood_committee": true,
}

// EnglishIn returns an English word in a Chinese reply ("" when there is
// none): any ASCII word but the names an admin types.
func EnglishIn(reply string) string {
	for _, w := range asciiWord.FindAllString(withoutData(reply), -1) {
		if !namesToType[w] {
			return w
		}
	}
	return ""
}

// ChineseIn returns the first Chinese character of an English reply ("" when
// there is none).
func ChineseIn(reply string) string {
	for _, r := range withoutData(reply) {
		if unicode.Is(unicode.Han, r) {
			return string(r)
		}
	}
	return ""
}

// StripData removes the given data (stored questions, answers) from a reply
// before a language check; it shows as is, whatever the admin's language.
func StripData(reply string, data ...string) string {
	for _, d := range data {
		if d != "" {
			reply = strings.ReplaceAll(reply, d, "")
		}
	}
	return reply
}
