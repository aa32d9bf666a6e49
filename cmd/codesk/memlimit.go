package main

import "runtime/debug"

// defaultMemoryLimit is the Go runtime's soft memory limit unless GOMEMLIMIT
// sets one. Parsing and indexing a 10,000-entry FAQ hold about 50 MB for a
// moment, which the collector would otherwise let grow to twice that before
// collecting; with the limit codesk stays under 100 MB resident (about 90
// MB at 10,000 entries), at the cost of more collections while it loads.
// Normal running needs far less, so the limit rarely comes into play.
const defaultMemoryLimit = 80 << 20

// setDefaultMemoryLimit applies defaultMemoryLimit when the environment does
// not choose a limit itself.
func setDefaultMemoryLimit(lookupEnv func(string) (string, bool)) {
	if _, set := lookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
}
