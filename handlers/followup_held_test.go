package handlers_test

import (
	"strings"
	"testing"

	"codesk/handlers"
)

// Residents often write in several short messages. Each is asked about on
// its own, and each answer moves the message it was asked about: a second
// message must neither replace the first nor be sent in its place.
func TestTwoPlainMessagesInARowAreEachOfferedAndRelayedAsThemselves(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	tk := staffAsks(t, f)
	id := itoa(tk.ID)

	first := f.send(t, handlers.Incoming{UserID: resident, UpdateID: 9201, MessageID: 51, Kind: handlers.TextMessage, Text: "下午三点以后都在"})
	second := f.send(t, handlers.Incoming{UserID: resident, UpdateID: 9202, MessageID: 52, Kind: handlers.TextMessage, Text: "门口有只狗，不咬人"})
	if first.ReplyTo != 51 || second.ReplyTo != 52 {
		t.Fatalf("each question threads under its message: %d, %d", first.ReplyTo, second.ReplyTo)
	}

	f.press(t, resident, findData(t, first, "r:conv:"+id+":y"))
	relay := f.deliver(t)
	if len(relay) != 1 || !strings.Contains(relay[0].Text, "下午三点以后都在") || strings.Contains(relay[0].Text, "狗") {
		t.Fatalf("\"yes\" under the first message relays the first message, got %+v", relay)
	}

	f.press(t, resident, findData(t, second, "r:conv:"+id+":y"))
	relay = f.deliver(t)
	if len(relay) != 1 || !strings.Contains(relay[0].Text, "门口有只狗") {
		t.Fatalf("\"yes\" under the second message relays the second message, got %+v (last notice %q)", relay, f.lastNotice())
	}
}
