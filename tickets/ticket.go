package tickets

import (
	"errors"
	"fmt"
	"time"

	"codesk/parties"
)

// Status is where a ticket is in its life.
type Status string

const (
	StatusNew      Status = "new"      // stored and sent to its party's chat; nobody has claimed it
	StatusClaimed  Status = "claimed"  // a staff member works on it
	StatusWaiting  Status = "waiting"  // staff asked the resident something and waits for the answer
	StatusResolved Status = "resolved" // staff say it is done; the resident may rate or reopen it
	StatusClosed   Status = "closed"   // rated, or resolved long enough ago; final
	StatusReopened Status = "reopened" // the resident says it is not done after all
)

// Statuses lists every status in lifecycle order.
var Statuses = []Status{StatusNew, StatusClaimed, StatusWaiting, StatusResolved, StatusClosed, StatusReopened}

// ReopenWindow is how long after resolution a resident may reopen a ticket.
const ReopenWindow = 7 * 24 * time.Hour

// transitions lists the legal moves; anything else is refused.
var transitions = map[Status][]Status{
	StatusNew:      {StatusClaimed, StatusResolved},
	StatusClaimed:  {StatusWaiting, StatusResolved, StatusNew}, // back to new when reassigned
	StatusWaiting:  {StatusClaimed, StatusResolved, StatusNew},
	StatusResolved: {StatusClosed, StatusReopened},
	StatusClosed:   {StatusReopened},
	StatusReopened: {StatusClaimed, StatusResolved, StatusNew},
}

// ErrIllegalTransition is returned for a move the lifecycle does not allow.
var ErrIllegalTransition = errors.New("tickets: illegal status transition")

// CanTransition reports whether a ticket may move from one status to another.
func CanTransition(from, to Status) bool {
	for _, s := range transitions[from] {
		if s == to {
			return true
		}
	}
	return false
}

// CheckTransition returns ErrIllegalTransition, wrapped with both statuses,
// when the move is not allowed.
func CheckTransition(from, to Status) error {
	if !CanTransition(from, to) {
		return fmt.Errorf("%w: %s -> %s", ErrIllegalTransition, from, to)
	}
	return nil
}

// Open reports whether staff still have work to do on a ticket in status s.
func (s Status) Open() bool {
	return s == StatusNew || s == StatusClaimed || s == StatusWaiting || s == StatusReopened
}

// StaffName is the status as staff read it, both languages: "waiting"
// waits for the resident, not for the reader.
func (s Status) StaffName() string {
	if s == StatusWaiting {
		return "等待居民回复 / waiting for the resident"
	}
	return s.Name("zh") + " / " + s.Name("en")
}

// Name is the status's display name in lang, as the resident reads it.
func (s Status) Name(lang string) string {
	names := map[Status][2]string{
		StatusNew:      {"待受理", "new"},
		StatusClaimed:  {"处理中", "in progress"},
		StatusWaiting:  {"等待您回复", "waiting for you"},
		StatusResolved: {"已解决", "resolved"},
		StatusClosed:   {"已关闭", "closed"},
		StatusReopened: {"已重新打开", "reopened"},
	}
	n, ok := names[s]
	if !ok {
		return string(s)
	}
	if lang == "en" {
		return n[1]
	}
	return n[0]
}

// Ticket is a resident's concern being worked by a party.
type Ticket struct {
	ID         int64 // also the short number residents and staff quote: #ID
	ResidentID int64 // Telegram user id
	ChatID     int64 // the resident's private chat
	Lang       string
	Text       string
	PhotoIDs   []string // transport file ids
	Location   string   // building/unit as the resident gave it; "" when none
	Category   string
	Party      parties.ID // owning party, or parties.CoOffice while in triage
	Status     Status
	AssigneeID int64 // staff user id; 0 when unclaimed
	Assignee   string
	Rating     int // 1-5; 0 when not rated
	CreatedAt  time.Time
	UpdatedAt  time.Time
	ResolvedAt *time.Time
	// StatusChangedAt is when the status or the party last changed: the SLA
	// clock starts here, so a reassignment or a reopening restarts it. The
	// storage layer keeps it; a change's own value is ignored.
	StatusChangedAt time.Time
	// RemindedAt and EscalatedAt are the last SLA reminder to the party's
	// chat and escalation to the co-office desk; one before StatusChangedAt
	// belongs to an earlier cycle. nil when never.
	RemindedAt  *time.Time
	EscalatedAt *time.Time
	// Translation is a machine translation of Text for staff, who read
	// Chinese, when the resident wrote another language; "" when none.
	Translation string
}

// Number is the ticket's human-friendly number, e.g. "#42".
func (t Ticket) Number() string { return fmt.Sprintf("#%d", t.ID) }

// CanReopen reports whether the resident may still reopen the ticket at now.
func (t Ticket) CanReopen(now time.Time) bool {
	if t.Status != StatusResolved && t.Status != StatusClosed {
		return false
	}
	return t.ResolvedAt != nil && now.Sub(*t.ResolvedAt) <= ReopenWindow
}

// EventKind is what a ticket history row records.
type EventKind string

const (
	EventCreated         EventKind = "created"
	EventStatus          EventKind = "status"           // a status transition
	EventReassigned      EventKind = "reassigned"       // moved to another party
	EventStaffMessage    EventKind = "staff_message"    // staff wrote to the resident
	EventResidentMessage EventKind = "resident_message" // the resident added text or photos
	EventRated           EventKind = "rated"
	EventEscalated       EventKind = "escalated"   // SLA reminder or escalation to the desk
	EventUndelivered     EventKind = "undelivered" // a message could never reach the resident
	// EventStaffNote: a remark among staff under the ticket (#内部); it goes
	// with the ticket to the next party, never to the resident
	EventStaffNote EventKind = "staff_note"
)

// WithdrawnNote is the text of the status events that resolve and close a
// ticket its resident withdrew; statistics tell those from staff's work by it.
const WithdrawnNote = "withdrawn by the resident"

// Event is one row of a ticket's history: every transition and message.
type Event struct {
	ID         int64
	TicketID   int64
	Kind       EventKind
	ActorID    int64 // Telegram user id; 0 for the system
	Actor      string
	FromStatus Status // for EventStatus
	ToStatus   Status
	FromParty  parties.ID // for EventReassigned
	ToParty    parties.ID
	Text       string
	PhotoIDs   []string
	At         time.Time
}
