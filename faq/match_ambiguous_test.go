package faq

import (
	"slices"
	"testing"
)

// A query that is only a topic two entries both state in full ("property
// fee?" is in a question of the fee entries and of the utility-bills one)
// is offered as buttons, not answered with whichever scores a hair higher;
// the same topic with what is asked about it is answered.
func TestATopicTwoEntriesStateIsOfferedNotAnswered(t *testing.T) {
	t.Parallel()
	m := NewMatcher(Default())
	for _, q := range []string{"property fee?", "property fee", "parking?"} {
		r := m.Match(q)
		if r.ID != "" || len(r.Candidates) < 2 {
			t.Errorf("Match(%q) = %q with candidates %v; want no answer and the entries offered", q, r.ID, r.Candidates)
		}
	}
	r := m.Match("property fee?")
	if !slices.ContainsFunc(r.Candidates, func(c Scored) bool { return c.ID == "property-fee-payment" || c.ID == "property-fee-rates" }) {
		t.Errorf("the fee entries are not among the buttons for %q: %v", "property fee?", r.Candidates)
	}
	if got := m.Match("how much is the property fee").ID; got != "property-fee-rates" {
		t.Errorf("asked what about the fee, the answer is %q; want property-fee-rates", got)
	}
}

// The maintenance fund is no renovation deposit: "维修基金要交多少" shares
// "要交多少" with the renovation entry's "装修押金要交多少" but is not answered
// by it; the deposit question still is.
func TestAFundIsNotADeposit(t *testing.T) {
	t.Parallel()
	m := NewMatcher(Default())
	for _, q := range []string{"维修基金要交多少", "大修基金要交多少"} {
		if got := m.Match(q).ID; got == "home-renovation-rules" {
			t.Errorf("Match(%q) answered with the renovation deposit", q)
		}
	}
	if got := m.Match("装修押金要交多少").ID; got != "home-renovation-rules" {
		t.Errorf("the renovation deposit question got %q", got)
	}
}
