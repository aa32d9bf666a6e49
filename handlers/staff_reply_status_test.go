package handlers_test

import (
	"strings"
	"testing"
	"time"

	"codesk/handlers"
	"codesk/parties"
	"codesk/tickets"
)

// Answering a ticket takes it up: a member who replies under the card
// without pressing "claim" is its assignee, and the watcher does not chase
// the party or tell the resident that nobody took it up.
func TestAStaffReplyClaimsAnUnclaimedTicket(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	filed := f.now
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: pmChat, Chat: handlers.GroupChat, UserID: pmMember, UserName: "王师傅",
		MessageID: 70, ReplyTo: card.SentMessageID, Kind: handlers.TextMessage, Text: "下午两点维保公司来看"}); err != nil {
		t.Fatal(err)
	}
	if got := f.ticket(t, tk.ID); got.Status != tickets.StatusClaimed || got.AssigneeID != pmMember {
		t.Errorf("after a reply the ticket is %s, assignee %d; want claimed by %d", got.Status, got.AssigneeID, pmMember)
	}
	f.deliver(t)
	f.now = filed.Add(9 * time.Hour)
	f.checkSLA(t, 0, 0)
}

// A reply to a resolved ticket reaches the resident without inviting an
// answer the ticket would refuse, and the member learns it is closed.
func TestAStaffReplyOnAResolvedTicket(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	_, card := f.fileResolved(t, "3号楼2单元电梯又坏了")
	f.deliver(t)
	before := f.out.count()
	if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: pmChat, Chat: handlers.GroupChat, UserID: pmMember,
		MessageID: 71, ReplyTo: card.SentMessageID, Kind: handlers.TextMessage, Text: "我们下周再来检查一次"}); err != nil {
		t.Fatal(err)
	}
	sent := f.out.sentSince(before)
	if len(sent) != 1 || sent[0].ChatID != pmChat || !strings.Contains(sent[0].Text, "无法在此工单下回复") {
		t.Errorf("the member is told the ticket is closed, got %v", texts(sent))
	}
	var toResident string
	for _, m := range f.deliver(t) {
		if m.ChatID == resident {
			toResident = m.Text
		}
	}
	if !strings.Contains(toResident, "我们下周再来检查一次") || strings.Contains(toResident, "直接回复") {
		t.Errorf("the resident gets the message without 'reply to answer': %q", toResident)
	}
}

// A second member pressing "claim" learns who has the ticket, and the card
// says "waiting for the resident", not the resident's "waiting for you".
func TestSecondClaimNamesTheAssignee(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:claim:"+itoa(tk.ID))
	f.staffPress(t, pmChat, pmConfigured, card.SentMessageID, "s:claim:"+itoa(tk.ID))
	if got := f.lastNotice(); !strings.Contains(got, "工单 #1 已由 王师傅 认领") || strings.Contains(got, "不允许") {
		t.Errorf("second claim notice = %q, want the assignee named", got)
	}
	if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: pmChat, Chat: handlers.GroupChat, UserID: pmMember,
		MessageID: 72, ReplyTo: card.SentMessageID, Kind: handlers.TextMessage, Text: "请问是几楼？"}); err != nil {
		t.Fatal(err)
	}
	if e := f.out.lastEdit(t); !strings.Contains(e.text, "等待居民回复") || strings.Contains(e.text, "等待您回复") {
		t.Errorf("the card after a question to the resident should read 'waiting for the resident', got %q", e.text)
	}
}

// /help in a party's staff chat explains the cards; an administrator's /help
// lists the administrator commands, a resident's does not.
func TestHelpFitsWhoAsks(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: pmChat, Chat: handlers.GroupChat, UserID: pmMember,
		MessageID: 73, Kind: handlers.TextMessage, Text: "/help@codesk_bot"}); err != nil {
		t.Fatal(err)
	}
	if got := f.out.last(t).Text; !strings.Contains(got, "认领") || !strings.Contains(got, "reply to a card") {
		t.Errorf("staff chat /help = %q, want how cards work", got)
	}
	if got := f.say(t, admin, "/help").Text; !strings.Contains(got, "/stats") || !strings.Contains(got, "/faq") {
		t.Errorf("admin /help = %q, want the administrator commands", got)
	}
	if got := f.say(t, resident, "/help").Text; strings.Contains(got, "/stats") {
		t.Errorf("resident /help lists administrator commands: %q", got)
	}
}

// A ticket moved to another party carries what was already asked and
// answered on it: the new party's card shows the conversation so far.
func TestReassignedCardCarriesTheConversation(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "5号楼2单元楼道灯坏了一个星期了")
	if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: pmChat, Chat: handlers.GroupChat, UserID: pmMember, UserName: "王师傅",
		MessageID: 78, ReplyTo: card.SentMessageID, Kind: handlers.TextMessage, Text: "请问是几楼？"}); err != nil {
		t.Fatal(err)
	}
	relayed := onlyOne(t, residentMessages(f.deliver(t), resident), "relayed staff question")
	f.send(t, handlers.Incoming{UserID: resident, Kind: handlers.TextMessage, Text: "是3楼和4楼之间的灯", ReplyTo: relayed.SentMessageID})
	f.deliver(t)
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:to:"+itoa(tk.ID)+":nc")
	var newCard string
	var newCardID int
	for _, m := range f.deliver(t) {
		if m.ChatID == ncChat && m.Purpose == "card" {
			newCard, newCardID = m.Text, m.SentMessageID
		}
	}
	if !strings.Contains(newCard, "请问是几楼？") || !strings.Contains(newCard, "是3楼和4楼之间的灯") || !strings.Contains(newCard, "王师傅") {
		t.Errorf("the moved card should carry the conversation, got %q", newCard)
	}
	// and keeps it when redrawn after a claim
	f.staffPress(t, ncChat, ncMember, newCardID, "s:claim:"+itoa(tk.ID))
	redrawn := f.out.lastEdit(t)
	if redrawn.chat != ncChat || redrawn.msg != newCardID || !strings.Contains(redrawn.text, "处理中") ||
		!strings.Contains(redrawn.text, "请问是几楼？") || !strings.Contains(redrawn.text, "是3楼和4楼之间的灯") {
		t.Errorf("the claimed card lost the conversation: %+v", redrawn)
	}
}

// The ticket waits for the resident only while staff's last word asks
// them something: "waiting for you" after "the technician comes tomorrow"
// would send the resident looking for a question.
func TestATicketWaitsForTheResidentOnlyAfterAStaffQuestion(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "5号楼的电梯按钮坏了，按了没反应")
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:claim:"+itoa(tk.ID))
	for i, step := range []struct {
		says string
		want tickets.Status
	}{
		{"请问是几楼的按钮？", tickets.StatusWaiting},
		{"麻烦您拍张照片", tickets.StatusWaiting},
		{"好的，师傅明天上午来修", tickets.StatusClaimed},
		{"维保公司已经在路上了", tickets.StatusClaimed},
		{"Could you tell us which floor", tickets.StatusWaiting},
	} {
		f.staffWrites(t, pmChat, pmMember, 100+i, card.SentMessageID, step.says)
		if got := f.ticket(t, tk.ID).Status; got != step.want {
			t.Errorf("after %q the ticket is %s, want %s", step.says, got, step.want)
		}
	}
}

// A link's "?" asks the resident nothing.
func TestALinkInAStaffMessageIsNoQuestion(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "5号楼的电梯按钮坏了，按了没反应")
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:claim:"+itoa(tk.ID))
	f.staffWrites(t, pmChat, pmMember, 120, card.SentMessageID, "维修进度见 https://wuye.example.com/t?id=5")
	if got := f.ticket(t, tk.ID).Status; got != tickets.StatusClaimed {
		t.Errorf("after a link the ticket is %s, want claimed", got)
	}
}

// Staff go on under the bot's "✅ sent to the resident", or under their own
// reply, as they would under the card: both reach the resident.
func TestAStaffReplyUnderTheConfirmationIsRelayed(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	f.deliver(t)
	f.staffWrites(t, pmChat, pmMember, 70, card.SentMessageID, "下午两点维保公司来看")
	confirm := f.out.last(t)
	if confirm.ChatID != pmChat || !strings.Contains(confirm.Text, "已转给居民") {
		t.Fatalf("no confirmation: %+v", confirm)
	}
	f.deliver(t)
	confirmID := f.out.count() // the recorder's message ids count its sends
	f.staffWrites(t, pmChat, pmMember, 71, confirmID, "师傅改成三点到")
	f.staffWrites(t, pmChat, pmMember, 72, 70, "带上新的按钮面板")
	var relayed []string
	for _, m := range f.deliver(t) {
		if m.ChatID == resident {
			relayed = append(relayed, m.Text)
		}
	}
	if len(relayed) != 2 || !strings.Contains(relayed[0], "三点到") || !strings.Contains(relayed[1], "按钮面板") {
		t.Errorf("want both replies relayed, got %q", relayed)
	}
	// a colleague answering the member, under either, talks among staff
	f.staffWrites(t, pmChat, pmConfigured, 73, 70, "老王你下午不是休息吗？我去吧")
	f.staffWrites(t, pmChat, pmConfigured, 74, confirmID, "收到")
	if n := len(f.deliver(t)); n != 0 {
		t.Errorf("a colleague's reply to the member was relayed (%d messages)", n)
	}
	// once the ticket is closed, the member's old message leads nowhere
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:resolve:"+itoa(tk.ID))
	f.deliver(t)
	before := f.out.count()
	f.staffWrites(t, pmChat, pmMember, 75, 70, "明天我休息，小李接班")
	if n := len(residentMessages(f.deliver(t), resident)); n != 0 {
		t.Errorf("a remark under an old message of a resolved ticket reached the resident")
	}
	// ... and the member is told it was not passed on
	if sent := f.out.sentSince(before); len(sent) != 1 || sent[0].ReplyTo != 75 || !strings.Contains(sent[0].Text, "没有转给居民") {
		t.Errorf("the member is not told the remark stayed: %q", texts(sent))
	}
}

// A ticket that went to another party and came back has a new card; the
// old card's buttons, still on screen in some clients, no longer act.
func TestAnOlderCardOfATicketThatCameBackDoesNotAct(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, oldCard := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")
	id := itoa(tk.ID)
	f.staffPress(t, pmChat, pmMember, oldCard.SentMessageID, "s:to:"+id+":oc")
	ocCard := onlyOne(t, byPurpose(f.deliver(t), "card"), "owners' committee card")
	f.staffPress(t, ocChat, ocMember, ocCard.SentMessageID, "s:to:"+id+":pm")
	newCard := onlyOne(t, byPurpose(f.deliver(t), "card"), "property management's new card")

	f.staffPress(t, pmChat, pmMember, oldCard.SentMessageID, "s:to:"+id+":nc")
	if got := f.ticket(t, tk.ID); got.Party != parties.PropertyManagement {
		t.Fatalf("the old card's button moved the ticket to %s", got.Party)
	}
	if n := f.lastNotice(); !strings.Contains(n, "旧卡片") {
		t.Errorf("the press is not refused as an older card's: %q", n)
	}
	f.staffPress(t, pmChat, pmMember, newCard.SentMessageID, "s:claim:"+id)
	if got := f.ticket(t, tk.ID); got.Status != tickets.StatusClaimed {
		t.Errorf("the new card's claim: ticket %s", got.Status)
	}
}

// A question or thanks written under a resolved ticket's message is
// answered like any message, not refused as "cannot add".
func TestAQuestionUnderAResolvedTicketIsNotRefused(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	_, card := f.fileResolved(t, "5号楼2单元楼道灯坏了一个星期了")
	f.staffWrites(t, pmChat, pmMember, 80, card.SentMessageID, "灯已经换了新的LED，保修一年")
	var relay int
	for _, m := range f.deliver(t) {
		if m.ChatID == resident {
			relay = m.SentMessageID
		}
	}
	m := f.send(t, handlers.Incoming{UserID: resident, Kind: handlers.TextMessage, ReplyTo: relay, Text: "好的，谢谢！保修卡在哪里领？"})
	if strings.Contains(m.Text, "无法再补充") {
		t.Errorf("the question was refused: %q", m.Text)
	}
}
