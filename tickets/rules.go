package tickets

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"codesk/faq"
	"codesk/parties"
)

// rulesVersion is the only routing-rules schema version.
const rulesVersion = 1

// maxRulesBytes bounds a rules file; the defaults are well under 100 KiB.
const maxRulesBytes = 1 << 20

//go:embed rules.yaml
var defaultRulesYAML []byte

// Rules is the whole routing configuration, as read from YAML.
type Rules struct {
	Version    int            `yaml:"version"`
	Decision   DecisionRules  `yaml:"decision"`
	Intent     IntentRules    `yaml:"intent"`
	Categories []CategoryRule `yaml:"categories"`
}

// DecisionRules turn cue scores into a party or the co-office.
type DecisionRules struct {
	// MinScore is the least score the leading party needs to be chosen.
	MinScore float64 `yaml:"min_score"`
	// MinConfidence is the least confidence needed to choose a party; below
	// it the concern goes to the co-office.
	MinConfidence float64 `yaml:"min_confidence"`
	// Scale is the score at which the strength part of the confidence
	// reaches 1-1/e: strength = 1 - exp(-score/scale).
	Scale float64 `yaml:"scale"`
	// OtherShare is the share of a party's other matched categories added
	// to its best category's score (several topics of one party agree).
	OtherShare float64 `yaml:"other_share"`
	// ModelWeight scales the statistical model's evidence (per-party naive
	// Bayes log-likelihoods, centred, trained on our labelled concerns) added
	// to the rule scores; 0 (the default for rules files that omit it) turns
	// the model off, so a custom rules file routes by its own cues alone.
	ModelWeight float64 `yaml:"model_weight"`
	// ModelClip bounds each party's model evidence to [-clip, clip] before
	// weighting, so a long rambling text cannot outvote clear rule cues.
	ModelClip float64 `yaml:"model_clip"`
}

// IntentRules tell a report or complaint from a question.
type IntentRules struct {
	Report   []Cue `yaml:"report"`
	Question []Cue `yaml:"question"`
	// QuestionMark is the weight of a "?" or "？" anywhere in the text.
	QuestionMark float64 `yaml:"question_mark"`
	// Topic is added to the report side when the text matches a category:
	// naming a broken thing leans towards a report.
	Topic float64 `yaml:"topic"`
	// Bias is added to report minus question; below zero, text with no cue
	// at all stays a question.
	Bias float64 `yaml:"bias"`
}

// CategoryRule is one category, its owning party and its cues.
type CategoryRule struct {
	ID            string            `yaml:"id"`
	Party         parties.ID        `yaml:"party"`
	Names         map[string]string `yaml:"names"`
	NeedsLocation bool              `yaml:"needs_location"`
	Cues          []Cue             `yaml:"cues"`
}

// Cue is a group of interchangeable terms and patterns with one weight; the
// group counts once however many of them match. A negative weight is
// counter-evidence.
//
// Terms and patterns apply to the text folded by faq.Normalize (lower case,
// simplified Chinese, punctuation as single spaces); terms are folded the same
// way. A term starting with a Latin letter or digit must start a word, and one
// ending with a Latin letter must end a word, allowing the endings s, es, ed,
// ing, er, ers (and d after e): "leak" matches "leaks" and "leaking".
type Cue struct {
	Weight   float64  `yaml:"weight"`
	Terms    []string `yaml:"terms"`
	Patterns []string `yaml:"patterns"`
}

// DefaultRules returns the embedded rules for this estate. Each call returns
// a fresh copy, so callers may change it.
func DefaultRules() Rules {
	rules, err := ParseRules(bytes.NewReader(defaultRulesYAML))
	if err != nil {
		panic(fmt.Sprintf("tickets: embedded rules.yaml is invalid: %v", err))
	}
	return rules
}

// ParseRules reads and validates a rules file. Unknown fields, unknown
// parties, duplicate categories, bad patterns and out-of-range thresholds are
// errors.
func ParseRules(r io.Reader) (Rules, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxRulesBytes+1))
	if err != nil {
		return Rules{}, fmt.Errorf("read routing rules: %w", err)
	}
	if len(data) > maxRulesBytes {
		return Rules{}, fmt.Errorf("routing rules: file is larger than %d KiB", maxRulesBytes>>10)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var rules Rules
	if err := dec.Decode(&rules); err != nil {
		if errors.Is(err, io.EOF) {
			return Rules{}, errors.New("routing rules: file is empty")
		}
		return Rules{}, fmt.Errorf("routing rules: %w", err)
	}
	if err := rules.Validate(); err != nil {
		return Rules{}, err
	}
	return rules, nil
}

// Validate reports every problem in r, joined into one error.
func (r Rules) Validate() error {
	var errs []error
	add := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf(format, args...))
	}
	if r.Version != rulesVersion {
		add("version: got %d, want %d", r.Version, rulesVersion)
	}
	d := r.Decision
	if d.MinScore <= 0 {
		add("decision.min_score: must be > 0, got %g", d.MinScore)
	}
	if d.MinConfidence <= 0 || d.MinConfidence >= 1 {
		add("decision.min_confidence: must be in (0,1), got %g", d.MinConfidence)
	}
	if d.Scale <= 0 {
		add("decision.scale: must be > 0, got %g", d.Scale)
	}
	if d.OtherShare < 0 || d.OtherShare > 1 {
		add("decision.other_share: must be in [0,1], got %g", d.OtherShare)
	}
	if d.ModelWeight < 0 {
		add("decision.model_weight: must be >= 0, got %g", d.ModelWeight)
	}
	if d.ModelWeight > 0 && d.ModelClip <= 0 {
		add("decision.model_clip: must be > 0 when model_weight is set, got %g", d.ModelClip)
	}
	if len(r.Intent.Report) == 0 || len(r.Intent.Question) == 0 {
		add("intent: needs both report and question cues")
	}
	errs = append(errs, validateCues("intent.report", r.Intent.Report)...)
	errs = append(errs, validateCues("intent.question", r.Intent.Question)...)
	if len(r.Categories) == 0 {
		add("categories: none given")
	}
	seen := map[string]bool{}
	for i, c := range r.Categories {
		where := fmt.Sprintf("categories[%d] (%s)", i, c.ID)
		switch {
		case !validID.MatchString(c.ID):
			add("%s: id must match %s", where, validID)
		case c.ID == Uncategorized:
			add("%s: id %q is reserved", where, Uncategorized)
		case seen[c.ID]:
			add("%s: duplicate id", where)
		}
		seen[c.ID] = true
		if !parties.Valid(c.Party) {
			add("%s: unknown party %q (want one of %v)", where, c.Party, parties.All)
		}
		if strings.TrimSpace(c.Names["zh"]) == "" || strings.TrimSpace(c.Names["en"]) == "" {
			add("%s: names needs both zh and en", where)
		}
		for lang := range c.Names {
			if lang != "zh" && lang != "en" {
				add("%s: names: unknown language %q", where, lang)
			}
		}
		if len(c.Cues) == 0 {
			add("%s: no cues", where)
		}
		positive := false
		for _, cue := range c.Cues {
			positive = positive || cue.Weight > 0
		}
		if len(c.Cues) > 0 && !positive {
			add("%s: needs at least one cue with a positive weight", where)
		}
		errs = append(errs, validateCues(where, c.Cues)...)
	}
	if len(errs) > 0 {
		return fmt.Errorf("routing rules: %w", errors.Join(errs...))
	}
	return nil
}

var validID = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

func validateCues(where string, cues []Cue) []error {
	var errs []error
	for j, cue := range cues {
		at := fmt.Sprintf("%s: cues[%d]", where, j)
		if cue.Weight == 0 {
			errs = append(errs, fmt.Errorf("%s: weight must not be 0", at))
		}
		if len(cue.Terms)+len(cue.Patterns) == 0 {
			errs = append(errs, fmt.Errorf("%s: needs terms or patterns", at))
		}
		for _, t := range cue.Terms {
			if faq.Normalize(t) == "" {
				errs = append(errs, fmt.Errorf("%s: term %q is empty after folding", at, t))
			}
		}
		for _, p := range cue.Patterns {
			if _, err := regexp.Compile(p); err != nil {
				errs = append(errs, fmt.Errorf("%s: pattern %q: %w", at, p, err))
			}
		}
	}
	return errs
}
