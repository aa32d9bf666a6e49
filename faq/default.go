package faq

import (
	"bytes"
	_ "embed"
	"sync"
)

//go:embed default.yaml
var defaultYAML []byte

// defaultEntries parses the embedded FAQ once. TestDefault guarantees it
// parses, so the nil fallback only guards against a broken build.
var defaultEntries = sync.OnceValue(func() []Entry {
	entries, err := Parse(bytes.NewReader(defaultYAML))
	if err != nil {
		return nil
	}
	return entries
})

// Default returns the embedded default FAQ for Chengshangcheng. Each call
// returns a fresh copy, so callers may edit it freely.
func Default() []Entry {
	shared := defaultEntries()
	out := make([]Entry, len(shared))
	for i, e := range shared {
		e.Questions = append([]string(nil), e.Questions...)
		out[i] = e
	}
	return out
}
