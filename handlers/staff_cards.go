package handlers

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
	"time"

	"codesk/parties"
	"codesk/storage"
	"codesk/tickets"
)

// Which of a ticket's cards staff may act on, and the menus open on them.
// A ticket has at most one live card per chat: its latest card, when that
// is in the chat that owns the ticket now (staffChat of its party), and
// its latest escalation card in the desk's chat while the desk may act on
// it there. Every other card it had (moved away, reopened since, sent to
// the desk's chat before its party had a chat of its own, an escalation
// that ended) stays as it was left, and a press on it is refused
// (pressedCard): one rule for redraws and presses.

// liveCards are the cards of t staff may act on now, at most one per chat.
func (h *Handler) liveCards(ctx context.Context, t tickets.Ticket) ([]storage.MessageRef, error) {
	var live []storage.MessageRef
	chat, msg, err := h.Tickets.TicketMessage(ctx, t.ID, purposeCard)
	switch {
	case err == nil:
		if own, ok := h.staffChat(t.Party); ok && own == chat {
			live = append(live, storage.MessageRef{ChatID: chat, MessageID: msg, Purpose: purposeCard})
		}
	case !errors.Is(err, storage.ErrNotFound):
		return nil, fmt.Errorf("card of ticket %d: %w", t.ID, err)
	}
	desk, esc, err := h.escalationCard(ctx, t)
	if err != nil {
		return nil, err
	}
	if esc != 0 {
		// the desk's chat is not t's own (escalationCard): another chat
		live = append(live, storage.MessageRef{ChatID: desk, MessageID: esc, Purpose: purposeEscalation})
	}
	return live, nil
}

// escalationCard is where the desk acts on t as an escalation: desk is the
// desk's chat while t is escalated and that chat is not t's own (a ticket
// of the desk's, or of a party without a chat, acts from its card there),
// else 0; card is t's latest escalation card in it, 0 when none was
// delivered there.
func (h *Handler) escalationCard(ctx context.Context, t tickets.Ticket) (desk int64, card int, err error) {
	co, ok := h.deskChat()
	if !ok || t.EscalatedAt == nil {
		return 0, 0, nil
	}
	if own, ok := h.staffChat(t.Party); ok && own == co {
		return 0, 0, nil
	}
	chat, msg, err := h.Tickets.TicketMessage(ctx, t.ID, purposeEscalation)
	switch {
	case errors.Is(err, storage.ErrNotFound):
		return co, 0, nil
	case err != nil:
		return co, 0, fmt.Errorf("escalation card of ticket %d: %w", t.ID, err)
	case chat != co:
		return co, 0, nil // sent before the desk's chat changed
	}
	return co, msg, nil
}

// pressedCard is the card a press on a message of t (purpose, from
// pressedPurpose) acts on: the pressed card itself, or the card a menu
// sent apart was asked on (menuCard). older reports a press whose card is
// not one of liveCards: its buttons belong to a state the ticket has left.
// A press on no message of t's we know of (purpose "") is left to the
// action's own checks.
func (h *Handler) pressedCard(ctx context.Context, in Incoming, t tickets.Ticket, purpose string) (card storage.MessageRef, older bool, err error) {
	switch purpose {
	case purposeCard, purposeEscalation:
		card = storage.MessageRef{ChatID: in.ChatID, MessageID: in.Callback.MessageID, Purpose: purpose}
	case purposeMenu:
		if card, err = h.menuCard(ctx, t, in.ChatID, in.Callback.MessageID); err != nil {
			return card, false, err
		}
	default:
		return card, false, nil
	}
	live, err := h.liveCards(ctx, t)
	if err != nil {
		return card, false, err
	}
	isLive := slices.ContainsFunc(live, func(r storage.MessageRef) bool {
		return r.ChatID == card.ChatID && r.MessageID == card.MessageID
	})
	return card, !isLive, nil
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
// when t's status no longer allows what the menu offers. Each pick carries
// the ticket's menuStamp, so a pick from a menu drawn before a colleague
// claimed, moved or resolved the ticket is told from a current one.
func cardMenu(t tickets.Ticket, menu string) (question string, rows [][]Button, ok bool) {
	id := strconv.FormatInt(t.ID, 10)
	stamp := ":" + menuStamp(t)
	back := []Button{{Text: staffBtnBack, Data: "s:back:" + id}}
	switch menu {
	case menuReassign:
		if !t.Status.Open() {
			return "", nil, false
		}
		for _, p := range partyChoices {
			if p != t.Party {
				rows = append(rows, []Button{{Text: parties.Name(p, "zh") + " " + parties.Name(p, "en"), Data: "s:to:" + id + ":" + partyCode(p) + stamp}})
			}
		}
		return fmt.Sprintf(staffChooseParty, t.Number()), append(rows, back), true
	case menuResolve:
		if !tickets.CanTransition(t.Status, tickets.StatusResolved) {
			return "", nil, false
		}
		confirm := []Button{{Text: staffBtnConfirmResolve, Data: "s:resolve:" + id + stamp}}
		return fmt.Sprintf(staffConfirmResolve, t.Number()), [][]Button{append(confirm, back...)}, true
	}
	return "", nil, false
}

// menuStamp names what a menu's picks were offered for: the ticket's party,
// whether it waits for staff, is taken up (by whom) or is done, and its
// last resolution (a reopened ticket is another round). A resident's answer
// or a staff question (waiting <-> claimed) leaves it as it was: neither
// changes what a move or a resolve means. A few base-36 characters: the
// callback data holds 64 bytes.
func menuStamp(t tickets.Ticket) string {
	phase := "done"
	switch {
	case waitsForStaff(t):
		phase = "new"
	case t.Status.Open():
		phase = "taken"
	}
	var resolved int64
	if t.ResolvedAt != nil {
		resolved = t.ResolvedAt.Unix()
	}
	sum := fnv.New32a()
	fmt.Fprintf(sum, "%s|%s|%d|%d", t.Party, phase, t.AssigneeID, resolved)
	return strconv.FormatUint(uint64(sum.Sum32()), 36)
}

// pickMenu is the menu a pick's callback action answers ("to": the
// reassign menu, "resolve": the confirmation), or "".
func pickMenu(action string) string {
	switch action {
	case "to":
		return menuReassign
	case "resolve":
		return menuResolve
	}
	return ""
}

// splitStamp cuts a pick's stamp off the end of its callback arguments
// ("oc:1x2y3z" for a reassign pick, "1x2y3z" for a resolve); a pick from a
// menu drawn before stamps (or typed by hand) has none.
func splitStamp(extra string, withParty bool) (rest, stamp string) {
	if !withParty {
		return "", extra
	}
	rest, stamp, _ = strings.Cut(extra, ":")
	return rest, stamp
}

// errMenuChanged: a pick from a menu drawn before the ticket changed.
var errMenuChanged = errors.New("pick from a menu drawn before the ticket changed")

// staleMenu answers a pick from a menu drawn before the ticket changed (a
// colleague claimed, moved or resolved it meanwhile): the member is told
// how it stands now, and the pressed card shows the menu again for that,
// or its own buttons when the menu no longer fits.
func (h *Handler) staleMenu(ctx context.Context, in Incoming, t tickets.Ticket) {
	state := t.Status.StaffName()
	if t.Assignee != "" && t.Status.Open() {
		state += fmt.Sprintf(staffHeldBy, t.Assignee)
	}
	h.refuseStaff(ctx, in, fmt.Sprintf(staffMenuChanged, t.Number(), state), "pick from a menu drawn before the ticket changed")
	p, err := h.pressedPurpose(ctx, in, t)
	if err != nil {
		h.Log.Warn("redraw a card after a stale menu pick", "ticket", t.ID, "err", err)
		return
	}
	if p != purposeCard && p != purposeEscalation {
		return // no card of t's we know of: nothing to redraw
	}
	if menu := pickMenu(staffAction(in)); menu != "" {
		h.openMenu(ctx, in.ChatID, in.Callback.MessageID, menu)
	}
	h.drawCard(ctx, storage.MessageRef{ChatID: in.ChatID, MessageID: in.Callback.MessageID}, t)
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
