package handlers

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"codesk/faq"
	"codesk/storage"
)

// maxProblemsShown bounds the problems listed for one file: a broken
// 5000-entry file would otherwise flood the admin's chat for minutes.
const maxProblemsShown = 200

// faqSet serves "/faq set" followed, on the next lines, by one entry or a
// full FAQ document ("version: 1"). One entry is saved at once; a full
// document replaces the FAQ only after the admin confirms the counts.
func (h *Handler) faqSet(ctx context.Context, in Incoming, rest, lang string) error {
	body, firstLine := setBody(rest)
	if strings.TrimSpace(body) == "" {
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtFAQSetUsage.in(lang)})
	}
	// Lines in problems count from the top of the admin's message, whose
	// first line is "/faq set".
	where := txtFAQMessage.in(lang)
	if isFullDocument(body) {
		entries, err := faq.Parse(strings.NewReader(body))
		if err != nil {
			return h.reportProblems(ctx, in.ChatID, err, firstLine-1, where, lang)
		}
		return h.previewImport(ctx, in, entries, lang)
	}
	e, err := parseOneEntry(body)
	if err != nil {
		return h.reportProblems(ctx, in.ChatID, err, firstLine-1, where, lang)
	}
	return h.saveOneEntry(ctx, in, e, body, lang)
}

// setBody returns what follows "set": the YAML, and the line of the message
// it starts on.
func setBody(rest string) (string, int) {
	trimmed := strings.TrimLeft(rest, " \t\r")
	if strings.HasPrefix(trimmed, "\n") {
		return trimmed[1:], 2
	}
	return trimmed, 1
}

// isFullDocument tells a whole FAQ file (top-level "version" or "entries")
// from one entry. Unreadable YAML counts as a file, so Parse reports the
// syntax error at its own line.
func isFullDocument(body string) bool {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(body), &doc); err != nil || len(doc.Content) == 0 {
		return true
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k := root.Content[i].Value; k == "version" || k == "entries" {
			return true
		}
	}
	return false
}

// singleEntryPrelude wraps one entry as the only item of a FAQ file, so it
// is checked by exactly the rules of an import; its lines are subtracted
// from the problems' lines.
const singleEntryPrelude = "version: 1\nentries:\n  -\n"

var singleEntryPreludeLines = strings.Count(singleEntryPrelude, "\n")

// parseOneEntry parses and validates one entry's YAML with the file rules.
func parseOneEntry(body string) (faq.Entry, error) {
	var b strings.Builder
	b.WriteString(singleEntryPrelude)
	for line := range strings.Lines(body) {
		if strings.TrimSpace(line) != "" {
			b.WriteString("    ")
		}
		b.WriteString(line)
	}
	entries, err := faq.Parse(strings.NewReader(b.String()))
	var pe *faq.ProblemsError
	if errors.As(err, &pe) {
		for i := range pe.Problems {
			p := &pe.Problems[i]
			p.Line = bodyLine(p.Line)
			p.Earlier.Line = bodyLine(p.Earlier.Line)
		}
		return faq.Entry{}, pe
	}
	if err != nil {
		return faq.Entry{}, err
	}
	if len(entries) != 1 {
		// the body is indented under the prelude's one list item
		return faq.Entry{}, fmt.Errorf("one entry's yaml read as %d entries", len(entries))
	}
	return entries[0], nil
}

// bodyLine turns a line of the wrapped entry into a line of the body; 0
// for the prelude's lines and unknown ones.
func bodyLine(line int) int {
	if line > singleEntryPreludeLines {
		return line - singleEntryPreludeLines
	}
	return 0
}

// reportProblems lists what is wrong with what the admin sent, wholly in
// their language; lineOffset turns YAML lines into lines of their message
// or file.
func (h *Handler) reportProblems(ctx context.Context, chatID int64, err error, lineOffset int, where, lang string) error {
	var pe *faq.ProblemsError
	if !errors.As(err, &pe) {
		return fmt.Errorf("parse faq yaml: %w", err)
	}
	lines := []string{txtFAQProblems.f(lang, len(pe.Problems))}
	numbered := false
	for i, p := range pe.Problems {
		if i == maxProblemsShown {
			lines = append(lines, txtFAQMoreProbs.f(lang, len(pe.Problems)-i))
			break
		}
		numbered = numbered || p.Line > 0
		lines = append(lines, "• "+problemText(p, lineOffset, lang))
	}
	if numbered {
		lines = append(lines, txtFAQLinesNote.f(lang, where))
	}
	return h.sendChunks(ctx, chatID, lines)
}

// saveOneEntry adds or updates one entry after checking it against the rest
// of the FAQ (ids and questions must stay unique across entries).
// body is what the admin sent: its "/faq show" marker, if kept, names the
// version the edit started from.
func (h *Handler) saveOneEntry(ctx context.Context, in Incoming, e faq.Entry, body, lang string) error {
	current, err := h.FAQStore.FAQEntries(ctx)
	if err != nil {
		return fmt.Errorf("load faq: %w", err)
	}
	i := entryIndex(current, e.ID)
	if i >= 0 && sameEntry(current[i], e) {
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtFAQUnchanged.f(lang, e.ID)})
	}
	// Validate with the edited entry last, so a clash with another entry is
	// reported on it (the rules report the later of two entries).
	merged := make([]faq.Entry, 0, len(current)+1)
	for _, c := range current {
		if c.ID != e.ID {
			merged = append(merged, c)
		}
	}
	merged = append(merged, e)
	var problems []faq.Problem
	for _, p := range faq.Validate(merged) {
		if p.EntryID == e.ID { // problems of other entries predate this edit
			problems = append(problems, p)
		}
	}
	if len(problems) > 0 {
		return h.reportProblems(ctx, in.ChatID, &faq.ProblemsError{Problems: problems}, 0, txtFAQMessage.in(lang), lang)
	}
	var expect func(*faq.Entry) error
	if id, version, ok := shownVersion(body); ok && id == e.ID {
		expect = func(stored *faq.Entry) error {
			if stored == nil || entryVersion(*stored) != version {
				return errChangedSinceShown
			}
			return nil
		}
	}
	if err := h.FAQStore.SaveFAQEntryIf(ctx, e, faqActor(in), expect); err != nil {
		var pe *faq.ProblemsError
		switch {
		case errors.Is(err, errChangedSinceShown):
			return h.changedSinceShown(ctx, in.ChatID, e.ID, lang)
		case errors.As(err, &pe): // another admin's save came first
			return h.reportProblems(ctx, in.ChatID, pe, 0, txtFAQMessage.in(lang), lang)
		}
		return fmt.Errorf("save faq entry %q: %w", e.ID, err)
	}
	h.Log.Info("faq entry saved", "entry", e.ID, "actor", faqActorID(in.UserID))
	done := txtFAQAdded.f(lang, e.ID)
	if i >= 0 {
		done = txtFAQUpdated.f(lang, e.ID)
	}
	switch {
	case strings.TrimSpace(e.Answer.EN) == "":
		done += "\n" + txtFAQNoEnglish.in(lang)
	case strings.TrimSpace(e.Answer.ZH) == "":
		done += "\n" + txtFAQNoChinese.in(lang)
	}
	return h.sendAfterReload(ctx, in.ChatID, done, lang)
}

// changedSinceShown refuses an edit made on a copy of an entry that someone
// changed or deleted after it was shown, naming the change.
func (h *Handler) changedSinceShown(ctx context.Context, chatID int64, id, lang string) error {
	msg := txtFAQChangedSinceShown.f(lang, id)
	if changes, err := h.FAQStore.FAQHistory(ctx, id, 1); err == nil && len(changes) > 0 {
		c := changes[0]
		if c.Action == storage.FAQActionDelete {
			msg = txtFAQDeletedSinceShown.f(lang, id)
		}
		msg += "\n" + txtFAQLastChange.f(lang, actorLabel(c.Actor, lang), h.localTime(c.At).Format(layoutDateTime))
	}
	return h.send(ctx, OutMessage{ChatID: chatID, Text: msg})
}

// errChangedSinceShown: the entry is no longer the version "/faq show" gave.
var errChangedSinceShown = errors.New("faq entry changed since it was shown")

func sameEntry(a, b faq.Entry) bool {
	return a.ID == b.ID && a.Topic == b.Topic && a.Answer == b.Answer && a.Party == b.Party &&
		slices.Equal(a.Questions, b.Questions)
}

// fingerprint identifies a stored FAQ's content and order.
func fingerprint(entries []faq.Entry) string {
	data, _ := json.Marshal(entries) // plain strings: cannot fail
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// faqImportConfirmed replaces the FAQ with the confirmed file, unless the
// FAQ changed since the counts were shown: then it shows new counts.
func (h *Handler) faqImportConfirmed(ctx context.Context, in Incoming, p faqPending, lang string) error {
	current, err := h.FAQStore.FAQEntries(ctx)
	if err != nil {
		return fmt.Errorf("load faq: %w", err)
	}
	if fingerprint(current) != p.Base {
		if err := h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtFAQChangedMeanwhile.in(lang)}); err != nil {
			return err
		}
		return h.previewImport(ctx, in, p.Entries, lang)
	}
	s, err := h.FAQStore.ReplaceFAQ(ctx, p.Entries, faqActor(in))
	if err != nil {
		return fmt.Errorf("import faq: %w", err)
	}
	h.Log.Info("faq imported", "actor", faqActorID(in.UserID), "added", s.Added, "updated", s.Updated, "removed", s.Removed)
	done := txtFAQImported.f(lang, len(p.Entries), s.Added, s.Updated, s.Removed, s.Unchanged)
	return h.sendAfterReload(ctx, in.ChatID, done, lang)
}

// faqDocument serves a document sent in private: a FAQ file with the
// caption "/faq import", or any document an admin sends (a .yaml file is
// imported; another is answered with how to import one). It reports false
// for documents that are not the FAQ's.
func (h *Handler) faqDocument(ctx context.Context, in Incoming, lang string) (bool, error) {
	doc := in.Document
	cmd, isCmd := parseCommand(strings.TrimSpace(in.Text), h.BotUsername)
	asked := isCmd && !cmd.otherBot && cmd.name == "faq" && strings.EqualFold(firstWord(cmd.args), "import")
	yamlFile := hasYAMLName(doc.Name)
	isAdmin := h.IsAdmin(in.UserID)
	// an admin's document is for the FAQ unless its caption is another
	// bot's command; without FAQ editing, only a .yaml file or the
	// command is (to say it is off)
	adminsFile := isAdmin && !(isCmd && cmd.otherBot) && (yamlFile || h.FAQStore != nil)
	if !asked && !adminsFile {
		return false, nil
	}
	reply := func(t string) (bool, error) {
		return true, h.send(ctx, OutMessage{ChatID: in.ChatID, Text: t})
	}
	switch {
	case !isAdmin:
		return reply(txtNotAdmin.in(lang))
	case h.FAQStore == nil:
		return reply(txtFAQOff.in(lang))
	case !yamlFile:
		return reply(txtFAQOnlyYAML.f(lang, doc.Name))
	case doc.Size > MaxFAQFileBytes:
		return reply(txtFAQTooLarge.f(lang, MaxFAQFileBytes>>20))
	case h.Files == nil:
		return reply(txtFAQNoDownloads.in(lang))
	}
	data, err := h.Files.Download(ctx, doc.FileID, MaxFAQFileBytes)
	if errors.Is(err, ErrFileTooLarge) {
		return reply(txtFAQTooLarge.f(lang, MaxFAQFileBytes>>20))
	}
	if err != nil {
		// Asking again is cheap for the admin; a retried update would only
		// repeat the download.
		h.Log.Warn("download faq file", "user_id", in.UserID, "err", err)
		return reply(txtFAQDownloadFailed.in(lang))
	}
	entries, err := faq.Parse(bytes.NewReader(data))
	if err != nil {
		return true, h.reportProblems(ctx, in.ChatID, err, 0, txtFAQFile.in(lang), lang)
	}
	return true, h.previewImport(ctx, in, entries, lang)
}

func firstWord(s string) string {
	w, _ := cutWord(s)
	return w
}

func hasYAMLName(name string) bool {
	n := strings.ToLower(strings.TrimSpace(name))
	return strings.HasSuffix(n, ".yaml") || strings.HasSuffix(n, ".yml")
}

// entryYAML renders one entry as faq.Write does inside a file, without the
// file's "version" and "entries" around it: the form "/faq set" takes back.
func entryYAML(e faq.Entry) (string, error) {
	var file bytes.Buffer
	if err := faq.Write(&file, []faq.Entry{e}); err != nil {
		return "", err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(file.Bytes(), &doc); err != nil {
		return "", fmt.Errorf("re-read faq entry %q: %w", e.ID, err)
	}
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value != "entries" || len(root.Content[i+1].Content) != 1 {
			continue
		}
		var out bytes.Buffer
		enc := yaml.NewEncoder(&out)
		enc.SetIndent(2)
		if err := enc.Encode(root.Content[i+1].Content[0]); err != nil {
			return "", fmt.Errorf("write faq entry %q: %w", e.ID, err)
		}
		if err := enc.Close(); err != nil {
			return "", fmt.Errorf("write faq entry %q: %w", e.ID, err)
		}
		return out.String(), nil
	}
	return "", fmt.Errorf("write faq entry %q: no entry in the written file", e.ID)
}
