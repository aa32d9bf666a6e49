// Package tickets owns what happens to a resident's concern: deciding whether
// free text is a concern at all, which category it falls in and which party of
// the co-office desk owns it (or that the desk itself should triage it).
//
// Routing is rule based: each category carries weighted bilingual cues (terms
// and RE2 patterns, negative weights for counter-evidence) and belongs to one
// party. The defaults for this estate are embedded (rules.yaml) and can be
// replaced by a YAML file of the same schema. Decisions prefer the co-office
// over a guess: a party is chosen only when its score is high enough and
// clearly ahead of the runner-up.
package tickets
