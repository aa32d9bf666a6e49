package tickets

import (
	"fmt"
	"math"
	"sort"

	"codesk/faq"
	"codesk/parties"
)

// Uncategorized is Decision.Category when no category's cues match.
const Uncategorized = "other"

// Category is a kind of concern and the party that owns it.
type Category struct {
	ID    string
	Party parties.ID
	// Names are display names by language ("zh", "en").
	Names map[string]string
	// NeedsLocation: ask for the building/unit when the text lacks it
	// (MentionsLocation), e.g. for repairs and leaks.
	NeedsLocation bool
}

// Decision is where a concern goes.
type Decision struct {
	// Category is the best-scoring category of the chosen party, or of any
	// party when Party is the co-office (a hint for triage); Uncategorized
	// when nothing matched.
	Category string
	// Party is one of parties.All, or parties.CoOffice when unsure.
	Party parties.ID
	// Confidence in [0,1] that the leading party is right, from its score's
	// margin over the runner-up: 1 - exp(-margin/scale).
	Confidence float64
	// Scores are the evidence per party (all three keys present): rule
	// scores plus the weighted statistical model's when it is on.
	Scores map[parties.ID]float64
	// partyCategory is each party's best-scoring category, for CategoryFor.
	partyCategory map[parties.ID]string
}

// CategoryFor is the category the concern has when it goes to party p (a
// resident may choose another party than the router): that party's
// best-scoring category, the hint for the co-office desk, or Uncategorized.
func (d Decision) CategoryFor(p parties.ID) string {
	if p == parties.CoOffice || p == d.Party {
		return d.Category // the router's own choice
	}
	if c, ok := d.partyCategory[p]; ok {
		return c
	}
	return Uncategorized
}

// Router classifies concerns. It is immutable after NewRouter and safe for
// concurrent use.
type Router struct {
	decision   DecisionRules
	categories []compiledCategory
	intent     compiledIntent
	// model is the statistical second opinion, nil when
	// decision.model_weight is 0.
	model *bayesModel
}

type compiledCategory struct {
	info Category
	cues []compiledCue
}

// NewRouter validates and compiles rules.
func NewRouter(r Rules) (*Router, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	router := &Router{decision: r.Decision}
	for _, c := range r.Categories {
		cues, err := compileCues(c.Cues)
		if err != nil {
			return nil, fmt.Errorf("routing rules: category %s: %w", c.ID, err)
		}
		names := make(map[string]string, len(c.Names))
		for k, v := range c.Names {
			names[k] = v
		}
		router.categories = append(router.categories, compiledCategory{
			info: Category{ID: c.ID, Party: c.Party, Names: names, NeedsLocation: c.NeedsLocation},
			cues: cues,
		})
	}
	intent, err := compileIntent(r.Intent)
	if err != nil {
		return nil, fmt.Errorf("routing rules: intent: %w", err)
	}
	router.intent = intent
	if r.Decision.ModelWeight > 0 {
		if router.model, err = defaultBayesModel(); err != nil {
			return nil, fmt.Errorf("routing rules: statistical model: %w", err)
		}
	}
	return router, nil
}

// Categories lists the categories in rule order (copies: changing them does
// not change the router).
func (r *Router) Categories() []Category {
	out := make([]Category, len(r.categories))
	for i, c := range r.categories {
		out[i] = c.info
		out[i].Names = make(map[string]string, len(c.info.Names))
		for k, v := range c.info.Names {
			out[i].Names[k] = v
		}
	}
	return out
}

// Route decides which party owns the concern in text.
func (r *Router) Route(text string) Decision {
	folded := faq.Normalize(text)
	catScores := r.categoryScores(folded)

	type partyScore struct {
		id         parties.ID
		best, rest float64
		category   string
	}
	byParty := make([]partyScore, len(parties.All))
	for i, p := range parties.All {
		byParty[i].id = p
	}
	for i, c := range r.categories {
		s := catScores[i]
		if s <= 0 {
			continue
		}
		ps := &byParty[partyIndex(c.info.Party)]
		if s > ps.best {
			ps.rest += ps.best
			ps.best, ps.category = s, c.info.ID
		} else {
			ps.rest += s
		}
	}
	scores := make(map[parties.ID]float64, len(byParty))
	totals := make([]float64, len(byParty))
	model := r.modelEvidence(folded)
	for i, ps := range byParty {
		totals[i] = ps.best + r.decision.OtherShare*ps.rest + model[i]
		scores[ps.id] = totals[i]
	}
	order := []int{0, 1, 2}
	sort.SliceStable(order, func(a, b int) bool { return totals[order[a]] > totals[order[b]] })
	top, second := totals[order[0]], totals[order[1]]

	d := Decision{Party: parties.CoOffice, Category: Uncategorized, Scores: scores, partyCategory: map[parties.ID]string{}}
	for _, ps := range byParty {
		// a party's category on a word or two of cues ("安全" in a clutter
		// report) says nothing: a move there is uncategorised
		if ps.category != "" && ps.best >= r.decision.MinScore {
			d.partyCategory[ps.id] = ps.category
		}
	}
	if top <= 0 {
		return d
	}
	if byParty[order[0]].category != "" {
		d.Category = byParty[order[0]].category
	}
	// The margin over the runner-up, not the top score alone, decides: a
	// text with strong cues for two parties is a case for triage.
	d.Confidence = 1 - math.Exp(-(top-second)/r.decision.Scale)
	if top >= r.decision.MinScore && d.Confidence >= r.decision.MinConfidence {
		d.Party = byParty[order[0]].id
	}
	return d
}

// modelEvidence is the statistical model's weighted, clipped evidence per
// party (parties.All order); zero when the model is off or knows none of the
// text's features.
func (r *Router) modelEvidence(folded string) [3]float64 {
	var out [3]float64
	if r.model == nil {
		return out
	}
	odds, known := r.model.logOdds(folded)
	if known == 0 {
		return out
	}
	c := r.decision.ModelClip
	for k, v := range odds {
		out[k] = r.decision.ModelWeight * math.Max(-c, math.Min(c, v))
	}
	return out
}

func (r *Router) categoryScores(folded string) []float64 {
	out := make([]float64, len(r.categories))
	for i := range r.categories {
		out[i] = score(r.categories[i].cues, folded)
	}
	return out
}

func partyIndex(id parties.ID) int {
	for i, p := range parties.All {
		if p == id {
			return i
		}
	}
	panic("tickets: party not validated: " + string(id)) // NewRouter validates every party
}
