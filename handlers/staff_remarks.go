package handlers

import (
	"fmt"
	"regexp"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// What a staff reply under a card is: a question the ticket then waits on,
// or a remark among colleagues that never reaches the resident.

// staffQuestion: a staff message that asks the resident something, which
// the ticket then waits on ("waiting for you" in the resident's list).
var staffQuestion = regexp.MustCompile(`[?？]|请问|请提供|请告知|请告诉|请发|请拍|请补充|麻烦您?(发|拍|告诉|提供|确认)|能否|可否|是否|方便.{0,12}吗|` +
	`(?i)\b(please (send|tell|provide|confirm|let us know|share)|let us know|could you|can you|would you)\b`)

func asksResident(body string) bool {
	return staffQuestion.MatchString(urlPattern.ReplaceAllString(body, " ")) // a link's "?" asks nothing
}

var urlPattern = regexp.MustCompile(`(?i)\bhttps?://\S+`)

// internalMarks open a reply under a card that is for colleagues only
// (compared width-folded, lower-cased and without spaces).
var internalMarks = []string{"#内部", "#internal", "内部:", "(内部)", "【内部】", "[内部]", "//"}

// internalRemark reports a staff reply marked as not for the resident, also
// after @mentions of colleagues ("@老王 #内部 你去看一下") and with spaces or
// full-width marks ("# 内部", "＃internal").
func internalRemark(body string) bool {
	b := strings.ToLower(norm.NFKC.String(strings.TrimSpace(body)))
	for strings.HasPrefix(b, "@") {
		_, rest, found := strings.Cut(b, " ")
		if !found {
			return false
		}
		b = strings.TrimSpace(rest)
	}
	b = strings.Join(strings.Fields(b), "")
	for _, m := range internalMarks {
		if strings.HasPrefix(b, m) {
			return true
		}
	}
	return false
}

// internalAlbumKey marks a staff album whose caption kept it internal.
func internalAlbumKey(chatID int64, album string) string {
	return fmt.Sprintf("albumin:%d:%s", chatID, album)
}
