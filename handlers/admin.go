package handlers

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"codesk/faq"
	"codesk/msgsplit"
	"codesk/storage"
)

// FAQStore keeps the FAQ and its edit history (*storage.DB). It is the
// source of truth: admin edits write here, and every replica reloads from it.
type FAQStore interface {
	FAQEntries(ctx context.Context) ([]faq.Entry, error)
	// SaveFAQEntryIf saves e once expect approves the stored entry with its
	// id (nil when none), in one transaction.
	SaveFAQEntryIf(ctx context.Context, e faq.Entry, actor string, expect func(current *faq.Entry) error) error
	DeleteFAQEntry(ctx context.Context, id, actor string) error
	ReplaceFAQ(ctx context.Context, entries []faq.Entry, actor string) (storage.FAQImportSummary, error)
	FAQHistory(ctx context.Context, entryID string, limit int) ([]storage.FAQChange, error)
}

// FAQReloader is a FAQ that can reload its entries (*faq.Catalog). When
// Deps.FAQ is one, an admin's change is served from the next question on;
// otherwise it waits for the periodic reload from the FAQStore.
type FAQReloader interface {
	Reload(load func() ([]faq.Entry, error)) (changed bool, err error)
}

// Files downloads files users sent (FAQ files sent as documents).
type Files interface {
	// Download returns the file's content; it fails with an error wrapping
	// ErrFileTooLarge when the file has more than maxBytes.
	Download(ctx context.Context, fileID string, maxBytes int64) ([]byte, error)
}

// ErrFileTooLarge marks a download refused for its size.
var ErrFileTooLarge = errors.New("file too large")

// MaxFAQFileBytes bounds a FAQ file sent in chat; larger ones go through
// the command line.
const MaxFAQFileBytes = 2 << 20

const (
	faqPendingTTL   = 30 * time.Minute // how long a confirm button works
	faqHistoryLimit = 15
	faqChunkRunes   = 3500 // below Telegram's 4096, so lists split where we choose
)

// faqActorID is the stable part of an admin's name in the FAQ history,
// and what logs name them by.
func faqActorID(userID int64) string { return "telegram:" + strconv.FormatInt(userID, 10) }

// faqActor names an admin in the FAQ history: their id, then their display
// name as it was then ("telegram:900 Wang Wei"), so "/faq history" can say
// who it was (actorLabel).
func faqActor(in Incoming) string {
	name := strings.Join(strings.Fields(in.UserName), " ")
	if r := []rune(name); len(r) > maxActorNameRunes {
		name = string(r[:maxActorNameRunes])
	}
	if name == "" {
		return faqActorID(in.UserID)
	}
	return faqActorID(in.UserID) + " " + name
}

// maxActorNameRunes bounds a display name kept in the history (Telegram
// allows 64 for the first name and 64 for the last).
const maxActorNameRunes = 64

// faqCommand serves "/faq ..." for administrators.
func (h *Handler) faqCommand(ctx context.Context, in Incoming, args, lang string) error {
	if !h.IsAdmin(in.UserID) {
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtNotAdmin.in(lang)})
	}
	if h.FAQStore == nil {
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtFAQOff.in(lang)})
	}
	sub, rest := cutWord(args)
	switch strings.ToLower(sub) {
	case "list", "ls":
		return h.faqList(ctx, in, strings.TrimSpace(rest), lang)
	case "show", "get":
		return h.faqShow(ctx, in, strings.TrimSpace(rest), lang)
	case "set", "put":
		return h.faqSet(ctx, in, rest, lang)
	case "del", "delete", "rm":
		return h.faqDeleteAsk(ctx, in, strings.TrimSpace(rest), lang)
	case "history", "log":
		return h.faqHistory(ctx, in, strings.TrimSpace(rest), lang)
	case "import":
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtFAQImportUsage.in(lang)})
	default:
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtFAQHelp.in(lang)})
	}
}

// cutWord splits off the first word; rest keeps its line breaks (YAML).
func cutWord(s string) (word, rest string) {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	i := strings.IndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return s, ""
	}
	return s[:i], s[i:]
}

func (h *Handler) faqList(ctx context.Context, in Incoming, topic, lang string) error {
	entries, err := h.FAQStore.FAQEntries(ctx)
	if err != nil {
		return fmt.Errorf("list faq: %w", err)
	}
	header := txtFAQListHeader.f(lang, len(entries))
	if topic != "" {
		var inTopic []faq.Entry
		for _, e := range entries {
			if strings.EqualFold(e.Topic, topic) {
				inTopic = append(inTopic, e)
			}
		}
		if len(inTopic) == 0 {
			return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtFAQListNoTopic.f(lang, topic, strings.Join(topics(entries), ", "))})
		}
		entries = inTopic
		header = txtFAQListTopicHeader.f(lang, topic, len(entries))
	}
	if len(entries) == 0 {
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtFAQListEmpty.in(lang)})
	}
	lines := []string{header}
	for _, e := range entries {
		line := "• " + e.ID
		if len(e.Questions) > 0 {
			line += " — " + e.Questions[0]
		}
		if topic == "" && e.Topic != "" {
			line += " [" + e.Topic + "]"
		}
		lines = append(lines, line)
	}
	return h.sendChunks(ctx, in.ChatID, lines)
}

func topics(entries []faq.Entry) []string {
	seen := map[string]bool{}
	var out []string
	for _, e := range entries {
		if e.Topic != "" && !seen[e.Topic] {
			seen[e.Topic] = true
			out = append(out, e.Topic)
		}
	}
	sort.Strings(out)
	return out
}

// sendChunks sends lines in as few messages as fit under faqChunkRunes,
// breaking only between lines.
func (h *Handler) sendChunks(ctx context.Context, chatID int64, lines []string) error {
	for _, chunk := range chunkLines(lines, faqChunkRunes) {
		if err := h.send(ctx, OutMessage{ChatID: chatID, Text: chunk}); err != nil {
			return err
		}
	}
	return nil
}

func chunkLines(lines []string, maxRunes int) []string {
	var chunks []string
	var b strings.Builder
	n := 0
	for _, line := range lines {
		l := runeLen(line) + 1
		if n > 0 && n+l > maxRunes {
			chunks = append(chunks, b.String())
			b.Reset()
			n = 0
		}
		if n > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(line)
		n += l
	}
	if n > 0 {
		chunks = append(chunks, b.String())
	}
	return chunks
}

// faqShow sends the entry as "/faq set" and its YAML, so the admin can copy
// the whole message, edit it and send it back.
func (h *Handler) faqShow(ctx context.Context, in Incoming, id, lang string) error {
	if id == "" {
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtFAQNeedID.f(lang, "show")})
	}
	e, ok, err := h.storedEntry(ctx, id)
	if err != nil {
		return err
	}
	if !ok {
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtFAQNoEntry.f(lang, id)})
	}
	y, err := entryYAML(e)
	if err != nil {
		return err
	}
	msg := "/faq set\n" + shownMarker(e, lang) + "\n" + y
	if msgsplit.Len(msg) > maxMessageRunes {
		// Telegram would split it, and a part sent back would save a cut
		// entry: show it for reading only, and say how to edit it
		return h.sendChunks(ctx, in.ChatID, append([]string{txtFAQTooLongToEdit.f(lang, e.ID)}, strings.Split(y, "\n")...))
	}
	return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: msg})
}

// shownMarkerPrefix starts the YAML comment "/faq show" puts above an entry:
// it names the entry and the version shown, so "/faq set" can tell that
// someone changed the entry in between instead of silently undoing their
// edit. A copy used as the template of another entry (its id changed) is no
// edit of the shown one.
const shownMarkerPrefix = "# shown-rev: "

func shownMarker(e faq.Entry, lang string) string {
	return shownMarkerPrefix + e.ID + "@" + entryVersion(e) + "  " + txtFAQKeepLine.in(lang)
}

// entryVersion is a short fingerprint of one entry's content.
func entryVersion(e faq.Entry) string { return fingerprint([]faq.Entry{e})[:12] }

// shownVersion returns the entry id and version a marker line of body names.
func shownVersion(body string) (id, version string, ok bool) {
	for line := range strings.Lines(body) {
		if v, found := strings.CutPrefix(strings.TrimSpace(line), strings.TrimSpace(shownMarkerPrefix)); found {
			if fields := strings.Fields(v); len(fields) > 0 {
				id, version, ok = strings.Cut(fields[0], "@")
				return id, version, ok
			}
		}
	}
	return "", "", false
}

func (h *Handler) storedEntry(ctx context.Context, id string) (faq.Entry, bool, error) {
	entries, err := h.FAQStore.FAQEntries(ctx)
	if err != nil {
		return faq.Entry{}, false, fmt.Errorf("load faq: %w", err)
	}
	for _, e := range entries {
		if e.ID == id {
			return e, true, nil
		}
	}
	return faq.Entry{}, false, nil
}

func (h *Handler) faqHistory(ctx context.Context, in Incoming, id, lang string) error {
	changes, err := h.FAQStore.FAQHistory(ctx, id, faqHistoryLimit)
	if err != nil {
		return fmt.Errorf("faq history: %w", err)
	}
	if len(changes) == 0 {
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtFAQNoHistory.in(lang)})
	}
	head := txtFAQHistoryAll.in(lang)
	if id != "" {
		head = txtFAQHistoryHead.f(lang, id)
	}
	lines := []string{head}
	for _, c := range changes {
		line := h.localTime(c.At).Format(layoutDateTime) + " · " + faqActionName(c.Action, lang) + " · " + actorLabel(c.Actor, lang)
		if id == "" {
			line += " · " + c.EntryID
		} else if what := changedParts(c.Before, c.After, lang); what != "" {
			line += " · " + what
		}
		lines = append(lines, line)
	}
	if err := h.sendChunks(ctx, in.ChatID, lines); err != nil {
		return err
	}
	if id != "" {
		return h.offerEarlierVersion(ctx, in.ChatID, changes[0], lang)
	}
	return nil
}

// faqPending is a change waiting for its admin's confirmation, kept in
// shared state so any replica can serve the button press.
type faqPending struct {
	Kind    string      `json:"kind"` // faqPendingImport or faqPendingDelete
	AdminID int64       `json:"admin_id"`
	Prompt  string      `json:"prompt"` // the question shown, to keep it when the buttons go
	EntryID string      `json:"entry_id,omitempty"`
	Entries []faq.Entry `json:"entries,omitempty"`
	// Base fingerprints the stored FAQ the import summary was computed
	// against; a different FAQ at confirmation means new counts to confirm.
	Base string `json:"base,omitempty"`
}

const (
	faqPendingImport = "import"
	faqPendingDelete = "delete"
)

func faqPendingKey(token string) string { return "faq:pending:" + token }

// askFAQConfirm stores p and asks the admin to confirm it.
func (h *Handler) askFAQConfirm(ctx context.Context, chatID int64, p faqPending, okLabel, lang string) error {
	token := randomHex(8)
	data, err := json.Marshal(p)
	if err != nil {
		return fmt.Errorf("encode pending faq change: %w", err)
	}
	if err := h.State.Set(ctx, faqPendingKey(token), data, faqPendingTTL); err != nil {
		return fmt.Errorf("store pending faq change: %w", err)
	}
	return h.send(ctx, OutMessage{ChatID: chatID, Text: p.Prompt, Buttons: [][]Button{{
		{Text: okLabel, Data: "fa:ok:" + token},
		{Text: txtFAQCancelBtn.in(lang), Data: "fa:no:" + token},
	}}})
}

func (h *Handler) faqDeleteAsk(ctx context.Context, in Incoming, id, lang string) error {
	if id == "" {
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtFAQNeedID.f(lang, "del")})
	}
	entries, err := h.FAQStore.FAQEntries(ctx)
	if err != nil {
		return fmt.Errorf("load faq: %w", err)
	}
	i := entryIndex(entries, id)
	if i < 0 {
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtFAQNoEntry.f(lang, id)})
	}
	if len(entries) == 1 {
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtFAQLastEntry.in(lang)})
	}
	p := faqPending{Kind: faqPendingDelete, AdminID: in.UserID, EntryID: id,
		Prompt: txtFAQDeleteAsk.f(lang, id, entries[i].Title(lang))}
	return h.askFAQConfirm(ctx, in.ChatID, p, txtFAQDeleteBtn.in(lang), lang)
}

func entryIndex(entries []faq.Entry, id string) int {
	for i, e := range entries {
		if e.ID == id {
			return i
		}
	}
	return -1
}

// faqCallback serves the confirm ("fa:ok:<token>") and cancel
// ("fa:no:<token>") buttons. Only the admin who asked may press them, and
// only while still an admin.
func (h *Handler) faqCallback(ctx context.Context, in Incoming, rest, lang string) error {
	verb, token, _ := strings.Cut(rest, ":")
	if (verb != "ok" && verb != "no") || token == "" || h.FAQStore == nil {
		return errStale
	}
	if !h.IsAdmin(in.UserID) {
		h.ack(ctx, in, txtNotAdmin.in(lang))
		return nil
	}
	key := faqPendingKey(token)
	data, ok, err := h.State.Get(ctx, key)
	if err != nil {
		return fmt.Errorf("load pending faq change: %w", err)
	}
	if !ok {
		return errStale
	}
	var p faqPending
	if err := json.Unmarshal(data, &p); err != nil {
		return errStale
	}
	if p.AdminID != in.UserID {
		h.ack(ctx, in, txtFAQNotYours.in(lang))
		return nil
	}
	// One press wins: a double tap must not run the change twice.
	if first, err := h.State.Claim(ctx, key+":done", faqPendingTTL); err != nil {
		return fmt.Errorf("claim pending faq change: %w", err)
	} else if !first {
		return errStale
	}
	if err := h.State.Delete(ctx, key); err != nil {
		h.Log.Warn("delete pending faq change", "err", err)
	}
	h.ack(ctx, in, "")
	h.dropButtons(ctx, in, p.Prompt)
	if verb == "no" {
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtFAQCancelled.in(lang)})
	}
	switch p.Kind {
	case faqPendingDelete:
		return h.faqDelete(ctx, in, p.EntryID, lang)
	case faqPendingImport:
		return h.faqImportConfirmed(ctx, in, p, lang)
	}
	return errStale
}

// dropButtons removes the buttons of a confirmation once it was answered;
// failing that only leaves dead buttons behind.
func (h *Handler) dropButtons(ctx context.Context, in Incoming, prompt string) {
	if in.Callback.MessageID == 0 {
		return
	}
	if err := h.Messenger.Edit(ctx, in.ChatID, in.Callback.MessageID, prompt, nil); err != nil {
		h.Log.Warn("remove faq confirmation buttons", "err", err)
	}
}

func (h *Handler) faqDelete(ctx context.Context, in Incoming, id, lang string) error {
	err := h.FAQStore.DeleteFAQEntry(ctx, id, faqActor(in))
	if errors.Is(err, storage.ErrNotFound) {
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtFAQGone.f(lang, id)})
	}
	if errors.Is(err, storage.ErrLastFAQEntry) {
		// another deletion was confirmed since this one was asked
		return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtFAQLastEntry.in(lang)})
	}
	if err != nil {
		return fmt.Errorf("delete faq entry %q: %w", id, err)
	}
	h.Log.Info("faq entry deleted", "entry", id, "actor", faqActorID(in.UserID))
	return h.sendAfterReload(ctx, in.ChatID, txtFAQDeleted.f(lang, id), lang)
}

// reloadCatalog serves the stored FAQ from the next question on. An empty
// store is never served: the catalog keeps what it had.
func (h *Handler) reloadCatalog(ctx context.Context) error {
	r, ok := h.FAQ.(FAQReloader)
	if !ok {
		return nil
	}
	_, err := r.Reload(func() ([]faq.Entry, error) { return h.FAQStore.FAQEntries(ctx) })
	if err != nil {
		return fmt.Errorf("reload faq: %w", err)
	}
	return nil
}

// sendAfterReload swaps the catalog and reports done; a failed swap is not
// the admin's problem (the change is stored, the periodic reload catches up)
// but they are told it may take a minute.
func (h *Handler) sendAfterReload(ctx context.Context, chatID int64, done, lang string) error {
	if err := h.reloadCatalog(ctx); err != nil {
		h.Log.Error("swap faq catalog after edit", "err", err)
		done += "\n" + txtFAQReloadLater.in(lang)
	}
	return h.send(ctx, OutMessage{ChatID: chatID, Text: done})
}
