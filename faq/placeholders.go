package faq

import "regexp"

// The markers the default FAQ leaves where only the estate's administrators
// know the fact (a phone number, an office's hours). Only well-formed ones
// count, as the default FAQ's tests define them: an unclosed 【待管理员填写
// is not a placeholder.
var (
	zhPlaceholderMarker = regexp.MustCompile(`【待管理员填写：[^】]+】`)
	enPlaceholderMarker = regexp.MustCompile(`\[ADMIN: [^\]]+\]`)
)

// Placeholders returns how many administrator placeholders — 【待管理员填写：…】
// or [ADMIN: …] — are left in e's answers, both languages together.
// Residents are shown these verbatim until an administrator fills them in.
func Placeholders(e Entry) int {
	n := 0
	for _, answer := range []string{e.Answer.ZH, e.Answer.EN} {
		n += len(zhPlaceholderMarker.FindAllStringIndex(answer, -1))
		n += len(enPlaceholderMarker.FindAllStringIndex(answer, -1))
	}
	return n
}

// PlaceholderEntries returns the ids of the entries that still have
// placeholders, in the order given, and how many placeholders they hold.
func PlaceholderEntries(entries []Entry) (ids []string, placeholders int) {
	for _, e := range entries {
		if n := Placeholders(e); n > 0 {
			ids = append(ids, e.ID)
			placeholders += n
		}
	}
	return ids, placeholders
}
