package handlers_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"codesk/handlers"
	"codesk/storage"
)

// Fixes from a third round of reviews, as the resident meets them.
func TestThirdReviewRegressions(t *testing.T) {
	t.Parallel()
	t.Run("an answer about the same danger goes to its ticket", func(t *testing.T) {
		f := newTicketFixture(t, nil)
		gas, card := f.fileTicket(t, resident, "3号楼2单元楼道里一股燃气味")
		f.staffWrites(t, pmChat, pmMember, 70, card.SentMessageID, "现在还有味道吗？")
		f.deliver(t)
		m := f.say(t, resident, "还是有煤气味")
		if !strings.Contains(m.Text, gas.Number()) || strings.Contains(m.Text, "确认发送吗") {
			t.Errorf("want it offered to %s, got %q", gas.Number(), m.Text)
		}
	})
	t.Run("a fire sent as a reply to another ticket's message is its own report", func(t *testing.T) {
		f := newTicketFixture(t, nil)
		noise, card := f.fileTicket(t, resident, "楼上邻居天天半夜拖椅子 吵得睡不着 3号楼502")
		_ = card
		f.staffWrites(t, ncChat, ncMember, 71, card.SentMessageID, "您好，请问大概几点开始？")
		var relay int
		for _, m := range f.deliver(t) {
			if m.ChatID == resident {
				relay = m.SentMessageID
			}
		}
		before := f.out.count()
		f.send(t, handlers.Incoming{UserID: resident, Kind: handlers.TextMessage, ReplyTo: relay, Text: "先别说这个了 楼道里着火了好多烟 3号楼5楼"})
		if got := residentMessagesOf(t, f, noise.ID); len(got) != 0 {
			t.Errorf("the fire went into the noise ticket: %q", got)
		}
		if got := strings.Join(texts(f.out.sentSince(before)), "\n"); !strings.Contains(got, "119") || !strings.Contains(got, "确认发送吗") {
			t.Errorf("want the advice and a fire report: %q", got)
		}
	})
	t.Run("a vague 'still' with a ticket open is not about a resolved one", func(t *testing.T) {
		f := newTicketFixture(t, nil)
		f.fileResolved(t, "3号楼1单元楼道灯坏了")
		f.fileTicket(t, resident, "楼上邻居天天半夜拖椅子 吵得睡不着 3号楼502")
		f.deliver(t)
		if m := f.say(t, resident, "一星期了还没人来"); strings.Contains(strings.Join(buttonData(m), " "), "r:reopen:") {
			t.Errorf("the resolved light ticket was offered for reopening: %q", m.Text)
		}
	})
	t.Run("questions with reopen or cancel in them are questions", func(t *testing.T) {
		f := newTicketFixture(t, nil)
		f.fileResolved(t, "3号楼1单元楼道灯坏了")
		f.fileTicket(t, resident, "5号楼的电梯按钮坏了，按了没反应")
		f.deliver(t)
		for _, q := range []string{"when does the pool reopen?", "小区东门什么时候重新打开", "物业费发票可以重开吗", "Can I cancel my request for a second parking space?", "我怎么取消报告"} {
			m := f.say(t, resident, q)
			if d := strings.Join(buttonData(m), " "); strings.Contains(d, "r:reopen:") || strings.Contains(d, "r:withdraw:") {
				t.Errorf("%q got %q %v", q, m.Text, buttonData(m))
			}
		}
	})
	t.Run("a withdrawal names the ticket it is about", func(t *testing.T) {
		f := newTicketFixture(t, nil)
		lamp, _ := f.fileTicket(t, resident, "7号楼门口的路灯坏了")
		f.fileTicket(t, resident, "楼上邻居天天半夜拖椅子 吵得睡不着 3号楼502")
		m := f.say(t, resident, "我要取消那个路灯的报修")
		if got := findData(t, m, "r:withdraw:"); got != "r:withdraw:"+itoa(lamp.ID) {
			t.Errorf("offers %s for the lamp, text %q", got, m.Text)
		}
	})
	t.Run("typed cancellations at the preview cancel", func(t *testing.T) {
		for _, c := range []string{"算了不报了", "这个不报了", "不弄了", "哦不对 不用发了", "nah forget it", "actually don't send it", "算了吧"} {
			f := newTicketFixture(t, nil)
			f.say(t, resident, "3号楼1单元楼道灯坏了")
			if got := f.say(t, resident, c).Text; !strings.Contains(got, "取消") && !strings.Contains(strings.ToLower(got), "cancel") {
				t.Errorf("%q at the preview: %q", c, got)
			}
		}
	})
	_ = time.Second
}

func TestThirdReviewRegressionsAfterRatingAndAsking(t *testing.T) {
	t.Parallel()
	t.Run("a plain ok to a staff question is an answer", func(t *testing.T) {
		for _, ok := range []string{"ok", "好的", "行"} {
			f := newTicketFixture(t, nil)
			tk, card := f.fileTicket(t, resident, "3号楼1单元楼道灯坏了")
			f.staffWrites(t, pmChat, pmMember, 70, card.SentMessageID, "明天下午3点师傅上门看一下可以吗？")
			f.deliver(t)
			if err := f.h.Handle(f.ctx, handlers.Incoming{ChatID: resident, UserID: resident, MessageID: 90, UpdateID: 990, Kind: handlers.TextMessage, Text: ok}); err != nil {
				t.Fatal(err)
			}
			got := f.out.last(t).Text
			held := strings.Contains(got, tk.Number())
			if !held && len(residentMessagesOf(t, f, tk.ID)) == 0 {
				t.Errorf("%q to a staff question went nowhere: %q", ok, got)
			}
		}
	})
	t.Run("a new report after a rating is no comment", func(t *testing.T) {
		f := newTicketFixture(t, nil)
		f.fileResolved(t, "3号楼1单元楼道灯坏了")
		f.deliver(t)
		f.say(t, resident, "5星")
		m := f.say(t, resident, "地下车库B2有个水管爆了 水哗哗的流")
		if strings.Contains(m.Text, "意见已转给") {
			t.Errorf("the burst pipe became a comment on the lamp ticket: %q", m.Text)
		}
		// a real comment still is one
		g := newTicketFixture(t, nil)
		lamp2, card2 := g.fileTicket(t, resident, "3号楼1单元楼道灯坏了")
		g.staffPress(t, pmChat, pmMember, card2.SentMessageID, "s:resolve:"+itoa(lamp2.ID))
		g.deliver(t)
		g.say(t, resident, "5星")
		if m := g.say(t, resident, "师傅来得很快，服务很好"); !strings.Contains(m.Text, "意见已转给") {
			t.Errorf("a comment: %q", m.Text)
		}
	})
}

func TestThirdReviewRegressionsPhotosRatingsComments(t *testing.T) {
	t.Parallel()
	t.Run("a photo disputing a fix shows the ticket to reopen", func(t *testing.T) {
		f := newTicketFixture(t, nil)
		lamp, _ := f.fileResolved(t, "3号楼1单元楼道灯坏了")
		f.deliver(t)
		m := f.send(t, handlers.Incoming{UserID: resident, Kind: handlers.PhotoMessage, PhotoIDs: []string{"p1"}, Text: "灯还是不亮 你看看 晚上拍的"})
		reopen := findData(t, m, "r:reopen:")
		if reopen != "r:reopen:"+itoa(lamp.ID) {
			t.Errorf("the photo: %q %v", m.Text, buttonData(m))
		}
		// more said before reopening is kept with it
		f.say(t, resident, "你们根本没来修")
		// reopened, staff get the words on the card and the photo after it
		f.press(t, resident, reopen)
		var card, photo storage.OutboxMessage
		for _, m := range f.deliver(t) {
			switch {
			case m.ChatID == pmChat && m.Purpose == "card":
				card = m
			case m.ChatID == pmChat && m.PhotoID == "p1":
				photo = m
			}
		}
		if !strings.Contains(card.Text, "灯还是不亮") || !strings.Contains(card.Text, "根本没来修") || photo.TicketID != lamp.ID {
			t.Errorf("staff got card %q and photo %+v", card.Text, photo)
		}
		evs, err := f.db.TicketEvents(f.ctx, lamp.ID)
		if err != nil {
			t.Fatal(err)
		}
		if last := evs[len(evs)-1]; last.Text != "灯还是不亮 你看看 晚上拍的\n你们根本没来修" || !slices.Equal(last.PhotoIDs, []string{"p1"}) {
			t.Errorf("the history keeps %+v", last)
		}
	})
	t.Run("a typed rating is one even when staff wrote since", func(t *testing.T) {
		f := newTicketFixture(t, nil)
		lamp, lampCard := f.fileTicket(t, resident, "3号楼1单元楼道灯坏了")
		_, liftCard := f.fileTicket(t, resident, "5号楼的电梯按钮坏了，按了没反应")
		f.staffPress(t, pmChat, pmMember, lampCard.SentMessageID, "s:resolve:"+itoa(lamp.ID))
		f.staffWrites(t, pmChat, pmMember, 82, liftCard.SentMessageID, "电梯是左边那台还是右边那台？")
		f.deliver(t)
		f.say(t, resident, "5星 谢谢师傅")
		if got := f.ticket(t, lamp.ID).Rating; got != 5 {
			t.Errorf("the lamp ticket's rating: %d", got)
		}
	})
	t.Run("'不用了' typed at the comment prompt is no comment", func(t *testing.T) {
		f := newTicketFixture(t, nil)
		f.fileResolved(t, "3号楼1单元楼道灯坏了")
		f.deliver(t)
		f.say(t, resident, "5星")
		f.say(t, resident, "不用了")
		for _, m := range f.deliver(t) {
			if strings.Contains(m.Text, "不用了") {
				t.Errorf("'不用了' reached staff: %q", m.Text)
			}
		}
	})
}

func TestFourthReviewRegressions(t *testing.T) {
	t.Parallel()
	twoAsked := func(t *testing.T) (*ticketFixture, int64, int64) {
		f := newTicketFixture(t, nil)
		lift, light, liftCard, lightCard := f.liftAndLight(t)
		f.staffWrites(t, pmChat, pmMember, 80, liftCard.SentMessageID, "电梯是哪一台？")
		f.staffWrites(t, pmChat, pmMember, 81, lightCard.SentMessageID, "是哪一盏灯？")
		f.deliver(t)
		f.send(t, handlers.Incoming{UserID: resident, UpdateID: 9401, MessageID: 97, Kind: handlers.TextMessage, Text: "明天上午在家"})
		return f, lift.ID, light.ID
	}
	t.Run("a danger while offers wait is no pick", func(t *testing.T) {
		f, lift, _ := twoAsked(t)
		before := f.out.count()
		f.say(t, resident, "5号楼电梯困人了 快来")
		if got := residentMessagesOf(t, f, lift); len(got) != 0 {
			t.Errorf("the held answer went to the lift ticket on an emergency: %q", got)
		}
		if got := strings.Join(texts(f.out.sentSince(before)), "\n"); !strings.Contains(got, "警铃") {
			t.Errorf("no advice: %q", got)
		}
	})
	t.Run("a follow-up about one ticket is no pick", func(t *testing.T) {
		f, lift, _ := twoAsked(t)
		f.say(t, resident, "电梯还是有异响")
		if got := residentMessagesOf(t, f, lift); len(got) != 0 {
			t.Errorf("'电梯还是有异响' was taken as a pick: %q", got)
		}
	})
	t.Run("an acknowledgement to staff is no rating", func(t *testing.T) {
		f := newTicketFixture(t, nil)
		lamp, lampCard := f.fileTicket(t, resident, "3号楼1单元楼道灯坏了")
		_, liftCard := f.fileTicket(t, resident, "5号楼的电梯按钮坏了，按了没反应")
		f.staffPress(t, pmChat, pmMember, lampCard.SentMessageID, "s:resolve:"+itoa(lamp.ID))
		f.staffWrites(t, pmChat, pmMember, 82, liftCard.SentMessageID, "明天上午10点师傅上门可以吗？")
		f.deliver(t)
		f.say(t, resident, "很好")
		if got := f.ticket(t, lamp.ID).Rating; got != 0 {
			t.Errorf("'很好' to staff rated the lamp ticket %d", got)
		}
	})
	t.Run("a comment is no rating of another ticket", func(t *testing.T) {
		f := newTicketFixture(t, nil)
		lamp, lampCard := f.fileTicket(t, resident, "3号楼1单元楼道灯坏了")
		lift, liftCard := f.fileTicket(t, resident, "5号楼的电梯按钮坏了，按了没反应")
		f.staffPress(t, pmChat, pmMember, lampCard.SentMessageID, "s:resolve:"+itoa(lamp.ID))
		f.staffPress(t, pmChat, pmMember, liftCard.SentMessageID, "s:resolve:"+itoa(lift.ID))
		f.deliver(t)
		f.press(t, resident, "r:rate:"+itoa(lift.ID)+":3")
		f.say(t, resident, "一般")
		if got := f.ticket(t, lamp.ID).Rating; got != 0 {
			t.Errorf("the comment rated the lamp ticket %d", got)
		}
	})
}

func TestFourthReviewStaffSide(t *testing.T) {
	t.Parallel()
	resolved := func(t *testing.T) (*ticketFixture, int64, storage.OutboxMessage) {
		f := newTicketFixture(t, nil)
		tk, card := f.fileTicket(t, resident, "小区里有人乱停车，堵住了消防通道")
		f.staffWrites(t, pmChat, pmMember, 70, card.SentMessageID, "好的马上处理")
		f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:resolve:"+itoa(tk.ID))
		return f, tk.ID, card
	}
	t.Run("everyday disputes show the ticket to reopen", func(t *testing.T) {
		for _, text := range []string{"问题没解决", "没解决啊", "这也叫解决了？", "根本没解决，车还停在消防通道上", "你们根本没处理"} {
			f, id, _ := resolved(t)
			f.deliver(t)
			if got := findData(t, f.say(t, resident, text), "r:reopen:"); got != "r:reopen:"+itoa(id) {
				t.Errorf("%q offers %s", text, got)
			}
		}
	})
	t.Run("a withdrawal after staff wrote is offered, not relayed", func(t *testing.T) {
		f := newTicketFixture(t, nil)
		tk, card := f.fileTicket(t, resident, "8号楼楼下的垃圾桶满了好几天没人清理")
		f.staffWrites(t, pmChat, pmMember, 70, card.SentMessageID, "Hello, we will send cleaners tomorrow")
		f.deliver(t)
		if got := findData(t, f.say(t, resident, "撤销工单"), "r:withdraw:"); got != "r:withdraw:"+itoa(tk.ID) {
			t.Errorf("offers %s", got)
		}
	})
	t.Run("a dispute sent as a reply reaches the reopened card", func(t *testing.T) {
		f, id, _ := resolved(t)
		var staffMsg int
		for _, m := range f.deliver(t) {
			if m.ChatID == resident && strings.Contains(m.Text, "马上处理") {
				staffMsg = m.SentMessageID
			}
		}
		f.send(t, handlers.Incoming{UserID: resident, Kind: handlers.TextMessage, ReplyTo: staffMsg, Text: "你们根本没来修"})
		f.press(t, resident, "r:reopen:"+itoa(id))
		found := false
		for _, m := range f.deliver(t) {
			found = found || m.Purpose == "card" && strings.Contains(m.Text, "你们根本没来修")
		}
		if !found {
			t.Errorf("the reopened card lacks the dispute sent as a reply")
		}
	})
	t.Run("an answer goes first to the ticket it is about", func(t *testing.T) {
		f := newTicketFixture(t, nil)
		light, lightCard := f.fileTicket(t, resident, "3号楼1单元楼道灯坏了")
		_, liftCard := f.fileTicket(t, resident, "5号楼的电梯按钮坏了，按了没反应")
		f.staffWrites(t, pmChat, pmMember, 80, lightCard.SentMessageID, "是哪一层的灯？")
		f.staffWrites(t, pmChat, pmMember, 81, liftCard.SentMessageID, "电梯明天修")
		f.deliver(t)
		m := f.send(t, handlers.Incoming{UserID: resident, UpdateID: 9501, MessageID: 99, Kind: handlers.TextMessage, Text: "楼道灯是3楼的"})
		if d := buttonData(m); len(d) == 0 || !strings.HasPrefix(d[0], "r:conv:"+itoa(light.ID)+":y") {
			t.Errorf("first choice %v, want the light ticket", d)
		}
	})
	t.Run("the card stops saying it waits for the resident once they answer", func(t *testing.T) {
		f := newTicketFixture(t, nil)
		_, card := f.fileTicket(t, resident, "3号楼1单元楼道灯坏了")
		f.staffWrites(t, pmChat, pmMember, 70, card.SentMessageID, "请问是几楼的灯？")
		var staffMsg int
		for _, m := range f.deliver(t) {
			if m.ChatID == resident {
				staffMsg = m.SentMessageID
			}
		}
		f.send(t, handlers.Incoming{UserID: resident, Kind: handlers.TextMessage, ReplyTo: staffMsg, Text: "3楼"})
		if e := f.out.lastEdit(t); e.msg != card.SentMessageID || strings.Contains(e.text, "等待居民") {
			t.Errorf("the card after the answer: %+v", e)
		}
	})
}

// Thanks sent as a reply to a resolved ticket is no reason to reopen it.
func TestThanksToAResolvedTicketIsNoDispute(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "小区里有人乱停车，堵住了消防通道")
	f.staffWrites(t, pmChat, pmMember, 70, card.SentMessageID, "好的马上处理")
	f.staffPress(t, pmChat, pmMember, card.SentMessageID, "s:resolve:"+itoa(tk.ID))
	var staffMsg int
	for _, m := range f.deliver(t) {
		if m.ChatID == resident && strings.Contains(m.Text, "马上处理") {
			staffMsg = m.SentMessageID
		}
	}
	f.send(t, handlers.Incoming{UserID: resident, Kind: handlers.TextMessage, ReplyTo: staffMsg, Text: "好的谢谢"})
	f.press(t, resident, "r:reopen:"+itoa(tk.ID))
	for _, m := range f.deliver(t) {
		if m.Purpose == "card" && strings.Contains(m.Text, "好的谢谢") {
			t.Errorf("thanks became the reopen reason: %q", m.Text)
		}
	}
}

// While staff wait for an answer, words that only sound like withdrawing or
// reopening answer them; naming the ticket still withdraws.
func TestAnAnswerToStaffIsNoWithdrawal(t *testing.T) {
	t.Parallel()
	for _, answer := range []string{"明天不用来了 我不在家 周五来吧", "上午不用来了 下午三点来吧"} {
		f := newTicketFixture(t, nil)
		tk, card := f.fileTicket(t, resident, "3号楼1单元楼道灯坏了")
		f.staffWrites(t, pmChat, pmMember, 70, card.SentMessageID, "明天上午10点上门可以吗？")
		f.deliver(t)
		m := f.say(t, resident, answer)
		if strings.Contains(strings.Join(buttonData(m), " "), "r:withdraw:") || !strings.Contains(m.Text, tk.Number()) {
			t.Errorf("%q: %q %v; want it offered to staff", answer, m.Text, buttonData(m))
		}
	}
	f := newTicketFixture(t, nil)
	tk, card := f.fileTicket(t, resident, "3号楼1单元楼道灯坏了")
	f.staffWrites(t, pmChat, pmMember, 70, card.SentMessageID, "明天上午10点上门可以吗？")
	f.deliver(t)
	if got := findData(t, f.say(t, resident, "撤销工单吧，灯好了"), "r:withdraw:"); got != "r:withdraw:"+itoa(tk.ID) {
		t.Errorf("naming the ticket: %s", got)
	}
}
