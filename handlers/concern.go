package handlers

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"codesk/faq"
	"codesk/parties"
	"codesk/storage"
	"codesk/tickets"
)

// draft is a concern being written: kept in shared state until the resident
// sends or cancels it, so any replica can continue the conversation.
type draft struct {
	ID            string     `json:"id"`
	Step          string     `json:"step"`
	Lang          string     `json:"lang"`
	Text          string     `json:"text,omitempty"`
	PhotoIDs      []string   `json:"photos,omitempty"`
	Location      string     `json:"location,omitempty"`
	LocationAsked bool       `json:"location_asked,omitempty"`
	Category      string     `json:"category,omitempty"`
	Party         parties.ID `json:"party,omitempty"`
	TicketID      int64      `json:"ticket_id,omitempty"` // set once sent
	// PartyChosen: the resident picked the party; the preview must not
	// then say the bot could not tell
	PartyChosen bool `json:"party_chosen,omitempty"`
	// PickingParty: the party picker is shown; a typed "好" then is no "send"
	PickingParty bool `json:"picking_party,omitempty"`
	// AlbumID is the album (photos sent together) the draft last took a
	// photo of, and AlbumPreview the preview shown for it: the album is one
	// matter, so its later photos join quietly or update that preview
	// instead of asking again once per photo
	AlbumID      string `json:"album,omitempty"`
	AlbumPreview int    `json:"album_preview,omitempty"`
	// Aside: another exchange (a question answered, the ticket list) came
	// after the preview, so a bare "ok" or "thanks" answers that, not the
	// preview: it is reminded of, not sent
	Aside bool `json:"aside,omitempty"`
	// FixingPlace: a bare "搞错了" at the preview was asked about: a place
	// typed next replaces the one given, said to (correctedLocation)
	FixingPlace bool `json:"fixing_place,omitempty"`
}

// Draft steps: what the resident's next message means.
const (
	stepDescribe = "describe" // the description (text, or a photo's caption)
	stepLocation = "location" // the building/unit, or a shared location
	stepPreview  = "preview"  // buttons decide; text is a new message
	stepExtra    = "extra"    // a photo, a building/unit or a location to add
	stepSent     = "sent"     // done: remembered so a second "send" says so
	stepCanceled = "canceled" // kept so late presses get a notice in the draft's language
	// stepAsked: "I'm only asking" answered it as a question; kept so that
	// "report it" after the answer resumes it as the resident left it (the
	// party they chose, the place, the photos)
	stepAsked = "asked"
)

// active reports whether the draft still takes input.
func (d draft) active() bool {
	return d.Step != stepSent && d.Step != stepCanceled && d.Step != stepAsked
}

const (
	draftTTL       = 24 * time.Hour
	maxDraftPhotos = 10
)

func (d draft) lang(chosen string) string {
	if chosen == "zh" || chosen == "en" {
		return chosen
	}
	return d.Lang
}

func draftKey(userID int64) string { return fmt.Sprintf("draft:%d", userID) }

func (h *Handler) loadDraft(ctx context.Context, userID int64) (draft, bool, error) {
	data, ok, err := h.State.Get(ctx, draftKey(userID))
	if err != nil || !ok {
		return draft{}, false, err
	}
	var d draft
	if err := json.Unmarshal(data, &d); err != nil {
		return draft{}, false, fmt.Errorf("decode draft of %d: %w", userID, err)
	}
	return d, true, nil
}

func (h *Handler) saveDraft(ctx context.Context, userID int64, d draft) error {
	data, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("encode draft: %w", err)
	}
	if err := h.State.Set(ctx, draftKey(userID), data, draftTTL); err != nil {
		return fmt.Errorf("save draft of %d: %w", userID, err)
	}
	h.forgetStaffAsked(ctx, userID)
	return nil
}

func (h *Handler) ticketsEnabled() bool { return h.Tickets != nil && h.Router != nil }

// startIntake begins a concern, from the menu or /report [text].
func (h *Handler) startIntake(ctx context.Context, in Incoming, chosen, lang, text string) error {
	if err := h.State.Delete(ctx, awaitKey(in.UserID)); err != nil {
		return fmt.Errorf("clear awaited input: %w", err)
	}
	d := draft{ID: randomHex(6), Step: stepDescribe, Lang: lang}
	h.forgetAsked(ctx, in.UserID) // a report started: "report it" later is not about what was asked before
	if n := runeLen(text); n > MaxQuestionRunes {
		// "/report <text>" takes the same limit as a typed concern
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtTooLong.f(lang, n, MaxQuestionRunes)})
	}
	// a report written but not sent is set aside, not replaced: it comes
	// back once the new one is sent or cancelled
	if earlier, ok, err := h.loadDraft(ctx, in.UserID); err != nil {
		return err
	} else if ok && earlier.active() && (strings.TrimSpace(earlier.Text) != "" || len(earlier.PhotoIDs) > 0) {
		if err := h.parkDraft(ctx, in.UserID, earlier); err != nil {
			return err
		}
		if err := h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtEarlierDraftKept.in(lang)}); err != nil {
			return err
		}
	}
	if text != "" {
		return h.describe(ctx, in, d, chosen, text)
	}
	if err := h.saveDraft(ctx, in.UserID, d); err != nil {
		return err
	}
	return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtDescribeConcern.in(lang), Buttons: cancelButton(d, lang)})
}

// ticketMessage serves a private message that belongs to the ticket flows:
// a reply to a ticket message, an awaited answer, draft input, a photo, or
// text that reads as a concern. handled is false for everything else, which
// is then treated as a question.
func (h *Handler) ticketMessage(ctx context.Context, in Incoming, chosen, lang string) (bool, error) {
	before, hadDraft, err := h.loadDraft(ctx, in.UserID)
	if err != nil {
		return true, err
	}
	draftTook := false
	handled, err := h.ticketFlows(ctx, in, before, chosen, lang, &draftTook)
	if err != nil {
		return handled, err
	}
	if hadDraft && before.active() && !draftTook && !h.aboutDraft(before, in) {
		// the waiting report's preview is no longer the latest thing said
		h.setDraftAside(ctx, in.UserID, before.ID)
	}
	h.noteAsked(ctx, in, handled)
	return handled, nil
}

// ticketFlows is ticketMessage's work on the message and the resident's
// draft (loaded before; its zero value when none); draftTook reports that
// the waiting draft took the message. Only the draft flows save a draft, so
// d is current until they run.
func (h *Handler) ticketFlows(ctx context.Context, in Incoming, d draft, chosen, lang string, draftTook *bool) (handled bool, err error) {
	drafting := d.active() && d.ID != ""
	// a danger now is its own report, unless the resident has an open
	// ticket about the same danger ("还是有煤气味" answering staff's "现在还有
	// 味道吗？" is more of that one)
	danger := noEmergency
	if t := strings.TrimSpace(in.Text); t != "" && (in.Kind == TextMessage || in.Kind == PhotoMessage) {
		danger = emergencyIn(t)
	}
	sameDanger := danger != noEmergency && h.openTicketAbout(ctx, in, danger)
	if in.ReplyTo != 0 && (danger == noEmergency || sameDanger) {
		if handled, err := h.residentReply(ctx, in, chosen); handled || err != nil {
			return handled, err
		}
	}
	if danger != noEmergency && !sameDanger {
		// not an answer to staff ("is this for ticket #1?") about another
		// matter, nor details awaited for another ticket
		in.ReplyTo, in.notForTicket = 0, true
		if err := h.State.Delete(ctx, awaitKey(in.UserID)); err != nil {
			return true, fmt.Errorf("clear awaited input: %w", err)
		}
	}
	// a typed yes or no answers the "is this for ticket #N?" offers still
	// waiting (staff's follow-up question or an addition to a report)
	if t := strings.TrimSpace(in.Text); in.Kind == TextMessage && in.ReplyTo == 0 && (typedReplyYes(t) || typedNo(t) || thanksAsYes(t)) {
		if handled, err := h.typedFollowUpChoice(ctx, in, t, chosen); handled || err != nil {
			return handled, err
		}
	}
	if t := strings.TrimSpace(in.Text); in.Kind == TextMessage && in.ReplyTo == 0 && danger == noEmergency && t != "" && !drafting {
		if handled, err := h.ticketWords(ctx, in, t, chosen); handled || err != nil {
			return handled, err
		}
	}
	// "#1", "给路灯那个": which of the tickets offered a held message is for
	if t := strings.TrimSpace(in.Text); in.Kind == TextMessage && in.ReplyTo == 0 {
		if handled, err := h.typedTicketPick(ctx, in, t, chosen); handled || err != nil {
			return handled, err
		}
	}
	// Staff asked after the bot's own latest question: theirs comes first.
	if h.staffAskedLast(ctx, in.UserID) {
		if handled, err := h.conversationFollowUp(ctx, in, chosen); handled || err != nil {
			return handled, err
		}
	}
	if handled, err := h.awaitedInput(ctx, in, chosen); handled || err != nil {
		return handled, err
	}
	if drafting {
		if handled, err := h.draftInput(ctx, in, d, chosen); handled || err != nil {
			*draftTook = handled
			return handled, err
		}
	}
	// Staff wrote to this resident lately: a plain message or photo may be
	// their answer, even one that reads like a new concern.
	if handled, err := h.conversationFollowUp(ctx, in, chosen); handled || err != nil {
		return handled, err
	}
	text := strings.TrimSpace(in.Text)
	switch in.Kind {
	case PhotoMessage:
		if err := h.State.Delete(ctx, awaitKey(in.UserID)); err != nil {
			return true, fmt.Errorf("clear awaited input: %w", err)
		}
		if t, ok := h.disputedTicket(ctx, in.UserID, text); ok && text != "" && emergencyIn(text) == noEmergency {
			// a photo of the fault still there ("灯还是不亮 你看看"): that
			// ticket, with its reopen button, not a second report
			h.holdDispute(ctx, in, t.ID, text)
			return true, h.showTicket(ctx, in, t, ticketLang(t, chosen))
		}
		if t, ok := h.photoForRecentTicket(ctx, in.UserID, text); ok && !in.notForTicket && emergencyIn(text) == noEmergency {
			// a photo just after a report, with no words or words that
			// point back ("这是刚才说的灯"): most likely that report's
			lang := ticketLang(t, chosen)
			return true, h.offerToTicket(ctx, in, t, chosen, txtAddToTicketAsk.f(lang, t.Number(), h.categoryText(t.Category).in(lang)))
		}
		_, err := h.draftInput(ctx, in, draft{ID: randomHex(6), Step: stepDescribe, Lang: lang}, chosen)
		return true, err
	case TextMessage:
		if text == "" || runeLen(text) > MaxQuestionRunes {
			return false, nil // answerQuestion says why
		}
		if !drafting && reportRequest(text) {
			// "帮我反映一下" after an answer: what was asked, as its
			// report button would
			return true, h.reportWhatWasAsked(ctx, in, d, chosen, lang, text)
		}
		if stars := settledRating(text); stars > 0 && !drafting {
			// "修好了 蛮好": the fix told and graded, no new report (nor
			// only thanks: a resolution waits for its rating); said of an
			// open ticket, it goes on to be offered to it (continuedTicket)
			if handled, err := h.settledWithGrade(ctx, in, chosen, lang, stars); handled || err != nil {
				return handled, err
			}
		}
		if classifySmallTalk(text) != notSmallTalk {
			return false, nil // "talk to a human", "我的工单": answerQuestion's
		}
		if h.chasesOwnReport(ctx, in.UserID, text) {
			if err := h.chasedTickets(ctx, in, text, lang); err != nil { // where their report stands
				return true, err
			}
			if q, ok := h.questionBesidesChase(text); ok {
				return true, h.answerQuestion(ctx, in, chosen, q)
			}
			return true, nil
		}
		if emergencyIn(text) != noEmergency && onlyAsking(text) && !drafting && !sameDanger {
			return true, nil // "what to do if gas leaks? just asking": the advice sent answers it
		}
		if e := emergencyIn(text); e != noEmergency && !drafting && !sameDanger {
			// after the safety advice, a fire, gas, someone hurt or shut in
			// a lift ("…出不来 哪能办啊") is for the staff to know now, not
			// for an FAQ search; whom to call, asked besides ("…物业这会儿还
			// 有人吗", "who do I ring"), gets the FAQ's numbers too, first
			if contactAsked.MatchString(faq.Normalize(text)) && h.FAQ.Match(text).ID != "" {
				if err := h.answerQuestion(ctx, in, chosen, text); err != nil {
					return true, err
				}
			}
			return true, h.startIntake(ctx, in, chosen, lang, text)
		}
		if t, ok := h.disputedTicket(ctx, in.UserID, text); ok {
			h.holdDispute(ctx, in, t.ID, text) // staff hear it if reopened
			// with its reopen button, in the language of the words ("the
			// door still makes noise" on a Chinese ticket: in English)
			return true, h.showTicket(ctx, in, t, typedLang(t, chosen, in))
		}
		if t, ok := h.continuedTicket(ctx, in.UserID, text); ok && !in.notForTicket && (!drafting || h.chaseWithNews(text)) {
			lang := ticketLang(t, chosen)
			return true, h.offerToTicket(ctx, in, t, chosen, txtAddToTicketAsk.f(lang, t.Number(), h.categoryText(t.Category).in(lang)))
		}
		concern, _ := h.Router.IsConcern(text)
		if !concern && h.Router.DescribesProblem(text) && actionRequest.MatchString(faq.Normalize(text)) && !h.asksBesidesAction(text) &&
			!homeAppliance.MatchString(faq.Normalize(text)) {
			concern = true // a problem told, and asked to be dealt with ("…你们能不能管管")
		}
		if !concern && asksAfterOwnReport(text) {
			return true, h.myTickets(ctx, in, lang) // none open: "none yet", or how they ended
		}
		if !concern {
			return false, nil
		}
		// a topic named in a word or two ("电梯", "parking": not yet a
		// report) or a concern that asks something ("外墙渗水怎么办", "who
		// fixes it?") gets the FAQ's answer or close entries first, with a
		// button to report it (answerQuestion); "停电了" with nothing close,
		// or a plain report, is drafted
		if (isTopicWord(text) && !h.Router.DescribesProblem(text)) || h.asksBesidesAction(text) {
			if r := h.FAQ.Match(text); r.ID != "" || len(r.Candidates) > 0 {
				return false, nil
			}
		} else if wishCue.MatchString(faq.Normalize(text)) && !reportCue.MatchString(faq.Normalize(text)) &&
			!h.Router.DescribesProblem(text) && h.FAQ.Match(text).ID != "" {
			// a wish with nothing broken ("我想多办一张门禁卡", "I want a
			// charger at my space") that the FAQ answers: the answer first,
			// with the button to report it
			return false, nil
		}
		if drafting {
			return false, nil // what draftAddition left to answer must not replace the draft
		}
		return true, h.startIntake(ctx, in, chosen, lang, text)
	}
	return false, nil
}

// draftInput applies a message to the draft at its step: typed "send" or
// "cancel", the description, a place, or more text (draftAddition). handled
// is false for what is answered instead (small talk, a question meanwhile).
func (h *Handler) draftInput(ctx context.Context, in Incoming, d draft, chosen string) (bool, error) {
	lang := d.lang(chosen)
	text := strings.TrimSpace(in.Text)
	switch in.Kind {
	case PhotoMessage:
		if in.AlbumID != "" && text == "" {
			if _, kept, err := h.State.Get(ctx, albumOutKey(in.UserID, in.AlbumID)); err != nil {
				return true, fmt.Errorf("album kept out: %w", err)
			} else if kept {
				// the rest of an album of another matter: with that
				// matter, set aside (said once)
				return true, h.addPhotosToParked(ctx, in.UserID, in.PhotoIDs)
			}
		}
		if d.Step != stepDescribe && text != "" && emergencyIn(text) != noEmergency && emergencyIn(text) != emergencyIn(d.Text) {
			// a photo of a danger now is its own report, first
			return true, h.startEmergencyIntake(ctx, in, d, chosen, lang, text)
		}
		if d.Step != stepDescribe && text != "" && h.anotherMatter(d, text) {
			// a photo of something else (its caption says so) is no part
			// of this report: the draft first, then the other matter
			if in.AlbumID != "" {
				if err := h.State.Set(ctx, albumOutKey(in.UserID, in.AlbumID), []byte("1"), albumTTL); err != nil {
					h.Log.Warn("remember an album kept out", "err", err)
				}
			}
			if err := h.parkAnotherMatter(ctx, in, chosen, text); err != nil {
				return true, err
			}
			d.LocationAsked, d.Step = true, stepPreview
			if err := h.showPreview(ctx, in.UserID, in.ChatID, d, lang); err != nil {
				return true, err
			}
			return true, h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtOneAtATime.in(lang)})
		}
		// a later photo of the album the draft took a photo of: the same
		// matter, already asked about or previewed once
		sameAlbum := in.AlbumID != "" && in.AlbumID == d.AlbumID && text == ""
		if in.AlbumID != d.AlbumID {
			d.AlbumID, d.AlbumPreview = in.AlbumID, 0
		}
		d.PhotoIDs = appendPhoto(d.PhotoIDs, in.PhotoIDs)
		if sameAlbum && (d.Step == stepDescribe || d.Step == stepLocation) {
			// its first photo asked for the words (or the place): once
			return true, h.saveDraft(ctx, in.UserID, d)
		}
		if d.Step == stepDescribe {
			if text == "" {
				if err := h.saveDraft(ctx, in.UserID, d); err != nil {
					return true, err
				}
				return true, h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtPhotoReceivedDescribe.in(lang), Buttons: cancelButton(d, lang)})
			}
			return true, h.describe(ctx, in, d, chosen, text)
		}
		if sameAlbum && d.AlbumPreview != 0 {
			// the preview its first photo brought shows the photos counted
			d.Step = stepPreview
			if err := h.saveDraft(ctx, in.UserID, d); err != nil {
				return true, err
			}
			err := h.Messenger.Edit(ctx, in.ChatID, d.AlbumPreview, h.previewText(d, lang), previewButtons(d, lang))
			if err == nil {
				return true, nil
			}
			h.Log.Warn("update an album's preview", "err", err) // shown anew below
		}
		if d.Step == stepLocation {
			// the caption is the place asked for, or more about the
			// problem (kept, not dropped); without a place, ask again
			switch {
			case text == "" || strings.Contains(d.Text, text):
			case tickets.NamesOnlyAPlace(text):
				d.Location = clip(text, 200)
				d.LocationAsked, d.Step = true, stepPreview
				return true, h.showPreview(ctx, in.UserID, in.ChatID, d, lang)
			default:
				d.Text = clip(d.Text+"\n"+text, MaxQuestionRunes)
			}
			if err := h.saveDraft(ctx, in.UserID, d); err != nil {
				return true, err
			}
			if err := h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtPhotoReceived.in(lang)}); err != nil {
				return true, err
			}
			return true, h.askLocation(ctx, in.ChatID, d, lang)
		}
		switch {
		case text == "" || strings.Contains(d.Text, text):
		case tickets.NamesOnlyAPlace(text):
			d.Location = clip(text, 200) // a caption naming where it is
		default:
			// a caption says what the photo shows: part of the report
			d.Text = clip(d.Text+"\n"+text, MaxQuestionRunes)
		}
		d.Step = stepPreview
		return true, h.showPreview(ctx, in.UserID, in.ChatID, d, lang)
	case LocationMessage:
		if in.Location == nil {
			return false, nil
		}
		d.Location = fmt.Sprintf("📍 %.5f, %.5f", in.Location.Latitude, in.Location.Longitude)
		d.LocationAsked = true
		if d.Step == stepDescribe {
			if err := h.saveDraft(ctx, in.UserID, d); err != nil {
				return true, err
			}
			return true, h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtDescribeConcern.in(lang), Buttons: cancelButton(d, lang)})
		}
		d.Step = stepPreview
		return true, h.showPreview(ctx, in.UserID, in.ChatID, d, lang)
	case TextMessage:
		if text == "" {
			return false, nil
		}
		if d.Step != stepDescribe {
			text = fineAsOK(text) // "fine thanks" is "ok thanks", never a line of the report
		}
		word := replyWord(text)
		if d.Step == stepPreview && bareMistake(text) && d.hasPlace() && !d.FixingPlace {
			// "搞错了" once a place was given: the place, or the whole report?
			return true, h.askWhatWasWrong(ctx, in, d, lang)
		}
		if d.Step == stepPreview && d.Aside && !d.FixingPlace {
			// "不用了", "no", "不对 我问的是周末" after an answer given
			// meanwhile are about that answer: the report waits, reminded of
			if reply, ok := asideReply(text); ok {
				return true, h.remindDraft(ctx, in, d, chosen, lang, reply)
			}
		}
		if cancelsDraft(text, d.Step) {
			return true, h.dropDraft(ctx, in, d, h.replyLanguage(chosen, in, lang)) // "弗要报了" on an English draft: answered in Chinese
		}
		if _, ok := languageRequest(text); ok || classifySmallTalk(text) == abuse {
			// "English please": set, no line of the report; an insult:
			// answered calmly, never part of the report
			return false, nil
		}
		if stars := typedRating(text); stars > 0 && d.Step != stepDescribe && starsGiven(text) {
			// "5星" for the ticket just resolved, while another report
			// waits: that rating, not a line of this report ("terrible"
			// may be about the report on screen)
			if t, ok := h.ticketAwaitingRating(ctx, in.UserID); ok {
				h.setDraftAside(ctx, in.UserID, d.ID) // the rating's thanks came after the preview
				return true, h.rate(ctx, in, t, stars, typedLang(t, chosen, in), "")
			}
		}
		if d.Step == stepPreview && d.Aside && bareAgreement(text) {
			// "好的谢谢" after an answer given meanwhile thanks for that
			// answer: the report is shown again, not sent
			return true, h.remindDraft(ctx, in, d, chosen, lang, txtNoReply)
		}
		if k := classifySmallTalk(text); d.Step == stepPreview && (k == thanks || k == goodbye) && !typedYes(text) && !asksToReportIt(text) {
			// "谢谢侬", "cheers mate", "再会" at the preview: answered, and
			// told the report is not sent (they may believe it was)
			reply := txtOKShort
			if k == thanks {
				reply = txtWelcomeShort
			}
			return true, h.remindDraft(ctx, in, d, chosen, lang, reply)
		}
		if d.Step == stepPreview && ((isDigits(text) && runeLen(text) <= 3) || emojiSmallTalk(text) == thanks) {
			// a number no button has (the console's, or a typed "7"), or a
			// thumbs-up (send? or thanks?): no detail of the report, and
			// not sure enough to send it; the preview again, with its buttons
			if err := h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtPickAButton.in(lang)}); err != nil {
				return true, err
			}
			return true, h.showPreview(ctx, in.UserID, in.ChatID, d, lang)
		}
		if d.Step != stepDescribe && hesitation.MatchString(word) {
			// "哈哈", "hmm", "等一下": nothing to add; the draft waits as it is
			d.LocationAsked, d.Step = true, stepPreview
			return true, h.showPreview(ctx, in.UserID, in.ChatID, d, lang)
		}
		switch d.Step {
		case stepDescribe:
			if n := runeLen(text); n > MaxQuestionRunes {
				// Answer in the description's language, as describe would.
				return true, h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtTooLong.f(h.language(chosen, in), n, MaxQuestionRunes)})
			}
			if h.Router.AsksSomething(text) && !h.Router.DescribesProblem(text) {
				return false, nil // a question, not the description: answered; the draft waits
			}
			if t, ok := h.disputedTicket(ctx, in.UserID, text); ok && d.Text == "" && len(d.PhotoIDs) > 0 && emergencyIn(text) == noEmergency {
				// a photo, then "灯还是不亮": the photo shows the fix that
				// failed; both go with that ticket's reopen, no new report
				in.PhotoIDs = d.PhotoIDs
				h.holdDispute(ctx, in, t.ID, text)
				d.Step = stepCanceled
				if err := h.saveDraft(ctx, in.UserID, d); err != nil {
					return true, err
				}
				if err := h.showTicket(ctx, in, t, ticketLang(t, chosen)); err != nil {
					return true, err
				}
				return true, h.resumeParked(ctx, in.UserID, in.ChatID, lang) // a report set aside for the photo's
			}
			return true, h.describe(ctx, in, d, chosen, text)
		case stepPreview:
			if partyDoubted(text) {
				// "wait, it's actually the owners committee's job": which
				// party, from the picker
				d.PickingParty = true
				if err := h.saveDraft(ctx, in.UserID, d); err != nil {
					return true, err
				}
				return true, h.send(ctx, partyPicker(in.ChatID, d, txtChooseParty.in(lang), lang))
			}
			if p, ok := typedParty(text); ok {
				// "业委会" typed at the preview or its party choice: to them
				return true, h.showPreview(ctx, in.UserID, in.ChatID, h.toParty(d, p), lang)
			}
			if typedYes(text) && d.PickingParty {
				// "好" under the party choice: which party? ask again
				return true, h.send(ctx, partyPicker(in.ChatID, d, txtPickAParty.f(lang, parties.Name(d.Party, lang)), lang))
			}
			if typedYes(text) || asksToReportIt(text) {
				return true, h.confirmDraft(ctx, in, d, lang) // "好的发吧", "yes send it" typed, not tapped
			}
			return h.draftAddition(ctx, in, d, chosen, text, lang)
		case stepLocation, stepExtra:
			if place, ok := placeWithFiller(text); ok {
				// "不要紧 就是3号楼门口", "算了 就写3号楼吧": the place
				d.Location = clip(place, 200)
				d.LocationAsked, d.Step = true, stepPreview
				return true, h.showPreview(ctx, in.UserID, in.ChatID, d, lang)
			}
			k := classifySmallTalk(text)
			if skipWords[word] || laterWords.MatchString(word) || typedYes(text) || k == goodbye || emojiSmallTalk(text) == thanks {
				// "later": the place comes later, or not at all; "嗯", "ok",
				// 👍: no place given, the report to send (or not) as it is
				d.LocationAsked, d.Step = true, stepPreview // typed instead of tapped: no location
				return true, h.showPreview(ctx, in.UserID, in.ChatID, d, lang)
			}
			if rest, ok := unknownPlace(text); ok && emergencyIn(text) == noEmergency {
				// "不知道几号楼 就是我家门口那部": no building to give, but
				// where it is in words (kept as the place), more of the
				// problem or a request (kept as the report's), or nothing.
				// A danger told with it ("不知道几号楼 楼道里好多烟") is its
				// own report first (draftAddition).
				switch {
				case rest == "":
				case h.readsLikePlace(rest):
					d.Location = clip(rest, 200)
				default:
					d.Text = clip(d.Text+"\n"+rest, MaxQuestionRunes)
				}
				d.LocationAsked, d.Step = true, stepPreview
				return true, h.showPreview(ctx, in.UserID, in.ChatID, d, lang)
			}
			return h.draftAddition(ctx, in, d, chosen, text, lang)
		}
	}
	return false, nil
}

// draftAddition takes text sent while a draft waits for its place or for
// "send": a place is its location; a question or small talk is answered
// and the draft waits; more about the same problem joins the description;
// another matter shows the draft first and asks to send or cancel it, so
// nothing is merged or silently replaced.
func (h *Handler) draftAddition(ctx context.Context, in Incoming, d draft, chosen, text, lang string) (bool, error) {
	switch {
	case classifySmallTalk(text) != notSmallTalk:
		return false, nil // "my tickets", "thanks": no place
	case emergencyIn(text) != noEmergency && !strings.Contains(d.Text, text) && emergencyIn(text) != emergencyIn(d.Text):
		// (the same danger again, "煤气味越来越重了" on the gas draft, is
		// more of this report or its place: below)
		// a danger now ("3号楼着火了") is its own report, never this one's
		// place or details: it goes first, this one waits
		return true, h.startEmergencyIntake(ctx, in, d, chosen, lang, text)
	case h.chasesOwnReport(ctx, in.UserID, text) || (chaseOwn.MatchString(faq.Normalize(text)) && h.tellsMore(text)):
		// "我的单子哪能了": where the reports sent stand (ticketMessage
		// lists them); "我报的灯修好了伐 还是不亮": that report's (a dispute,
		// or news for it); the draft waits
		return false, nil
	case strings.Contains(d.Text, text):
		// said again (no reply seen, a resend after a lost message): the
		// same draft, shown again
	case correctsPlace(text):
		// "不对 是5号楼不是3号楼": the new place, said to be one
		newPlace, oldPlace, _ := correction(text)
		d.Location = clip(correctedLocation(d, newPlace, oldPlace, lang), 200)
	case h.correctsSubject(ctx, &d, text):
		// "actually it's not the lift, it's the stairwell light": the
		// report is now about that
	case tickets.NamesOnlyAPlace(text) && d.FixingPlace:
		// the right place after "搞错了"
		d.Location = clip(correctedLocation(d, strings.TrimSpace(text), "", lang), 200)
	case tickets.NamesOnlyAPlace(text):
		d.Location = clip(text, 200) // "3号楼2单元", "北门车棚"
	case h.Router.AsksSomething(text) && (!h.Router.DescribesProblem(text) || politeQuestion.MatchString(faq.Normalize(text))):
		return false, nil // a question meanwhile: answered; the draft waits
	case h.cancelsAnotherThing(text):
		// "我想取消停车位": a question of its own, answered; the draft waits
		return false, nil
	case !h.anotherMatter(d, text):
		d.Text = clip(d.Text+"\n"+text, MaxQuestionRunes) // more about the same problem
		if chosen == "" {
			// the bulk of what they wrote for it, not its last line
			d.Lang = draftLanguage(d.Lang, d.Text, text)
			lang = d.Lang
		}
	default:
		if err := h.parkAnotherMatter(ctx, in, chosen, text); err != nil {
			return true, err
		}
		d.LocationAsked, d.Step = true, stepPreview
		if err := h.showPreview(ctx, in.UserID, in.ChatID, d, lang); err != nil {
			return true, err
		}
		// in the language of what they just wrote ("my neighbour's dog…"
		// on a Chinese draft)
		return true, h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtOneAtATime.in(h.language(chosen, in))})
	}
	if chosen == "" && h.language("", in) != d.Lang {
		// a line of the draft in the other language: the resident's
		// language stays the draft's (for commands and buttons too)
		h.keepLanguage(ctx, in.UserID, d.Lang)
	}
	d.LocationAsked, d.Step = true, stepPreview
	return true, h.showPreview(ctx, in.UserID, in.ChatID, d, lang)
}

// partyDoubted: the resident says at the preview that the matter is another
// party's ("wait, it's actually the owners committee's job", "其实这个应该归
// 业委会管"): the picker, not a line of the report.
func partyDoubted(text string) bool {
	return partyDoubt.MatchString(faq.Normalize(text))
}

var partyDoubt = regexp.MustCompile(`^(?:(?:wait|actually|oh|hmm|sorry|no)\s+)*(?:it s|its|it is|this is|that s|thats)\s+(?:actually\s+)?(?:the\s+)?` +
	`(?:owners\s*committee|owners committee|neighbou?rhood committee|residents committee|property management|management|co office|joint office)(?:\s*s)?\s+` +
	`(?:job|business|responsibility|matter|thing)(?:\s+actually)?$|` +
	`^(?:(?:哦|噢|等一下|等等|其实|不对)\s*)*(?:这个|这件事|这事)?(?:其实)?(?:应该|是)?(?:归|找|由)(?:物业|业委会|居委会|联合办公室)(?:管|负责|处理)(?:的)?(?:吧|才对)?$`)

// toParty sends draft d to party p, as the resident chose: the category
// is the router's for that party.
func (h *Handler) toParty(d draft, p parties.ID) draft {
	if p != d.Party {
		d.Party, d.Category = p, h.Router.Route(d.Text).CategoryFor(p)
	}
	d.PartyChosen = true
	return d
}

// asksBesidesAction: text asks something other than for the problem to be
// dealt with. "…吵得我睡不着已经好几个月了你们能不能管管" asks for action:
// a report, not a question for the FAQ.
func (h *Handler) asksBesidesAction(text string) bool {
	if !h.Router.AsksSomething(text) {
		return false
	}
	s := faq.Normalize(text)
	if !actionRequest.MatchString(s) || !h.Router.DescribesProblem(text) {
		return true
	}
	rest := actionRequest.ReplaceAllString(s, " ")
	return h.Router.AsksSomething(rest) || strings.ContainsAny(actionRequest.ReplaceAllString(text, " "), "?？") && !actionRequestTail.MatchString(text)
}

var (
	actionRequest = regexp.MustCompile(`(你们|物业|居委会|业委会|有没有人)?(能不能|可不可以|能否|可否|可以|能)?(管管|管一管|管一下|来管|来处理|处理一下|来看看|来修|帮忙解决|解决一下|给个说法|安排修剪|安排一下|安排人)(吗|呢|啊|吧)?|` +
		`\b(can|could|would|will) (you|someone|somebody|anyone) (please )?(do something|sort (it|this) out|deal with (it|this)|come and (fix|look|check)|fix (it|this))\b`)
	actionRequestTail = regexp.MustCompile(`(管管|管一管|管一下|来管|来处理|处理一下|来看看|来修|帮忙解决|解决一下|给个说法|安排修剪|安排一下|安排人|do something|sort (it|this) out|deal with (it|this)|fix (it|this))\s*(吗|呢|啊|吧)?\s*[?？!！。.]*\s*$`)
)

// homeAppliance: a fitting usually in the resident's own home ("热水器坏了物业
// 能来修吗"): whose repair it is, the FAQ says first.
var homeAppliance = regexp.MustCompile(`空调|热水器|洗衣机|冰箱|电视|燃气灶|油烟机|马桶|水龙头|插座|灯泡|门锁|地暖|暖气|网络|宽带|\b(air con|aircon|air conditioner|water heater|boiler|washing machine|fridge|toilet|tap|faucet|door lock)\b`)

// contactAsked: whom to call or whether anyone is there to help.
var contactAsked = regexp.MustCompile(`电话|号码|打给谁|找谁|找哪个|有人吗|有没有人|有人接|有人在|值班|` +
	`\b(who (do|should|can) (i|we) (call|ring|phone|contact)|phone number|number to call|anyone (there|on duty|around)|on call)\b`)

// politeQuestion opens by saying it asks ("请问群租物业管不管"): a question
// even where its words describe a problem.
var politeQuestion = regexp.MustCompile(`^(请问|想问|想咨询|咨询一下|问一下|打听一下|请教)|^(quick question|can you tell me|could you tell me|i want to know|i d like to know)\b`)

// dropDraft cancels the draft ("✖ Cancel", or a typed "取消" / "cancel").
func (h *Handler) dropDraft(ctx context.Context, in Incoming, d draft, lang string) error {
	d.Step = stepCanceled
	if err := h.saveDraft(ctx, in.UserID, d); err != nil {
		return err
	}
	if err := h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtDraftCancelled.in(lang)}); err != nil {
		return err
	}
	return h.resumeParked(ctx, in.UserID, in.ChatID, lang)
}

// replyWord is a short typed reply as the word lists below hold it.
func replyWord(text string) string {
	return strings.Join(strings.Fields(strings.Trim(faq.Normalize(text), " .!?,;~")), " ")
}

// skipWords skip the place question, typed instead of the button.
var skipWords = setOfWords("跳过", "不用", "不知道", "不清楚", "略过", "skip", "no", "none", "n/a", "-", "don t know",
	"不晓得", "弗晓得", "我不知道", "我也不知道", "我也不晓得", "不记得了", "记不得了", "i don t know", "i dont know",
	"dont know", "not sure", "no idea")

// laterWords put off the step's question: at the preview they cancel, at the
// place question they skip it ("later" is no reason to lose the report).
var laterWords = regexp.MustCompile(`^(not now|not yet|maybe later|later|稍后|以后再说|回头再说|` +
	// "我再想想", Shanghainese "等歇再讲": let me think, later
	`(我|让我)?(再)?想想(再说|再讲)?|(我)?考虑一下|(等歇|等一歇|等会|等会儿|等下|晚点|过会|过会儿|回头|以后|下次|明天)(再讲|再说|讲|说)|` +
	`let me think( about it)?|i ll think about it|i will think about it|i need to think( about it)?|(i ll )?(do it|deal with it|come back) later)$`)

// hesitation is laughter or a pause typed at a draft: nothing to add to it.
var hesitation = regexp.MustCompile(`^(哈+|呵+|嘿+|呃+|唔+|emm+|hmm+|um+|uh+|haha+|hehe+|lol|wait|hold on|hang on|one sec|one moment|等一下|等等|稍等|等会|等一会)$`)

func setOfWords(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// isTopicWord reports a message of a word or two ("电梯", "EV charging"):
// a topic the resident names, which the FAQ's close entries serve better
// than a report draft.
func isTopicWord(text string) bool {
	if faq.DetectLang(text) == "zh" {
		return runeLen(text) <= 4
	}
	return len(strings.Fields(text)) <= 2
}

// anotherMatter: text, sent while the draft waits for its place, is
// clearly about another kind of problem ("the gym is broken", then "the
// guard was rude"): it routes confidently elsewhere on its own and pulls the
// draft elsewhere too. Text that only adds to it ("it stops between
// floors") keeps the draft's kind.
// The rules alone judge it: no model call for a guess.
func (h *Handler) anotherMatter(d draft, text string) bool {
	// the draft's own business is what its text routes to, whichever party
	// the resident chose for it
	own := h.Router.Route(d.Text)
	alone := h.Router.Route(text)
	s := faq.Normalize(text)
	switch {
	case continuesMatter.MatchString(s):
		return false // "而且周末也在砸": the same noise, however it routes
	case emergencyIn(d.Text) != noEmergency && emergencyIn(text) == noEmergency &&
		alone.Confidence >= clearlyAnotherConfidence && h.complains(text):
		// an everyday report on a danger's draft ("楼上天天半夜蹦迪" after "对
		// 门老太太好几天没出门了") is its own, however alike their words route
		return true
	case alone.Category == own.Category || alone.Party == parties.CoOffice || alone.Confidence < anotherMatterConfidence:
		return false
	case startsAnotherMatter.MatchString(s):
		return true // "还有7号楼电梯也坏了": said to be another
	case relatedCategories(own.Category, alone.Category):
		return false // "停电了", then "灯也不亮了": one problem seen twice
	case alone.Confidence >= clearlyAnotherConfidence && h.Router.DescribesProblem(text):
		// a report of its own, about something unrelated ("小区门口有人乱
		// 停车" on a stairwell-light draft): merged, both went as one
		// ticket under the first one's category
		return true
	}
	if own.Party != parties.CoOffice && alone.Party != own.Party {
		// another party's business ("lift broken in building 7" on a
		// noise report) is another ticket, however the long draft routes
		return true
	}
	return h.Router.Route(d.Text+"\n"+text).Category != own.Category
}

// albumOutKey marks an album whose first photo's caption was another
// matter than the draft: its other photos, uncaptioned, stay out too.
func albumOutKey(userID int64, album string) string {
	return fmt.Sprintf("albumout:%d:%s", userID, album)
}

// albumTTL: an album's photos arrive within seconds of each other.
const albumTTL = 10 * time.Minute

// wishCue and reportCue tell a wish for a service ("我想多办一张门禁卡")
// from a report of someone else's doing ("有人把电动车推进电梯", "I want to
// report my neighbour's dog").
var (
	wishCue   = regexp.MustCompile(`我想|想要|想办|想装|想申请|想多办|我要办|我要装|\b(i want|i d like|i would like|can i get|how can i get|i need a)\b`)
	reportCue = regexp.MustCompile(`投诉|举报|反映|有人|别人|邻居|请物业|管管|管一管|处理一下|\b(report|complain|someone|somebody|neighbou?r)\b`)
)

// Openings that say whether a message goes on about the draft's matter
// or starts another one.
var (
	continuesMatter     = regexp.MustCompile(`^(而且|并且|而具|况且|一直|已经|每天|天天|周末也|晚上也|白天也)|^(and it|it also|it still|it keeps|it s been|it has been|and still|now it)\b`)
	startsAnotherMatter = regexp.MustCompile(`^(还有|另外|另一|再就是|顺便|对了)|^(also there|another|and another|one more thing|separately|btw|by the way)\b`)
)

// anotherMatterConfidence: the router's confidence from which a message at
// the location step is taken as a new matter rather than more details;
// clearlyAnotherConfidence: from which a report of an unrelated category is
// another matter whatever the draft and it route to together.
const (
	anotherMatterConfidence  = 0.5
	clearlyAnotherConfidence = 0.85
)

// relatedCategoryGroups are categories one problem often spans, so a
// message of one on a draft of another may be more of the same ("停电了",
// then "灯也不亮了"; a leak that cracked the wall).
var relatedCategoryGroups = [][]string{
	{"lights", "facilities", "repairs"},
	{"common_leaks", "neighbour_leaks", "water_supply", "repairs"},
	{"neighbour_noise", "illegal_construction", "neighbour_disputes", "repairs"},
	{"cleaning", "garbage", "hallway_clutter", "pests_common_areas"},
	{"security_gates", "door_cameras", "safety_fraud"},
	{"parking_order", "chargers", "hallway_clutter"},
	{"maintenance_fund", "accounts_revenue", "property_contract", "owners_meeting", "committee_election", "committee_conduct"},
}

// relatedCategories: a and b are one category or share a group.
func relatedCategories(a, b string) bool {
	if a == b {
		return true
	}
	for _, g := range relatedCategoryGroups {
		if slices.Contains(g, a) && slices.Contains(g, b) {
			return true
		}
	}
	return false
}

// describe sets the draft's text, routes it and moves on.
func (h *Handler) describe(ctx context.Context, in Incoming, d draft, chosen, text string) error {
	if chosen == "" {
		d.Lang = h.language("", Incoming{Text: text})
	}
	text = withoutLeadingFiller(text) // "ok cool. the lift…": the lift
	first, second, twoMatters := h.splitMatters(text)
	if twoMatters {
		text = first // the second is set aside, after the first's prompt
	}
	d.Text = text
	dec := h.route(ctx, text)
	d.Category, d.Party = dec.Category, dec.Party
	lang := d.lang(chosen)
	if h.needsLocation(d) {
		d.Step = stepLocation
		d.LocationAsked = true
		if err := h.saveDraft(ctx, in.UserID, d); err != nil {
			return err
		}
		if err := h.askLocation(ctx, in.ChatID, d, lang); err != nil || !twoMatters {
			return err
		}
		return h.setAsideSecondMatter(ctx, in, chosen, lang, second)
	}
	d.Step = stepPreview
	if err := h.showPreview(ctx, in.UserID, in.ChatID, d, lang); err != nil || !twoMatters {
		return err
	}
	return h.setAsideSecondMatter(ctx, in, chosen, lang, second)
}

// needsLocation: repairs and the like are useless without the building and
// unit, so ask once when the text does not say where.
func (h *Handler) needsLocation(d draft) bool {
	if d.Location != "" || d.LocationAsked || tickets.MentionsLocation(d.Text) {
		return false
	}
	for _, c := range h.Router.Categories() {
		if c.ID == d.Category {
			return c.NeedsLocation
		}
	}
	return false
}

func (h *Handler) askLocation(ctx context.Context, chatID int64, d draft, lang string) error {
	return h.send(ctx, OutMessage{ChatID: chatID, Text: txtAskLocation.in(lang), Buttons: [][]Button{
		{{Text: txtBtnSkip.in(lang), Data: "c:skip:" + d.ID}, {Text: txtBtnCancel.in(lang), Data: "c:cancel:" + d.ID}},
		{{Text: txtBtnJustAsking.in(lang), Data: "c:ask:" + d.ID}},
	}})
}

func (h *Handler) showPreview(ctx context.Context, userID, chatID int64, d draft, lang string) error {
	d.PickingParty, d.AlbumPreview, d.Aside, d.FixingPlace = false, 0, false, false
	if err := h.saveDraft(ctx, userID, d); err != nil {
		return err
	}
	sent, err := h.Messenger.Send(ctx, OutMessage{ChatID: chatID, Text: h.previewText(d, lang), Buttons: previewButtons(d, lang)})
	if err != nil {
		return fmt.Errorf("send to chat %d: %w", chatID, err)
	}
	if d.AlbumID != "" && sent != 0 {
		// the album's later photos update this preview (draftInput)
		d.AlbumPreview = sent
		if err := h.saveDraft(ctx, userID, d); err != nil {
			h.Log.Warn("remember an album's preview", "err", err) // its next photo shows one anew
		}
	}
	return nil
}

func (h *Handler) previewText(d draft, lang string) string {
	var b strings.Builder
	if d.Party == parties.CoOffice && d.PartyChosen {
		b.WriteString(txtPreviewToDesk.f(lang, d.Text))
	} else if d.Party == parties.CoOffice {
		b.WriteString(txtPreviewCoOffice.f(lang, d.Text))
	} else {
		b.WriteString(txtPreview.f(lang, h.categoryText(d.Category).in(lang), parties.InSentence(d.Party, lang), d.Text))
	}
	if d.Location != "" {
		b.WriteString("\n" + txtPreviewLocation.f(lang, d.Location))
	}
	if len(d.PhotoIDs) > 0 {
		b.WriteString("\n" + txtPreviewPhotos.f(lang, len(d.PhotoIDs)))
	}
	b.WriteString("\n\n" + txtPreviewQuestion.in(lang))
	return b.String()
}

func previewButtons(d draft, lang string) [][]Button {
	return [][]Button{
		{{Text: txtBtnSend.in(lang), Data: "c:send:" + d.ID}, {Text: txtBtnChangeParty.in(lang), Data: "c:party:" + d.ID}},
		{{Text: txtBtnAddExtra.in(lang), Data: "c:photo:" + d.ID}, {Text: txtBtnCancel.in(lang), Data: "c:cancel:" + d.ID}},
		{{Text: txtBtnJustAsking.in(lang), Data: "c:ask:" + d.ID}},
	}
}

func cancelButton(d draft, lang string) [][]Button {
	return [][]Button{{{Text: txtBtnCancel.in(lang), Data: "c:cancel:" + d.ID}}}
}

// categoryText is a category's display name in both languages.
func (h *Handler) categoryText(id string) text {
	if id == QuestionCategory {
		return txtQuestionCategory
	}
	for _, c := range h.Router.Categories() {
		if c.ID == id {
			t := text{zh: c.Names["zh"], en: c.Names["en"]}
			if t.zh == "" {
				t.zh = t.en
			}
			if t.en == "" {
				t.en = t.zh
			}
			if t.zh != "" {
				return t
			}
		}
	}
	return txtOtherCategory
}

func appendPhoto(have, sizes []string) []string {
	if len(sizes) == 0 || len(have) >= maxDraftPhotos {
		return have
	}
	return append(have, sizes[len(sizes)-1]) // the largest size
}

// partyCodes are the short party names in callback data (64-byte limit).
var partyCodes = map[string]parties.ID{
	"pm": parties.PropertyManagement, "oc": parties.OwnersCommittee,
	"nc": parties.NeighborhoodCommittee, "co": parties.CoOffice,
}

func partyCode(p parties.ID) string {
	for code, id := range partyCodes {
		if id == p {
			return code
		}
	}
	return ""
}

// partyChoices are the parties a concern can go to, in a stable order.
var partyChoices = []parties.ID{parties.PropertyManagement, parties.OwnersCommittee, parties.NeighborhoodCommittee, parties.CoOffice}

// partyPicker offers the parties draft d could go to instead, and "back"
// (to the party it has: changes nothing and shows the draft).
func partyPicker(chatID int64, d draft, prompt, lang string) OutMessage {
	var rows [][]Button
	for _, p := range partyChoices {
		if p != d.Party {
			rows = append(rows, []Button{{Text: parties.Name(p, lang), Data: "c:to:" + d.ID + ":" + partyCode(p)}})
		}
	}
	rows = append(rows, []Button{{Text: txtBtnBack.in(lang), Data: "c:to:" + d.ID + ":" + partyCode(d.Party)}})
	return OutMessage{ChatID: chatID, Text: prompt, Buttons: rows}
}

// concernCallback serves "c:<action>:<draftID>[:<party>]" presses.
func (h *Handler) concernCallback(ctx context.Context, in Incoming, rest, chosen string) error {
	action, args, _ := strings.Cut(rest, ":")
	draftID, extra, _ := strings.Cut(args, ":")
	d, ok, err := h.loadDraft(ctx, in.UserID)
	if err != nil {
		return err
	}
	if !ok || d.ID != draftID || draftID == "" {
		h.ack(ctx, in, txtDraftGone.in(h.language(chosen, in)))
		return nil
	}
	lang := d.lang(chosen)
	switch d.Step {
	case stepSent:
		h.ack(ctx, in, txtAlreadySent.f(lang, fmt.Sprintf("#%d", d.TicketID)))
		return nil
	case stepCanceled, stepAsked:
		h.ack(ctx, in, txtDraftGone.in(lang))
		return nil
	}
	switch action {
	case "send":
		if d.Text == "" {
			return errStale
		}
		return h.confirmDraft(ctx, in, d, lang)
	case "party":
		h.ack(ctx, in, "")
		d.PickingParty = true
		if err := h.saveDraft(ctx, in.UserID, d); err != nil {
			return err
		}
		return h.send(ctx, partyPicker(in.ChatID, d, txtChooseParty.in(lang), lang))
	case "to":
		p, ok := partyCodes[extra]
		if !ok || d.Text == "" {
			return errStale
		}
		h.ack(ctx, in, "")
		d = h.toParty(d, p)
		d.Step = stepPreview
		return h.showPreview(ctx, in.UserID, in.ChatID, d, lang)
	case "photo", "loc":
		h.ack(ctx, in, "")
		d.Step = stepExtra
		if err := h.saveDraft(ctx, in.UserID, d); err != nil {
			return err
		}
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtAskExtra.in(lang), Buttons: cancelButton(d, lang)})
	case "skip":
		if d.Text == "" {
			return errStale
		}
		h.ack(ctx, in, "")
		d.Step = stepPreview
		return h.showPreview(ctx, in.UserID, in.ChatID, d, lang)
	case "cancel":
		h.ack(ctx, in, "")
		return h.dropDraft(ctx, in, d, lang)
	case "show":
		h.ack(ctx, in, "")
		return h.showDraft(ctx, in.UserID, in.ChatID, d, lang)
	case "ask":
		// A question stays a question: answer it from the FAQ instead.
		if d.Text == "" {
			return errStale
		}
		h.ack(ctx, in, "")
		d.Step = stepAsked
		if err := h.saveDraft(ctx, in.UserID, d); err != nil {
			return err
		}
		if err := h.answerQuestion(ctx, in, chosen, d.Text); err != nil {
			return err
		}
		// a report set aside for this one comes back, as after a cancel
		return h.resumeParked(ctx, in.UserID, in.ChatID, lang)
	}
	return errStale
}

// confirmDraft stores the ticket and, in the same transaction, the
// resident's confirmation (the preview edited into it, when the press came
// from the preview) and the staff card. The draft id is the ticket's
// idempotency key: pressing "send" twice, or on two replicas, makes one
// ticket.
func (h *Handler) confirmDraft(ctx context.Context, in Incoming, d draft, lang string) error {
	chat, chatOK := h.staffChat(d.Party)
	cat := h.categoryText(d.Category)
	nt := storage.NewTicket{
		Key: "draft:" + d.ID, ResidentID: in.UserID, ChatID: in.ChatID, Lang: lang, Text: d.Text,
		PhotoIDs: d.PhotoIDs, Location: d.Location, Category: d.Category, Party: d.Party,
		ResidentName: in.UserName, At: h.Now(),
		Translation: h.translation(ctx, in.UserID, d.Text, "zh", 0, cardTranslateDeadline), // staff read Chinese
	}
	t, created, err := h.Tickets.CreateTicket(ctx, nt, func(t tickets.Ticket) []storage.OutboxMessage {
		ack := txtAck.f(lang, t.Number(), parties.InSentence(t.Party, lang))
		if !chatOK {
			ack += "\n" + txtNoStaffChat.in(lang)
		}
		confirmation := toResident(t, keyAck(t.ID), ack, ackButtons(t, lang))
		if in.Callback != nil && in.Callback.MessageID != 0 {
			// The preview becomes the acknowledgement: an edit repeated
			// after a crash changes nothing, where a second send would
			// acknowledge twice. Should the preview be gone, the
			// acknowledgement goes as a new message threaded under it.
			confirmation.EditMessageID = in.Callback.MessageID
			confirmation.ReplyTo = in.Callback.MessageID
		}
		msgs := []storage.OutboxMessage{confirmation}
		if chatOK {
			msgs = append(msgs, cardMessages(t, chat, keyCard(t.ID, t.Party), fmt.Sprintf(staffCardTitle, t.Number()), cat)...)
		}
		return msgs
	})
	if err != nil {
		h.ack(ctx, in, txtSomethingWrong.in(lang))
		return fmt.Errorf("create ticket from draft %s: %w", d.ID, err)
	}
	if !chatOK {
		h.Log.Error("no staff chat configured: ticket card not delivered", "ticket", t.ID, "party", t.Party)
	}
	d.Step, d.TicketID = stepSent, t.ID
	if err := h.saveDraft(ctx, in.UserID, d); err != nil {
		h.Log.Warn("mark draft sent", "err", err) // the ticket key still dedupes
	}
	if !created {
		h.ack(ctx, in, txtAlreadySent.f(lang, t.Number()))
		return nil
	}
	h.ack(ctx, in, "") // the acknowledgement comes through the outbox
	return h.resumeParked(ctx, in.UserID, in.ChatID, lang)
}

// staffChat is where a party's cards go: its own chat, else the co-office
// chat, so a concern is never left without a reader.
func (h *Handler) staffChat(p parties.ID) (int64, bool) {
	if h.Parties == nil {
		return 0, false
	}
	if c, ok := h.Parties.ChatOf(p); ok && c != 0 {
		return c, true
	}
	return h.deskChat()
}

// deskChat is the co-office desk's chat, when one is configured.
func (h *Handler) deskChat() (int64, bool) {
	if h.Parties == nil {
		return 0, false
	}
	c, ok := h.Parties.ChatOf(parties.CoOffice)
	return c, ok && c != 0
}

// cancelConversation drops a draft and any awaited input (/cancel).
func (h *Handler) cancelConversation(ctx context.Context, in Incoming, lang string) error {
	d, drafting, err := h.loadDraft(ctx, in.UserID)
	if err != nil {
		return err
	}
	_, awaiting, err := h.State.Get(ctx, awaitKey(in.UserID))
	if err != nil {
		return fmt.Errorf("awaited input: %w", err)
	}
	if !(drafting && d.active()) && !awaiting {
		// nothing being written: "cancelled, not sent" would read as if a
		// report already sent were taken back
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtNothingToCancel.in(lang)})
	}
	for _, key := range []string{draftKey(in.UserID), awaitKey(in.UserID)} {
		if err := h.State.Delete(ctx, key); err != nil {
			return fmt.Errorf("cancel conversation: %w", err)
		}
	}
	if err := h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtDraftCancelled.in(lang)}); err != nil {
		return err
	}
	return h.resumeParked(ctx, in.UserID, in.ChatID, lang)
}
