package handlers

import (
	"context"
	"errors"
	"log/slog"
	"slices"
	"time"

	"codesk/faq"
	"codesk/llm"
	"codesk/parties"
	"codesk/storage"
	"codesk/tickets"
)

// LLM is the language model as the conversations use it (*llm.Client).
// Every method may fail (slow, down, over quota); callers fall back to the
// bot's own replies.
type LLM interface {
	// Select returns the id of the candidate that answers question, or ""
	// when none does (or the model named something else).
	Select(ctx context.Context, userID int64, question, lang string, candidates []faq.Entry) (string, error)
	// Answer writes an answer from entries only; Grounded false means they
	// do not contain it.
	Answer(ctx context.Context, userID int64, question, lang string, entries []faq.Entry) (llm.Answer, error)
	// Route suggests a party and category for a concern, validated against
	// categories (parties.CoOffice when the model's answer was not valid).
	Route(ctx context.Context, text string, categories []tickets.Category) (tickets.Decision, error)
}

// Deadlines on the model, so a resident always has a reply within 15
// seconds: the rest of the handling (database, matcher) takes milliseconds.
const (
	DefaultLLMDeadline      = 12 * time.Second
	DefaultLLMRouteDeadline = 5 * time.Second
)

// contextEntries is how many FAQ entries a written answer may draw on.
const contextEntries = 3

// ranker is an FAQ that can list its closest entries even when none is
// close enough to offer (*faq.Catalog).
type ranker interface {
	Rank(question string, k int) []faq.Scored
}

func (h *Handler) llmDeadline() time.Duration {
	if h.LLMDeadline > 0 {
		return h.LLMDeadline
	}
	return DefaultLLMDeadline
}

func (h *Handler) llmRouteDeadline() time.Duration {
	if h.LLMRouteDeadline > 0 {
		return h.LLMRouteDeadline
	}
	return DefaultLLMRouteDeadline
}

// questionOutcome is what codesk answers a question with; it is logged as is.
type questionOutcome struct {
	source  string   // storage.Source*
	matched string   // the curated entry sent; "" when none
	used    []string // entries a model's choice or answer rests on
	answer  string   // model-written text (source storage.SourceLLM)
}

// askModel is the model's part of an unsure question (design.md Flow 1):
// prefer choosing a curated entry among the candidates to writing; write
// only from the closest entries, and only keep a grounded answer. Any
// failure — deadline, quota, breaker, bad reply — returns fallback.
func (h *Handler) askModel(ctx context.Context, userID int64, text, lang string, res faq.Result, fallback questionOutcome) questionOutcome {
	ctx, cancel := context.WithTimeout(ctx, h.llmDeadline())
	defer cancel()
	if len(res.Candidates) > 0 {
		id, err := h.LLM.Select(ctx, userID, text, lang, h.entries(candidateIDs(res.Candidates)))
		if err != nil {
			h.logModelFallback(ctx, "select", err)
			return fallback
		}
		if _, ok := h.FAQ.Entry(id); ok {
			return questionOutcome{source: storage.SourceLLMSelect, matched: id, used: []string{id}}
		}
	}
	if d, ok := ctx.Deadline(); ok && time.Until(d) < h.llmDeadline()/3 {
		// the choice took most of the time: a written answer, the longer
		// call, would be cut off and still cost the resident's quota
		h.Log.InfoContext(ctx, "model too slow to write an answer in time: fallback", "fallback", fallback.source)
		return fallback
	}
	ans, err := h.LLM.Answer(ctx, userID, text, lang, h.closestEntries(text, res))
	if err != nil {
		h.logModelFallback(ctx, "answer", err)
		return fallback
	}
	if !ans.Grounded || ans.Text == "" {
		h.Log.InfoContext(ctx, "model found no answer in the FAQ", "fallback", fallback.source)
		return fallback
	}
	if faq.DetectLang(ans.Text) != lang {
		// a Chinese question answered in English (or the reverse) under
		// the resident's own-language notice reads as a fault
		h.Log.InfoContext(ctx, "model answered in another language: fallback", "want", lang, "fallback", fallback.source)
		return fallback
	}
	return questionOutcome{source: storage.SourceLLM, used: ans.UsedIDs, answer: ans.Text}
}

func (h *Handler) logModelFallback(ctx context.Context, op string, err error) {
	level := slog.LevelWarn
	if errors.Is(err, llm.ErrQuotaExceeded) || errors.Is(err, llm.ErrUnavailable) {
		level = slog.LevelInfo // expected: the resident's quota, or the breaker at work
	}
	h.Log.Log(ctx, level, "model unavailable: fallback", "op", op, "err", err)
}

// closestEntries are the entries a written answer may draw on: the FAQ's
// ranking when it has one, else the matcher's candidates.
func (h *Handler) closestEntries(text string, res faq.Result) []faq.Entry {
	if r, ok := h.FAQ.(ranker); ok {
		return h.entries(candidateIDs(r.Rank(text, contextEntries)))
	}
	return h.entries(candidateIDs(res.Candidates))
}

// entries looks ids up, skipping any removed since.
func (h *Handler) entries(ids []string) []faq.Entry {
	out := make([]faq.Entry, 0, len(ids))
	for _, id := range ids {
		if e, ok := h.FAQ.Entry(id); ok {
			out = append(out, e)
		}
	}
	return out
}

// route decides where a concern (or a question for the desk) goes.
func (h *Handler) route(ctx context.Context, text string) tickets.Decision {
	if e := emergencyIn(text); e != noEmergency {
		return emergencyRoute(h.Router.Route(text), e, h.Router.Categories())
	}
	dec, byModel, err := RouteConcern(ctx, h.Router, h.LLM, h.llmRouteDeadline(), text)
	if err != nil {
		h.logModelFallback(ctx, "route", err)
	} else if byModel {
		h.Log.InfoContext(ctx, "concern routed with the model's help", "party", dec.Party, "category", dec.Category)
	}
	return dec
}

// emergencyRoute sends every danger to the property company, whose duty
// staff act at any hour ("the neighbours' flat is on fire" read as a
// neighbours' dispute): a lift's category for someone trapped, security's
// for violence or a break-in, else the emergency category (the company's
// catch-all for facilities when the rules lack it).
func emergencyRoute(dec tickets.Decision, e emergency, cats []tickets.Category) tickets.Decision {
	want := "emergency"
	switch e {
	case trappedEmergency:
		want = "lifts"
	case crimeEmergency:
		want = "security_gates"
	}
	companys := func(id string) bool {
		return slices.ContainsFunc(cats, func(c tickets.Category) bool { return c.ID == id && c.Party == parties.PropertyManagement })
	}
	switch {
	case companys(want):
		dec.Category = want
	case companys("facilities"):
		dec.Category = "facilities"
	}
	dec.Party, dec.Confidence = parties.PropertyManagement, 1
	return dec
}

// RouteConcern routes text with the rule router and, when it is unsure
// (parties.CoOffice) and a model is given, asks the model within deadline.
// The model's suggestion counts only when it names one of the three
// parties and a category that party owns (byModel); otherwise, and on any
// model error (returned for logging), the rule router's decision stands.
func RouteConcern(ctx context.Context, router ConcernRouter, model LLM, deadline time.Duration, text string) (dec tickets.Decision, byModel bool, err error) {
	dec = router.Route(text)
	if dec.Party != parties.CoOffice || model == nil {
		return dec, false, nil
	}
	ctx, cancel := context.WithTimeout(ctx, deadline)
	defer cancel()
	categories := router.Categories()
	suggested, err := model.Route(ctx, text, categories)
	if err != nil {
		return dec, false, err
	}
	// Trust no id: the party must be one of the three and own the category.
	if !parties.Valid(suggested.Party) {
		return dec, false, nil
	}
	for _, c := range categories {
		if c.ID == suggested.Category && c.Party == suggested.Party {
			return suggested, true, nil
		}
	}
	return dec, false, nil
}
