package faq

import (
	_ "embed"
	"slices"
	"strings"
)

// synonyms.txt is a bilingual lexicon of residential-estate concepts: each line
// maps Chinese and English phrases to one concept id, which becomes an extra
// index term ("#lift") wherever one of its phrases occurs. It is general domain
// knowledge, not tuned to one estate's FAQ.
//
//go:embed synonyms.txt
var synonymData string

// conceptPrefix marks concept terms; Normalize removes '#' from user text, so
// a concept term can only come from the lexicon.
const conceptPrefix = "#"

type zhPhrase struct {
	runes   []rune
	concept string
}

type enPhrase struct {
	stems   []string
	concept string
	// raw phrases contain stop words ("who do i call") and match the full word
	// sequence; the others match the sequence of content words, so "add lift"
	// also finds "adding a lift".
	raw bool
}

// lexicon indexes synonym phrases by their first rune / first stem.
type lexicon struct {
	zh map[rune][]zhPhrase
	// maxZh is the length in runes of the longest Chinese phrase.
	maxZh int
	en    map[string][]enPhrase
	// words holds every English word of the lexicon (for typo correction).
	words []string
	// terms holds the index terms the lexicon's phrases consist of: the
	// words and bigrams the homophone repair may turn a miswritten
	// character into.
	terms map[string]bool
	// alternatives places concepts that exclude each other ("family" lines):
	// two concepts of one family in different groups name different things
	// of one kind (an e-bike, an electric car).
	alternatives map[string]alternative
}

// alternative is a concept's family and group within it.
type alternative struct{ family, group int }

var concepts = parseLexicon(synonymData)

func parseLexicon(data string) *lexicon {
	lx := &lexicon{zh: map[rune][]zhPhrase{}, en: map[string][]enPhrase{}, terms: map[string]bool{}, alternatives: map[string]alternative{}}
	var families []string
	for _, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if rest, ok := strings.CutPrefix(line, "family "); ok {
			families = append(families, rest)
			continue
		}
		id, phrases, ok := strings.Cut(line, ":")
		if !ok {
			panic("faq: synonyms.txt: line without 'concept:': " + line)
		}
		concept := conceptPrefix + strings.TrimSpace(id)
		for _, p := range strings.Split(phrases, "|") {
			lx.add(concept, Normalize(p))
		}
	}
	lx.addPinyinSpellings(loadPinyin())
	names := map[string]bool{}
	for f, line := range families {
		name, groups, ok := strings.Cut(line, "=")
		name = strings.TrimSpace(name)
		if !ok || name == "" || names[name] {
			panic("faq: synonyms.txt: family line without a new name and '=': " + line)
		}
		names[name] = true
		for g, group := range strings.Split(groups, "|") {
			for _, id := range strings.Fields(group) {
				if !lx.hasConcept(conceptPrefix + id) {
					panic("faq: synonyms.txt: family names an unknown concept: " + id)
				}
				if _, dup := lx.alternatives[conceptPrefix+id]; dup {
					panic("faq: synonyms.txt: concept in two families or groups: " + id)
				}
				lx.alternatives[conceptPrefix+id] = alternative{family: f, group: g}
			}
		}
	}
	return lx
}

// addPinyinSpellings adds each Chinese phrase of two to four characters
// spelled in toneless pinyin as one word ("wuye" for 物业, "yeweihui" for
// 业委会) as an English phrase of its concept: residents writing English type
// the estate's words they know only in Chinese that way. A spelling of
// phrases of two concepts, one shorter than four letters and one that is
// already an English phrase or a stop word are left out.
func (lx *lexicon) addPinyinSpellings(t *pinyinTable) {
	concepts := map[string]string{} // spelling -> concept, "" when ambiguous
	for _, phrases := range lx.zh {
		for _, p := range phrases {
			if len(p.runes) < 2 || len(p.runes) > 4 {
				continue
			}
			for _, s := range t.spellings(p.runes, 4) {
				if c, seen := concepts[s]; seen && c != p.concept {
					concepts[s] = ""
				} else {
					concepts[s] = p.concept
				}
			}
		}
	}
	spellings := make([]string, 0, len(concepts))
	for s := range concepts {
		spellings = append(spellings, s)
	}
	slices.Sort(spellings) // a stable lexicon: typo correction walks its words
	for _, s := range spellings {
		c := concepts[s]
		if c == "" || len(s) < 4 || enStopWords[s] || notPinyinWords[s] || lx.en[stemEnglish(s)] != nil {
			continue
		}
		lx.add(c, s)
	}
}

// notPinyinWords are spellings residents write as English words: 伤害
// (harm) is spelled like the city.
var notPinyinWords = setOf("shanghai", "beijing", "gene")

// hasConcept reports a concept some phrase stands for.
func (lx *lexicon) hasConcept(concept string) bool {
	for _, ps := range lx.zh {
		for _, p := range ps {
			if p.concept == concept {
				return true
			}
		}
	}
	for _, ps := range lx.en {
		for _, p := range ps {
			if p.concept == concept {
				return true
			}
		}
	}
	return false
}

func (lx *lexicon) add(concept, phrase string) {
	if phrase == "" {
		return
	}
	runs := scriptRuns(phrase)
	if len(runs) == 1 && runs[0].han {
		rs := []rune(runs[0].text)
		for i := range rs {
			lx.terms[string(rs[i])] = true
			if i+1 < len(rs) {
				lx.terms[string(rs[i:i+2])] = true
			}
		}
		lx.zh[rs[0]] = append(lx.zh[rs[0]], zhPhrase{runes: rs, concept: concept})
		lx.maxZh = max(lx.maxZh, len(rs))
		return
	}
	var stems []string
	raw := false
	for _, w := range strings.Fields(phrase) {
		s := stemEnglish(w)
		raw = raw || isStopWord(w, s)
		stems = append(stems, s)
		lx.words = append(lx.words, w)
		lx.terms[s] = true
	}
	for _, q := range lx.en[stems[0]] {
		if q.concept == concept && slices.Equal(q.stems, stems) {
			return // "open" and "opening" stem alike: one phrase
		}
	}
	lx.en[stems[0]] = append(lx.en[stems[0]], enPhrase{stems: stems, concept: concept, raw: raw})
}

// appendConcepts adds the concept ids of lexicon phrases found in a Han run;
// no phrase starts inside a filler phrase (filler may be nil). inPhrase, when
// not nil, marks the runes of the phrases found.
func appendConcepts(dst []string, rs []rune, filler, inPhrase []bool) []string {
	var buf [16]phraseMatch
	found := buf[:0]
	for i, r := range rs {
		if filler != nil && filler[i] {
			continue
		}
		for _, p := range concepts.zh[r] {
			if hasRunePrefix(rs[i:], p.runes) {
				found = append(found, phraseMatch{start: i, end: i + len(p.runes), concept: p.concept})
				if inPhrase != nil {
					for j := range p.runes {
						inPhrase[i+j] = true
					}
				}
			}
		}
	}
	return appendUnshadowed(dst, found)
}

// phraseMatch is a lexicon phrase found at [start, end) of a run.
type phraseMatch struct {
	start, end int
	concept    string
}

// appendUnshadowed appends the found phrases' concepts, except a concept
// whose phrase lies inside a longer phrase of an alternative to it:
// 电动自行车 is an e-bike, not also a bicycle (自行车).
func appendUnshadowed(dst []string, found []phraseMatch) []string {
	for _, f := range found {
		if !shadowed(f, found) {
			dst = append(dst, f.concept)
		}
	}
	return dst
}

func shadowed(f phraseMatch, found []phraseMatch) bool {
	alt, ok := concepts.alternatives[f.concept]
	if !ok {
		return false
	}
	for _, g := range found {
		other, ok := concepts.alternatives[g.concept]
		if ok && other.family == alt.family && other.group != alt.group &&
			g.start <= f.start && f.end <= g.end && g.end-g.start > f.end-f.start {
			return true
		}
	}
	return false
}

func hasRunePrefix(s, prefix []rune) bool {
	if len(prefix) > len(s) {
		return false
	}
	for i, r := range prefix {
		if s[i] != r {
			return false
		}
	}
	return true
}

// appendWordConcepts adds the concept ids of lexicon phrases found in a
// sequence of stemmed words: raw phrases against all stems, the others
// against the content stems (stop words removed; content word i is all[pos[i]]).
// The content stems of the latter go to covered when it is not nil.
func appendWordConcepts(dst []string, covered *[]string, all, content []string, pos []int) []string {
	var buf [16]phraseMatch
	found := buf[:0] // spans in all's positions
	for i, s := range all {
		for _, p := range concepts.en[s] {
			if p.raw && hasWordPrefix(all[i:], p.stems) {
				found = append(found, phraseMatch{start: i, end: i + len(p.stems), concept: p.concept})
			}
		}
	}
	for i, s := range content {
		for _, p := range concepts.en[s] {
			if !p.raw && hasWordPrefix(content[i:], p.stems) {
				found = append(found, phraseMatch{start: pos[i], end: pos[i+len(p.stems)-1] + 1, concept: p.concept})
				if covered != nil {
					*covered = append(*covered, p.stems...)
				}
			}
		}
	}
	return appendUnshadowed(dst, found)
}

func hasWordPrefix(s, prefix []string) bool {
	if len(prefix) > len(s) {
		return false
	}
	for i, w := range prefix {
		if s[i] != w {
			return false
		}
	}
	return true
}
