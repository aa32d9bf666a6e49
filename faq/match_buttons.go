package faq

import "slices"

// buttons are the "did you mean" entries: at most three of the ranked
// entries other than the answered one, each scoring at least candidateMin
// and candidateRatio of the top score and not beaten by a background topic.
// They are offered by score plus a share of their statement coverage: an
// entry one of whose sentences says most of the question is a likely
// meaning even when its questions are worded far from it. The answer
// decision itself stays on the score and the confidence model.
func (m *Matcher) buttons(sc *scratch, r ranking, answered string, top, bg float64) []Scored {
	p := m.params
	type button struct {
		Scored
		order float64
	}
	var offered [rerankDepth]button
	n := 0
	for _, h := range r.hits {
		id, s := m.ids[h.entry], float64(min(1, h.score))
		// no "did you mean" the leak entry for "明天会下雨吗"
		if id == answered || s < p.candidateMin || s < p.candidateRatio*top || backgroundBeats(bg, s, candidateBackgroundFloor) || n == len(offered) {
			continue
		}
		unit := float64(m.statementCoverage(h.entry, sc.knownW, r.total))
		offered[n] = button{Scored{ID: id, Score: s}, s + p.buttonUnitWeight*unit}
		n++
	}
	slices.SortStableFunc(offered[:n], func(a, b button) int {
		switch {
		case a.order > b.order:
			return -1
		case a.order < b.order:
			return 1
		}
		return 0
	})
	var out []Scored
	for _, b := range offered[:min(n, 3)] {
		out = append(out, b.Scored)
	}
	return out
}
