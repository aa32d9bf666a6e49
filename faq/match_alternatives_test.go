package faq

import (
	"slices"
	"testing"
)

func TestLongerAlternativeShadowsTheOneInside(t *testing.T) {
	cases := []struct {
		text      string
		want, not []string
	}{
		{"电动自行车在哪充电", []string{"#ebike"}, []string{"#bicycle"}},
		{"自行车停哪", []string{"#bicycle"}, []string{"#ebike"}},
		{"where can I charge my e-bike", []string{"#ebike"}, []string{"#bicycle"}},
		{"where do bikes go", []string{"#bicycle"}, []string{"#ebike"}},
		// an electric car is a car too: same group, both stay
		{"电动汽车", []string{"#ev", "#car"}, nil},
		{"charging an electric car", []string{"#ev", "#car"}, nil},
	}
	for _, c := range cases {
		got := Tokens(c.text)
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("Tokens(%q) = %v, want %s", c.text, got, w)
			}
		}
		for _, n := range c.not {
			if slices.Contains(got, n) {
				t.Errorf("Tokens(%q) = %v, should not have %s", c.text, got, n)
			}
		}
	}
}

func TestConflictMarksAnotherThingOfTheSameKind(t *testing.T) {
	m := NewMatcher(append(fixtureEntries(),
		Entry{ID: "ebike-charging", Questions: []string{"电动车在哪里充电？", "Where can I charge my e-bike?"},
			Answer: Answer{ZH: "电动车请到车棚的充电桩充电，禁止进楼。", EN: "Charge e-bikes at the shed's charging points, never indoors."}},
	))
	conflict := func(q string) (string, bool) {
		sc := m.pool.Get().(*scratch)
		defer m.pool.Put(sc)
		r := m.score(sc, q, 4)
		return m.ids[r.hits[0].entry], r.conflict
	}
	for _, c := range []struct {
		q, top   string
		conflict bool
	}{
		{"电动车在小区哪里充电", "ebike-charging", false},
		{"电动汽车在小区哪里充电", "ebike-charging", true},
		{"Is there anywhere to charge an electric car?", "ebike-charging", true},
		{"How do I pay the property fee?", "fee-payment", false},
		{"How do I pay my gas bill?", "fee-payment", true},
		// naming both the entry's thing and another is no conflict
		{"物业费和燃气费能一起交吗", "fee-payment", false},
	} {
		top, got := conflict(c.q)
		if top != c.top || got != c.conflict {
			t.Errorf("%q: top %s conflict %v, want %s %v", c.q, top, got, c.top, c.conflict)
		}
	}
}

func TestDefaultFAQTurnsAwayOtherThingsOfTheSameKind(t *testing.T) {
	m := NewMatcher(Default())
	for q, notThis := range map[string]string{
		"电动汽车在小区哪里充电":                                  "ebike-charging",
		"Is there a charging point for electric cars?": "ebike-charging",
		"燃气费在哪交":                                       "property-fee-payment",
		"How do I pay the water bill?":                 "property-fee-payment",
	} {
		if res := m.Match(q); res.ID == notThis {
			t.Errorf("Match(%q) answers with %s, which is about another thing", q, notThis)
		}
	}
	if res := m.Match("电动车在小区哪里充电"); res.ID != "ebike-charging" {
		t.Errorf("Match(e-bike charging) = %q, want ebike-charging", res.ID)
	}
}

func TestBadFamilyLinesAreRejected(t *testing.T) {
	for name, data := range map[string]string{
		"unknown concept":    "ebike: 电动车\nfamily vehicle = ebike | hovercraft\n",
		"concept twice":      "ebike: 电动车\nev: 电动汽车\nfamily vehicle = ebike | ev\nfamily power = ev\n",
		"family name reused": "ebike: 电动车\nev: 电动汽车\nfamily vehicle = ebike\nfamily vehicle = ev\n",
		"no name":            "ebike: 电动车\nfamily = ebike\n",
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: the lexicon was accepted", name)
				}
			}()
			parseLexicon(data)
		}()
	}
}

// A top entry about another thing of the kind the question names is offered,
// never answered, however well the other words match. (The default FAQ
// without its lost-documents entry, which answers the question.)
func TestAConflictIsNeverAnswered(t *testing.T) {
	entries := slices.DeleteFunc(Default(), func(e Entry) bool { return e.ID == "lost-documents" })
	m := NewMatcher(entries)
	if got := NewMatcher(Default()).Match("身份证丢了怎么补办"); got.ID != "lost-documents" {
		t.Errorf("with the lost-documents entry: Match(身份证丢了怎么补办) = %q", got.ID)
	}
	got := m.Match("身份证丢了怎么补办")
	if got.ID != "" || !slices.ContainsFunc(got.Candidates, func(s Scored) bool { return s.ID == "access-cards" }) {
		t.Errorf("Match(身份证丢了怎么补办) = %q, buttons %v; want the access-card entry offered only", got.ID, got.Candidates)
	}
	if got := m.Match("门禁卡丢了怎么补办"); got.ID != "access-cards" {
		t.Errorf("Match(门禁卡丢了怎么补办) = %q, want access-cards", got.ID)
	}
}

// Another place's opening hours are not the co-office's: offered, never
// answered; the co-office's own, and the parties' who sit there, are.
func TestAnotherPlacesHoursAreNotTheCoOffices(t *testing.T) {
	m := NewMatcher(Default())
	for _, q := range []string{"附近社区医院几点开门", "街道办几点开门"} {
		if got := m.Match(q); got.ID == "co-office-location-hours" {
			t.Errorf("Match(%q) answered with the co-office's hours", q)
		}
	}
	for _, q := range []string{"联合办公室几点开门", "居委会几点上班"} {
		if got := m.Match(q); got.ID != "co-office-location-hours" {
			t.Errorf("Match(%q) = %q, want co-office-location-hours", q, got.ID)
		}
	}
}
