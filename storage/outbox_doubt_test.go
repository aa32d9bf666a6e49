package storage_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"codesk/storage"
	"codesk/storage/storagetest"
)

// sendKnown enqueues a message to chat and marks it delivered as messageID,
// with a message ref when ticketID is not 0.
func sendKnown(t *testing.T, db *storage.DB, key string, chat int64, messageID int, ticketID int64) {
	t.Helper()
	ctx := context.Background()
	if err := db.EnqueueOutbox(ctx, storage.OutboxMessage{Key: key, ChatID: chat, Text: key, TicketID: ticketID, Purpose: "card"}); err != nil {
		t.Fatal(err)
	}
	if err := db.MarkOutboxSent(ctx, outboxByKey(t, db, key).ID, messageID, testTime); err != nil {
		t.Fatal(err)
	}
}

func claimAttempt(t *testing.T, db *storage.DB, id int64, now time.Time) storage.OutboxClaim {
	t.Helper()
	claim, ok, err := db.ClaimOutboxAttempt(context.Background(), id, now, time.Second)
	if err != nil || !ok {
		t.Fatalf("claim at %v = %v, %v; want it claimed", now, ok, err)
	}
	return claim
}

// A claim is an attempt whose outcome is unknown until recorded: the claim
// after one that was never settled reports the message in doubt, with the
// highest message id the chat was known to hold before the first attempt.
func TestAClaimNeverSettledLeavesTheMessageInDoubt(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		const group, other int64 = -1001000000001, -1001000000002
		sendKnown(t, db, "old card", group, 40, 1)   // outbox row and message ref
		sendKnown(t, db, "old notice", group, 41, 0) // outbox row only
		sendKnown(t, db, "elsewhere", other, 90, 2)
		if err := db.RefMessage(ctx, group, 42, 3, "card", testTime); err != nil { // a ref only
			t.Fatal(err)
		}
		if err := db.EnqueueOutbox(ctx, storage.OutboxMessage{Key: "card", ChatID: group, Text: "card"}); err != nil {
			t.Fatal(err)
		}
		card := outboxByKey(t, db, "card")

		first := claimAttempt(t, db, card.ID, testTime)
		if first.InDoubt || first.ProbeAfter != 42 {
			t.Fatalf("first claim = %+v; want not in doubt, probe after 42 (the chat's newest known message)", first)
		}
		// The process dies; meanwhile the chat gets a newer known message.
		sendKnown(t, db, "newer", group, 50, 4)
		second := claimAttempt(t, db, card.ID, testTime.Add(2*time.Second))
		if !second.InDoubt || second.ProbeAfter != 42 {
			t.Fatalf("claim after a lapsed one = %+v; want in doubt, still probing after 42", second)
		}
		if row := outboxByKey(t, db, "card"); row.UnsettledAttempts != 2 || row.ProbeAfter != 42 {
			t.Fatalf("row = %+v; want 2 unsettled attempts", row)
		}

		// A timeout: the outcome stays unknown.
		if err := db.MarkOutboxInDoubt(ctx, card.ID, "timeout", testTime.Add(3*time.Second)); err != nil {
			t.Fatal(err)
		}
		if row := outboxByKey(t, db, "card"); row.UnsettledAttempts != 2 || row.Attempts != 1 || row.LastError != "timeout" {
			t.Fatalf("after in doubt: %+v", row)
		}
		// A probe found nothing up to 47: only the attempt under way counts,
		// and the bound only rises.
		third := claimAttempt(t, db, card.ID, testTime.Add(3*time.Second))
		if !third.InDoubt {
			t.Fatalf("third claim = %+v; want in doubt", third)
		}
		if err := db.SettleOutboxProbe(ctx, card.ID, 47); err != nil {
			t.Fatal(err)
		}
		if err := db.AdvanceOutboxProbe(ctx, card.ID, 45); err != nil {
			t.Fatal(err)
		}
		if row := outboxByKey(t, db, "card"); row.UnsettledAttempts != 1 || row.ProbeAfter != 47 {
			t.Fatalf("after the probe: %+v; want 1 unsettled attempt, probe after 47", row)
		}
		// Telegram refused that attempt (429): nothing is in doubt any more.
		if err := db.MarkOutboxRetry(ctx, card.ID, "429", testTime.Add(5*time.Second)); err != nil {
			t.Fatal(err)
		}
		fourth := claimAttempt(t, db, card.ID, testTime.Add(5*time.Second))
		if fourth.InDoubt || fourth.ProbeAfter != 50 {
			t.Fatalf("claim after a definite refusal = %+v; want not in doubt, probe after 50 (known now)", fourth)
		}
		if err := db.MarkOutboxSent(ctx, card.ID, 51, testTime); err != nil {
			t.Fatal(err)
		}
		if row := outboxByKey(t, db, "card"); row.UnsettledAttempts != 0 || row.Status != storage.OutboxSent {
			t.Fatalf("after sent: %+v", row)
		}
	})
}

func TestAdvanceOutboxProbeRaisesTheBoundOfAMessageInDoubtOnly(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		if err := db.EnqueueOutbox(ctx, storage.OutboxMessage{Key: "card", ChatID: -1001000000001}); err != nil {
			t.Fatal(err)
		}
		card := outboxByKey(t, db, "card")
		if err := db.AdvanceOutboxProbe(ctx, card.ID, 30); err != nil {
			t.Fatal(err)
		}
		if row := outboxByKey(t, db, "card"); row.ProbeAfter != 0 {
			t.Fatalf("a message never attempted has no bound to raise: %+v", row)
		}
		claimAttempt(t, db, card.ID, testTime)
		if err := db.AdvanceOutboxProbe(ctx, card.ID, 30); err != nil {
			t.Fatal(err)
		}
		if row := outboxByKey(t, db, "card"); row.ProbeAfter != 30 || row.UnsettledAttempts != 1 {
			t.Fatalf("after advancing: %+v", row)
		}
	})
}

func TestKnownMessageIDsListsTheChatsDeliveredMessagesInTheWindow(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		const group int64 = -1001000000001
		sendKnown(t, db, "a", group, 10, 1)
		sendKnown(t, db, "b", group, 12, 0)
		sendKnown(t, db, "c", group, 20, 2)
		sendKnown(t, db, "other chat", -1001000000002, 11, 3)
		if err := db.RefMessage(ctx, group, 11, 1, "relay", testTime); err != nil {
			t.Fatal(err)
		}
		got, err := db.KnownMessageIDs(ctx, group, 10, 20)
		if err != nil {
			t.Fatal(err)
		}
		if want := []int{11, 12, 20}; !reflect.DeepEqual(got, want) {
			t.Fatalf("KnownMessageIDs(10, 20] = %v; want %v", got, want)
		}
	})
}

// An acknowledgement that edits the preview keeps the message to edit.
func TestEditMessageIDRoundTrips(t *testing.T) {
	storagetest.EachDialect(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		if err := db.EnqueueOutbox(ctx, storage.OutboxMessage{Key: "ticket:1:ack", ChatID: 501, Text: "已收到", EditMessageID: 77, ReplyTo: 77}); err != nil {
			t.Fatal(err)
		}
		due, err := db.DueOutbox(ctx, testTime, 10)
		if err != nil || len(due) != 1 || due[0].EditMessageID != 77 {
			t.Fatalf("DueOutbox = %+v, %v; want the edit of message 77", due, err)
		}
	})
}
