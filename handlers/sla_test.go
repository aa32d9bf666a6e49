package handlers_test

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"codesk/handlers"
	"codesk/parties"
	"codesk/storage"
	"codesk/storage/storagetest"
	"codesk/tickets"
)

var slaPolicy = handlers.SLAPolicy{RemindAfter: 2 * time.Hour, EscalateAfter: 8 * time.Hour}

// checkSLA runs the watcher at the fixture's clock and wants the counts.
func (f *ticketFixture) checkSLA(t *testing.T, wantReminded, wantEscalated int) {
	t.Helper()
	r, e, err := f.h.CheckSLA(f.ctx, f.now, slaPolicy)
	if err != nil {
		t.Fatalf("CheckSLA at %v: %v", f.now, err)
	}
	if r != wantReminded || e != wantEscalated {
		t.Fatalf("CheckSLA at %v = reminded %d, escalated %d; want %d, %d", f.now, r, e, wantReminded, wantEscalated)
	}
}

func byPurpose(msgs []storage.OutboxMessage, purpose string) []storage.OutboxMessage {
	var out []storage.OutboxMessage
	for _, m := range msgs {
		if m.Purpose == purpose {
			out = append(out, m)
		}
	}
	return out
}

func escalations(t *testing.T, f *ticketFixture, id int64) int {
	t.Helper()
	events, err := f.db.TicketEvents(f.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range events {
		if e.Kind == tickets.EventEscalated {
			n++
		}
	}
	return n
}

func TestAnUnclaimedTicketIsRemindedOnceAfterTwoHoursUnderItsCard(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	filed := f.now
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")

	f.now = filed.Add(2*time.Hour - time.Minute)
	f.checkSLA(t, 0, 0)
	if out := f.deliver(t); len(out) != 0 {
		t.Fatalf("reminded before two hours: %+v", out)
	}

	f.now = filed.Add(2*time.Hour + time.Minute)
	f.checkSLA(t, 1, 0)
	reminder := onlyOne(t, f.deliver(t), "reminder")
	if reminder.ChatID != pmChat || reminder.ReplyTo != card.SentMessageID ||
		!strings.Contains(reminder.Text, "⏰ 工单 "+tk.Number()+" 已 2 小时无人认领") || !strings.Contains(reminder.Text, "unclaimed for 2 h") {
		t.Fatalf("reminder = %+v", reminder)
	}
	if data := strings.Join(outboxData(reminder), ","); data != "s:claim:"+itoa(tk.ID) {
		t.Errorf("reminder buttons = %s; want the claim button", data)
	}
	if got := f.ticket(t, tk.ID); got.Status != tickets.StatusNew || !got.UpdatedAt.Equal(filed) || escalations(t, f, tk.ID) != 0 {
		t.Errorf("a reminder changes nothing about the ticket: %+v", got)
	}

	// Later checks before the escalation send nothing more.
	for _, at := range []time.Duration{2*time.Hour + 2*time.Minute, 5 * time.Hour, 8*time.Hour - time.Minute} {
		f.now = filed.Add(at)
		f.checkSLA(t, 0, 0)
	}
	if out := f.deliver(t); len(out) != 0 {
		t.Fatalf("second reminder: %+v", out)
	}

	// The claim button on the reminder works like the card's.
	f.staffPress(t, pmChat, pmMember, reminder.SentMessageID, "s:claim:"+itoa(tk.ID))
	if got := f.ticket(t, tk.ID); got.Status != tickets.StatusClaimed || got.AssigneeID != pmMember {
		t.Fatalf("claim from the reminder: %+v", got)
	}
}

func TestAfterEightHoursTheTicketIsEscalatedOnceToTheCoOffice(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	filed := f.now
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	id := itoa(tk.ID)
	f.now = filed.Add(3 * time.Hour)
	f.checkSLA(t, 1, 0)
	f.deliver(t)

	// Before the escalation the co-office chat cannot act on the ticket.
	f.staffPress(t, coChat, coMember, 1, "s:claim:"+id)
	if n := f.lastNotice(); !strings.Contains(n, "无效") {
		t.Errorf("co-office press before escalation: want a refusal, got %q", n)
	}

	f.now = filed.Add(8*time.Hour + time.Minute)
	f.checkSLA(t, 0, 1)
	out := f.deliver(t)
	if n := len(byPurpose(out, "reminder")); n != 0 {
		t.Errorf("escalation repeated the reminder %d times", n)
	}
	esc := onlyOne(t, byPurpose(out, "escalation"), "escalation card")
	if esc.ChatID != coChat || !strings.Contains(esc.Text, "🚨 工单 "+tk.Number()+" 已 8 小时无人认领") ||
		!strings.Contains(esc.Text, "电梯又坏了") || !strings.Contains(esc.Text, "物业") {
		t.Fatalf("escalation card = %+v", esc)
	}
	if data := strings.Join(outboxData(esc), ","); data != "s:claim:"+id+",s:reassign:"+id+",s:askresolve:"+id {
		t.Errorf("escalation buttons = %s", data)
	}
	notice := onlyOne(t, residentMessages(out, resident), "resident notice")
	if !strings.Contains(notice.Text, "催办") {
		t.Errorf("resident notice = %q", notice.Text)
	}
	if n := escalations(t, f, tk.ID); n != 1 {
		t.Fatalf("escalated events = %d; want 1", n)
	}

	// Checked again (and again later): nothing new, for staff or resident.
	for _, at := range []time.Duration{8*time.Hour + 2*time.Minute, 30 * time.Hour} {
		f.now = filed.Add(at)
		f.checkSLA(t, 0, 0)
	}
	if out := f.deliver(t); len(out) != 0 {
		t.Fatalf("escalation repeated: %+v", out)
	}
	if n := escalations(t, f, tk.ID); n != 1 {
		t.Fatalf("escalated events = %d; want 1", n)
	}

	// Co-office staff act on the escalation card; others there may not.
	for _, user := range []int64{outsider, pmMember} {
		f.staffPress(t, coChat, user, esc.SentMessageID, "s:claim:"+id)
		if n := f.lastNotice(); !strings.Contains(n, "无权") {
			t.Errorf("user %d in the co-office chat: want a refusal, got %q", user, n)
		}
	}
	f.staffPress(t, coChat, coMember, esc.SentMessageID, "s:claim:"+id)
	if got := f.ticket(t, tk.ID); got.Status != tickets.StatusClaimed || got.AssigneeID != coMember {
		t.Fatalf("co-office claim: %+v", got)
	}
	// both the pressed escalation card and the party's card show the claim
	// (no "claim" left on the party's card)
	redrawn := map[int64]bool{}
	f.out.mu.Lock()
	for _, e := range f.out.edits {
		if strings.Contains(e.text, "处理中") && ((e.chat == coChat && e.msg == esc.SentMessageID) || (e.chat == pmChat && e.msg == card.SentMessageID)) {
			redrawn[e.chat] = true
		}
	}
	f.out.mu.Unlock()
	if !redrawn[coChat] || !redrawn[pmChat] {
		t.Errorf("after the desk's claim, cards redrawn: %v; want the escalation card and the party's card", redrawn)
	}
	// The resident hears the desk took it up, not the party.
	if claimed := onlyOne(t, residentMessages(f.deliver(t), resident), "claim notice"); !strings.Contains(claimed.Text, "联合办公室") {
		t.Errorf("the desk's claim is told as %q", claimed.Text)
	}
	// The party's card still threads the relays, and the desk, which may be
	// working on the ticket, gets them under its escalation card.
	f.press(t, resident, "r:add:"+id)
	f.say(t, resident, "还是不行")
	relays := byPurpose(f.deliver(t), "relay")
	if len(relays) != 2 || relays[0].ChatID != pmChat || relays[0].ReplyTo != card.SentMessageID ||
		relays[1].ChatID != coChat || relays[1].ReplyTo != esc.SentMessageID {
		t.Errorf("relays after escalation = %+v; want one under the party's card, one under the escalation card", relays)
	}
	// The desk answers the resident by replying to the escalation card.
	reply := handlers.Incoming{ChatID: coChat, Chat: handlers.GroupChat, UserID: coMember, UserName: "值班员",
		MessageID: 901, ReplyTo: esc.SentMessageID, Kind: handlers.TextMessage, Text: "已联系电梯维保，今天下午修好"}
	if err := f.h.Handle(f.ctx, reply); err != nil {
		t.Fatal(err)
	}
	relayed := onlyOne(t, residentMessages(f.deliver(t), resident), "desk reply relayed")
	if !strings.Contains(relayed.Text, "今天下午修好") || !strings.Contains(relayed.Text, "联合办公室") {
		t.Errorf("the desk's reply to the escalation card reaches the resident, from the desk: %+v", relayed)
	}
}

func TestAClaimedTicketIsNeverReminded(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	filed := f.now
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	f.now = filed.Add(time.Hour)
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:claim:"+itoa(tk.ID))
	f.deliver(t)
	for _, at := range []time.Duration{2*time.Hour + time.Minute, 9 * time.Hour, 72 * time.Hour} {
		f.now = filed.Add(at)
		f.checkSLA(t, 0, 0)
	}
	if out := f.deliver(t); len(out) != 0 {
		t.Fatalf("a claimed ticket got SLA messages: %+v", out)
	}
}

func TestAReassignmentRestartsTheSLAClock(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	filed := f.now
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	id := itoa(tk.ID)
	f.now = filed.Add(3 * time.Hour)
	f.checkSLA(t, 1, 0)
	f.deliver(t)

	moved := filed.Add(7 * time.Hour)
	f.now = moved
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:to:"+id+":oc")
	newCard := onlyOne(t, byPurpose(f.deliver(t), "card"), "new card")
	if newCard.ChatID != ocChat {
		t.Fatalf("new card = %+v", newCard)
	}

	// 8 h after filing but 1 h since the move: nothing.
	f.now = filed.Add(8*time.Hour + time.Minute)
	f.checkSLA(t, 0, 0)
	if out := f.deliver(t); len(out) != 0 {
		t.Fatalf("the old cycle went on after the reassignment: %+v", out)
	}

	f.now = moved.Add(2*time.Hour + time.Minute)
	f.checkSLA(t, 1, 0)
	reminder := onlyOne(t, f.deliver(t), "reminder in the new party's chat")
	if reminder.ChatID != ocChat || reminder.ReplyTo != newCard.SentMessageID || !strings.Contains(reminder.Key, ":sla:remind:") {
		t.Fatalf("reminder after the move = %+v", reminder)
	}

	f.now = moved.Add(8*time.Hour - time.Minute)
	f.checkSLA(t, 0, 0)
	f.now = moved.Add(8*time.Hour + time.Minute)
	f.checkSLA(t, 0, 1)
	if esc := onlyOne(t, byPurpose(f.deliver(t), "escalation"), "escalation"); !strings.Contains(esc.Text, "业委会") {
		t.Errorf("escalation names the current party: %q", esc.Text)
	}
}

// Relays to staff reply to the card whether or not anyone touched it, and
// follow the ticket to its new party's card.
func TestRelaysThreadUnderTheCardNobodyPressed(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	id := itoa(tk.ID)
	f.press(t, resident, "r:add:"+id)
	f.say(t, resident, "按钮也不亮")
	relay := onlyOne(t, f.deliver(t), "relay")
	if relay.ChatID != pmChat || relay.ReplyTo != card.SentMessageID {
		t.Fatalf("relay = %+v; want a reply to card %d", relay, card.SentMessageID)
	}

	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:to:"+id+":oc")
	// Not delivered yet: the old card is in another chat, so no reply.
	f.press(t, resident, "r:add:"+id)
	f.say(t, resident, "三楼也不停")
	var newCard storage.OutboxMessage
	var early storage.OutboxMessage
	for _, m := range f.deliver(t) {
		switch {
		case m.Purpose == "card":
			newCard = m
		case m.Purpose == "relay" && strings.Contains(m.Text, "三楼"):
			early = m
		}
	}
	if early.ChatID != ocChat || early.ReplyTo != 0 {
		t.Errorf("relay before the new card was delivered = %+v", early)
	}
	f.press(t, resident, "r:add:"+id)
	f.say(t, resident, "四楼也不停")
	if relay := onlyOne(t, f.deliver(t), "relay"); relay.ChatID != ocChat || relay.ReplyTo != newCard.SentMessageID {
		t.Errorf("relay after the move = %+v; want a reply to the new card %d", relay, newCard.SentMessageID)
	}

	f.staffPress(t, ocChat, ocMember, newCard.SentMessageID, "s:resolve:"+id)
	f.deliver(t)
	f.press(t, resident, "r:rate:"+id+":5")
	if rated := onlyOne(t, f.deliver(t), "rating relay"); rated.ChatID != ocChat || rated.ReplyTo != newCard.SentMessageID {
		t.Errorf("rating relay = %+v", rated)
	}
}

// slaReplica is one replica's conversation logic over a shared database.
func slaReplica(t *testing.T, db *storage.DB) *handlers.Handler {
	router, err := tickets.NewRouter(tickets.DefaultRules())
	if err != nil {
		t.Fatal(err)
	}
	return handlers.New(handlers.Deps{
		Messenger: &ticketMessenger{recorder: &recorder{}}, FAQ: testFAQ, Residents: db, Questions: db,
		State: storage.NewMemoryState(time.Now), Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Tickets: db, Router: router,
		Parties: staffConfig{chats: map[parties.ID]int64{
			parties.PropertyManagement: pmChat, parties.OwnersCommittee: ocChat,
			parties.NeighborhoodCommittee: ncChat, parties.CoOffice: coChat,
		}},
	})
}

func TestTwoReplicasCheckingAtOnceSendEachMessageOnce(t *testing.T) {
	t.Parallel()
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		filed := time.Date(2025, 3, 3, 10, 0, 0, 0, time.UTC)
		const n = 3
		for i := range n {
			nt := storage.NewTicket{Key: "draft:" + itoa(int64(i)), ResidentID: resident, ChatID: resident, Lang: "zh",
				Text: "电梯坏了", Category: "lifts", Party: parties.PropertyManagement, At: filed}
			if _, _, err := db.CreateTicket(ctx, nt, nil); err != nil {
				t.Fatal(err)
			}
		}
		replicas := []*handlers.Handler{slaReplica(t, db), slaReplica(t, db)}
		now := filed.Add(9 * time.Hour)
		var mu sync.Mutex
		var reminded, escalated int
		var wg sync.WaitGroup
		for _, h := range replicas {
			for range 3 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					r, e, err := h.CheckSLA(ctx, now, slaPolicy)
					if err != nil {
						t.Error(err)
					}
					mu.Lock()
					reminded, escalated = reminded+r, escalated+e
					mu.Unlock()
				}()
			}
		}
		wg.Wait()
		if reminded != n || escalated != n {
			t.Fatalf("reminded %d, escalated %d across replicas; want %d each", reminded, escalated, n)
		}
		due, err := db.DueOutbox(ctx, now, 100)
		if err != nil {
			t.Fatal(err)
		}
		perKind := map[string]int{}
		for _, m := range due {
			perKind[m.Purpose]++
		}
		if perKind["reminder"] != n || perKind["escalation"] != n || perKind["resident"] != n || len(due) != 3*n {
			t.Fatalf("outbox by purpose = %v (%d messages); want %d reminders, escalations and resident notices", perKind, len(due), n)
		}
		for id := int64(1); id <= n; id++ {
			events, err := db.TicketEvents(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			var esc int
			for _, e := range events {
				if e.Kind == tickets.EventEscalated {
					esc++
				}
			}
			if esc != 1 {
				t.Errorf("ticket %d: %d escalated events; want 1", id, esc)
			}
		}
	})
}

// A ticket the desk owns already waits on the desk: its escalation is a
// line under its card in the desk's chat, not a second card, and the
// resident is not told the desk was asked to chase it.
func TestADeskTicketsEscalationTellsTheResidentNothingNew(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	filed := f.now
	id := f.moveDraft(t, f.say(t, resident, "楼里最近总有陌生人发小广告，3号楼"), "co")
	f.press(t, resident, "c:send:"+id)
	card := onlyOne(t, byPurpose(f.deliver(t), "card"), "the desk's card")
	f.now = filed.Add(3 * time.Hour)
	f.checkSLA(t, 1, 0)
	f.deliver(t)
	f.now = filed.Add(8*time.Hour + time.Minute)
	f.checkSLA(t, 0, 1)
	out := f.deliver(t)
	if esc := byPurpose(out, "escalation"); len(esc) != 0 {
		t.Errorf("escalation cards = %+v; want none beside the desk's card", esc)
	}
	if line := onlyOne(t, byPurpose(out, "reminder"), "escalation line"); line.ChatID != coChat || line.ReplyTo != card.SentMessageID ||
		!strings.Contains(line.Text, "🚨") {
		t.Errorf("escalation line = %+v; want a 🚨 line under the desk's card", line)
	}
	if told := residentMessages(out, resident); len(told) != 0 {
		t.Errorf("the resident of a desk ticket was told %q", told[0].Text)
	}
}

// A report of a danger now is chased four times as fast.
func TestAnUrgentTicketIsChasedSooner(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	f.fileTicket(t, resident, "3号楼2单元楼道里有很浓的煤气味")
	f.fileTicket(t, neighbour, "3号楼1单元楼道灯坏了")
	f.now = f.now.Add(slaPolicy.RemindAfter/4 + time.Minute)
	f.checkSLA(t, 1, 0) // the gas ticket only
	f.now = f.now.Add(slaPolicy.EscalateAfter/4 - slaPolicy.RemindAfter/4)
	f.checkSLA(t, 1, 1) // the gas ticket escalated at a quarter of the delay; the light one reminded on time
}

// The desk's escalated card of an English-speaking resident says what the
// desk may do, how to reply, and that the resident writes English, each on
// its own line.
func TestAnEscalatedCardOfAnEnglishResidentKeepsBothHints(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	filed := f.now
	preview := f.send(t, handlers.Incoming{UserID: resident, UserLang: "en", Kind: handlers.TextMessage,
		Text: "The lift in building 3 is broken again"})
	f.press(t, resident, findData(t, preview, "c:send:"))
	f.deliver(t)
	f.now = filed.Add(8*time.Hour + time.Minute)
	f.checkSLA(t, 1, 1) // the reminder missed in between goes too
	esc := onlyOne(t, byPurpose(f.deliver(t), "escalation"), "escalation card")
	lines := strings.Split(esc.Text, "\n")
	// what the desk may do, that a reply goes to the resident (#internal
	// keeps it among staff), that the resident writes English
	if n := len(lines); n < 3 || !strings.Contains(lines[n-3], "Claim, reassign or resolve here") ||
		!strings.Contains(lines[n-2], "#internal") || !strings.Contains(lines[n-1], "the resident writes English") {
		t.Errorf("the card ends:\n%s", strings.Join(lines[max(0, len(lines)-4):], "\n"))
	}
}
