package handlers

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"codesk/parties"
	"codesk/storage"
	"codesk/tickets"
)

// Which of a ticket's cards staff may act on, and the menus open on them.
// A ticket has at most one live card per chat: its latest card in the chat
// that owns it, and its escalation card in the desk's chat while the desk
// may act on it there. Every other card it had (moved away, reopened since,
// an escalation that ended) stays as it was left.

// liveCards are the cards of t staff may act on now, at most one per chat.
func (h *Handler) liveCards(ctx context.Context, t tickets.Ticket) []storage.MessageRef {
	var live []storage.MessageRef
	chat, msg, err := h.Tickets.TicketMessage(ctx, t.ID, purposeCard)
	switch {
	case err == nil:
		if _, ok := h.actingChat(t, chat); ok {
			live = append(live, storage.MessageRef{ChatID: chat, MessageID: msg, Purpose: purposeCard})
		}
	case !errors.Is(err, storage.ErrNotFound):
		h.Log.Warn("find ticket card", "ticket", t.ID, "err", err)
	}
	if esc, ok := h.liveEscalation(ctx, t); ok && (len(live) == 0 || live[0].ChatID != esc.ChatID) {
		live = append(live, esc)
	}
	return live
}

// liveEscalation is t's escalation card while the desk may act on t from
// it: t is escalated, and the desk's chat is not t's own (a ticket already
// in the desk's chat acts from its card there; an escalation card left
// beside it is retired).
func (h *Handler) liveEscalation(ctx context.Context, t tickets.Ticket) (storage.MessageRef, bool) {
	co, ok := h.deskChat()
	if !ok || t.EscalatedAt == nil {
		return storage.MessageRef{}, false
	}
	if own, ok := h.staffChat(t.Party); ok && own == co {
		return storage.MessageRef{}, false
	}
	chat, msg, err := h.Tickets.TicketMessage(ctx, t.ID, purposeEscalation)
	if err != nil {
		if !errors.Is(err, storage.ErrNotFound) {
			h.Log.Warn("find escalation card", "ticket", t.ID, "err", err)
		}
		return storage.MessageRef{}, false
	}
	if chat != co {
		return storage.MessageRef{}, false
	}
	return storage.MessageRef{ChatID: chat, MessageID: msg, Purpose: purposeEscalation}, true
}

// Menus a card can have open under its text: a member's pick in progress.
const (
	menuReassign = "reassign" // the parties to move the ticket to
	menuResolve  = "resolve"  // "resolve it?" confirmed or not
)

// cardMenuTTL bounds how long a redraw keeps a menu open: one left open
// longer was abandoned.
const cardMenuTTL = 24 * time.Hour

func cardMenuKey(chat int64, msg int) string { return fmt.Sprintf("cardmenu:%d:%d", chat, msg) }

// cardMenu is menu's question and buttons for t as it is now; ok is false
// when t's status no longer allows what the menu offers.
func cardMenu(t tickets.Ticket, menu string) (question string, rows [][]Button, ok bool) {
	id := strconv.FormatInt(t.ID, 10)
	back := []Button{{Text: staffBtnBack, Data: "s:back:" + id}}
	switch menu {
	case menuReassign:
		if !t.Status.Open() {
			return "", nil, false
		}
		for _, p := range partyChoices {
			if p != t.Party {
				rows = append(rows, []Button{{Text: parties.Name(p, "zh") + " " + parties.Name(p, "en"), Data: "s:to:" + id + ":" + partyCode(p)}})
			}
		}
		return fmt.Sprintf(staffChooseParty, t.Number()), append(rows, back), true
	case menuResolve:
		if !tickets.CanTransition(t.Status, tickets.StatusResolved) {
			return "", nil, false
		}
		confirm := []Button{{Text: staffBtnConfirmResolve, Data: "s:resolve:" + id}}
		return fmt.Sprintf(staffConfirmResolve, t.Number()), [][]Button{append(confirm, back...)}, true
	}
	return "", nil, false
}

// openMenu remembers that menu is open on card msg in chat, so a redraw
// meanwhile keeps it. Best effort: without it a redraw shows the card's
// own buttons, and the member presses the action again.
func (h *Handler) openMenu(ctx context.Context, chat int64, msg int, menu string) {
	if err := h.State.Set(ctx, cardMenuKey(chat, msg), []byte(menu), cardMenuTTL); err != nil {
		h.Log.Warn("remember an open card menu", "chat_id", chat, "message_id", msg, "err", err)
	}
}

// closeMenu forgets the menu open on card msg in chat, if any.
func (h *Handler) closeMenu(ctx context.Context, chat int64, msg int) {
	if err := h.State.Delete(ctx, cardMenuKey(chat, msg)); err != nil {
		h.Log.Warn("forget a card menu", "chat_id", chat, "message_id", msg, "err", err)
	}
}

// drawCard redraws the live card ref of t for t's status, keeping a menu a
// member has open on it while t still allows what it offers.
func (h *Handler) drawCard(ctx context.Context, ref storage.MessageRef, t tickets.Ticket) {
	body, buttons := h.cardBody(ctx, t), staffButtons(t)
	menu, open, err := h.State.Get(ctx, cardMenuKey(ref.ChatID, ref.MessageID))
	if err != nil {
		h.Log.Warn("open card menu", "ticket", t.ID, "chat_id", ref.ChatID, "err", err)
	}
	if open {
		if question, rows, ok := cardMenu(t, string(menu)); ok {
			body, buttons = body+"\n"+question, rows
		} else {
			h.closeMenu(ctx, ref.ChatID, ref.MessageID) // the ticket moved on: the card's own buttons
		}
	}
	if err := h.Messenger.Edit(ctx, ref.ChatID, ref.MessageID, body, buttons); err != nil {
		h.Log.Info("redraw ticket card", "ticket", t.ID, "purpose", ref.Purpose, "err", err)
	}
}
