package main

import (
	"math"
	"runtime/debug"
	"testing"
)

func TestDefaultMemoryLimitUnlessGOMEMLIMIT(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(before) })

	debug.SetMemoryLimit(math.MaxInt64)
	setDefaultMemoryLimit(func(string) (string, bool) { return "", false })
	if got := debug.SetMemoryLimit(-1); got != defaultMemoryLimit {
		t.Errorf("without GOMEMLIMIT the limit is %d, want %d", got, defaultMemoryLimit)
	}

	debug.SetMemoryLimit(math.MaxInt64)
	setDefaultMemoryLimit(func(name string) (string, bool) { return "1GiB", name == "GOMEMLIMIT" })
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("GOMEMLIMIT set: the limit changed to %d", got)
	}
}
