package handlers

import (
	"regexp"
	"strings"

	"codesk/faq"
	"codesk/parties"
)

// typedPartyPattern is a whole message naming the party a waiting report
// should go to ("业委会", "发给居委会吧", "to the owners committee"), typed
// instead of tapping "another party" and its choice.
var typedPartyPattern = regexp.MustCompile(`^(请)?(给|发给|转给|交给|报给|找|to|send it to|send to|give it to)?\s*(the )?` +
	`(物业|物业公司|物管|业委会|业主委员会|居委会|居委|社区居委会|三方联合办公室|联合办公室|三方办公室|` +
	`property management|property company|management office|owners\s+committee|neighbou?rhood committee|residents committee|co office|joint office)` +
	`\s*(吧|处理|来处理|管|please)?$`)

// typedParty returns the party text names, when naming one is all it does.
func typedParty(text string) (parties.ID, bool) {
	m := typedPartyPattern.FindStringSubmatch(strings.TrimSpace(faq.Normalize(text)))
	if m == nil {
		return "", false
	}
	switch name := m[4]; {
	case strings.Contains(name, "物") || strings.HasPrefix(name, "property") || name == "management office":
		return parties.PropertyManagement, true
	case strings.Contains(name, "业委") || strings.Contains(name, "业主") || strings.HasPrefix(name, "owners"):
		return parties.OwnersCommittee, true
	case strings.Contains(name, "居委") || strings.Contains(name, "neighbo") || strings.HasPrefix(name, "residents"):
		return parties.NeighborhoodCommittee, true
	default:
		return parties.CoOffice, true
	}
}
