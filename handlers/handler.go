package handlers

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"codesk/faq"
	"codesk/parties"
	"codesk/storage"
	"codesk/tickets"
)

// FAQ answers questions from the curated entries.
type FAQ interface {
	Match(question string) faq.Result
	Entry(id string) (faq.Entry, bool)
}

// Residents stores who talks to codesk and in which language.
type Residents interface {
	TouchResident(ctx context.Context, userID int64, now time.Time) (storage.Resident, error)
	SetResidentLanguage(ctx context.Context, userID int64, lang string) error
}

// QuestionLog records what residents ask and whether the answer helped.
type QuestionLog interface {
	LogQuestion(ctx context.Context, q storage.QuestionLog) (int64, error)
	SetQuestionFeedback(ctx context.Context, id, userID int64, helpful bool, at time.Time) error
	// SetQuestionPick records the "did you mean" entry the asker picked.
	SetQuestionPick(ctx context.Context, id, userID int64, entryID string) error
	QuestionStats(ctx context.Context, since time.Time) (storage.QuestionStats, error)
	Question(ctx context.Context, id int64) (storage.QuestionLog, error)
}

// TicketStore keeps tickets, their history and the durable outbox
// (*storage.DB). Every message about a ticket is enqueued in the same
// transaction as the change it reports.
type TicketStore interface {
	CreateTicket(ctx context.Context, nt storage.NewTicket, messages func(tickets.Ticket) []storage.OutboxMessage) (tickets.Ticket, bool, error)
	Ticket(ctx context.Context, id int64) (tickets.Ticket, error)
	ResidentTickets(ctx context.Context, residentID int64, limit int) ([]tickets.Ticket, error)
	TicketEvents(ctx context.Context, ticketID int64) ([]tickets.Event, error)
	UpdateTicket(ctx context.Context, id int64, change func(tickets.Ticket) (tickets.Ticket, []tickets.Event, []storage.OutboxMessage, error)) (tickets.Ticket, error)
	TicketByMessage(ctx context.Context, chatID int64, messageID int) (tickets.Ticket, string, error)
	// TicketMessage is the latest delivered message of the ticket with that
	// purpose (e.g. its card); storage.ErrNotFound when none.
	TicketMessage(ctx context.Context, ticketID int64, purpose string) (chatID int64, messageID int, err error)
	// TicketMessagePending reports a message of the ticket with that purpose
	// still waiting in the outbox for chatID (a card on its way).
	TicketMessagePending(ctx context.Context, ticketID int64, purpose string, chatID int64) (bool, error)
	// OpenTickets lists the open tickets one of owners owns (and with
	// escalated, those escalated to the desk), oldest first: a staff chat's
	// to-do list.
	OpenTickets(ctx context.Context, owners []parties.ID, escalated bool, limit int) ([]tickets.Ticket, error)
	// TicketMessages lists every delivered message of the ticket with one
	// of purposes, oldest first (every card it had).
	TicketMessages(ctx context.Context, ticketID int64, purposes ...string) ([]storage.MessageRef, error)
	// RefMessage records a message sent outside the outbox (a staff menu
	// sent apart from its card) as the ticket's, with its purpose.
	RefMessage(ctx context.Context, chatID int64, messageID int, ticketID int64, purpose string, at time.Time) error
	// NoteRoundStart records where a round of the ticket began in a chat
	// (the first noted stays); RoundStart reads it back, 0 when none.
	NoteRoundStart(ctx context.Context, ticketID, chatID int64, round string, messageID int) error
	RoundStart(ctx context.Context, ticketID, chatID int64, round string) (int, error)
	// UnclaimedTickets lists tickets waiting for staff (new or reopened)
	// since before olderThan: the SLA watcher's work.
	UnclaimedTickets(ctx context.Context, olderThan time.Time) ([]tickets.Ticket, error)
	// ConfirmOutboxByPress records a message whose send was cut short as
	// delivered, when a button it carries was pressed on that message.
	ConfirmOutboxByPress(ctx context.Context, chatID int64, messageID int, callbackData string, at time.Time) (bool, error)
	// TicketStats summarises concerns reported since a time, for admins.
	TicketStats(ctx context.Context, since time.Time) (storage.TicketStats, error)
}

// ConcernRouter tells concerns from questions and routes them
// (*tickets.Router).
type ConcernRouter interface {
	Route(text string) tickets.Decision
	IsConcern(text string) (bool, float64)
	// AsksSomething: text has a question cue, whatever else it says
	AsksSomething(text string) bool
	// DescribesProblem: text has a report cue, whatever else it says
	DescribesProblem(text string) bool
	Categories() []tickets.Category
}

// PartyChats is the configured staff side: each party's group chat, the
// co-office chat (parties.CoOffice) and staff listed by user id.
type PartyChats interface {
	// ChatOf returns the staff chat of a party or of parties.CoOffice.
	ChatOf(party parties.ID) (int64, bool)
	// PartyOfChat tells which party (or parties.CoOffice) a chat belongs to.
	PartyOfChat(chatID int64) (parties.ID, bool)
	// StaffOf lists the parties (parties.CoOffice included) a user is
	// configured as staff of.
	StaffOf(userID int64) []parties.ID
}

// Deps is what the conversation logic needs from the outside world.
type Deps struct {
	Messenger   Messenger
	FAQ         FAQ
	Residents   Residents
	Questions   QuestionLog
	State       storage.SharedState
	IsAdmin     func(userID int64) bool
	BotUsername string // without "@"; commands addressed to other bots are ignored
	Now         func() time.Time
	Log         *slog.Logger
	// TimeZone is the estate's clock, used only to show times to people;
	// nil shows UTC. Times are stored and compared as they are.
	TimeZone *time.Location

	// Concern intake; with Tickets or Router nil residents are told that
	// reporting is coming soon.
	Tickets TicketStore
	Router  ConcernRouter
	Parties PartyChats // nil: no staff chats, cards cannot be delivered
	// Membership checks staff chat membership; nil: only staff listed in
	// the configuration may act on tickets.
	Membership Membership

	// FAQ editing in chat by admins (/faq); nil FAQStore turns it off. Files
	// downloads FAQ files sent as documents; nil: paste YAML with /faq set.
	FAQStore FAQStore
	Files    Files

	// LLM is the language model (*llm.Client); nil: no model, and residents
	// whose question the FAQ cannot answer are offered the desk instead.
	LLM LLM
	// LLMDeadline bounds the model's part of one answer (choosing and
	// writing together); 0 = DefaultLLMDeadline.
	LLMDeadline time.Duration
	// LLMRouteDeadline bounds the model's help with routing a concern;
	// 0 = DefaultLLMRouteDeadline.
	LLMRouteDeadline time.Duration
}

// Handler runs conversations. It is safe for concurrent use; callers keep
// one chat's events in order.
type Handler struct {
	Deps
}

// MaxQuestionRunes bounds what is matched: longer messages are refused
// politely rather than truncated, so nothing the resident wrote is ignored
// silently.
const MaxQuestionRunes = 1500

// New returns a Handler; zero-valued optional deps get defaults.
func New(d Deps) *Handler {
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.Log == nil {
		d.Log = slog.Default()
	}
	if d.IsAdmin == nil {
		d.IsAdmin = func(int64) bool { return false }
	}
	return &Handler{Deps: d}
}

// Handle processes one event. An error means the event could not be handled
// and may be retried; the resident has already been told when that helps.
func (h *Handler) Handle(ctx context.Context, in Incoming) error {
	if in.Callback != nil {
		if strings.HasPrefix(in.Callback.Data, "m:") {
			// a menu item shown after the preview of a waiting report
			return h.asideFrom(ctx, in.UserID, func() error { return h.handleCallback(ctx, in) })
		}
		return h.handleCallback(ctx, in)
	}
	if in.Chat == GroupChat {
		err := h.handleGroup(ctx, in)
		if err != nil && ctx.Err() == nil {
			// a staff reply or command that failed must not look done
			h.sendQuietly(ctx, OutMessage{ChatID: in.ChatID, Text: staffFailure, ReplyTo: in.MessageID})
		}
		return err
	}
	var lang string // the reply language, once handlePrivate knows it
	err := h.handlePrivate(ctx, in, &lang)
	if err != nil && ctx.Err() == nil {
		// the update is marked handled anyway (a poison message must not
		// loop), so the resident must hear that it did not go through
		h.replyFailure(ctx, in, lang)
	}
	return err
}

// sendQuietly sends a notice whose failure is only logged: it reports
// another failure.
func (h *Handler) sendQuietly(ctx context.Context, m OutMessage) {
	if _, err := h.Messenger.Send(ctx, m); err != nil {
		h.Log.Warn("could not send failure notice", "chat_id", m.ChatID, "err", err)
	}
}

func (h *Handler) handlePrivate(ctx context.Context, in Incoming, replyLang *string) error {
	res, err := h.Residents.TouchResident(ctx, in.UserID, h.Now())
	if err != nil {
		return fmt.Errorf("touch resident %d: %w", in.UserID, err)
	}
	// writing to the bot again: messages reach them (an unblocked bot)
	if err := h.State.Delete(ctx, unreachableKey(in.UserID)); err != nil {
		h.Log.Warn("clear unreachable mark", "err", err)
	}
	if res.Language == "" {
		h.recallLanguage(ctx, &in)
		h.rememberLanguage(ctx, in)
	}
	lang := h.language(res.Language, in)
	*replyLang = lang
	text := strings.TrimSpace(in.Text)
	if in.Document != nil {
		if handled, err := h.faqDocument(ctx, in, lang); handled || err != nil {
			return err
		}
	}
	if in.Kind == TextMessage {
		if cmd, ok := parseCommand(text, h.BotUsername); ok {
			if cmd.otherBot {
				return nil
			}
			return h.asideFrom(ctx, in.UserID, func() error { return h.command(ctx, in, cmd, res.Language, lang) })
		}
	}
	// what to do now comes first; the report or the FAQ answer follows
	if e := emergencyIn(in.Text); e != noEmergency {
		if err := h.send(ctx, OutMessage{ChatID: in.ChatID, Text: emergencyAdvice[e].in(lang)}); err != nil {
			return err
		}
	} else if tip, ok := safetyTipFor(in.Text); ok {
		if err := h.send(ctx, OutMessage{ChatID: in.ChatID, Text: tip.in(lang)}); err != nil {
			return err
		}
	}
	if h.ticketsEnabled() {
		if handled, err := h.ticketMessage(ctx, in, res.Language, lang); handled || err != nil {
			return err
		}
	}
	switch in.Kind {
	case TextMessage:
	case PhotoMessage:
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtPhotoSoon.in(lang)})
	default:
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtUnsupported.in(lang)})
	}
	return h.answerQuestion(ctx, in, res.Language, text)
}

// asideFrom runs a command or a menu press (answer): what it shows comes
// after the preview of a report still waiting, so a bare "ok" next thanks
// for that, not "send" (the preview is shown again).
func (h *Handler) asideFrom(ctx context.Context, userID int64, answer func() error) error {
	if !h.ticketsEnabled() {
		return answer()
	}
	d, ok, err := h.loadDraft(ctx, userID)
	if err != nil {
		return err
	}
	if err := answer(); err != nil {
		return err
	}
	if ok && d.active() {
		h.setDraftAside(ctx, userID, d.ID) // no longer that draft (sent, cancelled, replaced): nothing marked
	}
	return nil
}

// language picks the reply language: the resident's explicit choice, else
// the language the message is written in, else the client's hint.
func (h *Handler) language(chosen string, in Incoming) string {
	if chosen == "zh" || chosen == "en" {
		return chosen
	}
	if t := strings.TrimSpace(in.Text); carriesLanguage(t, in.lastLang) {
		return faq.DetectLang(t)
	}
	if strings.HasPrefix(strings.ToLower(in.UserLang), "en") {
		return "en"
	}
	return "zh"
}

func (h *Handler) command(ctx context.Context, in Incoming, cmd command, chosen, lang string) error {
	switch cmd.name {
	case "start", "menu":
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtGreeting.in(lang), Buttons: menu(lang)})
	case "help":
		help := txtHelp.in(lang)
		if h.IsAdmin(in.UserID) {
			help += txtAdminHelp.in(lang)
		}
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: help})
	case "lang", "language":
		return h.setLanguageCommand(ctx, in, cmd.args, lang)
	case "mytickets", "tickets":
		if h.ticketsEnabled() {
			return h.myTickets(ctx, in, lang)
		}
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtNoTickets.in(lang)})
	case "report", "concern":
		if h.ticketsEnabled() {
			return h.startIntake(ctx, in, chosen, lang, cmd.args)
		}
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtConcernSoon.in(lang)})
	case "cancel":
		return h.cancelConversation(ctx, in, lang)
	case "stats":
		return h.stats(ctx, in, lang)
	case "faq":
		return h.faqCommand(ctx, in, cmd.args, lang)
	default:
		return h.unknownCommand(ctx, in, cmd.name, lang)
	}
}

func (h *Handler) setLanguageCommand(ctx context.Context, in Incoming, args, lang string) error {
	switch want := strings.ToLower(strings.TrimSpace(args)); {
	case want == "zh" || want == "cn" || want == "中文":
		return h.setLanguage(ctx, in.ChatID, in.UserID, "zh")
	case want == "en" || want == "english" || want == "英文":
		return h.setLanguage(ctx, in.ChatID, in.UserID, "en")
	}
	return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtChooseLanguage.in(lang), Buttons: languageButtons()})
}

func (h *Handler) setLanguage(ctx context.Context, chatID, userID int64, lang string) error {
	if err := h.Residents.SetResidentLanguage(ctx, userID, lang); err != nil {
		return fmt.Errorf("set language of %d: %w", userID, err)
	}
	if h.ticketsEnabled() {
		h.retellTicketLanguage(ctx, userID, lang)
	}
	return h.send(ctx, OutMessage{ChatID: chatID, Text: txtLanguageSet.in(lang)})
}

// handleGroup answers only commands addressed to the bot: staff chats are
// for people, and a bot chiming in on every line would be noise.
func (h *Handler) handleGroup(ctx context.Context, in Incoming) error {
	// a command typed while a card is still selected for reply is a
	// command, not words for the resident
	cmd, isCommand := parseCommand(strings.TrimSpace(in.Text), h.BotUsername)
	if in.ReplyTo != 0 && h.ticketsEnabled() && !(in.Kind == TextMessage && isCommand) {
		if handled, err := h.staffReply(ctx, in); handled || err != nil {
			return err
		}
	}
	if in.Kind != TextMessage || !isCommand || cmd.otherBot {
		return nil
	}
	if _, staff := h.partyOfChat(in.ChatID); staff {
		// a staff chat's /claim, /lang, /mytickets: an answer for staff
		if handled, err := h.staffCommand(ctx, in, cmd.name); handled || err != nil {
			return err
		}
	}
	lang := h.language("", Incoming{UserLang: in.UserLang})
	switch cmd.name {
	case "help", "start":
		if _, staff := h.partyOfChat(in.ChatID); staff {
			return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: staffGroupHelp, ReplyTo: in.MessageID})
		}
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtGroupOnlyPrivate.in(lang), ReplyTo: in.MessageID})
	case "stats", "faq":
		return h.adminCommandInGroup(ctx, in, lang)
	case "open", "todo", "tickets":
		if party, staff := h.partyOfChat(in.ChatID); staff && h.ticketsEnabled() {
			return h.staffToDo(ctx, in, party)
		}
		if cmd.name == "tickets" && cmd.toUs {
			return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtGroupOnlyPrivate.in(lang), ReplyTo: in.MessageID})
		}
	case "mytickets", "report", "concern", "lang", "language", "menu", "cancel":
		// a resident's command in a group: where it works, rather than
		// silence; a name other bots use too only when addressed to us or
		// in a staff chat (ours)
		if _, staffChat := h.partyOfChat(in.ChatID); cmd.name == "mytickets" || cmd.toUs || staffChat {
			return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtGroupOnlyPrivate.in(lang), ReplyTo: in.MessageID})
		}
	}
	return nil
}

// stats shows administrators what residents ask and where the FAQ falls short.
func (h *Handler) stats(ctx context.Context, in Incoming, lang string) error {
	if !h.IsAdmin(in.UserID) {
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtNotAdmin.in(lang)})
	}
	since := h.Now().Add(-7 * 24 * time.Hour)
	st, err := h.Questions.QuestionStats(ctx, since)
	if err != nil {
		return fmt.Errorf("question stats: %w", err)
	}
	text := formatStats(st, lang) + h.placeholderReminder(lang)
	if h.ticketsEnabled() {
		ts, err := h.Tickets.TicketStats(ctx, since)
		if err != nil {
			return fmt.Errorf("ticket stats: %w", err)
		}
		text += "\n\n" + formatTicketStats(ts, h.categoryNames(lang), lang)
	}
	return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: text})
}

func (h *Handler) send(ctx context.Context, msg OutMessage) error {
	if _, err := h.Messenger.Send(ctx, msg); err != nil {
		return fmt.Errorf("send to chat %d: %w", msg.ChatID, err)
	}
	return nil
}

// replyFailure tells the resident something went wrong, so nobody is left
// waiting in silence; a failure to say so is only logged.
func (h *Handler) replyFailure(ctx context.Context, in Incoming, lang string) {
	if lang == "" {
		lang = h.language("", in)
	}
	h.sendQuietly(ctx, OutMessage{ChatID: in.ChatID, Text: txtSomethingWrong.in(lang)})
}

func menu(lang string) [][]Button {
	return [][]Button{
		{{Text: txtMenuAsk.in(lang), Data: "m:ask"}, {Text: txtMenuConcern.in(lang), Data: "m:concern"}},
		{{Text: txtMenuTickets.in(lang), Data: "m:tickets"}, {Text: txtMenuLanguage.in(lang), Data: "m:lang"}},
	}
}

func languageButtons() [][]Button {
	return [][]Button{{{Text: "中文", Data: "lang:zh"}, {Text: "English", Data: "lang:en"}}}
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

var errStale = errors.New("stale or malformed button")

// hasWords reports whether s has letters or Han characters to tell its
// language by ("5" or "👍" does not).
func hasWords(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// partyOfChat is the party (or the co-office desk) whose staff chat chatID
// is; false for any other chat, or with no staff chats configured.
func (h *Handler) partyOfChat(chatID int64) (parties.ID, bool) {
	if h.Parties == nil {
		return "", false
	}
	return h.Parties.PartyOfChat(chatID)
}
