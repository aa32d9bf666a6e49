package handlers

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
)

// An emergency told while another report waits unsent is reported first:
// the waiting draft is set aside (parked) and comes back, as a preview,
// once the emergency's own report is sent or cancelled. Before, the
// emergency was answered with "one at a time" and had to be typed again.

func parkedDraftKey(userID int64) string { return fmt.Sprintf("draft:parked:%d", userID) }

// startEmergencyIntake sets d aside and drafts the emergency text. Drafts
// set aside stack up: a second emergency while the first's draft waits
// keeps both earlier ones.
func (h *Handler) startEmergencyIntake(ctx context.Context, in Incoming, d draft, chosen, lang, text string) error {
	if err := h.parkDraft(ctx, in.UserID, d); err != nil {
		return err
	}
	if err := h.State.Delete(ctx, awaitKey(in.UserID)); err != nil {
		return fmt.Errorf("clear awaited input: %w", err)
	}
	// the photo the danger came with belongs to its report
	next := draft{ID: randomHex(6), Step: stepDescribe, Lang: lang, PhotoIDs: appendPhoto(nil, in.PhotoIDs)}
	return h.describe(ctx, in, next, chosen, text)
}

// parkAnotherMatter sets aside, as a draft of its own, another matter told
// while a report waits ("还有9号楼门口的垃圾三天没人收了"): it comes back once
// the waiting report is sent or cancelled (it had to be typed again).
func (h *Handler) parkAnotherMatter(ctx context.Context, in Incoming, chosen, text string) error {
	parked, err := h.parkedDrafts(ctx, in.UserID)
	if err != nil {
		return err
	}
	if n := len(parked); n > 0 {
		last := &parked[n-1]
		switch r := h.Router.Route(text); {
		case strings.Contains(sameWords(last.Text), sameWords(text)):
			// told again (no reply seen?): kept once
			last.PhotoIDs = appendPhoto(last.PhotoIDs, in.PhotoIDs)
			return h.saveParked(ctx, in.UserID, parked)
		case r.Category == last.Category && r.Confidence >= anotherMatterConfidence:
			// more about the matter just kept ("垃圾桶都满出来了"): with it
			last.Text = clip(last.Text+"\n"+text, MaxQuestionRunes)
			last.PhotoIDs = appendPhoto(last.PhotoIDs, in.PhotoIDs)
			return h.saveParked(ctx, in.UserID, parked)
		}
	}
	d := draft{ID: randomHex(6), Lang: h.language(chosen, in), Text: clip(text, MaxQuestionRunes), PhotoIDs: appendPhoto(nil, in.PhotoIDs)}
	dec := h.route(ctx, text)
	d.Category, d.Party = dec.Category, dec.Party
	d.Step = stepPreview
	if h.needsLocation(d) {
		d.Step = stepLocation
	}
	d.LocationAsked = true
	return h.parkDraft(ctx, in.UserID, d)
}

// addPhotosToParked adds photos to the draft set aside last (the rest of an
// album whose first photo's caption was another matter).
func (h *Handler) addPhotosToParked(ctx context.Context, userID int64, photos []string) error {
	parked, err := h.parkedDrafts(ctx, userID)
	if err != nil || len(parked) == 0 {
		return err
	}
	last := &parked[len(parked)-1]
	last.PhotoIDs = appendPhoto(last.PhotoIDs, photos)
	return h.saveParked(ctx, userID, parked)
}

// parkDraft sets d aside, on top of any set aside before, to come back
// once the report started now is sent or cancelled: where it was (waiting
// for its description or its place) or as a preview.
func (h *Handler) parkDraft(ctx context.Context, userID int64, d draft) error {
	if strings.TrimSpace(d.Text) == "" && len(d.PhotoIDs) == 0 {
		return nil // nothing written or shown yet: nothing to keep
	}
	if d.Step != stepDescribe && d.Step != stepLocation {
		d.LocationAsked, d.Step = true, stepPreview
	}
	d.PickingParty = false
	parked, err := h.parkedDrafts(ctx, userID)
	if err != nil {
		return err
	}
	return h.saveParked(ctx, userID, append(parked, d))
}

// resumeParked brings back the draft set aside last for an emergency, once
// the emergency's report is sent or cancelled; nothing when none waits.
func (h *Handler) resumeParked(ctx context.Context, userID, chatID int64, lang string) error {
	parked, err := h.parkedDrafts(ctx, userID)
	if err != nil || len(parked) == 0 {
		return err
	}
	d := parked[len(parked)-1]
	if err := h.saveParked(ctx, userID, parked[:len(parked)-1]); err != nil {
		return err
	}
	lang = d.lang(lang)
	switch d.Step {
	case stepDescribe: // photos without words yet: ask for them again
		if err := h.saveDraft(ctx, userID, d); err != nil {
			return err
		}
		return h.send(ctx, OutMessage{ChatID: chatID, Text: txtParkedPhotosBack.f(lang, len(d.PhotoIDs)), Buttons: cancelButton(d, lang)})
	case stepLocation: // its place was asked and not yet given: ask again
		if err := h.saveDraft(ctx, userID, d); err != nil {
			return err
		}
		if err := h.send(ctx, OutMessage{ChatID: chatID, Text: txtParkedDraftBack.in(lang) + "\n\n" + d.Text}); err != nil {
			return err
		}
		return h.askLocation(ctx, chatID, d, lang)
	}
	if err := h.send(ctx, OutMessage{ChatID: chatID, Text: txtParkedDraftBack.in(lang)}); err != nil {
		return err
	}
	return h.showPreview(ctx, userID, chatID, d, lang)
}

func (h *Handler) parkedDrafts(ctx context.Context, userID int64) ([]draft, error) {
	data, ok, err := h.State.Get(ctx, parkedDraftKey(userID))
	if err != nil {
		return nil, fmt.Errorf("parked drafts of %d: %w", userID, err)
	}
	if !ok {
		return nil, nil
	}
	var ds []draft
	if err := json.Unmarshal(data, &ds); err != nil {
		// one draft, as a replica from before the stack wrote it
		var d draft
		if err := json.Unmarshal(data, &d); err != nil {
			h.Log.Warn("drop unreadable parked drafts", "err", err)
			return nil, nil
		}
		return []draft{d}, nil
	}
	return ds, nil
}

func (h *Handler) saveParked(ctx context.Context, userID int64, ds []draft) error {
	if len(ds) == 0 {
		if err := h.State.Delete(ctx, parkedDraftKey(userID)); err != nil {
			return fmt.Errorf("unpark drafts of %d: %w", userID, err)
		}
		return nil
	}
	data, err := json.Marshal(ds)
	if err != nil {
		return fmt.Errorf("encode parked drafts: %w", err)
	}
	if err := h.State.Set(ctx, parkedDraftKey(userID), data, parkedTTL); err != nil {
		return fmt.Errorf("park drafts of %d: %w", userID, err)
	}
	return nil
}

// parkedTTL: a report set aside lives as long as a draft does; it comes
// back when the report started after it is sent or cancelled, however late.
const parkedTTL = draftTTL

// setDraftAside marks the waiting draft id (if it still waits) as no
// longer the latest thing shown: a bare "ok" then gets it shown again
// rather than sent. Written as is, not through saveDraft: nothing was asked
// of the resident, so an offer or question of staff's stays the latest.
func (h *Handler) setDraftAside(ctx context.Context, userID int64, id string) {
	d, ok, err := h.loadDraft(ctx, userID)
	if err != nil || !ok || d.ID != id || !d.active() || d.Aside {
		return
	}
	d.Aside = true
	data, err := json.Marshal(d)
	if err == nil {
		err = h.State.Set(ctx, draftKey(userID), data, draftTTL)
	}
	if err != nil {
		h.Log.Warn("mark a draft set aside", "err", err) // a bare "ok" may then send it
	}
}

// showDraft shows the waiting draft where it stands ("open the unsent
// report" under /mytickets): its preview, or the question its step waits on.
func (h *Handler) showDraft(ctx context.Context, userID, chatID int64, d draft, lang string) error {
	switch {
	case d.Step == stepDescribe && len(d.PhotoIDs) > 0:
		return h.send(ctx, OutMessage{ChatID: chatID, Text: txtParkedPhotosBack.f(lang, len(d.PhotoIDs)), Buttons: cancelButton(d, lang)})
	case d.Step == stepDescribe:
		return h.send(ctx, OutMessage{ChatID: chatID, Text: txtDescribeConcern.in(lang), Buttons: cancelButton(d, lang)})
	case d.Step == stepLocation:
		if err := h.send(ctx, OutMessage{ChatID: chatID, Text: d.Text}); err != nil {
			return err
		}
		return h.askLocation(ctx, chatID, d, lang)
	}
	d.Step = stepPreview
	return h.showPreview(ctx, userID, chatID, d, lang)
}

// aboutDraft: the message the draft did not take was still about it: a
// question on its own matter ("请问群租物业管不管" on a report of a flat let to
// many), or the language to write in. A "好的" after its answer may still
// agree to send the report; after an answer about something else it may not.
func (h *Handler) aboutDraft(d draft, in Incoming) bool {
	text := strings.TrimSpace(in.Text)
	if in.Kind != TextMessage || text == "" {
		return false
	}
	if _, ok := languageRequest(text); ok {
		return true
	}
	if d.Text == "" {
		return false
	}
	if sharesSubject(d.Text, text) {
		return true
	}
	r := h.Router.Route(text)
	return r.Confidence >= anotherMatterConfidence && !genericCategory(r.Category) && r.Category == h.Router.Route(d.Text).Category
}

// remindDraft answers what was said at the waiting preview with reply (none
// when its zero value) and the reminder that the report is not sent, in the
// message's language, then shows the preview again with its buttons: the
// latest thing said, so a bare "ok" now sends it.
func (h *Handler) remindDraft(ctx context.Context, in Incoming, d draft, chosen, lang string, reply text) error {
	msgLang := h.replyLanguage(chosen, in, lang)
	say := txtDraftStillWaiting.in(msgLang)
	if r := reply.in(msgLang); r != "" {
		say = r + "\n" + say
	}
	if err := h.send(ctx, OutMessage{ChatID: in.ChatID, Text: say}); err != nil {
		return err
	}
	return h.showPreview(ctx, in.UserID, in.ChatID, d, lang)
}
