package handlers

import (
	"context"
	"fmt"
	"strings"

	"codesk/tickets"
)

// Which of the bot's messages in a staff chat a reply under reaches the
// resident. The staff help promises that a reply to the ticket's card (the
// party's, or the desk's escalation card) answers the resident, that the
// resident's words appear under the card, and that a member goes on under
// their own relayed reply. So a reply under
//   - a card or an escalation card is relayed (a closed ticket's too, with
//     a warning: the card is how to reach the resident);
//   - the resident's relayed words or photos, or the member's own relayed
//     reply, is relayed while the ticket is open and the message belongs to
//     its current round (staff_rounds.go: a resolve ends a round, a move
//     does not);
//   - a notice (the rating, the resident's comment on it, the withdrawal:
//     purposeNotice) stays among staff whatever the ticket's status, since
//     it reports an end, not the resident's words to answer;
//   - an SLA reminder, the "cannot reach the resident" notice, and any
//     other message of a closed ticket stays among staff.
// A member whose reply stays among staff is told so and how to reach the
// resident.
// The bot's messages recorded for no ticket (/open's list, confirmations)
// are staff talk: a reply under them is left alone.

// notRelayed is what to tell a member whose reply under message purpose of
// t stays among staff, or "" when it goes to the resident (or the ticket
// has left the chat: staffReply says where it went).
func (h *Handler) notRelayed(ctx context.Context, in Incoming, t tickets.Ticket, purpose string) string {
	if _, ok := h.actingChat(t, in.ChatID); !ok {
		return ""
	}
	n := t.Number()
	switch purpose {
	case purposeCard, purposeEscalation:
		return ""
	case purposeReminder:
		if waitsForStaff(t) {
			return fmt.Sprintf(staffNotRelayedReminder, n)
		}
		if t.Status.Open() {
			return fmt.Sprintf(staffNotRelayedNotice, n)
		}
	case purposeUnreachable, purposeNotice:
		if t.Status.Open() {
			return fmt.Sprintf(staffNotRelayedNotice, n)
		}
	}
	if !t.Status.Open() {
		return fmt.Sprintf(staffOwnMessageClosed, n, t.Status.Name("zh"))
	}
	if purpose == purposeEarlierStaffReply || (purpose == purposeRelay && h.earlierRound(ctx, in, t)) {
		return fmt.Sprintf(staffNotRelayedEarlier, n)
	}
	return ""
}

// purposeNotice marks the bot's notices of a ticket's end in a staff chat
// (the rating, the resident's comment on it, the withdrawal): a reply under
// one is never relayed (notRelayed), even once the ticket is reopened.
const purposeNotice = "notice"

// purposeEarlierStaffReply is what staffReply takes a member's own message
// of an earlier round of the ticket for (ownStaffMessage): never stored.
const purposeEarlierStaffReply = "staff_reply_earlier"

// earlierRound reports a reply under a message older than where t's
// current round began in the chat (staff_rounds.go): its live card there
// (liveCards: its card, or its escalation card in the desk's chat), or an
// earlier card of the round noted before a move. Such a message is from
// before the ticket was reopened, such as the resident's words of the last
// round.
func (h *Handler) earlierRound(ctx context.Context, in Incoming, t tickets.Ticket) bool {
	live, err := h.liveCards(ctx, t)
	if err != nil {
		h.Log.Warn("find ticket cards for a staff reply", "ticket", t.ID, "err", err)
	}
	for _, card := range live {
		if card.ChatID == in.ChatID {
			start := card.MessageID
			if noted := h.roundStart(ctx, t, in.ChatID); noted != 0 && noted < start {
				start = noted
			}
			return in.ReplyTo < start
		}
	}
	return false
}

// keepAmongStaff answers a reply that notRelayed keeps among staff with
// notice. A remark marked internal needs no telling (an open ticket keeps
// it as a note); a sticker or voice note under a notice is a reaction; an
// album is told once.
func (h *Handler) keepAmongStaff(ctx context.Context, in Incoming, t tickets.Ticket, notice string) error {
	body := withoutBotMention(strings.TrimSpace(in.Text), h.BotUsername)
	if internalRemark(body) {
		if t.Status.Open() {
			var photo string
			if len(in.PhotoIDs) > 0 {
				photo = in.PhotoIDs[len(in.PhotoIDs)-1]
			}
			h.keepStaffNote(ctx, in, t, body, photo)
		}
		return nil
	}
	if in.Kind != TextMessage && in.Kind != PhotoMessage {
		return nil
	}
	if in.AlbumID != "" {
		first, err := h.State.Claim(ctx, fmt.Sprintf("albumkept:%d:%s", in.ChatID, in.AlbumID), albumTTL)
		if err != nil {
			h.Log.Warn("remember an album kept among staff", "chat_id", in.ChatID, "err", err)
		} else if !first {
			return nil
		}
	}
	h.Log.Info("staff reply kept among staff", "ticket", t.ID, "chat_id", in.ChatID, "reply_to", in.ReplyTo)
	return h.send(ctx, OutMessage{ChatID: in.ChatID, ReplyTo: in.MessageID, Text: notice})
}
