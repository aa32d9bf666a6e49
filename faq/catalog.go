package faq

import (
	"reflect"
	"sync"
	"sync/atomic"
)

// Catalog is the FAQ currently in force: its entries and their matcher,
// swapped as a whole when administrators edit or import, so a question is
// always answered against one consistent version.
type Catalog struct {
	current atomic.Pointer[catalogVersion]
	// reloads serializes Reload: of two reloads, the one that read the
	// store last swaps in last, so an older FAQ never replaces a newer one.
	reloads sync.Mutex
}

type catalogVersion struct {
	entries []Entry
	byID    map[string]int
	matcher *Matcher
}

// NewCatalog returns a catalog serving entries.
func NewCatalog(entries []Entry) *Catalog {
	c := &Catalog{}
	c.Replace(entries)
	return c
}

// Replace swaps in a new set of entries and rebuilds the matcher.
func (c *Catalog) Replace(entries []Entry) {
	v := &catalogVersion{
		entries: append([]Entry(nil), entries...),
		byID:    make(map[string]int, len(entries)),
		matcher: NewMatcher(entries),
	}
	for i, e := range v.entries {
		v.byID[e.ID] = i
	}
	c.current.Store(v)
}

// Reload reads the entries in force with load and swaps them in when they
// differ; an empty result keeps what is served (an empty FAQ answers
// nothing). Reloads run one at a time (see reloads).
func (c *Catalog) Reload(load func() ([]Entry, error)) (changed bool, err error) {
	c.reloads.Lock()
	defer c.reloads.Unlock()
	entries, err := load()
	if err != nil || len(entries) == 0 || reflect.DeepEqual(entries, c.current.Load().entries) {
		return false, err
	}
	c.Replace(entries)
	return true, nil
}

// Match matches question against the current entries.
func (c *Catalog) Match(question string) Result { return c.current.Load().matcher.Match(question) }

// Rank returns the k best entries for question.
func (c *Catalog) Rank(question string, k int) []Scored {
	return c.current.Load().matcher.Rank(question, k)
}

// Entry returns the entry with id.
func (c *Catalog) Entry(id string) (Entry, bool) {
	v := c.current.Load()
	i, ok := v.byID[id]
	if !ok {
		return Entry{}, false
	}
	return v.entries[i], true
}

// Entries returns a copy of the current entries.
func (c *Catalog) Entries() []Entry { return append([]Entry(nil), c.current.Load().entries...) }

// Title is the entry's label in lang, for buttons: its first question
// written in that language, else its first question.
func (e Entry) Title(lang string) string {
	for _, q := range e.Questions {
		if DetectLang(q) == lang {
			return q
		}
	}
	if len(e.Questions) > 0 {
		return e.Questions[0]
	}
	return e.ID
}
