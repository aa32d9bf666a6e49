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

// SLAPolicy says how long a ticket may wait for staff to take it up before
// its party's chat is reminded, and before it is escalated to the co-office
// desk. Zero fields take the defaults (DefaultSLAPolicy).
type SLAPolicy struct {
	RemindAfter   time.Duration
	EscalateAfter time.Duration
}

// DefaultSLAPolicy reminds after 2 hours and escalates after 8.
func DefaultSLAPolicy() SLAPolicy {
	return SLAPolicy{RemindAfter: 2 * time.Hour, EscalateAfter: 8 * time.Hour}
}

func (p SLAPolicy) withDefaults() SLAPolicy {
	d := DefaultSLAPolicy()
	if p.RemindAfter <= 0 {
		p.RemindAfter = d.RemindAfter
	}
	if p.EscalateAfter <= 0 {
		p.EscalateAfter = d.EscalateAfter
	}
	return p
}

// Outbox purposes of the SLA messages: neither is the party's card, so relays
// keep threading under that card; a staff reply to either is relayed to the
// resident like a reply to the card.
const (
	purposeReminder   = "reminder"   // "unclaimed for X h" in the party's chat
	purposeEscalation = "escalation" // the card in the co-office chat
)

// Staff-facing SLA texts (Chinese, English in brackets) and the resident's
// one notice on escalation.
const (
	staffSLAReminder      = "⏰ 工单 %s 已 %s无人认领（unclaimed for %s）"
	staffSLAEscalated     = "🚨 工单 %s 已 %s无人认领，升级至三方联合办公室（Escalated: unclaimed for %s）"
	staffSLAEscalatedHint = "可在此认领、转派或标记解决（Claim, reassign or resolve here）"
	// staffSLAEscalatedHere marks, under its card, the escalation of a
	// ticket whose card is in the desk's chat already
	staffSLAEscalatedHere = "🚨 工单 %s 已 %s无人认领，已超过升级时限，请尽快认领（Unclaimed for %s, past the escalation limit: please take it up）"
)

var txtSLAChasing = text{
	"您的工单 %s 暂未被受理，我们已请三方联合办公室跟进催办。",
	"Your ticket %s has not been taken up yet; we have asked the co-office desk to chase it.",
}

// CheckSLA reminds the party's chat of every ticket unclaimed for
// policy.RemindAfter (as a reply to its card, with the claim button) and
// escalates those unclaimed for policy.EscalateAfter to the co-office chat
// (a card its staff may act on, a history row, one notice to the resident;
// a ticket whose card is in that chat already gets a line under its card
// there instead, so the chat keeps one card of it). A first check past both
// delays (the watcher was down) escalates without a reminder of its own:
// the party's one line says it was escalated.
// The clock starts when the ticket last changed status or party, so a
// reassignment or a reopening starts a new cycle.
//
// It is idempotent and safe on several replicas at once: each ticket is
// checked and marked (Ticket.RemindedAt, EscalatedAt) inside UpdateTicket,
// which holds the row, so one replica does the work and the others find it
// done; outbox keys carry the cycle's start as a second guard. reminded and
// escalated count what this call did. A failing ticket does not stop the
// others; their errors are joined.
func (h *Handler) CheckSLA(ctx context.Context, now time.Time, policy SLAPolicy) (reminded, escalated int, err error) {
	if !h.ticketsEnabled() {
		return 0, 0, nil
	}
	policy = policy.withDefaults()
	// urgent tickets are due sooner (checkTicketSLA): list from their delay
	list, err := h.Tickets.UnclaimedTickets(ctx, now.Add(-min(policy.RemindAfter, policy.EscalateAfter)/urgentSpeedUp))
	if err != nil {
		return 0, 0, fmt.Errorf("sla: unclaimed tickets: %w", err)
	}
	var errs []error
	for _, t := range list {
		if err := ctx.Err(); err != nil {
			errs = append(errs, err)
			break
		}
		r, e, err := h.checkTicketSLA(ctx, t, now, policy)
		if err != nil {
			errs = append(errs, err)
		}
		if r {
			reminded++
		}
		if e {
			escalated++
		}
	}
	return reminded, escalated, errors.Join(errs...)
}

// urgentSpeedUp divides the SLA's delays for a report of a danger now.
const urgentSpeedUp = 4

// checkTicketSLA reminds about and escalates one ticket as due; t is the
// ticket as listed, re-checked under the row lock.
func (h *Handler) checkTicketSLA(ctx context.Context, t tickets.Ticket, now time.Time, policy SLAPolicy) (reminded, escalated bool, err error) {
	if emergencyIn(t.Text) != noEmergency {
		// a danger reported now is chased four times as fast
		policy.RemindAfter, policy.EscalateAfter = policy.RemindAfter/urgentSpeedUp, policy.EscalateAfter/urgentSpeedUp
	}
	since := t.StatusChangedAt
	age := now.Sub(since)
	remindDue := age >= policy.RemindAfter && !inCycle(t.RemindedAt, since)
	escalateDue := age >= policy.EscalateAfter && !inCycle(t.EscalatedAt, since)
	if !remindDue && !escalateDue {
		return false, false, nil
	}
	// a party that got a chat of its own since its card went elsewhere gets
	// the card there, so the reminder has something to act on
	h.ensureOwnCard(ctx, t)
	partyChat, partyOK := h.staffChat(t.Party)
	coChat, coOK := h.deskChat()
	// Message ids are looked up before the transaction: only values are
	// built inside it.
	var partyCard, coCard int
	if remindDue && partyOK {
		partyCard = h.cardRef(ctx, t.ID, partyChat)
	}
	if escalateDue && coOK {
		coCard = h.cardRef(ctx, t.ID, coChat)
	}
	cat := h.categoryText(t.Category)
	keyBase := fmt.Sprintf("ticket:%d:sla:", t.ID)
	cycle := strconv.FormatInt(since.Unix(), 10)
	updated, err := h.Tickets.UpdateTicket(ctx, t.ID, func(cur tickets.Ticket) (tickets.Ticket, []tickets.Event, []storage.OutboxMessage, error) {
		reminded, escalated = false, false
		if !waitsForStaff(cur) || cur.Party != t.Party || !cur.StatusChangedAt.Equal(since) {
			return cur, nil, nil, nil // claimed, moved or restarted meanwhile: nothing to do
		}
		var evs []tickets.Event
		var msgs []storage.OutboxMessage
		// a first check past both limits (after downtime) escalates: the
		// reminder is not posted beside it as news of its own
		escalating := escalateDue && !inCycle(cur.EscalatedAt, since)
		if remindDue && !inCycle(cur.RemindedAt, since) {
			cur.RemindedAt = &now
			switch {
			case escalating && coOK && partyOK && partyChat == coChat:
				// the desk's own ticket: the escalation's line under the
				// card says it all
			case partyOK:
				reminded = true
				m := reminderMessage(cur, partyChat, partyCard, keyBase+"remind:"+cycle, age, now)
				if escalating && coOK {
					// one line for the party: unclaimed, and now escalated
					zh, en := waited(age)
					m.Text = urgentSLALine(cur, fmt.Sprintf(staffSLARemindedEscalated, cur.Number(), zh, en))
				}
				msgs = append(msgs, m)
			default:
				h.Log.Error("no staff chat configured: SLA reminder not delivered", "ticket", cur.ID, "party", cur.Party)
			}
		}
		if escalating {
			escalated, cur.EscalatedAt, cur.UpdatedAt = true, &now, now
			zh, en := waited(age)
			evs = append(evs, tickets.Event{TicketID: cur.ID, Kind: tickets.EventEscalated,
				Text: fmt.Sprintf("unclaimed for %s: escalated to the co-office desk", en), At: now})
			key := keyBase + "escalate:" + cycle
			switch {
			case coOK && partyOK && partyChat == coChat:
				// the desk's own ticket (or one of a party with no chat
				// of its own): its card is in the desk's chat already, so
				// the escalation is said under it, as a reminder is, not
				// posted as a second card to act on
				msgs = append(msgs, escalatedHereMessage(cur, coChat, coCard, key, age, now))
			case coOK:
				title := fmt.Sprintf(staffSLAEscalated, cur.Number(), zh, en)
				body := cardTextWithHint(cur, title, cat, staffSLAEscalatedHint+"\n"+staffCardHint)
				msgs = append(msgs, storage.OutboxMessage{Key: key, ChatID: coChat, Text: clipUnits(body, maxMessageRunes),
					Buttons: outboxButtons(staffButtons(cur)), ReplyTo: coCard, TicketID: cur.ID,
					Purpose: purposeEscalation, CreatedAt: now})
				// "the desk is chasing it" is news only when the desk is not
				// the one the ticket waits on already (the case above)
				lang := ticketLang(cur, "")
				msgs = append(msgs, toResident(cur, key+":resident", txtSLAChasing.f(lang, cur.Number()), nil))
			default:
				h.Log.Error("no co-office chat configured: SLA escalation not delivered", "ticket", cur.ID)
			}
		}
		return cur, evs, msgs, nil
	})
	if err != nil {
		return false, false, fmt.Errorf("sla: ticket %d: %w", t.ID, err)
	}
	if escalated {
		// the party's card says the desk has it too (its chat got no
		// message of the escalation when it was reminded before)
		h.redrawOtherCards(ctx, Incoming{}, updated)
	}
	if reminded || escalated {
		h.Log.Info("sla", "ticket", t.ID, "party", t.Party, "unclaimed_for", age.Round(time.Minute).String(),
			"reminded", reminded, "escalated", escalated)
	}
	return reminded, escalated, nil
}

// reminderMessage nudges the party's chat, under the card when it is known.
func reminderMessage(t tickets.Ticket, chat int64, card int, key string, age time.Duration, now time.Time) storage.OutboxMessage {
	zh, en := waited(age)
	claim := [][]Button{{{Text: staffBtnClaim, Data: "s:claim:" + strconv.FormatInt(t.ID, 10)}}}
	return storage.OutboxMessage{Key: key, ChatID: chat, Text: urgentSLALine(t, fmt.Sprintf(staffSLAReminder, t.Number(), zh, en)),
		Buttons: outboxButtons(claim), ReplyTo: card, TicketID: t.ID, Purpose: purposeReminder, CreatedAt: now}
}

// urgentSLALine marks line, an SLA line about t, urgent when t reports a
// danger now, as its card does: the chat sees why it must hurry.
func urgentSLALine(t tickets.Ticket, line string) string {
	if emergencyIn(t.Text) == noEmergency {
		return line
	}
	return staffSLAUrgentMark + line
}

// escalatedHereMessage marks the escalation of a ticket whose card is in the
// desk's chat already: a reminder under the card (purposeReminder, retired
// like one once the ticket is taken up), not a second card.
func escalatedHereMessage(t tickets.Ticket, chat int64, card int, key string, age time.Duration, now time.Time) storage.OutboxMessage {
	zh, en := waited(age)
	m := reminderMessage(t, chat, card, key, age, now)
	m.Text = fmt.Sprintf(staffSLAEscalatedHere, t.Number(), zh, en) // 🚨 already; the card says urgent
	return m
}

// reminderPress serves a press on a reminder's claim button. The claim
// acts on the ticket; the reminder then becomes a plain line, so only the
// card carries buttons. A reminder of a ticket taken up since claims
// nothing: the presser learns who has it.
func (h *Handler) reminderPress(ctx context.Context, in Incoming, t tickets.Ticket, action string) error {
	if action != "claim" {
		h.refuseStaff(ctx, in, staffStale, "a reminder offers only the claim")
		return nil
	}
	if !waitsForStaff(t) {
		notice := fmt.Sprintf(staffNoLongerWaiting, t.Number(), t.Status.StaffName())
		if t.Assignee != "" && t.Status.Open() {
			notice = fmt.Sprintf(staffTakenUp, t.Number(), t.Assignee, t.Assignee)
		}
		h.refuseStaff(ctx, in, notice, "press on a reminder of a ticket taken up")
		h.retireReminders(ctx, t)
		return nil
	}
	updated, ok, err := h.claimTicket(ctx, in, t)
	if err != nil || !ok {
		return err
	}
	h.redrawOtherCards(ctx, in, updated) // the card loses its claim
	h.retireReminders(ctx, updated)      // the pressed reminder among them
	return nil
}

// retireReminders redraws every SLA reminder t had as a plain line saying
// where the ticket is now, without the claim button: called once the
// ticket is taken up, resolved or moved. Best effort: a press on a
// reminder is checked anyway (reminderPress).
func (h *Handler) retireReminders(ctx context.Context, t tickets.Ticket) {
	refs, err := h.Tickets.TicketMessages(ctx, t.ID, purposeReminder)
	if err != nil {
		h.Log.Warn("find ticket reminders to retire", "ticket", t.ID, "err", err)
		return
	}
	for _, r := range refs {
		if err := h.Messenger.Edit(ctx, r.ChatID, r.MessageID, h.reminderLine(t, r.ChatID), nil); err != nil {
			h.Log.Info("retire ticket reminder", "ticket", t.ID, "chat_id", r.ChatID, "err", err)
		}
	}
}

// reminderLine is a retired reminder's text in chat: whom t went to, who
// claimed it, or its status.
func (h *Handler) reminderLine(t tickets.Ticket, chat int64) string {
	if _, ok := h.actingChat(t, chat); !ok {
		return fmt.Sprintf(staffReminderMoved, t.Number(), parties.Name(t.Party, "zh"), parties.Name(t.Party, "en"))
	}
	if (t.Status == tickets.StatusClaimed || t.Status == tickets.StatusWaiting) && t.Assignee != "" {
		return fmt.Sprintf(staffReminderClaimed, t.Number(), t.Assignee, t.Assignee)
	}
	return fmt.Sprintf(staffReminderStatus, t.Number(), t.Status.StaffName())
}

// waitsForStaff: new or reopened, the statuses a claim takes a ticket out of.
func waitsForStaff(t tickets.Ticket) bool {
	return t.Status == tickets.StatusNew || t.Status == tickets.StatusReopened
}

// inCycle reports whether a mark was made in the cycle that began at since.
func inCycle(mark *time.Time, since time.Time) bool {
	return mark != nil && !mark.Before(since)
}

// waited is how long a ticket has waited, in whole hours (minutes under an
// hour), in Chinese and English.
func waited(d time.Duration) (zh, en string) {
	if d >= time.Hour {
		h := int(d / time.Hour)
		return fmt.Sprintf("%d 小时", h), fmt.Sprintf("%d h", h)
	}
	m := max(1, int(d/time.Minute))
	return fmt.Sprintf("%d 分钟", m), fmt.Sprintf("%d min", m)
}
