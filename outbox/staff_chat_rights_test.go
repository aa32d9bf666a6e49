package outbox_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"codesk/outbox"
	"codesk/storage"
	"codesk/storage/storagetest"
)

// A staff group where an admin took the bot's right to post (Telegram:
// 400 "not enough rights to send text messages to the chat") refuses the
// bot just like one that removed it: its card must wait and be retried,
// not be given up for good.
func TestStaffChatWithoutPostingRightsKeepsItsCard(t *testing.T) {
	var refusing atomic.Bool
	refusing.Store(true)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseMultipartForm(1 << 20)
		w.Header().Set("Content-Type", "application/json")
		if refusing.Load() {
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprint(w, `{"ok":false,"error_code":400,"description":"Bad Request: not enough rights to send text messages to the chat"}`)
			return
		}
		fmt.Fprintf(w, `{"ok":true,"result":{"message_id":7,"date":1,"chat":{"id":%s,"type":"supergroup"}}}`, r.FormValue("chat_id"))
	}))
	defer srv.Close()
	db := storagetest.Open(t)
	ctx := context.Background()
	enqueue(t, db, storage.OutboxMessage{Key: "ticket:9:card:property_management", ChatID: -1001001, Text: "🆕 工单 #9", TicketID: 9, Purpose: "card"})
	w := &outbox.Worker{Store: db, Messenger: messengerOn(t, srv.URL), Log: quiet, Lease: time.Second}
	if _, err := w.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	row, _ := db.OutboxByKey(ctx, "ticket:9:card:property_management")
	if row.Status != storage.OutboxPending {
		t.Errorf("the card is %s (%s); want it kept pending for when the bot may post again", row.Status, row.LastError)
	}
}
