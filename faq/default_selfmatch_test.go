package faq

import "testing"

// Every question written into the default FAQ finds its own entry
// confidently: an administrator's own wording must never be refused.
func TestDefaultQuestionsAnswerThemselves(t *testing.T) {
	m := NewMatcher(Default())
	for _, e := range Default() {
		for _, q := range e.Questions {
			if got := m.Match(q); got.ID != e.ID {
				t.Errorf("Match(%q) = %q (score %.2f, candidates %v), want its own entry %s", q, got.ID, got.Score, got.Candidates, e.ID)
			}
		}
	}
}
