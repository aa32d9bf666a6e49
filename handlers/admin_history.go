package handlers

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"codesk/faq"
	"codesk/msgsplit"
	"codesk/storage"
)

// changedParts names what an update changed ("questions +1 -0, answer (zh)"),
// so "/faq history <id>" and an import's preview say more than that the
// entry changed; "" for adds and deletions.
func changedParts(before, after *faq.Entry, lang string) string {
	if before == nil || after == nil {
		return ""
	}
	var parts []string
	if added, removed := questionDiff(before.Questions, after.Questions); added+removed > 0 {
		parts = append(parts, txtFAQPartQuestions.f(lang, added, removed))
	} else if !slices.Equal(before.Questions, after.Questions) {
		parts = append(parts, txtFAQPartQuestionOrder.in(lang))
	}
	if before.Answer.ZH != after.Answer.ZH {
		parts = append(parts, txtFAQPartAnswerZH.in(lang))
	}
	if before.Answer.EN != after.Answer.EN {
		parts = append(parts, txtFAQPartAnswerEN.in(lang))
	}
	if before.Topic != after.Topic {
		parts = append(parts, txtFAQPartTopic.in(lang))
	}
	if before.Party != after.Party {
		parts = append(parts, txtFAQPartParty.in(lang))
	}
	return strings.Join(parts, txtAdminListSep.in(lang))
}

func questionDiff(before, after []string) (added, removed int) {
	for _, q := range after {
		if !slices.Contains(before, q) {
			added++
		}
	}
	for _, q := range before {
		if !slices.Contains(after, q) {
			removed++
		}
	}
	return added, removed
}

// offerEarlierVersion sends the entry as it was before its latest change,
// ready to send back with "/faq set": restoring a deleted entry or an
// overwritten answer needs no database access.
func (h *Handler) offerEarlierVersion(ctx context.Context, chatID int64, latest storage.FAQChange, lang string) error {
	if latest.Before == nil {
		return nil // the latest change added the entry: nothing earlier
	}
	y, err := entryYAML(*latest.Before)
	if err != nil {
		return fmt.Errorf("earlier version of %q: %w", latest.EntryID, err)
	}
	msg := "/faq set\n" + y
	if msgsplit.Len(msg) > maxMessageRunes {
		return h.send(ctx, OutMessage{ChatID: chatID, Text: txtFAQEarlierTooLong.in(lang)})
	}
	if err := h.send(ctx, OutMessage{ChatID: chatID, Text: txtFAQEarlierVersion.in(lang)}); err != nil {
		return err
	}
	return h.send(ctx, OutMessage{ChatID: chatID, Text: msg})
}

// faqActionName names a recorded change (storage.FAQAction*) in lang.
func faqActionName(action, lang string) string {
	switch action {
	case storage.FAQActionAdd:
		return txtFAQActionAdd.in(lang)
	case storage.FAQActionUpdate:
		return txtFAQActionUpdate.in(lang)
	case storage.FAQActionDelete:
		return txtFAQActionDelete.in(lang)
	}
	return action
}

// actorLabel names who made a recorded FAQ change, in lang: an admin as
// "name (id)" (faqActor), the command line's and the first start's imports
// in words; any other actor as recorded.
func actorLabel(actor, lang string) string {
	switch actor {
	case actorCLIImport:
		return txtFAQActorCLI.in(lang)
	case actorDefaultFAQ:
		return txtFAQActorDefault.in(lang)
	}
	rest, ok := strings.CutPrefix(actor, "telegram:")
	if !ok {
		return actor
	}
	id, name, named := strings.Cut(rest, " ")
	if !named {
		return actor
	}
	return txtFAQActorNamed.f(lang, name, id)
}

// The actors cmd/codesk records for its imports.
const (
	actorCLIImport  = "cli:faq-import"
	actorDefaultFAQ = "system:default-faq"
)
