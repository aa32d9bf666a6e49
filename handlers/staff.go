package handlers

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"time"

	"codesk/faq"
	"codesk/parties"
	"codesk/storage"
	"codesk/tickets"
)

// staffCardTicket titles a card redrawn after a staff action.
const staffCardTicket = "📋 工单 %s（Ticket）"

// staffCallback serves "s:<action>:<ticketID>[:<party>]" presses on ticket
// cards. Only the ticket's party chat, and in it only that party's staff,
// may act; anything else is refused with a notice and logged.
func (h *Handler) staffCallback(ctx context.Context, in Incoming) error {
	rest := strings.TrimPrefix(in.Callback.Data, "s:")
	action, args, _ := strings.Cut(rest, ":")
	idText, extra, _ := strings.Cut(args, ":")
	id, err := strconv.ParseInt(idText, 10, 64)
	if !h.ticketsEnabled() || err != nil || id <= 0 {
		h.refuseStaff(ctx, in, staffStale, "malformed staff callback")
		return nil
	}
	t, err := h.Tickets.Ticket(ctx, id)
	if errors.Is(err, storage.ErrNotFound) {
		h.refuseStaff(ctx, in, staffStale, "staff callback for unknown ticket")
		return nil
	}
	if err != nil {
		h.ack(ctx, in, staffSomethingWrong)
		return fmt.Errorf("load ticket %d: %w", id, err)
	}
	pressed, err := h.pressedPurpose(ctx, in, t)
	if err != nil {
		h.ack(ctx, in, staffSomethingWrong)
		return err
	}
	chat, ok := h.actingChat(t, in.ChatID)
	if !ok || in.Chat != GroupChat {
		if pressed != "" && in.Chat == GroupChat {
			// a card or reminder of the ticket's, in a chat it has left:
			// say where it is rather than a bare "stale"
			notice := fmt.Sprintf(staffNowWith, t.Number(), parties.Name(t.Party, "zh"), parties.Name(t.Party, "en"))
			if h.ensureOwnCard(ctx, t) {
				notice = cardPostedThere(t) // it never left: its party's chat had none
			}
			h.refuseStaff(ctx, in, notice, "press in a chat the ticket has left")
			switch pressed {
			case purposeReminder:
				h.retireReminders(ctx, t)
			case purposeMenu:
				h.closeMenuMessage(ctx, in.ChatID, in.Callback.MessageID, t)
			}
			return nil
		}
		h.refuseStaff(ctx, in, staffStale, "staff callback from a chat that does not own the ticket")
		return nil
	}
	allowed, err := h.mayAct(ctx, in.UserID, t.Party, chat)
	if err != nil {
		h.Log.Warn("membership check failed", "chat_id", chat, "user_id", in.UserID, "err", err)
		h.ack(ctx, in, staffCheckFailed)
		return nil
	}
	if !allowed {
		h.refuseStaff(ctx, in, staffNotAllowed, "staff action by a non-member")
		return nil
	}
	// The press proves the card arrived: if its send was cut short, record
	// it before the card changes, or the sender would not recognise it and
	// post it again.
	if ok, err := h.Tickets.ConfirmOutboxByPress(ctx, in.ChatID, in.Callback.MessageID, in.Callback.Data, h.Now()); err != nil {
		h.Log.Warn("confirm pressed card", "ticket", t.ID, "err", err)
	} else if ok {
		h.Log.Info("card in doubt confirmed by a press", "ticket", t.ID, "chat_id", in.ChatID, "message_id", in.Callback.MessageID)
		// recorded now: checked as the card it is
		if pressed, err = h.pressedPurpose(ctx, in, t); err != nil {
			h.ack(ctx, in, staffSomethingWrong)
			return err
		}
	}
	if pressed == purposeReminder {
		if err := h.reminderPress(ctx, in, t, action); err != nil {
			return err
		}
		if now, err := h.Tickets.Ticket(ctx, t.ID); err == nil {
			h.ensureOwnCard(ctx, now) // claimed here: the card to act on comes here too
		}
		return nil
	}
	card, older, err := h.pressedCard(ctx, in, t, pressed)
	if err != nil {
		h.ack(ctx, in, staffSomethingWrong)
		return fmt.Errorf("staff press on ticket %d: %w", t.ID, err)
	}
	if pressed == purposeMenu {
		// a menu sent apart from its card: used or stale, it closes; a
		// pick from it acts for its card, which is redrawn as if pressed
		menu := in.Callback.MessageID
		defer h.closeMenuMessage(ctx, in.ChatID, menu, t)
		if !older {
			cb := *in.Callback
			cb.MessageID = card.MessageID
			in.Callback = &cb
		}
	}
	if older {
		h.refuseStaff(ctx, in, fmt.Sprintf(staffOlderCard, t.Number()), "press on a card the ticket has left or a newer card replaced")
		if card.MessageID != 0 {
			// a client still showing its buttons: they go now
			h.retireCards(ctx, Incoming{}, t, []storage.MessageRef{card}, h.movedNotes(t))
		}
		return nil
	}
	switch action {
	case "claim":
		return h.claim(ctx, in, t)
	case "askresolve":
		return h.confirmResolve(ctx, in, t)
	case "resolve":
		_, stamp := splitStamp(extra, false)
		return h.resolve(ctx, in, t, stamp)
	case "reassign":
		return h.offerReassign(ctx, in, t)
	case "back":
		h.ack(ctx, in, "")
		h.editCard(ctx, in, t, "")
		return nil
	case "to":
		code, stamp := splitStamp(extra, true)
		p, ok := partyCodes[code]
		if !ok {
			h.refuseStaff(ctx, in, staffStale, "reassign to an unknown party")
			return nil
		}
		return h.reassign(ctx, in, t, p, stamp)
	}
	h.refuseStaff(ctx, in, staffStale, "unknown staff action")
	return nil
}

// pressedPurpose is what the pressed message is to t (purposeCard,
// purposeReminder, purposeMenu, ...), or "" when it is no message of t's
// we know of.
func (h *Handler) pressedPurpose(ctx context.Context, in Incoming, t tickets.Ticket) (string, error) {
	if in.Callback == nil || in.Callback.MessageID == 0 {
		return "", nil
	}
	pressed, purpose, err := h.Tickets.TicketByMessage(ctx, in.ChatID, in.Callback.MessageID)
	switch {
	case errors.Is(err, storage.ErrNotFound):
		return "", nil
	case err != nil:
		return "", fmt.Errorf("ticket of pressed message %d in %d: %w", in.Callback.MessageID, in.ChatID, err)
	case pressed.ID != t.ID:
		return "", nil
	}
	return purpose, nil
}

// actingChat is chat when staff there may act on t: the ticket's party chat,
// or the co-office chat once the ticket was escalated to it (SLA).
func (h *Handler) actingChat(t tickets.Ticket, chat int64) (int64, bool) {
	if own, ok := h.staffChat(t.Party); ok && own == chat {
		return chat, true
	}
	if co, ok := h.deskChat(); ok && t.EscalatedAt != nil && co == chat {
		return chat, true
	}
	return 0, false
}

// actingParty is whom the resident hears from when staff act from chat: the
// co-office desk when it acts on a ticket escalated to it, else the
// ticket's party.
func (h *Handler) actingParty(t tickets.Ticket, chat int64) parties.ID {
	if own, ok := h.staffChat(t.Party); ok && own == chat {
		return t.Party
	}
	if co, ok := h.deskChat(); ok && co == chat {
		return parties.CoOffice
	}
	return t.Party
}

// mayAct: staff listed in the configuration for the party (or for the
// co-office when the card is in the co-office chat), or members of the chat.
func (h *Handler) mayAct(ctx context.Context, userID int64, party parties.ID, chat int64) (bool, error) {
	if h.Parties != nil {
		coChat, _ := h.deskChat()
		for _, p := range h.Parties.StaffOf(userID) {
			if p == party || (p == parties.CoOffice && chat == coChat) {
				return true, nil
			}
		}
	}
	if h.Membership == nil {
		return false, nil
	}
	ok, err := h.Membership.IsMember(ctx, chat, userID)
	if err != nil {
		return false, fmt.Errorf("membership of %d in %d: %w", userID, chat, err)
	}
	return ok, nil
}

func (h *Handler) refuseStaff(ctx context.Context, in Incoming, notice, why string) {
	level := slog.LevelInfo // a late or double press: everyday
	if notice == staffNotAllowed {
		level = slog.LevelWarn // someone outside the party tried to act
	}
	h.Log.Log(ctx, level, "refused staff action", "why", why, "chat_id", in.ChatID, "user_id", in.UserID, "data", in.Callback.Data)
	h.ack(ctx, in, notice)
}

// staffChange runs a ticket change and turns refusals into notices; ok is
// false when the change was refused.
func (h *Handler) staffChange(ctx context.Context, in Incoming, t tickets.Ticket,
	change func(cur tickets.Ticket) (tickets.Ticket, []tickets.Event, []storage.OutboxMessage, error),
) (tickets.Ticket, bool, error) {
	updated, err := h.Tickets.UpdateTicket(ctx, t.ID, func(cur tickets.Ticket) (tickets.Ticket, []tickets.Event, []storage.OutboxMessage, error) {
		if cur.Party != t.Party {
			return cur, nil, nil, errMoved
		}
		return change(cur)
	})
	switch {
	case errors.Is(err, tickets.ErrIllegalTransition):
		cur, _ := h.Tickets.Ticket(ctx, t.ID)
		h.refuseStaff(ctx, in, refusalNotice(staffAction(in), cur), err.Error())
		return t, false, nil
	case errors.Is(err, errMenuChanged):
		cur, err := h.Tickets.Ticket(ctx, t.ID)
		if err != nil {
			h.ack(ctx, in, staffSomethingWrong)
			return t, false, fmt.Errorf("reload ticket %d: %w", t.ID, err)
		}
		h.staleMenu(ctx, in, cur)
		return t, false, nil
	case errors.Is(err, errMoved):
		h.refuseStaff(ctx, in, staffStale, "ticket moved meanwhile")
		return t, false, nil
	case errors.Is(err, errAlreadyThere):
		h.refuseStaff(ctx, in, staffAlreadyThere, "reassign to the same party")
		return t, false, nil
	case err != nil:
		h.ack(ctx, in, staffSomethingWrong)
		return t, false, fmt.Errorf("update ticket %d: %w", t.ID, err)
	}
	h.ack(ctx, in, staffDone)
	return updated, true, nil
}

// claim makes the presser the assignee of a new or reopened ticket.
func (h *Handler) claim(ctx context.Context, in Incoming, t tickets.Ticket) error {
	updated, ok, err := h.claimTicket(ctx, in, t)
	if err != nil || !ok {
		return err
	}
	h.editCard(ctx, in, updated, "")
	h.redrawOtherCards(ctx, in, updated)
	h.retireReminders(ctx, updated)
	return nil
}

// claimTicket stores the claim and tells the resident; ok is false when it
// was refused (the presser has been told).
func (h *Handler) claimTicket(ctx context.Context, in Incoming, t tickets.Ticket) (tickets.Ticket, bool, error) {
	key, now := keyEvent(t.ID, nonce(in), "claimed"), h.Now()
	return h.staffChange(ctx, in, t, func(cur tickets.Ticket) (tickets.Ticket, []tickets.Event, []storage.OutboxMessage, error) {
		if cur.Status != tickets.StatusNew && cur.Status != tickets.StatusReopened {
			return cur, nil, nil, fmt.Errorf("%w: %s -> %s", tickets.ErrIllegalTransition, cur.Status, tickets.StatusClaimed)
		}
		ev := statusEvent(cur, tickets.StatusClaimed, in, now)
		cur.Status, cur.AssigneeID, cur.Assignee, cur.UpdatedAt = tickets.StatusClaimed, in.UserID, staffName(in), now
		lang := ticketLang(cur, "")
		msg := toResident(cur, key, txtClaimedNotice.f(lang, cur.Number(), parties.InSentence(h.actingParty(cur, in.ChatID), lang)), nil)
		return cur, []tickets.Event{ev}, []storage.OutboxMessage{msg}, nil
	})
}

// resolve marks the ticket done; the resident is asked to rate it and may
// reopen it. A confirmation carrying a stamp (menuStamp) resolves only the
// ticket as it was when the confirmation was drawn.
func (h *Handler) resolve(ctx context.Context, in Incoming, t tickets.Ticket, stamp string) error {
	key, now := keyEvent(t.ID, nonce(in), "resolved"), h.Now()
	partyChat, partyOK := h.staffChat(t.Party)
	var partyCard int
	if partyOK {
		partyCard = h.cardRef(ctx, t.ID, partyChat)
	}
	updated, ok, err := h.staffChange(ctx, in, t, func(cur tickets.Ticket) (tickets.Ticket, []tickets.Event, []storage.OutboxMessage, error) {
		if err := tickets.CheckTransition(cur.Status, tickets.StatusResolved); err != nil {
			return cur, nil, nil, err
		}
		if stamp != "" && stamp != menuStamp(cur) {
			return cur, nil, nil, errMenuChanged
		}
		ev := statusEvent(cur, tickets.StatusResolved, in, now)
		ev.Actor = staffName(in) // the card names who resolved it
		var msgs []storage.OutboxMessage
		if cur.AssigneeID != 0 && cur.AssigneeID != in.UserID && partyOK {
			// a colleague closed what another member holds, who may be
			// arranging a visit still: a card edit far up tells no one
			by := staffName(in)
			msgs = append(msgs, storage.OutboxMessage{Key: key + ":claimer", ChatID: partyChat, ReplyTo: partyCard,
				Text:     fmt.Sprintf(staffResolvedByColleague, cur.Number(), by, cur.Assignee, cur.Number(), by, cur.Assignee),
				TicketID: cur.ID, Purpose: purposeNotice, CreatedAt: now})
		}
		cur.Status, cur.UpdatedAt = tickets.StatusResolved, now
		cur.ResolvedAt = &now
		if cur.AssigneeID == 0 {
			cur.AssigneeID, cur.Assignee = in.UserID, staffName(in)
		}
		lang := ticketLang(cur, "")
		buttons := [][]Button{ratingRow(cur)}
		buttons = append(buttons, reopenButtons(cur, lang, now)...)
		notice := txtResolvedNotice
		if cur.Category == QuestionCategory {
			notice = txtQuestionAnsweredNotice
		}
		msg := toResident(cur, key, notice.f(lang, cur.Number(), parties.InSentence(h.actingParty(cur, in.ChatID), lang)), buttons)
		return cur, []tickets.Event{ev}, append([]storage.OutboxMessage{msg}, msgs...), nil
	})
	if err != nil || !ok {
		return err
	}
	h.editCard(ctx, in, updated, "")
	h.redrawOtherCards(ctx, in, updated)
	return nil
}

// confirmResolve asks before resolving: the resident is told at once and
// asked to rate, so a slip of the finger next to "Reassign" must not do it.
func (h *Handler) confirmResolve(ctx context.Context, in Incoming, t tickets.Ticket) error {
	if !tickets.CanTransition(t.Status, tickets.StatusResolved) {
		h.refuseStaff(ctx, in, refusalNotice("askresolve", t), "resolve in a status that cannot be")
		return nil
	}
	return h.askOnCard(ctx, in, t, menuResolve)
}

// offerReassign swaps the card's buttons for the other parties.
func (h *Handler) offerReassign(ctx context.Context, in Incoming, t tickets.Ticket) error {
	if !t.Status.Open() {
		h.refuseStaff(ctx, in, refusalNotice("reassign", t), "reassign a closed ticket")
		return nil
	}
	return h.askOnCard(ctx, in, t, menuReassign)
}

// askOnCard opens menu (cardMenu) on the pressed card, under its text, and
// remembers it open so that a redraw meanwhile (the resident answered,
// another card was pressed) keeps it. When Telegram will never let the card
// be edited (cannotEdit), the menu goes as a reply to it, recorded
// (sendMenuMessage); when the edit failed otherwise (429, a timeout), the
// member is asked to press again. It answers the press.
func (h *Handler) askOnCard(ctx context.Context, in Incoming, t tickets.Ticket, menu string) error {
	question, rows, _ := cardMenu(t, menu) // the callers checked the status
	msg := in.Callback.MessageID
	// remembered first: a redraw racing with the edit then keeps it too
	h.openMenu(ctx, in.ChatID, msg, menu)
	err := h.Messenger.Edit(ctx, in.ChatID, msg, h.cardBody(ctx, t)+"\n"+question, rows)
	if err == nil {
		h.ack(ctx, in, "")
		return nil
	}
	h.closeMenu(ctx, in.ChatID, msg)
	if !cannotEdit(err) {
		h.ack(ctx, in, staffSomethingWrong)
		return fmt.Errorf("ticket %d: open the %s menu on card %d: %w", t.ID, menu, msg, err)
	}
	h.Log.Info("card cannot be edited: its menu goes as a reply", "ticket", t.ID, "chat_id", in.ChatID, "message_id", msg, "err", err)
	if err := h.sendMenuMessage(ctx, in, t, question, rows); err != nil {
		h.ack(ctx, in, staffSomethingWrong)
		return err
	}
	h.ack(ctx, in, "")
	return nil
}

// reassign moves the ticket to party p: back to new, unassigned; a fresh
// card goes to p's chat, the old card says where it went, the resident is
// told. A pick carrying a stamp (menuStamp) moves only the ticket as it was
// when the menu was drawn.
func (h *Handler) reassign(ctx context.Context, in Incoming, t tickets.Ticket, p parties.ID, stamp string) error {
	n, now := nonce(in), h.Now()
	cat := h.categoryText(t.Category)
	past, err := h.Tickets.TicketEvents(ctx, t.ID)
	if err != nil {
		return fmt.Errorf("events of ticket %d: %w", t.ID, err)
	}
	history := conversationSoFar(past)
	// the cards before the move, read before it: the new party's card may
	// be delivered (and recorded) while the pressed one is being redrawn
	before, err := h.Tickets.TicketMessages(ctx, t.ID, purposeCard, purposeEscalation)
	if err != nil {
		h.Log.Warn("find ticket cards to retire", "ticket", t.ID, "err", err)
	}
	live, err := h.liveCards(ctx, t)
	if err != nil {
		h.Log.Warn("find ticket cards a move keeps in its round", "ticket", t.ID, "err", err)
	}
	updated, ok, err := h.staffChange(ctx, in, t, func(cur tickets.Ticket) (tickets.Ticket, []tickets.Event, []storage.OutboxMessage, error) {
		if cur.Party == p {
			return cur, nil, nil, errAlreadyThere
		}
		if !cur.Status.Open() {
			return cur, nil, nil, fmt.Errorf("%w: reassign in status %s", tickets.ErrIllegalTransition, cur.Status)
		}
		if stamp != "" && stamp != menuStamp(cur) {
			return cur, nil, nil, errMenuChanged
		}
		from, by := cur.Party, h.actingParty(cur, in.ChatID)
		evs := []tickets.Event{{TicketID: cur.ID, Kind: tickets.EventReassigned, ActorID: in.UserID, Actor: staffName(in),
			FromParty: from, ToParty: p, At: now}}
		if cur.Status != tickets.StatusNew {
			if err := tickets.CheckTransition(cur.Status, tickets.StatusNew); err != nil {
				return cur, nil, nil, err
			}
			evs = append(evs, statusEvent(cur, tickets.StatusNew, in, now))
			cur.Status = tickets.StatusNew
		}
		cur.Party, cur.AssigneeID, cur.Assignee, cur.UpdatedAt = p, 0, "", now
		// the escalation was about the old party's delay: the desk's right
		// to act ends with the move (a new delay escalates anew)
		cur.EscalatedAt = nil
		lang := ticketLang(cur, "")
		msgs := []storage.OutboxMessage{toResident(cur, keyEvent(cur.ID, n, "moved"),
			txtReassignedNotice.f(lang, cur.Number(), parties.InSentence(p, lang)), nil)}
		if chat, ok := h.staffChat(p); ok {
			title := fmt.Sprintf(staffCardMoved, cur.Number(), parties.Name(from, "zh"), parties.Name(from, "en"))
			if by != from {
				// the desk moved another party's ticket: the new party
				// hears from whom to ask why, and whose it was
				title = fmt.Sprintf(staffCardMovedBy, cur.Number(), parties.Name(by, "zh"), parties.Name(from, "zh"),
					parties.Name(by, "en"), parties.Name(from, "en"))
			}
			key := keyCard(cur.ID, p) + ":" + n
			msgs = append(msgs, cardMessagesWith(cur, chat, key, title, cat, history)...)
			msgs = append(msgs, earlierPhotos(cur, chat, key, past)...)
		} else {
			h.Log.Error("no staff chat configured: reassigned card not delivered", "ticket", cur.ID, "party", p)
		}
		return cur, evs, msgs, nil
	})
	if err != nil || !ok {
		return err
	}
	h.noteRoundStarts(ctx, t, live) // the move's new card starts no round
	noteIn := h.movedNotes(updated)
	h.editCard(ctx, in, updated, noteIn(in.ChatID)) // the card says where it is now, not where it was
	h.retireCards(ctx, in, updated, before, noteIn)
	h.retireReminders(ctx, updated)
	return nil
}

// movedNotes is the note a card of t retired by its move shows in a chat:
// where t went, or, in the chat of the party it went to (the desk taking
// an escalated ticket on itself), that the new card below is the one to
// act on.
func (h *Handler) movedNotes(t tickets.Ticket) func(chat int64) string {
	away := fmt.Sprintf(staffCardMovedAway, parties.Name(t.Party, "zh"), parties.Name(t.Party, "en"))
	here := fmt.Sprintf(staffCardNowHere, parties.Name(t.Party, "zh"), parties.Name(t.Party, "en"))
	newChat, ok := h.staffChat(t.Party)
	return func(chat int64) string {
		if ok && chat == newChat {
			return here
		}
		return away
	}
}

// retireCards redraws refs, the cards t had before its move, but the
// pressed one (editCard's), with their chat's note (noteIn) and no buttons:
// no old card in the party's or the desk's chat offers to claim a ticket
// that is no longer theirs. Best effort: a stale card's press is refused
// anyway.
func (h *Handler) retireCards(ctx context.Context, in Incoming, t tickets.Ticket, refs []storage.MessageRef, noteIn func(chat int64) string) {
	body := h.retiredCardBody(ctx, t)
	for _, r := range refs {
		if in.Callback != nil && r.ChatID == in.ChatID && r.MessageID == in.Callback.MessageID {
			continue
		}
		if err := h.Messenger.Edit(ctx, r.ChatID, r.MessageID, body+"\n"+noteIn(r.ChatID), nil); err != nil {
			h.Log.Info("retire ticket card", "ticket", t.ID, "chat_id", r.ChatID, "err", err)
		}
	}
}

// redrawOtherCards brings the ticket's live cards (liveCards) up to date
// after a change, but the card pressed in in (editCard redraws that one):
// the party's card once the desk claims an escalated ticket, or the desk's
// escalation card once the party does, so neither offers a "claim" that is
// no longer there. A card the ticket has left, or an escalation that ended,
// keeps its note and stays without buttons. A menu a member has open on a
// card stays open (drawCard). Best effort: a stale card's press is refused
// anyway.
func (h *Handler) redrawOtherCards(ctx context.Context, in Incoming, t tickets.Ticket) {
	live, err := h.liveCards(ctx, t)
	if err != nil {
		h.Log.Warn("find ticket cards to redraw", "ticket", t.ID, "err", err)
	}
	for _, ref := range live {
		if in.Callback != nil && ref.ChatID == in.ChatID && ref.MessageID == in.Callback.MessageID {
			continue
		}
		h.drawCard(ctx, ref, t)
	}
	if !t.Status.Open() {
		// resolved or withdrawn: no reminder may still offer to claim it
		h.retireReminders(ctx, t)
	}
}

// editCard redraws the pressed card for t, best effort: the action is
// already stored and the resident told. A note replaces the buttons. A menu
// open on the card was answered by the press: it closes.
func (h *Handler) editCard(ctx context.Context, in Incoming, t tickets.Ticket, note string) {
	if in.Callback == nil || in.Callback.MessageID == 0 {
		return
	}
	h.closeMenu(ctx, in.ChatID, in.Callback.MessageID)
	body, buttons := h.cardBody(ctx, t), staffButtons(t)
	if note != "" {
		body, buttons = h.retiredCardBody(ctx, t)+"\n"+note, nil
	}
	if err := h.Messenger.Edit(ctx, in.ChatID, in.Callback.MessageID, body, buttons); err != nil {
		h.Log.Info("edit ticket card", "ticket", t.ID, "err", err)
	}
}

// cardBody is a ticket card's text as redrawn after a claim, reply or
// resolve. A ticket that was moved keeps the conversation so far on its
// card, as the card first sent to its new party had it.
func (h *Handler) cardBody(ctx context.Context, t tickets.Ticket) string {
	return h.cardBodyWithHint(ctx, t, staffCardHint)
}

// retiredCardBody is a retired card's text: no hint to reply under it, as
// a reply there is not relayed.
func (h *Handler) retiredCardBody(ctx context.Context, t tickets.Ticket) string {
	return h.cardBodyWithHint(ctx, t, "")
}

func (h *Handler) cardBodyWithHint(ctx context.Context, t tickets.Ticket, hint string) string {
	evs, err := h.Tickets.TicketEvents(ctx, t.ID)
	if err != nil {
		h.Log.Warn("events for a redrawn card", "ticket", t.ID, "err", err)
	}
	title := fmt.Sprintf(staffCardTicket, t.Number())
	reopened := lastReopen(evs)
	if reopened >= 0 {
		// as the reopened card first said
		if line := lastHandled(evs[:reopened]); line != "" {
			title += "\n" + line
		}
	}
	if t.EscalatedAt != nil && t.Status.Open() {
		title += "\n" + staffCardEscalated // the party sees the desk is on it
	}
	if line := resolvedLine(t, evs); line != "" {
		// at the top: a caption too long for Telegram loses its end
		title += "\n" + line
	}
	// a closed ticket's card has no hint under its last "——": no empty
	// line at its end, nor before the conversation
	text := cardTextWithHint(t, title, h.categoryText(t.Category), hint)
	if hint == "" {
		text = strings.TrimSuffix(text, "\n"+staffCardWritesEnglish) // nothing to write there
	}
	body := strings.TrimRight(text, "\n")
	switch {
	case slices.ContainsFunc(evs, func(e tickets.Event) bool { return e.Kind == tickets.EventReassigned }):
		if history := conversationSoFar(evs); history != "" {
			body += "\n" + history
		}
	case reopened >= 0:
		// the conversation before the reopen, and what the resident said
		// was wrong, as the reopened card first had them
		if history := conversationSoFar(evs[:reopened]); history != "" {
			body += "\n" + history
		}
		if reason := reopenReason(evs); reason != "" {
			body += "\n" + fmt.Sprintf(staffCardReopenReason, reason)
		}
	}
	return body
}

// reopenReason is what the resident said with the latest reopen (the
// dispute stored in the reopen's own update), or "".
func reopenReason(evs []tickets.Event) string {
	for i := len(evs) - 1; i >= 0; i-- {
		e := evs[i]
		if e.Kind == tickets.EventStatus && e.ToStatus == tickets.StatusReopened {
			for _, d := range evs[i+1:] {
				if d.Kind == tickets.EventResidentMessage && d.At.Equal(e.At) {
					return d.Text
				}
			}
			return ""
		}
	}
	return ""
}

func staffName(in Incoming) string {
	if in.UserName != "" {
		return in.UserName
	}
	return strconv.FormatInt(in.UserID, 10)
}

// staffReply relays a staff member's reply to a card, or to a relayed
// resident message, to the resident (which replies do: notRelayed). Writing in the party chat shows
// membership; a reply in a chat the ticket has left is not relayed. A
// claimed ticket then waits for the resident if staff asked something.
func (h *Handler) staffReply(ctx context.Context, in Incoming) (bool, error) {
	t, purpose, err := h.Tickets.TicketByMessage(ctx, in.ChatID, in.ReplyTo)
	if errors.Is(err, storage.ErrNotFound) {
		t, err = h.ownStaffMessage(ctx, in)
		if errors.Is(err, storage.ErrNotFound) {
			return false, nil // staff talking among themselves
		}
		if errors.Is(err, errOwnMessageClosed) {
			if internalRemark(in.Text) || (in.Kind != TextMessage && in.Kind != PhotoMessage) {
				return true, nil
			}
			return true, h.send(ctx, OutMessage{ChatID: in.ChatID, ReplyTo: in.MessageID, Text: fmt.Sprintf(staffOwnMessageClosed, t.Number(), t.Status.Name("zh"))})
		}
		purpose = purposeStaffReply
		if errors.Is(err, errOwnMessageEarlier) {
			purpose, err = purposeEarlierStaffReply, nil
		}
	}
	if err != nil {
		return true, fmt.Errorf("ticket of message %d in %d: %w", in.ReplyTo, in.ChatID, err)
	}
	switch purpose {
	case purposeCard, purposeRelay, purposeReminder, purposeEscalation, purposeStaffReply, purposeEarlierStaffReply, purposeUnreachable, purposeNotice:
	default:
		return false, nil
	}
	if notice := h.notRelayed(ctx, in, t, purpose); notice != "" {
		// under a reminder or a notice: among staff (staff_not_relayed.go)
		return true, h.keepAmongStaff(ctx, in, t, notice)
	}
	if in.Kind != TextMessage && in.Kind != PhotoMessage {
		// a file, voice note or sticker cannot be relayed: say so, or the
		// member believes the resident has it
		return true, h.send(ctx, OutMessage{ChatID: in.ChatID, ReplyTo: in.MessageID, Text: staffOnlyTextOrPhoto})
	}
	body := withoutBotMention(strings.TrimSpace(in.Text), h.BotUsername)
	var photo string
	if len(in.PhotoIDs) > 0 {
		photo = in.PhotoIDs[len(in.PhotoIDs)-1]
	}
	if body == "" && photo == "" {
		return false, nil
	}
	if internalRemark(body) {
		if in.AlbumID != "" {
			// the album's other photos come without the caption: they
			// stay among staff too
			if err := h.State.Set(ctx, internalAlbumKey(in.ChatID, in.AlbumID), []byte("1"), albumTTL); err != nil {
				return true, fmt.Errorf("remember an internal album: %w", err)
			}
		}
		// staff talking among themselves under a card: kept with the
		// ticket for whoever gets it next ("这个归业委会管")
		h.keepStaffNote(ctx, in, t, body, photo)
		return true, nil
	}
	if in.AlbumID != "" && body == "" {
		if _, internal, err := h.State.Get(ctx, internalAlbumKey(in.ChatID, in.AlbumID)); err != nil {
			return true, fmt.Errorf("internal album: %w", err)
		} else if internal {
			return true, nil
		}
	}
	if _, ok := h.actingChat(t, in.ChatID); !ok {
		h.Log.Info("staff reply in a chat the ticket has left", "ticket", t.ID, "chat_id", in.ChatID)
		text := fmt.Sprintf(staffMovedElsewhere, t.Number(), parties.Name(t.Party, "zh"))
		if h.ensureOwnCard(ctx, t) {
			text = staffNotRelayedHere + "\n" + cardPostedThere(t)
		}
		return true, h.send(ctx, OutMessage{ChatID: in.ChatID, ReplyTo: in.MessageID, Text: text})
	}
	// translated before the update: the model is slow, the update a transaction
	relayed := h.withTranslation(ctx, 0, body, ticketLang(t, ""), t.ID)
	untranslated := ticketLang(t, "") == "en" && faq.DetectLang(body) == "zh" && relayed == body
	residentText := relayed
	if untranslated {
		// no model to translate: the resident at least knows why
		residentText += "\n" + txtStaffWroteChinese.in("en")
	}
	key, now := keyEvent(t.ID, nonce(in), "staff"), h.Now()
	updated, err := h.Tickets.UpdateTicket(ctx, t.ID, func(cur tickets.Ticket) (tickets.Ticket, []tickets.Event, []storage.OutboxMessage, error) {
		if cur.Party != t.Party {
			return cur, nil, nil, errMoved
		}
		var photos []string
		if photo != "" {
			photos = []string{photo}
		}
		// FromParty: who wrote it (the desk, on an escalated ticket), for
		// the resident's history
		evs := []tickets.Event{{TicketID: cur.ID, Kind: tickets.EventStaffMessage, ActorID: in.UserID, Actor: staffName(in),
			FromParty: h.actingParty(cur, in.ChatID), Text: body, PhotoIDs: photos, At: now}}
		switch cur.Status {
		case tickets.StatusNew, tickets.StatusReopened:
			// answering takes the ticket up: the SLA must not chase a
			// ticket staff have answered. A question also makes it wait
			// for the resident, in a second update (askedOnClaim): the
			// store checks one status step per update.
			evs = append(evs, statusEvent(cur, tickets.StatusClaimed, in, now))
			cur.Status, cur.AssigneeID, cur.Assignee = tickets.StatusClaimed, in.UserID, staffName(in)
		case tickets.StatusClaimed:
			if asksResident(body) {
				evs = append(evs, statusEvent(cur, tickets.StatusWaiting, in, now))
				cur.Status = tickets.StatusWaiting
			}
		case tickets.StatusWaiting:
			if !asksResident(body) {
				// "the plumber comes tomorrow" waits on no answer
				evs = append(evs, statusEvent(cur, tickets.StatusClaimed, in, now))
				cur.Status = tickets.StatusClaimed
			}
		}
		cur.UpdatedAt = now
		lang := ticketLang(cur, "")
		notice := txtStaffReplyNotice
		if !cur.Status.Open() {
			// a closed ticket takes no more remarks: no "reply to answer"
			notice = txtStaffReplyClosedNotice
		}
		told := notice.f(lang, parties.InSentence(h.actingParty(cur, in.ChatID), lang), cur.Number(), residentText)
		if residentText == "" {
			// a photo without a caption: no empty lines where the words go
			told = strings.TrimRight(strings.Replace(told, "\n\n\n", "\n", 1), "\n")
		}
		msg := toResident(cur, key, told, nil)
		return cur, evs, withPhotos(msg, photos), nil
	})
	if errors.Is(err, errMoved) {
		return true, nil
	}
	if err != nil {
		return true, fmt.Errorf("relay staff reply on ticket %d: %w", t.ID, err)
	}
	if waitsForStaff(t) && updated.Status == tickets.StatusClaimed && asksResident(body) {
		updated = h.askedOnClaim(ctx, in, updated, now)
	}
	if !updated.Status.Open() {
		// the reply is on its way to the resident: a failed notice must
		// not read as a failed reply (a retry would send it twice)
		h.sendQuietly(ctx, OutMessage{ChatID: in.ChatID, ReplyTo: in.MessageID,
			Text: fmt.Sprintf(staffReplyOnClosed, updated.Number(), updated.Status.Name("zh"), updated.Status.Name("en"))})
		return true, nil
	}
	if updated.Status != t.Status {
		// every live card's buttons and status follow (no "claim" once
		// answered), the one replied to among them, be it the party's card
		// or the desk's escalation card; an older card (the ticket moved
		// away and back) keeps its "moved" note
		h.redrawOtherCards(ctx, Incoming{}, updated)
		if waitsForStaff(t) {
			h.retireReminders(ctx, updated) // answered: no reminder offers to claim it
		}
	}
	h.ensureOwnCard(ctx, updated) // answered from a relay in a chat with no card of it yet
	h.noteConversation(ctx, t.ResidentID, t.ID)
	if asksResident(body) {
		h.noteStaffAsked(ctx, t.ResidentID, t.ID)
	}
	// a reply to a card goes to the resident as written: say so every time,
	// or a remark meant for colleagues goes out unnoticed
	confirm := staffRelayed
	switch {
	case h.residentUnreachable(ctx, t.ResidentID):
		confirm = fmt.Sprintf(staffRelayedUnreachable, t.Number())
	case untranslated:
		// no model to translate: the English-speaking resident gets Chinese
		confirm += "\n" + staffRelayedUntranslated
	}
	confirmID, err := h.Messenger.Send(ctx, OutMessage{ChatID: in.ChatID, ReplyTo: in.MessageID, Text: confirm})
	if err != nil {
		h.Log.Warn("could not confirm a staff reply", "chat_id", in.ChatID, "err", err)
	}
	// the member goes on by replying to their own message or to the
	// confirmation: both lead back to the ticket like the card
	h.noteStaffMessage(ctx, in, in.MessageID, updated)
	h.noteStaffMessage(ctx, in, confirmID, updated)
	return true, nil
}

// askedOnClaim moves t, which a staff question has just taken up (new ->
// claimed), on to waiting for the resident. It is a second update because
// the store checks one status step per update. On failure the ticket stays
// claimed (the next question moves it on): the reply is relayed already.
func (h *Handler) askedOnClaim(ctx context.Context, in Incoming, t tickets.Ticket, now time.Time) tickets.Ticket {
	updated, err := h.Tickets.UpdateTicket(ctx, t.ID, func(cur tickets.Ticket) (tickets.Ticket, []tickets.Event, []storage.OutboxMessage, error) {
		if cur.Status != tickets.StatusClaimed || cur.AssigneeID != in.UserID || cur.Party != t.Party ||
			!cur.StatusChangedAt.Equal(t.StatusChangedAt) {
			return cur, nil, nil, nil // someone acted meanwhile: theirs stands
		}
		if err := tickets.CheckTransition(cur.Status, tickets.StatusWaiting); err != nil {
			return cur, nil, nil, err
		}
		ev := statusEvent(cur, tickets.StatusWaiting, in, now)
		cur.Status, cur.UpdatedAt = tickets.StatusWaiting, now
		return cur, []tickets.Event{ev}, nil, nil
	})
	if err != nil {
		h.Log.Warn("a staff question left the ticket claimed, not waiting", "ticket", t.ID, "err", err)
		return t
	}
	return updated
}
