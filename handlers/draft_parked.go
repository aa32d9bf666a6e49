package handlers

import (
	"context"
	"encoding/json"
	"fmt"
)

// An emergency told while another report waits unsent is reported first:
// the waiting draft is set aside (parked) and comes back, as a preview,
// once the emergency's own report is sent or cancelled. Before, the
// emergency was answered with "one at a time" and had to be typed again.

func parkedDraftKey(userID int64) string { return fmt.Sprintf("draft:parked:%d", userID) }

// startEmergencyIntake sets d aside and drafts the emergency text.
func (h *Handler) startEmergencyIntake(ctx context.Context, in Incoming, d draft, chosen, lang, text string) error {
	d.LocationAsked, d.Step = true, stepPreview
	data, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("encode parked draft: %w", err)
	}
	if err := h.State.Set(ctx, parkedDraftKey(in.UserID), data, draftTTL); err != nil {
		return fmt.Errorf("park draft of %d: %w", in.UserID, err)
	}
	if err := h.State.Delete(ctx, awaitKey(in.UserID)); err != nil {
		return fmt.Errorf("clear awaited input: %w", err)
	}
	// the photo the danger came with belongs to its report
	next := draft{ID: randomHex(6), Step: stepDescribe, Lang: lang, PhotoIDs: appendPhoto(nil, in.PhotoIDs)}
	return h.describe(ctx, in, next, chosen, text)
}

// resumeParked brings back a draft set aside for an emergency, once the
// emergency's report is sent or cancelled; nothing when none waits.
func (h *Handler) resumeParked(ctx context.Context, userID, chatID int64, lang string) error {
	data, ok, err := h.State.Get(ctx, parkedDraftKey(userID))
	if err != nil || !ok {
		return err
	}
	if err := h.State.Delete(ctx, parkedDraftKey(userID)); err != nil {
		return fmt.Errorf("unpark draft of %d: %w", userID, err)
	}
	var d draft
	if err := json.Unmarshal(data, &d); err != nil {
		return fmt.Errorf("decode parked draft of %d: %w", userID, err)
	}
	if err := h.send(ctx, OutMessage{ChatID: chatID, Text: txtParkedDraftBack.in(d.lang(lang))}); err != nil {
		return err
	}
	return h.showPreview(ctx, userID, chatID, d, d.lang(lang))
}
