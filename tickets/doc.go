// Package tickets owns what happens to a resident's concern: deciding whether
// free text is a concern at all, which category it falls in and which party of
// the co-office desk owns it (or that the desk itself should triage it).
//
// Routing is rule based: each category carries weighted bilingual cues (terms
// and RE2 patterns, negative weights for counter-evidence) and belongs to one
// party. The defaults for this estate are embedded (rules.yaml) and can be
// replaced by a YAML file of the same schema. Next to the cues, a small naive
// Bayes model (features.go, bayes.go; counts generated from our labelled
// concerns into bayes_counts.tsv) adds per-party evidence for wording no cue
// lists, weighted by decision.model_weight. Decisions prefer the co-office
// over a guess: a party is chosen only when its score is high enough and
// clearly ahead of the runner-up.
package tickets
