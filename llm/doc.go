// Package llm owns codesk's use of a language model (any OpenAI-compatible
// server): choosing among FAQ candidates, writing answers grounded only in
// FAQ entries, and helping route concerns. It also owns the safety around
// it — personal data masked and resident text bounded before it leaves the
// bot, a deadline on every call, a circuit breaker, a per-resident daily
// quota and a cache in the shared-state store — so a slow, failing or wrong
// model costs a resident nothing but the fallback reply.
package llm
