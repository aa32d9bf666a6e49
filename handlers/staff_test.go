package handlers_test

import (
	"strings"
	"testing"

	"codesk/handlers"
	"codesk/parties"
	"codesk/storage"
	"codesk/tickets"
)

// residentMessages are the delivered outbox rows addressed to user.
func residentMessages(msgs []storage.OutboxMessage, user int64) []storage.OutboxMessage {
	var out []storage.OutboxMessage
	for _, m := range msgs {
		if m.ChatID == user {
			out = append(out, m)
		}
	}
	return out
}

func onlyOne(t *testing.T, msgs []storage.OutboxMessage, what string) storage.OutboxMessage {
	t.Helper()
	if len(msgs) != 1 {
		t.Fatalf("want one %s, got %d: %+v", what, len(msgs), msgs)
	}
	return msgs[0]
}

func TestStaffClaimReassignAndResolveAndTheResidentHearsEachStep(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	id := itoa(tk.ID)

	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:claim:"+id)
	tk = f.ticket(t, tk.ID)
	if tk.Status != tickets.StatusClaimed || tk.AssigneeID != pmMember {
		t.Fatalf("after claim: %+v", tk)
	}
	e := f.out.lastEdit(t)
	if e.chat != pmChat || e.msg != card.SentMessageID || !strings.Contains(e.text, "处理中") ||
		strings.Contains(strings.Join(buttonData(handlers.OutMessage{Buttons: e.buttons}), ","), "s:claim") {
		t.Errorf("claimed card edit = %+v", e)
	}
	note := onlyOne(t, residentMessages(f.deliver(t), resident), "claim notice")
	if !strings.Contains(note.Text, "已由【物业】受理") {
		t.Errorf("claim notice = %q", note.Text)
	}

	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:reassign:"+id)
	choice := f.out.lastEdit(t)
	choices := strings.Join(buttonData(handlers.OutMessage{Buttons: choice.buttons}), ",")
	if !strings.Contains(choices, "s:to:"+id+":oc") || strings.Contains(choices, ":pm") {
		t.Fatalf("reassign choices = %s", choices)
	}
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:to:"+id+":oc")
	tk = f.ticket(t, tk.ID)
	if tk.Party != parties.OwnersCommittee || tk.Status != tickets.StatusNew || tk.AssigneeID != 0 {
		t.Fatalf("after reassign: %+v", tk)
	}
	moved := f.out.lastEdit(t)
	if !strings.Contains(moved.text, "转派给【业委会】") || len(moved.buttons) != 0 {
		t.Errorf("old card after reassign = %+v", moved)
	}
	if !strings.Contains(moved.text, "负责 Party：业委会") {
		t.Errorf("the old card still names its old party as responsible: %q", moved.text)
	}
	out := f.deliver(t)
	var newCard storage.OutboxMessage
	for _, m := range out {
		if m.Purpose == "card" {
			newCard = m
		}
	}
	if newCard.ChatID != ocChat || !strings.Contains(newCard.Text, "由【物业】转来") {
		t.Fatalf("new card = %+v", newCard)
	}
	if note := onlyOne(t, residentMessages(out, resident), "reassign notice"); !strings.Contains(note.Text, "转给【业委会】") {
		t.Errorf("reassign notice = %q", note.Text)
	}

	// The old party can no longer act; the new one resolves.
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:resolve:"+id)
	if n := f.lastNotice(); !strings.Contains(n, "无效") {
		t.Errorf("a press on the moved card is refused, got %q", n)
	}
	f.staffPress(t, ocChat, ocMember, newCard.SentMessageID, "s:resolve:"+id)
	tk = f.ticket(t, tk.ID)
	if tk.Status != tickets.StatusResolved || tk.ResolvedAt == nil {
		t.Fatalf("after resolve: %+v", tk)
	}
	resolved := onlyOne(t, residentMessages(f.deliver(t), resident), "resolved notice")
	data := strings.Join(outboxData(resolved), ",")
	if !strings.Contains(resolved.Text, "已解决") || !strings.Contains(data, "r:rate:"+id+":5") || !strings.Contains(data, "r:reopen:"+id) {
		t.Errorf("resolved notice = %q %s", resolved.Text, data)
	}
	events, _ := f.db.TicketEvents(f.ctx, tk.ID)
	var kinds []string
	for _, e := range events {
		kinds = append(kinds, string(e.Kind))
	}
	if got := strings.Join(kinds, ","); got != "created,status,reassigned,status,status" {
		t.Errorf("history = %s", got)
	}
}

func TestOnlyThePartysStaffMayActOnItsCards(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	id := itoa(tk.ID)
	for _, user := range []int64{outsider, ocMember} {
		f.staffPress(t, pmChat, user, card.SentMessageID, "s:claim:"+id)
		if n := f.lastNotice(); !strings.Contains(n, "无权") {
			t.Errorf("user %d: want a refusal, got %q", user, n)
		}
	}
	if got := f.ticket(t, tk.ID); got.Status != tickets.StatusNew {
		t.Fatalf("refused presses changed the ticket: %+v", got)
	}
	if !strings.Contains(f.logs.String(), "level=WARN msg=\"refused staff action\"") {
		t.Errorf("a refusal of someone outside the party is logged as a warning: %s", f.logs.String())
	}
	// Staff listed in the configuration may act without being a member.
	f.staffPress(t, pmChat, pmConfigured, card.SentMessageID, "s:claim:"+id)
	if got := f.ticket(t, tk.ID); got.Status != tickets.StatusClaimed || got.AssigneeID != pmConfigured {
		t.Errorf("configured staff claim: %+v", got)
	}
}

func TestForgedStaleAndIllegalStaffPressesAreRefused(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	id := itoa(tk.ID)
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:resolve:"+id)
	f.deliver(t)
	f.press(t, resident, "r:rate:"+id+":5") // closes it
	f.deliver(t)
	sent := f.out.count()

	for _, c := range []struct {
		chat   int64
		kind   handlers.ChatKind
		data   string
		notice string
	}{
		{pmChat, handlers.GroupChat, "s:claim:999", "无效"},
		{pmChat, handlers.GroupChat, "s:claim:x", "无效"},
		{pmChat, handlers.GroupChat, "s:fly:" + id, "无效"},
		{pmChat, handlers.GroupChat, "s:to:" + id + ":zz", "无效"},
		{ocChat, handlers.GroupChat, "s:claim:" + id, "无效"},           // wrong chat for the party
		{pmMember, handlers.PrivateChat, "s:claim:" + id, "无效"},       // not from the card's chat
		{pmChat, handlers.GroupChat, "s:resolve:" + id, "已是“已关闭”"},    // closed
		{pmChat, handlers.GroupChat, "s:claim:" + id, "已是“已关闭”"},      // closed
		{pmChat, handlers.GroupChat, "s:to:" + id + ":oc", "已是“已关闭”"}, // closed
	} {
		f.pressIn(t, c.chat, pmMember, c.kind, card.SentMessageID, c.data)
		if n := f.lastNotice(); !strings.Contains(n, c.notice) {
			t.Errorf("%q in %d: want a notice with %q, got %q", c.data, c.chat, c.notice, n)
		}
	}
	if got := f.ticket(t, tk.ID); got.Status != tickets.StatusClosed || got.Party != parties.PropertyManagement {
		t.Errorf("refused presses changed the ticket: %+v", got)
	}
	if n := f.out.count() - sent; n != 0 {
		t.Errorf("refused presses sent %d messages", n)
	}
	if due, _ := f.db.DueOutbox(f.ctx, f.now, 10); len(due) != 0 {
		t.Errorf("refused presses enqueued %+v", due)
	}
}

func TestStaffReplyIsRelayedToTheResidentAndTheAnswerBack(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:claim:"+itoa(tk.ID))
	f.deliver(t)

	staff := handlers.Incoming{ChatID: pmChat, Chat: handlers.GroupChat, UserID: pmMember, UserName: "王师傅",
		MessageID: 77, ReplyTo: card.SentMessageID, Kind: handlers.TextMessage, Text: "请问是哪部电梯？左边还是右边？"}
	if err := f.h.Handle(f.ctx, staff); err != nil {
		t.Fatal(err)
	}
	if got := f.ticket(t, tk.ID).Status; got != tickets.StatusWaiting {
		t.Errorf("a staff question makes the ticket wait for the resident, status %s", got)
	}
	relayed := onlyOne(t, residentMessages(f.deliver(t), resident), "relayed staff reply")
	if relayed.Purpose != "resident" || !strings.Contains(relayed.Text, "左边还是右边") || !strings.Contains(relayed.Text, "【物业】") {
		t.Fatalf("relayed = %+v", relayed)
	}

	// The resident answers by replying to the relayed message.
	m := f.send(t, handlers.Incoming{UserID: resident, Kind: handlers.TextMessage, Text: "左边那部", ReplyTo: relayed.SentMessageID})
	if !strings.Contains(m.Text, "已补充") {
		t.Errorf("resident is told the answer was passed on, got %q", m.Text)
	}
	if got := f.ticket(t, tk.ID).Status; got != tickets.StatusClaimed {
		t.Errorf("the resident's answer puts the ticket back to claimed, status %s", got)
	}
	back := f.deliver(t)
	if len(back) != 1 || back[0].ChatID != pmChat || back[0].Purpose != "relay" || back[0].ReplyTo != card.SentMessageID ||
		!strings.Contains(back[0].Text, "左边那部") {
		t.Fatalf("relay to staff = %+v", back)
	}

	// Staff may reply to the relayed answer as well, with a photo.
	photo := handlers.Incoming{ChatID: pmChat, Chat: handlers.GroupChat, UserID: pmMember, MessageID: 78,
		ReplyTo: back[0].SentMessageID, Kind: handlers.PhotoMessage, PhotoIDs: []string{"s", "fixed-lift"}, Text: "已修好"}
	if err := f.h.Handle(f.ctx, photo); err != nil {
		t.Fatal(err)
	}
	if got := onlyOne(t, residentMessages(f.deliver(t), resident), "relayed photo"); got.PhotoID != "fixed-lift" {
		t.Errorf("photo relay = %+v", got)
	}

	// Chatter in the group that replies to nothing of ours is left alone.
	before := f.out.count()
	other := handlers.Incoming{ChatID: pmChat, Chat: handlers.GroupChat, UserID: pmMember, ReplyTo: 4242, Kind: handlers.TextMessage, Text: "收到"}
	if err := f.h.Handle(f.ctx, other); err != nil {
		t.Fatal(err)
	}
	if f.out.count() != before || len(f.deliver(t)) != 0 {
		t.Errorf("an unrelated reply must not be relayed")
	}
	events, _ := f.db.TicketEvents(f.ctx, tk.ID)
	var msgs int
	for _, e := range events {
		if e.Kind == tickets.EventStaffMessage || e.Kind == tickets.EventResidentMessage {
			msgs++
		}
	}
	if msgs != 3 {
		t.Errorf("every message is in the history: %d of 3", msgs)
	}
}

// "Resolve" asks first: the resident is told and asked to rate at once, so
// a slip next to "Reassign" must change nothing.
func TestResolveIsConfirmedFirst(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	id := itoa(tk.ID)
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:askresolve:"+id)
	ask := f.out.lastEdit(t)
	if !strings.Contains(ask.text, "确认工单") || len(ask.buttons) != 1 || !strings.HasPrefix(ask.buttons[0][0].Data, "s:resolve:"+id+":") || ask.buttons[0][1].Data != "s:back:"+id {
		t.Fatalf("the card asks to confirm: %+v", ask)
	}
	if got := f.ticket(t, tk.ID).Status; got != tickets.StatusNew {
		t.Errorf("asking changed the status to %s", got)
	}
	if out := residentMessages(f.deliver(t), resident); len(out) != 0 {
		t.Errorf("the resident heard of it before the confirmation: %+v", out)
	}
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:back:"+id)
	if back := f.out.lastEdit(t); strings.Contains(back.text, "确认工单") || len(back.buttons) == 0 {
		t.Errorf("back redraws the card: %+v", back)
	}
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:askresolve:"+id)
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:resolve:"+id)
	if got := f.ticket(t, tk.ID).Status; got != tickets.StatusResolved {
		t.Errorf("confirmed: status %s", got)
	}
	onlyOne(t, residentMessages(f.deliver(t), resident), "resolved notice")
}
