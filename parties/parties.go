// Package parties names the three parties of the co-office desk and the desk
// itself. The ids are a fixed interface: config, storage, CLI output and tests
// use them verbatim.
package parties

// ID identifies a party of the co-office desk.
type ID string

const (
	PropertyManagement    ID = "property_management"
	OwnersCommittee       ID = "owners_committee"
	NeighborhoodCommittee ID = "neighborhood_committee"
	// CoOffice is the joint desk's own triage and escalation chat: not a party
	// that owns a ticket, but where unsure routing lands.
	CoOffice ID = "co_office"
)

// All lists the three parties in a stable order.
var All = []ID{PropertyManagement, OwnersCommittee, NeighborhoodCommittee}

// Valid reports whether id is one of the three parties (not the co-office).
func Valid(id ID) bool {
	for _, p := range All {
		if p == id {
			return true
		}
	}
	return false
}

// Name returns the party's display name in lang ("zh" or "en").
func Name(id ID, lang string) string {
	names := map[ID][2]string{
		PropertyManagement:    {"物业", "Property management"},
		OwnersCommittee:       {"业委会", "Owners' committee"},
		NeighborhoodCommittee: {"居委会", "Neighborhood committee"},
		CoOffice:              {"三方联合办公室", "Co-office desk"},
	}
	n, ok := names[id]
	if !ok {
		return string(id)
	}
	if lang == "en" {
		return n[1]
	}
	return n[0]
}

// InSentence is the party's name as it reads inside a sentence: in English
// with its article ("passed to the owners' committee"); in Chinese, Name.
func InSentence(id ID, lang string) string {
	if lang != "en" {
		return Name(id, lang)
	}
	switch id {
	case PropertyManagement:
		return "the property management company"
	case OwnersCommittee:
		return "the owners' committee"
	case NeighborhoodCommittee:
		return "the neighborhood committee"
	case CoOffice:
		return "the co-office desk"
	}
	return string(id)
}
