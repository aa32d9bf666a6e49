package parties

import "testing"

func TestInSentenceReadsInsideASentence(t *testing.T) {
	for _, id := range []ID{PropertyManagement, OwnersCommittee, NeighborhoodCommittee, CoOffice} {
		if got := InSentence(id, "en"); got[:4] != "the " {
			t.Errorf("InSentence(%s, en) = %q, want an article first", id, got)
		}
		if InSentence(id, "zh") != Name(id, "zh") {
			t.Errorf("InSentence(%s, zh) = %q, want the Chinese name", id, InSentence(id, "zh"))
		}
	}
}
