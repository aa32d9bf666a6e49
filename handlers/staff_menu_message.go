package handlers

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"codesk/storage"
	"codesk/tickets"
)

// A card menu sent as a message of its own: when Telegram will never let
// the pressed card be edited (deleted, or not editable), askOnCard sends
// the menu as a reply to it instead. The message is recorded as the
// ticket's (purposeMenu), so a press on it is checked like one on its card
// (pressedCard): it acts for the card it was asked on while that card is
// live, and is refused once the card is not. Either way the message then
// loses its buttons: it never turns into a second card.

// purposeMenu: a card menu sent apart from its card (askOnCard).
const purposeMenu = "menu"

// staffMenuMessageClosed replaces a menu sent apart once it was used or
// found stale.
const staffMenuMessageClosed = "工单 %s 的此菜单已关闭，请在工单卡片上操作（Menu closed: use the ticket's card）"

// cannotEdit reports an edit Telegram refused for good: the message is
// gone or may not be edited. Anything else (429, a timeout, a server
// error) may pass when the member presses again.
func cannotEdit(err error) bool {
	if errors.Is(err, ErrUndeliverable) {
		return true
	}
	s := strings.ToLower(err.Error())
	return strings.Contains(s, "message to edit not found") || strings.Contains(s, "can't be edited") ||
		strings.Contains(s, "message_id_invalid")
}

// sendMenuMessage sends menu's question and buttons for t as a reply to
// the pressed card, which cannot be edited, and records it as t's. When it
// cannot be recorded, its buttons are taken off again: an unrecorded menu
// could not be checked.
func (h *Handler) sendMenuMessage(ctx context.Context, in Incoming, t tickets.Ticket, question string, rows [][]Button) error {
	id, err := h.Messenger.Send(ctx, OutMessage{ChatID: in.ChatID, Text: question, Buttons: rows, ReplyTo: in.Callback.MessageID})
	if err != nil {
		return fmt.Errorf("ticket %d: send a menu apart from its card: %w", t.ID, err)
	}
	if err := h.Tickets.RefMessage(ctx, in.ChatID, id, t.ID, purposeMenu, h.Now()); err != nil {
		h.closeMenuMessage(ctx, in.ChatID, id, t)
		return fmt.Errorf("ticket %d: record a menu apart from its card: %w", t.ID, err)
	}
	return nil
}

// menuCard is the card a menu sent apart (message msg in chat) was asked
// on: the latest card or escalation card of t recorded in chat before it.
// None (a zero ref) when msg is no such menu of t's.
func (h *Handler) menuCard(ctx context.Context, t tickets.Ticket, chat int64, msg int) (storage.MessageRef, error) {
	refs, err := h.Tickets.TicketMessages(ctx, t.ID, purposeCard, purposeEscalation, purposeMenu)
	if err != nil {
		return storage.MessageRef{}, fmt.Errorf("cards of ticket %d: %w", t.ID, err)
	}
	var card storage.MessageRef
	for _, r := range refs {
		switch {
		case r.ChatID != chat:
		case r.Purpose != purposeMenu:
			card = r
		case r.MessageID == msg:
			return card, nil
		}
	}
	return storage.MessageRef{}, nil
}

// closeMenuMessage takes the buttons off a menu sent apart, best effort: a
// press on it is checked anyway.
func (h *Handler) closeMenuMessage(ctx context.Context, chat int64, msg int, t tickets.Ticket) {
	if err := h.Messenger.Edit(ctx, chat, msg, fmt.Sprintf(staffMenuMessageClosed, t.Number()), nil); err != nil {
		h.Log.Info("close a menu sent apart from its card", "ticket", t.ID, "chat_id", chat, "message_id", msg, "err", err)
	}
}
