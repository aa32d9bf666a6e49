package llm

import (
	"context"
	"strings"
	"testing"

	"codesk/parties"
	"codesk/tickets"
)

var testCategories = []tickets.Category{
	{ID: "repairs", Party: parties.PropertyManagement, Names: map[string]string{"zh": "报修", "en": "Repairs"}},
	{ID: "owners-meeting", Party: parties.OwnersCommittee, Names: map[string]string{"zh": "业主大会", "en": "Owners' meeting"}},
	{ID: "residence-permit", Party: parties.NeighborhoodCommittee, Names: map[string]string{"zh": "居住证", "en": "Residence permit"}},
}

func TestRouteValidates(t *testing.T) {
	for _, tc := range []struct {
		name, reply  string
		wantParty    parties.ID
		wantCategory string
	}{
		{"valid", `{"party": "owners_committee", "category": "owners-meeting"}`, parties.OwnersCommittee, "owners-meeting"},
		{"party does not own the category", `{"party": "property_management", "category": "owners-meeting"}`, parties.CoOffice, "owners-meeting"},
		{"unknown party", `{"party": "police", "category": "repairs"}`, parties.CoOffice, "repairs"},
		{"unknown category", `{"party": "property_management", "category": "plumbing"}`, parties.CoOffice, tickets.Uncategorized},
		{"model unsure", `{"party": "co_office", "category": ""}`, parties.CoOffice, tickets.Uncategorized},
		{"empty object", `{}`, parties.CoOffice, tickets.Uncategorized},
		{"case differs", `{"party": "Owners_Committee", "category": "owners-meeting"}`, parties.CoOffice, "owners-meeting"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, nil)
			f.srv.Reply(tc.reply)
			d, err := f.c.Route(context.Background(), "业主大会什么时候开", testCategories)
			if err != nil {
				t.Fatalf("Route: %v", err)
			}
			if d.Party != tc.wantParty || d.Category != tc.wantCategory {
				t.Errorf("Route = %s/%s, want %s/%s", d.Party, d.Category, tc.wantParty, tc.wantCategory)
			}
			if (d.Party == parties.CoOffice) != (d.Confidence == 0) {
				t.Errorf("Confidence = %v for party %s", d.Confidence, d.Party)
			}
			if len(d.Scores) != len(parties.All) {
				t.Errorf("Scores = %v, want every party present", d.Scores)
			}
			req := f.requests(t, 1)[0]
			if req.Messages[0].Content != routeSystemPrompt || !strings.Contains(req.Messages[1].Content, "residence-permit: party neighborhood_committee") {
				t.Errorf("route request wrong: %+v", req.Messages[:2])
			}
			if req.Messages[2].Content != "业主大会什么时候开" {
				t.Errorf("user message = %q", req.Messages[2].Content)
			}
		})
	}
}

func TestRouteNotMetered(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.DailyQuota = 1 })
	for i := range 3 {
		f.srv.Reply(`{"party": "property_management", "category": "repairs"}`)
		if _, err := f.c.Route(context.Background(), strings.Repeat("漏水", i+1), testCategories); err != nil {
			t.Fatalf("route %d: %v", i, err)
		}
	}
	f.requests(t, 3)
}
