package handlers

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"codesk/faq"
	"codesk/parties"
	"codesk/tickets"
)

// A resident answering staff rarely uses Telegram's "reply": after a staff
// message reaches them, their next plain message is probably meant for the
// ticket, but may as well be a new question. codesk asks once rather than
// guessing either way: relaying a question to staff, or answering a reply
// from the FAQ, would both be wrong.

const (
	// conversationTTL is how long after a staff message a resident's plain
	// message is taken as possibly meant for that ticket.
	conversationTTL = 24 * time.Hour
	// followUpTTL is how long the "send to ticket #N?" buttons keep working.
	followUpTTL = 30 * time.Minute
)

// followUp is a resident's message held while they choose where it goes.
type followUp struct {
	TicketID int64 `json:"ticket_id"`
	// Others are other open tickets staff wrote about lately, offered too:
	// the answer may be for any of them
	Others    []int64  `json:"others,omitempty"`
	UpdateID  int64    `json:"update_id"` // of the message: the relay's idempotency key
	MessageID int      `json:"message_id"`
	Kind      int      `json:"kind"`
	Text      string   `json:"text"`
	PhotoIDs  []string `json:"photo_ids,omitempty"`
	// AlbumPhotos are the other photos of the held message's album: one
	// question for the album, its answer for all of them
	AlbumPhotos []string `json:"album_photos,omitempty"`
	// AlbumID: answered "no", the album goes on as one matter (one draft,
	// one request for its words), not one per photo
	AlbumID string `json:"album_id,omitempty"`
}

// albumOfferKey marks an album whose first photo is held with a question:
// its other photos join that question instead of asking again.
func albumOfferKey(userID int64, album string) string {
	return fmt.Sprintf("albumoffer:%d:%s", userID, album)
}

func conversationKey(userID int64) string { return fmt.Sprintf("conv:%d", userID) }

// followUpKey holds one message: a resident writing several in a row is
// asked about each, and each answer moves the message it was asked about.
func followUpKey(userID int64, messageID int) string {
	return fmt.Sprintf("convmsg:%d:%d", userID, messageID)
}

// lastFollowUpKey lists the resident's messages held since staff last
// wrote, which a typed "yes" or "no" answers as their buttons would: "好的
// 明天我在家", then "对的，是回复" before the "yes" are one answer in two.
func lastFollowUpKey(userID int64) string { return fmt.Sprintf("convlast:%d", userID) }

// staffAskedKey marks that staff asked the resident something after the bot
// last asked for draft or ticket input: the resident's next plain message
// most likely answers staff ("5楼" to "which floor?"), so it is offered to
// their ticket before it can fill a waiting draft or another ticket's
// details. A statement ("the plumber comes tomorrow") asks nothing.
func staffAskedKey(userID int64) string { return fmt.Sprintf("convnewer:%d", userID) }

// noteStaffAsked marks that staff just asked the resident something.
func (h *Handler) noteStaffAsked(ctx context.Context, residentID, ticketID int64) {
	if err := h.State.Set(ctx, staffAskedKey(residentID), []byte("1"), conversationTTL); err != nil {
		h.Log.Warn("remember that staff asked last", "ticket", ticketID, "err", err)
	}
}

// forgetStaffAsked notes that the bot asked the resident for input itself
// (a draft step, details for a ticket): that question is now the latest.
func (h *Handler) forgetStaffAsked(ctx context.Context, userID int64) {
	if err := h.State.Delete(ctx, staffAskedKey(userID)); err != nil {
		h.Log.Warn("forget that staff asked last", "err", err)
	}
	// nor is a typed yes or no an answer to the "is this for ticket #N?"
	// offers made before: it answers the bot's own question ("好的" at a
	// draft's preview sends the draft); those offers keep their buttons
	if err := h.State.Delete(ctx, lastFollowUpKey(userID)); err != nil {
		h.Log.Warn("forget the held follow-ups", "err", err)
	}
}

// staffAskedLast reports that staff asked the resident something after the
// bot's own latest question (staffAskedKey); an error reads as no.
func (h *Handler) staffAskedLast(ctx context.Context, userID int64) bool {
	_, ok, err := h.State.Get(ctx, staffAskedKey(userID))
	if err != nil {
		h.Log.Warn("recall whether staff asked last", "err", err)
	}
	return ok
}

// noteConversation remembers that staff just wrote to the resident about a
// ticket. Losing it only means the resident's next message is not offered
// to the ticket, so a failure is logged, not returned.
func (h *Handler) noteConversation(ctx context.Context, residentID, ticketID int64) {
	// the tickets staff wrote about lately, the latest first, each with
	// when ("12:1732700000"): one written about a day ago drops out
	now := h.Now()
	ids := []string{strconv.FormatInt(ticketID, 10) + ":" + strconv.FormatInt(now.Unix(), 10)}
	// two replicas relaying replies about two tickets at once must not
	// each write back the list without the other's ticket
	h.withStateLock(ctx, conversationKey(residentID), func() {
		if before, ok, err := h.State.Get(ctx, conversationKey(residentID)); err == nil && ok {
			for _, field := range strings.Fields(string(before)) {
				id, at := conversationEntry(field, now)
				if id != ticketID && id != 0 && len(ids) < maxConversations && now.Sub(at) < conversationTTL {
					ids = append(ids, strconv.FormatInt(id, 10)+":"+strconv.FormatInt(at.Unix(), 10))
				}
			}
		}
		err := h.State.Set(ctx, conversationKey(residentID), []byte(strings.Join(ids, " ")), conversationTTL)
		if err != nil {
			h.Log.Warn("remember conversation", "ticket", ticketID, "err", err)
		}
	})
	// staff wrote again: a typed "可以" answers them now, not an earlier
	// "is this for the ticket?" still waiting (its buttons still work)
	if err := h.State.Delete(ctx, lastFollowUpKey(residentID)); err != nil {
		h.Log.Warn("forget the latest follow-up", "err", err)
	}
}

// forgetConversation ends what staff wrote lately, under the list's lock:
// a staff reply writing the list back at that moment must not revive it.
func (h *Handler) forgetConversation(ctx context.Context, residentID int64) error {
	var err error
	h.withStateLock(ctx, conversationKey(residentID), func() {
		err = h.State.Delete(ctx, conversationKey(residentID))
	})
	return err
}

// forgetConversationIf ends it only if the list still reads as seen (all
// closed when read): a ticket a staff reply added meanwhile keeps it.
func (h *Handler) forgetConversationIf(ctx context.Context, residentID int64, seen []byte) error {
	var err error
	h.withStateLock(ctx, conversationKey(residentID), func() {
		var now []byte
		if now, _, err = h.State.Get(ctx, conversationKey(residentID)); err == nil && bytes.Equal(now, seen) {
			err = h.State.Delete(ctx, conversationKey(residentID))
		}
	})
	return err
}

// conversationFollowUp offers a resident's plain text or photo to the ticket
// staff last wrote about, when there is one open and the message is not a
// question the FAQ answers. handled reports that it asked.
func (h *Handler) conversationFollowUp(ctx context.Context, in Incoming, chosen string) (bool, error) {
	if in.notForTicket || (in.Kind != TextMessage && in.Kind != PhotoMessage) {
		return false, nil
	}
	data, ok, err := h.State.Get(ctx, conversationKey(in.UserID))
	if err != nil || !ok {
		return false, err
	}
	var open []tickets.Ticket // the tickets staff wrote about, still open, latest first
	for _, field := range strings.Fields(string(data)) {
		id, at := conversationEntry(field, h.Now())
		if id == 0 || h.Now().Sub(at) >= conversationTTL {
			continue
		}
		t, err := h.ownTicket(ctx, in.UserID, id)
		if errors.Is(err, errStale) {
			continue
		}
		if err != nil {
			return false, err
		}
		if t.Status.Open() {
			open = append(open, t)
		}
	}
	if len(open) == 0 {
		return false, h.forgetConversationIf(ctx, in.UserID, data)
	}
	if r := h.Router.Route(strings.TrimSpace(in.Text)); len(open) > 1 && r.Confidence >= anotherMatterConfidence {
		// "灯是3楼的": the light ticket first, whoever wrote last
		for i, o := range open {
			if o.Category == r.Category {
				open[0], open[i] = open[i], open[0]
				break
			}
		}
	}
	t := open[0]
	text := strings.TrimSpace(in.Text)
	if in.Kind == TextMessage && (typedReplyYes(text) || typedNo(text)) {
		if handled, err := h.typedFollowUpChoice(ctx, in, text, chosen); handled || err != nil {
			return handled, err
		}
	}
	if in.Kind == TextMessage {
		if text == "" || runeLen(text) > MaxQuestionRunes {
			return false, nil // answerQuestion says why
		}
		if _, ok := languageRequest(text); ok {
			return false, nil // "English please": set, not offered to staff
		}
		k := classifySmallTalk(text)
		// "ok", "好的", "行" after staff asked ("can we come at 3?") answer
		// them: offered like any answer, not taken for a goodbye
		answersStaff := (k == goodbye || k == thanks) && h.staffAskedLast(ctx, in.UserID)
		if (k != notSmallTalk && k != settled && !answersStaff) || (asksOutright(text) && h.FAQ.Match(text).ID != "" && !h.asksAboutStaffVisit(ctx, t, text)) {
			return false, nil // a greeting, or a question the FAQ answers; "修好了" is for the staff
		}
	}
	lang := ticketLang(t, chosen)
	return true, h.offerToTicket(ctx, in, t, chosen, txtFollowUpAsk.f(lang, t.Number(), parties.InSentence(h.askingParty(ctx, t), lang)), open[1:]...)
}

// askingParty is whom the resident's answer on t is for: the co-office desk
// when its staff wrote last on a ticket escalated to it (the answer reaches
// the desk's chat as well as the party's: addDetails), else t's party.
func (h *Handler) askingParty(ctx context.Context, t tickets.Ticket) parties.ID {
	if desk, _ := h.escalationRef(ctx, t); desk == 0 {
		return t.Party // the desk hears no answer on t
	}
	evs, err := h.Tickets.TicketEvents(ctx, t.ID)
	if err != nil {
		h.Log.Warn("events for whom an answer is for", "ticket", t.ID, "err", err)
		return t.Party
	}
	for i := len(evs) - 1; i >= 0; i-- {
		if evs[i].Kind == tickets.EventStaffMessage {
			if evs[i].FromParty == parties.CoOffice {
				return parties.CoOffice
			}
			break
		}
	}
	return t.Party
}

// passedTo names, in lang, whom an addition to t reached (addDetails): the
// party, and the desk too when its chat (desk, 0 for none) got it.
func (h *Handler) passedTo(t tickets.Ticket, desk int64, lang string) string {
	party := parties.InSentence(t.Party, lang)
	own, ok := h.staffChat(t.Party)
	if t.EscalatedAt == nil || desk == 0 || !ok || own == desk {
		return party
	}
	return txtPartyAndDesk.f(lang, parties.InSentence(parties.CoOffice, lang), party)
}

// maxConversations bounds the tickets an answer is offered to.
const maxConversations = 3

// offerToTicket holds the resident's message and asks, with buttons,
// whether it goes to ticket t (ask is the question); a typed yes or no
// answers too (typedFollowUpChoice).
func (h *Handler) offerToTicket(ctx context.Context, in Incoming, t tickets.Ticket, chosen, ask string, others ...tickets.Ticket) error {
	if in.AlbumID != "" {
		if joined, err := h.joinAlbumOffer(ctx, in); joined || err != nil {
			return err
		}
	}
	text := strings.TrimSpace(in.Text)
	f := followUp{TicketID: t.ID, UpdateID: in.UpdateID, MessageID: in.MessageID, Kind: int(in.Kind), Text: text, PhotoIDs: in.PhotoIDs, AlbumID: in.AlbumID}
	for _, o := range others {
		f.Others = append(f.Others, o.ID)
	}
	enc, err := json.Marshal(f)
	if err != nil {
		return fmt.Errorf("encode follow-up: %w", err)
	}
	if err := h.State.Set(ctx, followUpKey(in.UserID, in.MessageID), enc, followUpTTL); err != nil {
		return fmt.Errorf("save follow-up of %d: %w", in.UserID, err)
	}
	if in.AlbumID != "" {
		if err := h.State.Set(ctx, albumOfferKey(in.UserID, in.AlbumID), []byte(strconv.Itoa(in.MessageID)), albumTTL); err != nil {
			h.Log.Warn("remember an album's question", "err", err) // its other photos then ask again
		}
	}
	held := strconv.Itoa(in.MessageID)
	if before, ok, err := h.State.Get(ctx, lastFollowUpKey(in.UserID)); err == nil && ok {
		held = string(before) + " " + held
	}
	if err := h.State.Set(ctx, lastFollowUpKey(in.UserID), []byte(held), followUpTTL); err != nil {
		h.Log.Warn("remember the held follow-ups", "err", err) // only a typed yes needs it
	}
	lang := ticketLang(t, chosen)
	other := txtFollowUpQuestion
	if in.Kind == PhotoMessage || h.complains(text) {
		other = txtFollowUpNewConcern
	}
	id64, msg := strconv.FormatInt(t.ID, 10), ":"+strconv.Itoa(in.MessageID)
	rows := [][]Button{{{Text: txtFollowUpSend.f(lang, t.Number()), Data: "r:conv:" + id64 + ":y" + msg}}}
	for _, o := range others {
		// "Yes, to ticket #1 (lifts)": staff wrote about that one too
		rows = append(rows, []Button{{Text: txtFollowUpSendOther.f(lang, o.Number(), h.categoryText(o.Category).in(lang)),
			Data: "r:conv:" + strconv.FormatInt(o.ID, 10) + ":y" + msg}})
	}
	rows = append(rows, []Button{{Text: other.in(lang), Data: "r:conv:" + id64 + ":n" + msg}})
	return h.send(ctx, OutMessage{ChatID: in.ChatID, ReplyTo: in.MessageID, Text: ask, Buttons: rows})
}

// followUpChoice serves "r:conv:<ticketID>:y|n:<messageID>": the held
// message goes to the ticket, or is treated as a question (text) or a new
// concern (photo).
func (h *Handler) followUpChoice(ctx context.Context, in Incoming, ticketID int64, extra, chosen string) error {
	choice, msgText, _ := strings.Cut(extra, ":")
	msgID, err := strconv.Atoi(msgText)
	if err != nil {
		return errStale
	}
	key := followUpKey(in.UserID, msgID)
	data, ok, err := h.State.Get(ctx, key)
	if err != nil {
		return fmt.Errorf("load follow-up of %d: %w", in.UserID, err)
	}
	var f followUp
	if !ok || json.Unmarshal(data, &f) != nil || (f.TicketID != ticketID && !slices.Contains(f.Others, ticketID)) ||
		(choice != "y" && choice != "n") {
		return errStale
	}
	t, err := h.ownTicket(ctx, in.UserID, ticketID)
	if err != nil {
		return err
	}
	lang := ticketLang(t, chosen)
	h.ack(ctx, in, "")
	if in.Callback != nil && in.Callback.MessageID != 0 {
		// The question is answered: its buttons go. It keeps its words and
		// shows the choice; "yes" is confirmed by the message that follows.
		done := txtFollowUpNotSent.in(lang)
		if choice == "y" {
			done = txtFollowUpAsk.f(lang, t.Number(), parties.InSentence(h.askingParty(ctx, t), lang)) + " ✅"
		}
		if err := h.Messenger.Edit(ctx, in.ChatID, in.Callback.MessageID, done, nil); err != nil {
			h.Log.Warn("clear follow-up buttons", "err", err)
		}
	}
	// the resident has said what the message was for: a waiting draft or
	// details wait take the next one again
	h.forgetStaffAsked(ctx, in.UserID)
	held := in
	held.Callback, held.UpdateID, held.MessageID = nil, f.UpdateID, f.MessageID
	held.Kind, held.Text, held.PhotoIDs = MessageKind(f.Kind), f.Text, f.PhotoIDs
	if choice == "y" {
		err := h.addDetails(ctx, held, t, chosen)
		for i, p := range f.AlbumPhotos {
			if err != nil {
				break
			}
			// the album's other photos, each its own relay with a key of
			// its own (a negative id is no real update's)
			more := held
			more.Text, more.PhotoIDs, more.UpdateID = "", []string{p}, -(f.UpdateID*100 + int64(i) + 1)
			err = h.addDetails(ctx, more, t, chosen)
		}
		if err == nil {
			err = h.State.Delete(ctx, key)
		}
		return err
	}
	if err := h.State.Delete(ctx, key); err != nil {
		return fmt.Errorf("clear follow-up: %w", err)
	}
	// Not for the ticket: the conversation is over, so the message is handled
	// as if it had just arrived (a question, a new concern) and the next one
	// is not offered to the ticket again.
	if err := h.forgetConversation(ctx, in.UserID); err != nil {
		return fmt.Errorf("clear conversation: %w", err)
	}
	held.notForTicket = true // said so: not offered to a ticket again
	held.AlbumID = f.AlbumID // its photos one matter, as when sent
	var replyLang string
	if err := h.handlePrivate(ctx, held, &replyLang); err != nil {
		return err
	}
	for i, p := range f.AlbumPhotos {
		more := held
		more.Text, more.PhotoIDs, more.UpdateID, more.MessageID = "", []string{p}, 0, f.MessageID+i+1
		if err := h.handlePrivate(ctx, more, &replyLang); err != nil {
			return err
		}
	}
	return nil
}

// joinAlbumOffer adds a photo of an album whose first photo is held with a
// question to that question; joined is false when none is held.
func (h *Handler) joinAlbumOffer(ctx context.Context, in Incoming) (bool, error) {
	first, ok, err := h.State.Get(ctx, albumOfferKey(in.UserID, in.AlbumID))
	if err != nil || !ok {
		return false, err
	}
	msgID, _ := strconv.Atoi(string(first))
	key := followUpKey(in.UserID, msgID)
	data, ok, err := h.State.Get(ctx, key)
	if err != nil || !ok {
		return false, err
	}
	var f followUp
	if err := json.Unmarshal(data, &f); err != nil {
		return false, nil
	}
	f.AlbumPhotos = appendPhoto(f.AlbumPhotos, in.PhotoIDs)
	enc, err := json.Marshal(f)
	if err != nil {
		return true, fmt.Errorf("encode follow-up: %w", err)
	}
	if err := h.State.Set(ctx, key, enc, followUpTTL); err != nil {
		return true, fmt.Errorf("save follow-up of %d: %w", in.UserID, err)
	}
	return true, nil
}

// typedFollowUpChoice takes a typed "yes" or "no" ("是的", "yes", "不是")
// as the answer to the "is this for ticket #N?" questions still waiting
// since staff last wrote, so the held messages, not the "yes", go where the
// resident says, in the order written. handled is false when nothing waits.
func (h *Handler) typedFollowUpChoice(ctx context.Context, in Incoming, text, chosen string) (bool, error) {
	data, ok, err := h.State.Get(ctx, lastFollowUpKey(in.UserID))
	if err != nil || !ok {
		return false, err
	}
	choice := "n"
	if typedReplyYes(text) || thanksAsYes(text) {
		choice = "y"
	}
	if choice == "n" && h.heldOffersSeveral(ctx, in.UserID, strings.Fields(string(data))) {
		// "不是" to "is it for #2?" when #1 was offered too: which one is
		// not said, so ask rather than make the answer a new report
		return true, h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtFollowUpPickOne.in(h.language(chosen, in))})
	}
	typed := in
	typed.Callback = nil
	handled := false
	for _, field := range strings.Fields(string(data)) {
		msgID, err := strconv.Atoi(field)
		if err != nil {
			continue
		}
		held, ok, err := h.State.Get(ctx, followUpKey(in.UserID, msgID))
		if err != nil {
			return handled, err
		}
		var f followUp
		if !ok || json.Unmarshal(held, &f) != nil {
			continue // answered by its buttons meanwhile
		}
		if err := h.followUpChoice(ctx, typed, f.TicketID, choice+":"+field, chosen); err != nil {
			return true, err // kept: a retry of this update finds the rest again
		}
		handled = true
	}
	if err := h.State.Delete(ctx, lastFollowUpKey(in.UserID)); err != nil {
		h.Log.Warn("forget the held follow-ups", "err", err) // their held messages are gone anyway
	}
	return handled, nil
}

// asksOutright reports text that is plainly a question (a question mark, 吗,
// "how do I …"): only such text, answered by the FAQ, skips the offer to
// pass it to the ticket. "好的，下午3点可以" and "yes 3pm is fine" answer the
// staff, whatever entry the matcher finds for them.
func asksOutright(text string) bool {
	// the question mark first: normalising turns punctuation into spaces
	return strings.ContainsAny(text, "?？") || plainQuestion.MatchString(faq.Normalize(text))
}

var plainQuestion = regexp.MustCompile(`[?？]|吗|什么|怎么|为什么|为啥|哪|谁|几点|几号|几时|多少|多久|` +
	`^(how|what|when|where|which|who|why|can|could|is|are|do|does|should|will|would)\b`)

// thanksAsYes: thanks typed while "is this for ticket #N?" waits means the
// held message was for staff (they thank them for asking); before, the
// message stayed held and never reached them.
func thanksAsYes(text string) bool { return classifySmallTalk(text) == thanks }

// conversationEntry reads "ticketID:unixtime" (a bare id, as written before
// the times, counts as now).
func conversationEntry(field string, now time.Time) (int64, time.Time) {
	idText, atText, hasAt := strings.Cut(field, ":")
	id, err := strconv.ParseInt(idText, 10, 64)
	if err != nil {
		return 0, time.Time{}
	}
	if !hasAt {
		return id, now
	}
	at, err := strconv.ParseInt(atText, 10, 64)
	if err != nil {
		return 0, time.Time{}
	}
	return id, time.Unix(at, 0)
}

// heldOffersSeveral: one of the held messages was offered to several tickets.
func (h *Handler) heldOffersSeveral(ctx context.Context, userID int64, fields []string) bool {
	for _, f := range h.heldFollowUps(ctx, userID, fields) {
		if len(f.Others) > 0 {
			return true
		}
	}
	return false
}

// heldFollowUps are the held messages still waiting among fields (message ids).
func (h *Handler) heldFollowUps(ctx context.Context, userID int64, fields []string) []followUp {
	var out []followUp
	for _, field := range fields {
		msgID, err := strconv.Atoi(field)
		if err != nil {
			continue
		}
		data, ok, err := h.State.Get(ctx, followUpKey(userID, msgID))
		if err != nil || !ok {
			continue
		}
		var f followUp
		if json.Unmarshal(data, &f) == nil {
			out = append(out, f)
		}
	}
	return out
}

// barePick is a message that only names a ticket: "#1", "1号", "是1号工单的",
// "给电梯那个", "路灯那张", "for the lift one".
var barePick = regexp.MustCompile(`^(是|给|发给|回复)?\s*(#?\s*\d+\s*号?\s*(工单|单子)?|[^\s]{1,6}(那个|那张|那单|那一个)(工单|单子)?)\s*(的|吧|啊)?$|` +
	`^(it s |its )?(for )?(ticket )?(#\s*\d+|the \w+ (one|ticket))$`)

// typedTicketPick takes "#1", "是1号工单的", "给路灯那个" typed while messages
// offered to several tickets wait: every held message goes to the ticket
// named (by number, or by what it is about). handled is false when no
// offer waits or the text names none of its tickets.
func (h *Handler) typedTicketPick(ctx context.Context, in Incoming, text, chosen string) (bool, error) {
	if in.notForTicket || !barePick.MatchString(faq.Normalize(text)) {
		return false, nil // "5号楼电梯困人了" is no pick, whatever it is about
	}
	data, ok, err := h.State.Get(ctx, lastFollowUpKey(in.UserID))
	if err != nil || !ok {
		return false, err
	}
	fields := strings.Fields(string(data))
	held := h.heldFollowUps(ctx, in.UserID, fields)
	if len(held) == 0 || len(held[0].Others) == 0 {
		return false, nil
	}
	ids := append([]int64{held[0].TicketID}, held[0].Others...)
	pick := int64(0)
	if n := namedTicketNumber(text); n != "" {
		for _, id := range ids {
			if strconv.FormatInt(id, 10) == n {
				pick = id
			}
		}
	} else if r := h.Router.Route(text); r.Confidence >= anotherMatterConfidence {
		for _, id := range ids {
			if t, err := h.ownTicket(ctx, in.UserID, id); err == nil && t.Category == r.Category {
				pick = id
				break
			}
		}
	}
	if pick == 0 {
		return false, nil
	}
	typed := in
	typed.Callback = nil
	for _, f := range held {
		if f.TicketID != pick && !slices.Contains(f.Others, pick) {
			continue
		}
		if err := h.followUpChoice(ctx, typed, pick, "y:"+strconv.Itoa(f.MessageID), chosen); err != nil {
			return true, err
		}
	}
	if err := h.State.Delete(ctx, lastFollowUpKey(in.UserID)); err != nil {
		h.Log.Warn("forget the held follow-ups", "err", err)
	}
	return true, nil
}

// asksAboutStaffVisit: a question about when, after staff wrote of a visit
// or a time ("已安排电工明天上午去修", then "what time tomorrow?"), asks
// them, however well the FAQ seems to answer it.
func (h *Handler) asksAboutStaffVisit(ctx context.Context, t tickets.Ticket, question string) bool {
	if !asksWhen.MatchString(faq.Normalize(question)) {
		return false
	}
	if r := h.Router.Route(question); r.Confidence >= anotherMatterConfidence && !genericCategory(r.Category) && !relatedCategories(r.Category, t.Category) {
		return false // "电梯什么时候换" asks the FAQ about another thing
	}
	evs, err := h.Tickets.TicketEvents(ctx, t.ID)
	if err != nil {
		h.Log.Warn("events for a question after staff wrote", "ticket", t.ID, "err", err)
		return false
	}
	for i := len(evs) - 1; i >= 0; i-- {
		if evs[i].Kind == tickets.EventStaffMessage {
			return staffArranged.MatchString(faq.Normalize(evs[i].Text))
		}
	}
	return false
}

var (
	asksWhen = regexp.MustCompile(`几点|什么时候|啥时候|哪天|几号|上午还是下午|多久|大概|\b(what time|when|which day|how long|morning or afternoon|roughly)\b`)
	// staffArranged: a visit stated ("明天上午去修", "师傅下午过来", "coming tomorrow")
	staffArranged = regexp.MustCompile(`(明天|今天|后天|上午|下午|晚上|周[一二三四五六日天末]|礼拜[一二三四五六日天]|\d+点)[^\s]{0,10}(上门|过来|过去|来修|去修|来看|去看|来处理|去处理|到)|上门|` +
		`\b(come|coming|visit|be there|be over|send someone)\b.{0,30}\b(tomorrow|today|morning|afternoon|evening|monday|tuesday|wednesday|thursday|friday|saturday|sunday|at \d)|\b(tomorrow|today)\b.{0,30}\b(come|coming|visit)\b`)
)
