package handlers_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"codesk/handlers"
	"codesk/storage"
	"codesk/tickets"
)

// flakyState fails every call while down (a Redis blip).
type flakyState struct {
	storage.SharedState
	down bool
}

var errBlip = errors.New("redis: i/o timeout")

func (s *flakyState) Get(ctx context.Context, k string) ([]byte, bool, error) {
	if s.down {
		return nil, false, errBlip
	}
	return s.SharedState.Get(ctx, k)
}

func (s *flakyState) Set(ctx context.Context, k string, v []byte, ttl time.Duration) error {
	if s.down {
		return errBlip
	}
	return s.SharedState.Set(ctx, k, v, ttl)
}

// The update is marked handled even when its handler fails (a poison
// message must not loop), so the sender must hear it did not go through.
func TestFailedMessageIsNotSilent(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	f.h.State = &flakyState{SharedState: f.state, down: true}
	before := f.out.count()
	err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: resident, UserID: resident, Chat: handlers.PrivateChat,
		Kind: handlers.TextMessage, Text: "3号楼2单元电梯又坏了"})
	sent := f.out.sentSince(before)
	if err == nil || len(sent) != 1 || !strings.Contains(sent[0].Text, "出了点问题") {
		t.Errorf("a failed concern: err %v, replies %v; want the error and one 'something went wrong'", err, texts(sent))
	}
}

// failingUpdates is the ticket store with UpdateTicket down (a DB blip).
type failingUpdates struct{ *storage.DB }

func (failingUpdates) UpdateTicket(context.Context, int64, func(tickets.Ticket) (tickets.Ticket, []tickets.Event, []storage.OutboxMessage, error)) (tickets.Ticket, error) {
	return tickets.Ticket{}, errors.New("pq: connection reset")
}

func TestFailedStaffReplyIsNotSilent(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	_, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	f.h.Tickets = failingUpdates{f.db}
	before := f.out.count()
	err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: pmChat, Chat: handlers.GroupChat, UserID: pmMember,
		MessageID: 80, ReplyTo: card.SentMessageID, Kind: handlers.TextMessage, Text: "师傅下午两点到"})
	sent := f.out.sentSince(before)
	if err == nil || len(sent) != 1 || sent[0].ChatID != pmChat || !strings.Contains(sent[0].Text, "没有成功") {
		t.Errorf("a failed staff reply: err %v, messages %v; want the error and a notice in the staff chat", err, texts(sent))
	}
}

// A file, voice note or sticker in reply to a card cannot reach the
// resident: the member is told, nothing is stored.
func TestStaffNonTextReplyIsRefusedAloud(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	evsBefore, _ := f.db.TicketEvents(f.ctx, tk.ID)
	for _, kind := range []handlers.MessageKind{handlers.FileMessage, handlers.VoiceMessage, handlers.StickerMessage} {
		before := f.out.count()
		if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: pmChat, Chat: handlers.GroupChat, UserID: pmMember,
			MessageID: 90 + int(kind), ReplyTo: card.SentMessageID, Kind: kind, Text: "报价单见附件"}); err != nil {
			t.Fatal(err)
		}
		sent := f.out.sentSince(before)
		if len(sent) != 1 || !strings.Contains(sent[0].Text, "没有转达") {
			t.Errorf("kind %d: want a notice that it was not passed on, got %v", kind, texts(sent))
		}
	}
	if evs, _ := f.db.TicketEvents(f.ctx, tk.ID); len(evs) != len(evsBefore) {
		t.Errorf("nothing is stored for an unrelayable reply: %d events, was %d", len(evs), len(evsBefore))
	}
}

// "/report <text>" has the same length limit as a typed concern.
func TestReportCommandTextHasTheLengthLimit(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	got := f.say(t, resident, "/report 3号楼电梯坏了。"+strings.Repeat("电梯又坏了，", 300))
	if !strings.Contains(got.Text, "1500") {
		t.Errorf("an over-long /report text is refused with the limit, got %q", clipped(got.Text))
	}
}

func clipped(s string) string {
	if r := []rune(s); len(r) > 80 {
		return string(r[:80]) + "…"
	}
	return s
}
