package llm

import (
	"context"
	"fmt"

	"codesk/parties"
	"codesk/tickets"
)

const routeMaxTokens = 80

// ModelRouteConfidence is Decision.Confidence for a routing the model gave
// and the ids validated: the model is not calibrated, so a fixed middling
// value that callers can threshold on.
const ModelRouteConfidence = 0.6

type routeReply struct {
	Party    string `json:"party"`
	Category string `json:"category"`
}

// Route asks the model for the party and category of a concern. The answer
// counts only if the party is one of parties.All, the category one of
// categories and owned by that party; otherwise the decision is
// parties.CoOffice (with the category when it alone was valid). Routing is
// not metered per resident but goes through the breaker, deadline and cache.
func (c *Client) Route(ctx context.Context, text string, categories []tickets.Category) (tickets.Decision, error) {
	if c == nil {
		return tickets.Decision{}, ErrUnavailable
	}
	text = Sanitize(text)
	ids := make([]string, 0, len(categories))
	for _, cat := range categories {
		ids = append(ids, cat.ID+"="+string(cat.Party))
	}
	key := c.cacheKey("route", text, "", nil, ids...)
	var r routeReply
	if !c.cacheGet(ctx, key, &r) {
		err := c.complete(ctx, call{
			op:     "route",
			system: routeSystemPrompt, context: routeContext(categories), user: text,
			maxTokens: routeMaxTokens,
			parse:     func(content string) error { return decodeJSON(content, &r) },
		})
		if err != nil {
			return tickets.Decision{}, fmt.Errorf("route: %w", err)
		}
		c.cachePut(ctx, key, r)
	}
	return validateRoute(r, categories), nil
}

func validateRoute(r routeReply, categories []tickets.Category) tickets.Decision {
	d := tickets.Decision{
		Party:    parties.CoOffice,
		Category: tickets.Uncategorized,
		Scores:   map[parties.ID]float64{},
	}
	for _, p := range parties.All {
		d.Scores[p] = 0
	}
	var cat *tickets.Category
	for i := range categories {
		if categories[i].ID == r.Category {
			cat = &categories[i]
			break
		}
	}
	if cat == nil {
		return d
	}
	d.Category = cat.ID
	if party := parties.ID(r.Party); parties.Valid(party) && party == cat.Party {
		d.Party = party
		d.Confidence = ModelRouteConfidence
		d.Scores[party] = ModelRouteConfidence
	}
	return d
}
