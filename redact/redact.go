// Package redact keeps secrets (bot token, API keys) out of logs: a
// slog.Handler wrapper that replaces every configured secret in messages and
// attribute values before they reach the real handler.
package redact

import (
	"cmp"
	"context"
	"log/slog"
	"slices"
	"strings"
)

// Mask is what a secret is replaced with.
const Mask = "[REDACTED]"

// Handler wraps another slog.Handler and scrubs secrets.
type Handler struct {
	next     slog.Handler
	secrets  []string
	replacer *strings.Replacer
}

// NewHandler returns a handler that scrubs secrets from everything logged
// through it. Empty and very short secrets are ignored: masking "a" would
// garble every line and protect nothing. Wrapping a *Handler adds the
// secrets to those it scrubs (one pass per record, however many wrap):
// a package that knows a secret can wrap whatever logger it is given.
func NewHandler(next slog.Handler, secrets ...string) *Handler {
	var all []string
	if inner, ok := next.(*Handler); ok {
		next, all = inner.next, slices.Clone(inner.secrets)
	}
	for _, s := range secrets {
		if len(s) >= 6 && !slices.Contains(all, s) {
			all = append(all, s)
		}
	}
	// Longest first: where a secret contains another (a token and its
	// secret half), the whole is masked, not the half.
	slices.SortStableFunc(all, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	pairs := make([]string, 0, 2*len(all))
	for _, s := range all {
		pairs = append(pairs, s, Mask)
	}
	return &Handler{next: next, secrets: all, replacer: strings.NewReplacer(pairs...)}
}

// Logger returns log scrubbing secrets as well as whatever it scrubbed.
func Logger(log *slog.Logger, secrets ...string) *slog.Logger {
	return slog.New(NewHandler(log.Handler(), secrets...))
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
	return &Handler{next: h.next.WithAttrs(scrubbed), secrets: h.secrets, replacer: h.replacer}
}

func (h *Handler) WithGroup(name string) slog.Handler {
	return &Handler{next: h.next.WithGroup(name), secrets: h.secrets, replacer: h.replacer}
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

// Unwrap returns the handler records go to once scrubbed.
func (h *Handler) Unwrap() slog.Handler { return h.next }
