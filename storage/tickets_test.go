package storage_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"codesk/parties"
	"codesk/storage"
	"codesk/storage/storagetest"
	"codesk/tickets"
)

func leakTicket(key string) storage.NewTicket {
	return storage.NewTicket{
		Key: key, ResidentID: 501, ChatID: 501, Lang: "zh",
		Text:     "3号楼2单元电梯又坏了，老人上不去楼！",
		PhotoIDs: []string{"AgACAgUAAxkBAAIBZ2", "AgACAgUAAxkBAAIBZ3"},
		Location: "3号楼2单元", Category: "lifts", Party: parties.PropertyManagement,
		ResidentName: "王阿姨", At: testTime,
	}
}

// cardMessages is what the handlers enqueue for a new ticket: a card for the
// party's chat and a confirmation for the resident.
func cardMessages(calls *int) func(tickets.Ticket) []storage.OutboxMessage {
	return func(t tickets.Ticket) []storage.OutboxMessage {
		if calls != nil {
			*calls++
		}
		return []storage.OutboxMessage{
			{Key: fmt.Sprintf("ticket:%d:card", t.ID), ChatID: -1001001, Text: t.Number() + " " + t.Text,
				Buttons:  [][]storage.OutboxButton{{{Text: "认领", Data: fmt.Sprintf("s:claim:%d", t.ID)}}},
				TicketID: t.ID, Purpose: "card"},
			{Key: fmt.Sprintf("ticket:%d:confirm", t.ID), ChatID: t.ChatID, Text: "已收到 " + t.Number(),
				TicketID: t.ID, Purpose: "resident"},
		}
	}
}

func TestCreateTicketRoundTrip(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		var calls int
		got, created, err := db.CreateTicket(ctx, leakTicket("draft:1"), cardMessages(&calls))
		if err != nil || !created {
			t.Fatalf("CreateTicket = %v, %v; want created", created, err)
		}
		nt := leakTicket("")
		want := tickets.Ticket{ID: 1, ResidentID: 501, ChatID: 501, Lang: "zh", Text: nt.Text, PhotoIDs: nt.PhotoIDs,
			Location: nt.Location, Category: "lifts", Party: parties.PropertyManagement, Status: tickets.StatusNew,
			CreatedAt: testTime, UpdatedAt: testTime, StatusChangedAt: testTime}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("CreateTicket:\n got  %+v\n want %+v", got, want)
		}
		if calls != 1 {
			t.Fatalf("messages called %d times; want 1", calls)
		}
		if read, err := db.Ticket(ctx, got.ID); err != nil || !reflect.DeepEqual(read, want) {
			t.Fatalf("Ticket(1) = %+v, %v;\n want %+v", read, err, want)
		}

		// Empty fields stay empty, nil stays nil; numbers count up from 1.
		bare, _, err := db.CreateTicket(ctx, storage.NewTicket{Key: "draft:2", ResidentID: 502, ChatID: 502,
			Party: parties.CoOffice, PhotoIDs: []string{}, At: testTime.Add(time.Minute)}, nil)
		if err != nil {
			t.Fatal(err)
		}
		wantBare := tickets.Ticket{ID: 2, ResidentID: 502, ChatID: 502, Party: parties.CoOffice,
			Status: tickets.StatusNew, CreatedAt: testTime.Add(time.Minute), UpdatedAt: testTime.Add(time.Minute),
			StatusChangedAt: testTime.Add(time.Minute)}
		if read, err := db.Ticket(ctx, 2); err != nil || !reflect.DeepEqual(read, wantBare) || !reflect.DeepEqual(bare, wantBare) {
			t.Fatalf("bare ticket: created %+v, read %+v, %v;\n want %+v", bare, read, err, wantBare)
		}

		events, err := db.TicketEvents(ctx, 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(events) != 1 {
			t.Fatalf("%d events; want the created event only: %+v", len(events), events)
		}
		e := events[0]
		e.ID = 0
		wantEvent := tickets.Event{TicketID: 1, Kind: tickets.EventCreated, ActorID: 501, Actor: "王阿姨",
			ToStatus: tickets.StatusNew, ToParty: parties.PropertyManagement, Text: nt.Text, PhotoIDs: nt.PhotoIDs, At: testTime}
		if !reflect.DeepEqual(e, wantEvent) {
			t.Fatalf("created event:\n got  %+v\n want %+v", e, wantEvent)
		}

		card, err := db.OutboxByKey(ctx, "ticket:1:card")
		if err != nil {
			t.Fatal(err)
		}
		if card.TicketID != 1 || card.Status != storage.OutboxPending || card.Text != "#1 "+nt.Text ||
			!card.CreatedAt.Equal(testTime) || len(card.Buttons) != 1 || card.Buttons[0][0].Data != "s:claim:1" {
			t.Fatalf("card = %+v", card)
		}
		if n, err := db.PendingOutbox(ctx); err != nil || n != 2 {
			t.Fatalf("PendingOutbox = %d, %v; want 2", n, err)
		}

		// An English resident's ticket keeps its machine translation for staff.
		en := storage.NewTicket{Key: "draft:3", ResidentID: 503, ChatID: 503, Lang: "en",
			Text: "The lift in building 3 is broken", Translation: "3号楼的电梯坏了", Party: parties.PropertyManagement, At: testTime}
		if _, _, err := db.CreateTicket(ctx, en, nil); err != nil {
			t.Fatal(err)
		}
		if read, err := db.Ticket(ctx, 3); err != nil || read.Translation != en.Translation {
			t.Fatalf("Ticket(3).Translation = %q, %v; want %q", read.Translation, err, en.Translation)
		}

		if _, err := db.Ticket(ctx, 99); !errors.Is(err, storage.ErrNotFound) {
			t.Fatalf("Ticket(99): %v; want ErrNotFound", err)
		}
		if _, _, err := db.CreateTicket(ctx, leakTicket(""), nil); err == nil {
			t.Fatal("CreateTicket without a key succeeded; want an error")
		}
	})
}

func TestResidentTicketsNewestFirstAndOwnOnly(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		for i, resident := range []int64{7, 8, 7, 7} {
			nt := leakTicket(fmt.Sprintf("draft:%d", i))
			nt.ResidentID, nt.ChatID = resident, resident
			if _, _, err := db.CreateTicket(ctx, nt, nil); err != nil {
				t.Fatal(err)
			}
		}
		got, err := db.ResidentTickets(ctx, 7, 0)
		if err != nil {
			t.Fatal(err)
		}
		if ids := ticketIDs(got); !reflect.DeepEqual(ids, []int64{4, 3, 1}) {
			t.Fatalf("resident 7 tickets %v; want [4 3 1]", ids)
		}
		if got, err = db.ResidentTickets(ctx, 7, 2); err != nil || !reflect.DeepEqual(ticketIDs(got), []int64{4, 3}) {
			t.Fatalf("ResidentTickets(7, 2) = %v, %v; want [4 3]", ticketIDs(got), err)
		}
		if got, err = db.ResidentTickets(ctx, 9, 10); err != nil || len(got) != 0 {
			t.Fatalf("ResidentTickets(9) = %v, %v; want none", ticketIDs(got), err)
		}
	})
}

func ticketIDs(ts []tickets.Ticket) []int64 {
	var ids []int64
	for _, t := range ts {
		ids = append(ids, t.ID)
	}
	return ids
}

// An update seen twice (or a double tap on "send") must not create a second
// ticket or a second card.
func TestCreateTicketIdempotentByKey(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		first, _, err := db.CreateTicket(ctx, leakTicket("draft:9"), cardMessages(nil))
		if err != nil {
			t.Fatal(err)
		}
		again := leakTicket("draft:9")
		again.Text = "different text"
		var calls int
		second, created, err := db.CreateTicket(ctx, again, cardMessages(&calls))
		if err != nil || created {
			t.Fatalf("second CreateTicket: created %v, %v; want false, nil", created, err)
		}
		if !reflect.DeepEqual(second, first) || calls != 0 {
			t.Fatalf("second CreateTicket returned %+v (messages called %d times); want the first %+v, no call", second, calls, first)
		}
		expectCounts(t, db, 1, 1, 2)
	})
}

// Eight deliveries of the same draft at once: one ticket, one set of messages,
// and every caller gets that ticket. Distinct drafts created at the same time
// get numbers without gaps.
func TestCreateTicketConcurrent(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		const workers, drafts = 8, 5
		type result struct {
			draft   int
			t       tickets.Ticket
			created bool
			err     error
		}
		results := make(chan result, workers*drafts)
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				for d := range drafts {
					tk, created, err := db.CreateTicket(ctx, leakTicket(fmt.Sprintf("draft:%d", d)), cardMessages(nil))
					results <- result{d, tk, created, err}
				}
			})
		}
		wg.Wait()
		close(results)
		createdPerDraft := map[int]int{}
		idPerDraft := map[int]int64{}
		for r := range results {
			if r.err != nil {
				t.Fatalf("draft %d: %v", r.draft, r.err)
			}
			if r.created {
				createdPerDraft[r.draft]++
			}
			if id, ok := idPerDraft[r.draft]; ok && id != r.t.ID {
				t.Fatalf("draft %d returned tickets %d and %d", r.draft, id, r.t.ID)
			}
			idPerDraft[r.draft] = r.t.ID
		}
		seen := map[int64]bool{}
		for d := range drafts {
			if createdPerDraft[d] != 1 {
				t.Errorf("draft %d created %d times; want once", d, createdPerDraft[d])
			}
			seen[idPerDraft[d]] = true
		}
		for id := int64(1); id <= drafts; id++ {
			if !seen[id] {
				t.Errorf("ticket numbers %v have a gap at %d", idPerDraft, id)
			}
		}
		expectCounts(t, db, drafts, drafts, 2*drafts)
	})
}

// expectCounts checks the number of tickets, events and pending messages.
func expectCounts(t *testing.T, db *storage.DB, wantTickets, wantEvents, wantPending int) {
	t.Helper()
	ctx := context.Background()
	events := 0
	for id := int64(1); id <= int64(wantTickets)+1; id++ {
		_, err := db.Ticket(ctx, id)
		switch {
		case id <= int64(wantTickets) && err != nil:
			t.Fatalf("ticket %d: %v", id, err)
		case id > int64(wantTickets) && !errors.Is(err, storage.ErrNotFound):
			t.Fatalf("ticket %d exists (%v); want %d tickets", id, err, wantTickets)
		}
		evs, err := db.TicketEvents(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		events += len(evs)
	}
	if events != wantEvents {
		t.Fatalf("%d events; want %d", events, wantEvents)
	}
	if n, err := db.PendingOutbox(ctx); err != nil || n != wantPending {
		t.Fatalf("PendingOutbox = %d, %v; want %d", n, err, wantPending)
	}
}

// claimBy is the staff "claim" button: it refuses a ticket someone claimed.
func claimBy(staffID int64, at time.Time) func(tickets.Ticket) (tickets.Ticket, []tickets.Event, []storage.OutboxMessage, error) {
	return func(t tickets.Ticket) (tickets.Ticket, []tickets.Event, []storage.OutboxMessage, error) {
		if t.Status != tickets.StatusNew {
			return t, nil, nil, fmt.Errorf("already claimed by %s", t.Assignee)
		}
		from := t.Status
		t.Status, t.AssigneeID, t.Assignee = tickets.StatusClaimed, staffID, fmt.Sprintf("staff %d", staffID)
		ev := tickets.Event{Kind: tickets.EventStatus, ActorID: staffID, Actor: t.Assignee,
			FromStatus: from, ToStatus: t.Status, At: at}
		msg := storage.OutboxMessage{Key: fmt.Sprintf("ticket:%d:claimed", t.ID), ChatID: t.ChatID,
			Text: t.Number() + " 处理中", TicketID: t.ID, Purpose: "resident"}
		return t, []tickets.Event{ev}, []storage.OutboxMessage{msg}, nil
	}
}

func TestUpdateTicketConcurrentClaimOneWins(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		if _, _, err := db.CreateTicket(ctx, leakTicket("draft:1"), nil); err != nil {
			t.Fatal(err)
		}
		const staff = 8
		var wg sync.WaitGroup
		var mu sync.Mutex
		var winners []int64
		for s := range staff {
			wg.Go(func() {
				staffID := int64(20001 + s)
				got, err := db.UpdateTicket(ctx, 1, claimBy(staffID, testTime.Add(time.Minute)))
				if err != nil {
					return
				}
				mu.Lock()
				defer mu.Unlock()
				if got.AssigneeID != staffID {
					t.Errorf("staff %d won but the ticket says %d", staffID, got.AssigneeID)
				}
				winners = append(winners, staffID)
			})
		}
		wg.Wait()
		if len(winners) != 1 {
			t.Fatalf("%d claims succeeded (%v); want exactly 1", len(winners), winners)
		}
		tk, err := db.Ticket(ctx, 1)
		if err != nil || tk.Status != tickets.StatusClaimed || tk.AssigneeID != winners[0] {
			t.Fatalf("ticket after the race: %+v, %v; want claimed by %d", tk, err, winners[0])
		}
		expectCounts(t, db, 1, 2, 1)
	})
}

func TestUpdateTicketRefusalsWriteNothing(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		before, _, err := db.CreateTicket(ctx, leakTicket("draft:1"), nil)
		if err != nil {
			t.Fatal(err)
		}
		// A change that skips the lifecycle (new -> closed) is refused by storage.
		_, err = db.UpdateTicket(ctx, 1, func(tk tickets.Ticket) (tickets.Ticket, []tickets.Event, []storage.OutboxMessage, error) {
			tk.Status, tk.Rating = tickets.StatusClosed, 5
			return tk, []tickets.Event{{Kind: tickets.EventRated, Text: "好"}},
				[]storage.OutboxMessage{{Key: "ticket:1:closed", ChatID: 501, Text: "closed"}}, nil
		})
		if !errors.Is(err, tickets.ErrIllegalTransition) {
			t.Fatalf("new -> closed: %v; want ErrIllegalTransition", err)
		}
		// The change's own refusal aborts too and comes back wrapped.
		errRefused := errors.New("not your ticket")
		_, err = db.UpdateTicket(ctx, 1, func(tk tickets.Ticket) (tickets.Ticket, []tickets.Event, []storage.OutboxMessage, error) {
			return tk, nil, nil, errRefused
		})
		if !errors.Is(err, errRefused) {
			t.Fatalf("refused change: %v; want it wrapped", err)
		}
		if after, err := db.Ticket(ctx, 1); err != nil || !reflect.DeepEqual(after, before) {
			t.Fatalf("ticket changed by refused updates:\n got  %+v\n want %+v", after, before)
		}
		expectCounts(t, db, 1, 1, 0)

		if _, err := db.UpdateTicket(ctx, 42, claimBy(1, testTime)); !errors.Is(err, storage.ErrNotFound) {
			t.Fatalf("update of an unknown ticket: %v; want ErrNotFound", err)
		}
	})
}

// A ticket's whole life: claim, reassign (back to new at another party), a
// staff message, resolve, reopen, resolve, rate and close; every step leaves
// its history and the change's times are kept.
func TestUpdateTicketLifecycle(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		if _, _, err := db.CreateTicket(ctx, leakTicket("draft:1"), nil); err != nil {
			t.Fatal(err)
		}
		at := func(minutes int) time.Time { return testTime.Add(time.Duration(minutes) * time.Minute) }
		update := func(fn func(tk *tickets.Ticket) []tickets.Event) tickets.Ticket {
			t.Helper()
			got, err := db.UpdateTicket(ctx, 1, func(tk tickets.Ticket) (tickets.Ticket, []tickets.Event, []storage.OutboxMessage, error) {
				events := fn(&tk)
				return tk, events, nil, nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if read, err := db.Ticket(ctx, 1); err != nil || !reflect.DeepEqual(read, got) {
				t.Fatalf("UpdateTicket returned %+v; stored %+v, %v", got, read, err)
			}
			return got
		}

		if _, err := db.UpdateTicket(ctx, 1, claimBy(20001, at(1))); err != nil {
			t.Fatal(err)
		}
		// Reassigning sends the ticket back to new; the change records only the
		// party move, so storage adds the status row itself.
		got := update(func(tk *tickets.Ticket) []tickets.Event {
			from := tk.Party
			tk.Party, tk.Status, tk.AssigneeID, tk.Assignee = parties.NeighborhoodCommittee, tickets.StatusNew, 0, ""
			return []tickets.Event{{Kind: tickets.EventReassigned, ActorID: 20001, FromParty: from, ToParty: tk.Party, At: at(2)}}
		})
		if got.Party != parties.NeighborhoodCommittee || got.Status != tickets.StatusNew || !got.UpdatedAt.Equal(at(2)) {
			t.Fatalf("after reassign: %+v", got)
		}
		// A message without a time takes the change's time: here the UpdatedAt it set.
		got = update(func(tk *tickets.Ticket) []tickets.Event {
			tk.UpdatedAt = at(3)
			return []tickets.Event{{Kind: tickets.EventStaffMessage, ActorID: 30001, Text: "明天上午派人维修"}}
		})
		if !got.UpdatedAt.Equal(at(3)) {
			t.Fatalf("UpdatedAt set by the change = %v; want %v", got.UpdatedAt, at(3))
		}
		got = update(func(tk *tickets.Ticket) []tickets.Event {
			tk.Status = tickets.StatusResolved
			return []tickets.Event{{Kind: tickets.EventStatus, FromStatus: tickets.StatusNew, ToStatus: tickets.StatusResolved, At: at(4)}}
		})
		if got.ResolvedAt == nil || !got.ResolvedAt.Equal(at(4)) || !got.UpdatedAt.Equal(at(4)) {
			t.Fatalf("after resolve: resolved %v updated %v; want %v", got.ResolvedAt, got.UpdatedAt, at(4))
		}
		update(func(tk *tickets.Ticket) []tickets.Event {
			tk.Status = tickets.StatusReopened
			return []tickets.Event{{Kind: tickets.EventStatus, FromStatus: tickets.StatusResolved, ToStatus: tickets.StatusReopened, At: at(5)}}
		})
		got = update(func(tk *tickets.Ticket) []tickets.Event {
			tk.Status = tickets.StatusResolved
			return []tickets.Event{{Kind: tickets.EventStatus, FromStatus: tickets.StatusReopened, ToStatus: tickets.StatusResolved, At: at(6)}}
		})
		if got.ResolvedAt == nil || !got.ResolvedAt.Equal(at(6)) {
			t.Fatalf("resolved again at %v; want %v (a fresh reopen window)", got.ResolvedAt, at(6))
		}
		got = update(func(tk *tickets.Ticket) []tickets.Event {
			tk.Status, tk.Rating = tickets.StatusClosed, 4
			return []tickets.Event{{Kind: tickets.EventRated, ActorID: 501, Text: "师傅很负责", At: at(7)}}
		})
		if got.Rating != 4 || got.Status != tickets.StatusClosed || got.ResolvedAt == nil || !got.ResolvedAt.Equal(at(6)) {
			t.Fatalf("after rating: %+v", got)
		}
		// Unchanged ticket, no events, no messages: nothing is written.
		if same := update(func(*tickets.Ticket) []tickets.Event { return nil }); !reflect.DeepEqual(same, got) {
			t.Fatalf("no-op change altered the ticket: %+v", same)
		}

		events, err := db.TicketEvents(ctx, 1)
		if err != nil {
			t.Fatal(err)
		}
		type step struct {
			kind     tickets.EventKind
			from, to tickets.Status
			at       time.Time
		}
		var steps []step
		for _, e := range events {
			steps = append(steps, step{e.Kind, e.FromStatus, e.ToStatus, e.At})
		}
		want := []step{
			{tickets.EventCreated, "", tickets.StatusNew, testTime},
			{tickets.EventStatus, tickets.StatusNew, tickets.StatusClaimed, at(1)},
			{tickets.EventReassigned, "", "", at(2)},
			{tickets.EventStatus, tickets.StatusClaimed, tickets.StatusNew, at(2)},
			{tickets.EventStaffMessage, "", "", at(3)},
			{tickets.EventStatus, tickets.StatusNew, tickets.StatusResolved, at(4)},
			{tickets.EventStatus, tickets.StatusResolved, tickets.StatusReopened, at(5)},
			{tickets.EventStatus, tickets.StatusReopened, tickets.StatusResolved, at(6)},
			{tickets.EventRated, "", "", at(7)},
			{tickets.EventStatus, tickets.StatusResolved, tickets.StatusClosed, at(7)},
		}
		if !reflect.DeepEqual(steps, want) {
			t.Fatalf("history:\n got  %v\n want %v", steps, want)
		}
		if events[4].Text != "明天上午派人维修" || events[2].ToParty != parties.NeighborhoodCommittee {
			t.Fatalf("event contents lost: %+v / %+v", events[4], events[2])
		}
	})
}

func TestUnclaimedTickets(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		for i := range 4 {
			nt := leakTicket(fmt.Sprintf("draft:%d", i))
			nt.At = testTime.Add(time.Duration(i) * time.Hour)
			if _, _, err := db.CreateTicket(ctx, nt, nil); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := db.UpdateTicket(ctx, 2, claimBy(20001, testTime.Add(5*time.Hour))); err != nil {
			t.Fatal(err)
		}
		got, err := db.UnclaimedTickets(ctx, testTime.Add(3*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		// #4 was created exactly at the cut-off: not older than it.
		if ids := ticketIDs(got); !reflect.DeepEqual(ids, []int64{1, 3}) {
			t.Fatalf("UnclaimedTickets = %v; want [1 3]", ids)
		}
	})
}

func TestOpenTicketsIsAPartysToDoListOldestFirst(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		file := func(key string, party parties.ID, at time.Time) tickets.Ticket {
			t.Helper()
			nt := leakTicket(key)
			nt.Party, nt.At = party, at
			tk, _, err := db.CreateTicket(ctx, nt, nil)
			if err != nil {
				t.Fatal(err)
			}
			return tk
		}
		older := file("draft:1", parties.PropertyManagement, testTime)
		newer := file("draft:2", parties.PropertyManagement, testTime.Add(time.Hour))
		theirs := file("draft:3", parties.OwnersCommittee, testTime.Add(2*time.Hour))
		done := file("draft:4", parties.PropertyManagement, testTime.Add(3*time.Hour))
		if _, err := db.UpdateTicket(ctx, done.ID, func(cur tickets.Ticket) (tickets.Ticket, []tickets.Event, []storage.OutboxMessage, error) {
			cur.Status = tickets.StatusResolved
			return cur, nil, nil, nil
		}); err != nil {
			t.Fatal(err)
		}
		escAt := testTime.Add(4 * time.Hour)
		if _, err := db.UpdateTicket(ctx, theirs.ID, func(cur tickets.Ticket) (tickets.Ticket, []tickets.Event, []storage.OutboxMessage, error) {
			cur.EscalatedAt = &escAt
			return cur, nil, nil, nil
		}); err != nil {
			t.Fatal(err)
		}
		ids := func(tks []tickets.Ticket, err error) []int64 {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
			var out []int64
			for _, tk := range tks {
				out = append(out, tk.ID)
			}
			return out
		}
		if got, want := ids(db.OpenTickets(ctx, []parties.ID{parties.PropertyManagement}, false, 0)), []int64{older.ID, newer.ID}; !slices.Equal(got, want) {
			t.Errorf("property management's open tickets = %v, want %v (no other party's, no resolved)", got, want)
		}
		if got, want := ids(db.OpenTickets(ctx, []parties.ID{parties.CoOffice}, true, 0)), []int64{theirs.ID}; !slices.Equal(got, want) {
			t.Errorf("the desk's open tickets = %v, want the escalated %v", got, want)
		}
		// the desk standing in for a party without a chat of its own
		if got, want := ids(db.OpenTickets(ctx, []parties.ID{parties.CoOffice, parties.PropertyManagement}, true, 0)), []int64{older.ID, newer.ID, theirs.ID}; !slices.Equal(got, want) {
			t.Errorf("the desk's and property management's open tickets = %v, want %v", got, want)
		}
		if got := ids(db.OpenTickets(ctx, []parties.ID{parties.PropertyManagement}, false, 1)); len(got) != 1 || got[0] != older.ID {
			t.Errorf("limit 1 = %v, want the oldest", got)
		}
	})
}
