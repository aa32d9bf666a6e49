package handlers

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"codesk/storage"
	"codesk/tickets"
)

// What a staff reply under a card is: a question the ticket then waits on,
// or a remark among colleagues that never reaches the resident.

// staffQuestion: a staff message that asks the resident something, which
// the ticket then waits on ("waiting for you" in the resident's list).
var staffQuestion = regexp.MustCompile(`[?？]|请问|请提供|请告知|请告诉|请发|请拍|请补充|麻烦您?(发|拍|告诉|提供|确认)|能否|可否|是否|方便.{0,12}吗|` +
	// asked without a question mark: "明天上午家里有人吗", "具体几楼", "发个照片看看", "麻烦留个电话"
	`吗\s*$|吗[，,。\s]|几(楼|层|号|点|单元|室)\s*(啊|呀|呢)?\s*$|留个(电话|联系方式)|^(发|拍)(个|张|一张|几张)(照片|图)|(请|麻烦|能不能|可以|方便)[^\s]{0,4}(发|拍)(个|张|一张|几张)(照片|图)|` +
	`(?i)\b(please (send|tell|provide|confirm|let us know|share)|let us know|could you|can you|would you)\b`)

func asksResident(body string) bool {
	return staffQuestion.MatchString(urlPattern.ReplaceAllString(body, " ")) // a link's "?" asks nothing
}

var urlPattern = regexp.MustCompile(`(?i)\bhttps?://\S+`)

// internalMarks open a reply under a card that is for colleagues only
// (compared width-folded, lower-cased and without spaces; 內 is the
// traditional 内).
var internalMarks = []string{"#内部", "#內部", "#internal", "内部:", "內部:", "(内部)", "【内部】", "[内部]", "内部备注", "内部消息", "仅内部",
	"[internal]", "(internal)", "internal:", "internalnote", "//"}

// internalRemark reports a staff reply marked as not for the resident, or
// addressed to a colleague: it opens with an @mention ("@老王 这单你去",
// "@老王 #内部 你去看一下"; the resident is not in the chat to be
// mentioned), or with a mark, also with spaces or full-width marks
// ("# 内部", "＃internal").
func internalRemark(body string) bool {
	b := strings.ToLower(norm.NFKC.String(strings.TrimSpace(body)))
	if rest, ok := strings.CutPrefix(b, "内部"); ok {
		if r, _ := utf8.DecodeRuneInString(rest); unicode.IsSpace(r) || r == ':' || r == '：' {
			return true // "内部 这个是老问题了" ("内部管道已修好" is for the resident)
		}
	}
	if strings.HasPrefix(b, "@") && len(b) > 1 {
		return true
	}
	b = strings.Join(strings.Fields(b), "")
	for _, m := range internalMarks {
		if strings.HasPrefix(b, m) {
			return true
		}
	}
	return false
}

// withoutInternalMark is body without the mark that kept it among staff
// ("#内部 这个归业委会管" -> "这个归业委会管"): a note is shown as internal
// anyway. An @mention is kept: it says whom the remark was for.
func withoutInternalMark(body string) string {
	b := strings.TrimSpace(body)
	for i := 1; i <= min(len(b), 64); i++ { // a mark, spaces and all, is short
		if i < len(b) && !utf8.RuneStart(b[i]) {
			continue // not a whole character yet
		}
		head := strings.Join(strings.Fields(strings.ToLower(norm.NFKC.String(b[:i]))), "")
		rest := b[i:]
		next, _ := utf8.DecodeRuneInString(rest)
		bare := head == "内部" && (unicode.IsSpace(next) || next == ':' || next == '：') // "内部 这个是老问题了"
		if bare || slices.Contains(internalMarks, head) {
			return strings.TrimSpace(strings.TrimLeft(rest, " \t:：,，、"))
		}
	}
	return b
}

// internalAlbumKey marks a staff album whose caption kept it internal.
func internalAlbumKey(chatID int64, album string) string {
	return fmt.Sprintf("albumin:%d:%s", chatID, album)
}

// withoutBotMention drops a leading "@<bot>" from a staff reply: written to
// the bot, it is for the resident, not a colleague.
func withoutBotMention(body, bot string) string {
	if bot == "" || len(body) < len(bot)+1 || body[0] != '@' || !strings.EqualFold(body[1:len(bot)+1], bot) {
		return body
	}
	rest := body[len(bot)+1:]
	if r, _ := utf8.DecodeRuneInString(rest); rest != "" && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_') {
		return body // "@codesk_botx": another name that begins like the bot's
	}
	return strings.TrimSpace(strings.TrimLeft(rest, " :：,，"))
}

// keepStaffNote stores an internal remark on ticket t, for the card a next
// party gets; losing it only loses that context, so a failure is logged.
func (h *Handler) keepStaffNote(ctx context.Context, in Incoming, t tickets.Ticket, body, photo string) {
	body = withoutInternalMark(body)
	if _, ok := h.actingChat(t, in.ChatID); !ok || (body == "" && photo == "") {
		return
	}
	var photos []string
	if photo != "" {
		photos = []string{photo}
	}
	now := h.Now()
	_, err := h.Tickets.UpdateTicket(ctx, t.ID, func(cur tickets.Ticket) (tickets.Ticket, []tickets.Event, []storage.OutboxMessage, error) {
		ev := tickets.Event{TicketID: cur.ID, Kind: tickets.EventStaffNote, ActorID: in.UserID, Actor: staffName(in),
			Text: clip(body, MaxQuestionRunes), PhotoIDs: photos, At: now}
		return cur, []tickets.Event{ev}, nil, nil
	})
	if err != nil {
		h.Log.Warn("keep a staff note", "ticket", t.ID, "err", err)
	}
}
