package handlers

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"codesk/msgsplit"
	"codesk/parties"
	"codesk/storage"
	"codesk/tickets"
)

// Outbox purposes: what a delivered message is, so a reply to it can be
// mapped back to its ticket (storage.TicketByMessage).
const (
	purposeCard     = "card"     // the ticket card in a party chat; staff reply to it
	purposeRelay    = "relay"    // resident text or photos relayed to a party chat; staff reply to it
	purposeResident = "resident" // a message to the resident; the resident replies to it
	// a member's relayed reply, or the bot's confirmation under it
	// (staff_own_messages.go): that member replies to it
	purposeStaffReply = "staff_reply"
)

// Telegram's limits (design.md): captions are shorter than messages.
const (
	maxCaptionRunes = msgsplit.MaxCaptionUnits
	maxMessageRunes = msgsplit.MaxMessageUnits
)

// keyAck, keyCard and keyEvent are outbox idempotency keys: enqueueing an
// existing key is a no-op, so a retried action never sends twice.
func keyAck(id int64) string { return fmt.Sprintf("ticket:%d:ack", id) }

func keyCard(id int64, party parties.ID) string { return fmt.Sprintf("ticket:%d:card:%s", id, party) }

func keyEvent(id int64, nonce, part string) string {
	return fmt.Sprintf("ticket:%d:ev:%s:%s", id, nonce, part)
}

// nonce names one user action for outbox keys: the transport's update id
// when there is one (a redelivered update then enqueues nothing new), else
// random.
func nonce(in Incoming) string {
	if in.UpdateID != 0 {
		return "u" + strconv.FormatInt(in.UpdateID, 10)
	}
	return "n" + randomHex(8)
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // never fails (crypto/rand docs)
	return hex.EncodeToString(b)
}

func outboxButtons(rows [][]Button) [][]storage.OutboxButton {
	if len(rows) == 0 {
		return nil
	}
	out := make([][]storage.OutboxButton, len(rows))
	for i, row := range rows {
		for _, b := range row {
			out[i] = append(out[i], storage.OutboxButton{Text: b.Text, Data: b.Data})
		}
	}
	return out
}

// toResident is a message about ticket t to its resident. Its text is not
// clipped: a staff member's words reach the resident whole (withPhotos and
// inParts cut a long one into outbox messages of their own).
func toResident(t tickets.Ticket, key, body string, buttons [][]Button) storage.OutboxMessage {
	return storage.OutboxMessage{
		Key: key, ChatID: t.ChatID, Text: body, Buttons: outboxButtons(buttons),
		TicketID: t.ID, Purpose: purposeResident,
	}
}

// withPhotos sends photos with m's text: as the first photo's caption when
// it fits one, else as its own message ahead of them, so nothing is cut. Each
// outbox message stays one Telegram message, and every one of them maps back
// to the ticket (a reply to any of them reaches it).
func withPhotos(m storage.OutboxMessage, photos []string) []storage.OutboxMessage {
	if len(photos) == 0 {
		return inParts(m)
	}
	var msgs []storage.OutboxMessage
	base, caption := m.Key, m.Text
	if msgsplit.Len(m.Text) > maxCaptionRunes {
		msgs, caption = inParts(m), ""
	}
	for i, p := range photos {
		pm := m
		pm.Key, pm.PhotoID, pm.Text = fmt.Sprintf("%s:%d", base, i), p, ""
		if i == 0 {
			pm.Text = caption
		}
		if len(msgs) > 0 || i > 0 {
			pm.Buttons = nil // buttons stay on the first message
		}
		msgs = append(msgs, pm)
	}
	return msgs
}

// cardMessages are the staff card of t for chatID and, after it, the
// ticket's other photos. The card shows the first photo when its text fits
// a caption.
func cardMessages(t tickets.Ticket, chatID int64, key, title string, cat text) []storage.OutboxMessage {
	return cardMessagesWith(t, chatID, key, title, cat, "")
}

// cardMessagesWith is cardMessages with what was said on the ticket so far
// (conversationSoFar) under the resident's text: a reassigned ticket's new
// party sees the questions already asked and answered.
func cardMessagesWith(t tickets.Ticket, chatID int64, key, title string, cat text, history string) []storage.OutboxMessage {
	body := cardText(t, title, cat)
	if history != "" {
		body += "\n" + history
	}
	card := storage.OutboxMessage{
		Key: key, ChatID: chatID, Buttons: outboxButtons(staffButtons(t)),
		TicketID: t.ID, Purpose: purposeCard,
	}
	rest := t.PhotoIDs
	// Telegram counts a caption in UTF-16 units (an emoji is two): a card
	// whose text only fits in runes would go as a photo plus a separate text,
	// two messages where one send in doubt could be looked for.
	if len(t.PhotoIDs) > 0 && msgsplit.Len(body) <= maxCaptionRunes {
		card.PhotoID, rest = t.PhotoIDs[0], t.PhotoIDs[1:]
	}
	card.Text = clipUnits(body, maxMessageRunes)
	msgs := []storage.OutboxMessage{card}
	total := len(t.PhotoIDs)
	for i, p := range rest {
		n := total - len(rest) + i + 1
		msgs = append(msgs, storage.OutboxMessage{
			Key: fmt.Sprintf("%s:photo%d", key, n), ChatID: chatID, PhotoID: p,
			Text: fmt.Sprintf(staffCardPhotoN, t.Number(), n, total, n, total), TicketID: t.ID, Purpose: purposeRelay,
		})
	}
	return msgs
}

// inParts splits a text over Telegram's limit into outbox messages of its
// own (keys key, key:p2, …; the reply-to on the first, buttons on the
// last): one outbox row per Telegram message, so a retried part is not sent
// twice and a reply to any part finds the ticket.
func inParts(m storage.OutboxMessage) []storage.OutboxMessage {
	chunks := msgsplit.Split(m.Text, msgsplit.MaxMessageUnits)
	if len(chunks) == 1 {
		return []storage.OutboxMessage{m}
	}
	msgs := make([]storage.OutboxMessage, len(chunks))
	for i, chunk := range chunks {
		part := m
		part.Text = chunk
		if i > 0 {
			part.Key, part.ReplyTo = fmt.Sprintf("%s:p%d", m.Key, i+1), 0
		}
		if i < len(chunks)-1 {
			part.Buttons = nil
		}
		msgs[i] = part
	}
	return msgs
}

// relayToStaff relays a resident's text and photos to a party chat, replying
// to the card when its message id is known.
func relayToStaff(t tickets.Ticket, chatID int64, replyTo int, keyBase, body string, photos []string) []storage.OutboxMessage {
	text := fmt.Sprintf(staffResidentAdded, t.Number(), body)
	return withPhotos(storage.OutboxMessage{Key: keyBase, ChatID: chatID, Text: text,
		ReplyTo: replyTo, TicketID: t.ID, Purpose: purposeRelay}, photos)
}

// clip bounds s to max runes, marking the cut.
func clip(s string, max int) string {
	r := []rune(s)
	if len(r) <= max {
		return s
	}
	return string(r[:max-1]) + "…"
}

// clipUnits bounds s to max UTF-16 units, as Telegram counts a message's
// length (an emoji is two), marking the cut: a row clipped to
// maxMessageRunes this way stays one Telegram message.
func clipUnits(s string, max int) string {
	if msgsplit.Len(s) <= max {
		return s
	}
	units := 0
	for i, r := range s {
		n := msgsplit.Len(string(r))
		if units+n > max-1 { // room for the one-unit "…"
			return s[:i] + "…"
		}
		units += n
	}
	return s
}

// cardText is a ticket card for staff: bilingual labels, the resident's text
// verbatim.
func cardText(t tickets.Ticket, title string, cat text) string {
	return cardTextWithHint(t, title, cat, staffCardHint)
}

// cardTextWithHint is cardText with another hint under an open ticket (the
// desk's escalated card says what the desk may do).
func cardTextWithHint(t tickets.Ticket, title string, cat text, hint string) string {
	var b strings.Builder
	if t.Status.Open() && emergencyIn(t.Text) != noEmergency {
		b.WriteString(staffCardUrgent + "\n")
	}
	b.WriteString(title)
	b.WriteString("\n")
	fmt.Fprintf(&b, staffCardFields, cat.zh, cat.en,
		parties.Name(t.Party, "zh"), parties.Name(t.Party, "en"), t.Status.StaffName())
	if t.Assignee != "" {
		b.WriteString("\n")
		fmt.Fprintf(&b, staffCardAssignee, t.Assignee)
	}
	if t.Location != "" {
		b.WriteString("\n")
		fmt.Fprintf(&b, staffCardLocation, t.Location)
	}
	if len(t.PhotoIDs) > 0 {
		b.WriteString("\n")
		fmt.Fprintf(&b, staffCardPhotos, len(t.PhotoIDs))
	}
	b.WriteString("\n——\n")
	b.WriteString(t.Text)
	if t.Translation != "" {
		b.WriteString("\n" + staffCardTranslation + "\n" + t.Translation)
	}
	b.WriteString("\n——\n")
	if t.Status.Open() {
		b.WriteString(hint)
		if t.Lang == "en" {
			b.WriteString("\n" + staffCardWritesEnglish)
		}
	}
	return b.String()
}

// staffButtons are the card's buttons for the ticket's status.
func staffButtons(t tickets.Ticket) [][]Button {
	id := strconv.FormatInt(t.ID, 10)
	var row []Button
	if tickets.CanTransition(t.Status, tickets.StatusClaimed) && t.Status != tickets.StatusWaiting {
		row = append(row, Button{Text: staffBtnClaim, Data: "s:claim:" + id})
	}
	if t.Status.Open() {
		row = append(row, Button{Text: staffBtnReassign, Data: "s:reassign:" + id})
	}
	if tickets.CanTransition(t.Status, tickets.StatusResolved) {
		row = append(row, Button{Text: staffBtnResolve, Data: "s:askresolve:" + id})
	}
	if len(row) == 0 {
		return nil
	}
	return [][]Button{row}
}

// conversationSoFar lists what staff and the resident wrote on a ticket,
// the latest maxHistoryLines, each clipped; "" when nothing was.
func conversationSoFar(evs []tickets.Event) string {
	var lines []string
	for _, e := range evs {
		text := strings.TrimSpace(e.Text)
		if len(e.PhotoIDs) > 0 {
			text = strings.TrimSpace(text + " 📷")
		}
		if text == "" {
			continue
		}
		switch e.Kind {
		case tickets.EventStaffMessage:
			lines = append(lines, fmt.Sprintf(staffHistoryStaff, e.Actor, clip(text, 200)))
		case tickets.EventResidentMessage:
			lines = append(lines, fmt.Sprintf(staffHistoryResident, clip(text, 200)))
		case tickets.EventStaffNote:
			lines = append(lines, fmt.Sprintf(staffHistoryNote, e.Actor, clip(text, 200)))
		}
	}
	if len(lines) == 0 {
		return ""
	}
	lines = lines[max(0, len(lines)-maxHistoryLines):]
	return staffHistoryTitle + "\n" + strings.Join(lines, "\n")
}

// earlierPhotos are the photos sent since the ticket was filed (the
// resident's, staff's, internal ones), for the card of the party it moved
// to: the conversation's lines say "📷", these show them.
func earlierPhotos(t tickets.Ticket, chatID int64, key string, evs []tickets.Event) []storage.OutboxMessage {
	var photos []string
	for _, e := range evs {
		switch e.Kind {
		case tickets.EventResidentMessage, tickets.EventStaffMessage, tickets.EventStaffNote:
			for _, p := range e.PhotoIDs {
				if !slices.Contains(photos, p) && !slices.Contains(t.PhotoIDs, p) {
					photos = append(photos, p)
				}
			}
		}
	}
	photos = photos[max(0, len(photos)-maxEarlierPhotos):]
	var msgs []storage.OutboxMessage
	for i, p := range photos {
		msgs = append(msgs, storage.OutboxMessage{
			Key: fmt.Sprintf("%s:earlier%d", key, i+1), ChatID: chatID, PhotoID: p,
			Text: fmt.Sprintf(staffCardEarlierPhoto, t.Number(), i+1, len(photos), i+1, len(photos)), TicketID: t.ID, Purpose: purposeRelay,
		})
	}
	return msgs
}

// maxEarlierPhotos bounds the photos a moved card brings along (the latest).
const maxEarlierPhotos = 10

// maxHistoryLines bounds the conversation a moved card carries.
const maxHistoryLines = 8
