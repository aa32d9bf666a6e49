package handlers_test

import (
	"slices"
	"strings"
	"testing"

	"codesk/storage"
)

// chatView follows what staff chats show: every delivered message with the
// buttons it was sent with, or those of its latest edit.
type chatView struct {
	f    *ticketFixture
	sent []storage.OutboxMessage
}

// deliver delivers the outbox and keeps what went out.
func (v *chatView) deliver(t *testing.T) []storage.OutboxMessage {
	t.Helper()
	out := v.f.deliver(t)
	v.sent = append(v.sent, out...)
	return out
}

// buttons is the callback data message m shows now.
func (v *chatView) buttons(m storage.OutboxMessage) []string {
	if e, ok := v.f.out.lastEditOf(m.ChatID, m.SentMessageID); ok {
		return editData(e)
	}
	return outboxData(m)
}

func editData(e edit) []string {
	var data []string
	for _, row := range e.buttons {
		for _, b := range row {
			data = append(data, b.Data)
		}
	}
	return data
}

// liveCards are the message ids in chat that offer to act on ticket id as
// a card does (claim, reassign, resolve, or a card's open menu); a
// reminder's lone claim button is not a card.
func (v *chatView) liveCards(chat int64, id string) []int {
	var live []int
	for _, m := range v.sent {
		if m.ChatID != chat {
			continue
		}
		if slices.ContainsFunc(v.buttons(m), func(d string) bool {
			for _, action := range []string{"s:reassign:", "s:askresolve:", "s:to:", "s:resolve:"} {
				if strings.HasPrefix(d, action+id) {
					return true
				}
			}
			return false
		}) {
			live = append(live, m.SentMessageID)
		}
	}
	return live
}
