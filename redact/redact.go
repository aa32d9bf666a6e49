// Package redact keeps secrets (bot token, API keys) out of logs: a
// slog.Handler wrapper that replaces every configured secret in messages and
// attribute values before they reach the real handler.
package redact

import (
	"context"
	"log/slog"
	"strings"
)

// Mask is what a secret is replaced with.
const Mask = "[REDACTED]"

// Handler wraps another slog.Handler and scrubs secrets.
type Handler struct {
	next     slog.Handler
	replacer *strings.Replacer
}

// NewHandler returns a handler that scrubs secrets from everything logged
// through it. Empty and very short secrets are ignored: masking "a" would
// garble every line and protect nothing.
func NewHandler(next slog.Handler, secrets ...string) *Handler {
	var pairs []string
	for _, s := range secrets {
		if len(s) >= 6 {
			pairs = append(pairs, s, Mask)
		}
	}
	return &Handler{next: next, replacer: strings.NewReplacer(pairs...)}
}

// String scrubs secrets from s.
func (h *Handler) String(s string) string { return h.replacer.Replace(s) }

func (h *Handler) Enabled(ctx context.Context, l slog.Level) bool { return h.next.Enabled(ctx, l) }

func (h *Handler) Handle(ctx context.Context, r slog.Record) error {
	out := slog.NewRecord(r.Time, r.Level, h.String(r.Message), r.PC)
	r.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(h.attr(a))
		return true
	})
	return h.next.Handle(ctx, out)
}

func (h *Handler) WithAttrs(attrs []slog.Attr) slog.Handler {
	scrubbed := make([]slog.Attr, len(attrs))
	for i, a := range attrs {
		scrubbed[i] = h.attr(a)
	}
	return &Handler{next: h.next.WithAttrs(scrubbed), replacer: h.replacer}
}

func (h *Handler) WithGroup(name string) slog.Handler {
	return &Handler{next: h.next.WithGroup(name), replacer: h.replacer}
}

func (h *Handler) attr(a slog.Attr) slog.Attr {
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		return slog.String(a.Key, h.String(v.String()))
	case slog.KindGroup:
		group := v.Group()
		scrubbed := make([]any, len(group))
		for i, g := range group {
			scrubbed[i] = h.attr(g)
		}
		return slog.Group(a.Key, scrubbed...)
	case slog.KindAny:
		// Errors and Stringers may carry URLs with the token inside.
		if err, ok := v.Any().(error); ok {
			return slog.String(a.Key, h.String(err.Error()))
		}
		if s, ok := v.Any().(interface{ String() string }); ok {
			return slog.String(a.Key, h.String(s.String()))
		}
		return a
	default:
		return a
	}
}
