package outbox_test

import (
	"context"
	"testing"
	"time"

	"codesk/bot/botapitest"
	"codesk/handlers"
	"codesk/outbox"
	"codesk/storage"
	"codesk/storage/storagetest"
)

func ackRow(chat int64, preview int) storage.OutboxMessage {
	return storage.OutboxMessage{Key: "ticket:3:ack", ChatID: chat, Text: "已收到，工单号 #3，已转给【物业】处理。",
		Buttons:  [][]storage.OutboxButton{{{Text: "补充说明", Data: "r:add:3"}}},
		TicketID: 3, Purpose: "resident", EditMessageID: preview, ReplyTo: preview}
}

// An acknowledgement that edits the preview cannot arrive twice: the edit
// repeated after a crash changes nothing and counts as delivered.
func TestAnEditRepeatedAfterACrashDeliversTheAcknowledgementOnce(t *testing.T) {
	db := storagetest.Open(t)
	ctx := context.Background()
	fake, m := newTelegram(t, 5*time.Second)
	resident := botapitest.User{ID: 501, FirstName: "李"}
	home := botapitest.PrivateChat(resident)
	fake.UserSays(home, resident, "3号楼电梯坏了")
	preview, err := m.Send(ctx, handlers.OutMessage{ChatID: home.ID, Text: "确认发送吗？",
		Buttons: [][]handlers.Button{{{Text: "✅ 确认发送", Data: "c:send:ab12"}}}})
	if err != nil {
		t.Fatal(err)
	}
	enqueue(t, db, ackRow(home.ID, preview))

	sendAndDie(t, db, m) // edited, but the process dies before recording it
	w := &outbox.Worker{Store: db, Messenger: m, Log: quiet}
	if n, err := w.Drain(ctx); err != nil || n != 1 {
		t.Fatalf("drain after the restart: %d, %v", n, err)
	}
	sent := fake.Sent(home.ID)
	if len(sent) != 1 || sent[0].MessageID != preview || sent[0].Text != ackRow(0, 0).Text || sent[0].Edits != 1 {
		t.Fatalf("the resident's chat holds %+v; want only the preview, edited once into the acknowledgement", sent)
	}
	if b, ok := sent[0].Button("补充说明"); !ok || b.CallbackData != "r:add:3" {
		t.Errorf("the acknowledgement carries its buttons: %+v", sent[0].Keyboard)
	}
	row, _ := db.OutboxByKey(ctx, "ticket:3:ack")
	if row.Status != storage.OutboxSent || row.SentMessageID != preview {
		t.Errorf("row = %+v; want sent as the preview %d", row, preview)
	}
}

// A preview that is gone cannot become the acknowledgement: it goes as a
// new message.
func TestAnAcknowledgementWhosePreviewIsGoneIsSentAsANewMessage(t *testing.T) {
	db := storagetest.Open(t)
	ctx := context.Background()
	fake, m := newTelegram(t, 5*time.Second)
	const chat = 502
	enqueue(t, db, ackRow(chat, 4242)) // no such message
	w := &outbox.Worker{Store: db, Messenger: m, Log: quiet}
	if n, err := w.Drain(ctx); err != nil || n != 1 {
		t.Fatalf("drain: %d, %v", n, err)
	}
	sent := fake.Sent(chat)
	if len(sent) != 1 || sent[0].Text != ackRow(0, 0).Text {
		t.Fatalf("the resident's chat holds %+v; want the acknowledgement once", sent)
	}
	if row, _ := db.OutboxByKey(ctx, "ticket:3:ack"); row.Status != storage.OutboxSent || row.SentMessageID != sent[0].MessageID {
		t.Errorf("row = %+v", row)
	}
}
