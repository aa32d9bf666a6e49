package handlers

import (
	"context"
	"fmt"
	"strings"

	"codesk/faq"
	"codesk/msgsplit"
)

// importSummary says what replacing current with entries would do, entry
// by entry, by the same rules as storage's ReplaceFAQ.
type importSummary struct {
	addedIDs   []string
	updates    []entryUpdate
	removedIDs []string
	unchanged  int
}

// entryUpdate is an entry an import changes, before and after.
type entryUpdate struct {
	before, after faq.Entry
}

func (s importSummary) changes() int { return len(s.addedIDs) + len(s.updates) + len(s.removedIDs) }

func summarizeImport(current, entries []faq.Entry) importSummary {
	var s importSummary
	byID := make(map[string]faq.Entry, len(current))
	for _, c := range current {
		byID[c.ID] = c
	}
	incoming := make(map[string]bool, len(entries))
	for _, e := range entries {
		incoming[e.ID] = true
		old, ok := byID[e.ID]
		switch {
		case !ok:
			s.addedIDs = append(s.addedIDs, e.ID)
		case !sameEntry(old, e):
			s.updates = append(s.updates, entryUpdate{before: old, after: e})
		default:
			s.unchanged++
		}
	}
	for _, c := range current {
		if !incoming[c.ID] {
			s.removedIDs = append(s.removedIDs, c.ID)
		}
	}
	return s
}

// previewImport shows what a full import would change and asks to confirm:
// it removes every entry the file does not have.
func (h *Handler) previewImport(ctx context.Context, in Incoming, entries []faq.Entry, lang string) error {
	current, err := h.FAQStore.FAQEntries(ctx)
	if err != nil {
		return fmt.Errorf("load faq: %w", err)
	}
	s := summarizeImport(current, entries)
	if s.changes() == 0 {
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtFAQNoChange.in(lang)})
	}
	p := faqPending{Kind: faqPendingImport, AdminID: in.UserID, Prompt: importPrompt(s, len(entries), lang),
		Entries: entries, Base: fingerprint(current)}
	return h.askFAQConfirm(ctx, in.ChatID, p, txtFAQImportBtn.in(lang), lang)
}

// maxListedIDs bounds the entries named per kind of change: an admin
// checks a few, and the question must stay one message with its buttons.
const maxListedIDs = 20

// importPrompt counts the changes and names the entries added, updated
// (with what changes in each) and removed, as many as fit one message.
func importPrompt(s importSummary, total int, lang string) string {
	for limit := maxListedIDs; ; limit = max(limit-5, 0) {
		prompt := importPromptListing(s, total, limit, lang)
		if limit == 0 || msgsplit.Len(prompt) <= maxMessageRunes {
			return prompt
		}
	}
}

func importPromptListing(s importSummary, total, limit int, lang string) string {
	lines := []string{txtFAQImportAsk.f(lang, total, len(s.addedIDs), len(s.updates), len(s.removedIDs), s.unchanged)}
	if limit > 0 {
		if len(s.addedIDs) > 0 {
			lines = append(lines, txtFAQWillAdd.f(lang, listIDs(s.addedIDs, limit, lang)))
		}
		if len(s.updates) > 0 {
			lines = append(lines, txtFAQWillUpdate.in(lang))
			for i, u := range s.updates {
				if i == limit {
					lines = append(lines, txtFAQMoreLines.f(lang, len(s.updates)-i))
					break
				}
				lines = append(lines, txtFAQUpdateLine.f(lang, u.after.ID, changedParts(&u.before, &u.after, lang)))
			}
		}
		if len(s.removedIDs) > 0 {
			lines = append(lines, txtFAQWillRemove.f(lang, listIDs(s.removedIDs, limit, lang)))
		}
	}
	lines = append(lines, txtFAQConfirm.in(lang))
	return strings.Join(lines, "\n")
}

// listIDs names up to limit ids, then how many more there are.
func listIDs(ids []string, limit int, lang string) string {
	if len(ids) <= limit {
		return strings.Join(ids, txtAdminListSep.in(lang))
	}
	return strings.Join(ids[:limit], txtAdminListSep.in(lang)) + txtFAQMoreInline.f(lang, len(ids)-limit)
}
