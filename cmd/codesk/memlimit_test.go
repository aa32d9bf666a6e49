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
	if !setDefaultMemoryLimit(func(string) (string, bool) { return "", false }) {
		t.Error("without GOMEMLIMIT the default should be ours")
	}
	if got := debug.SetMemoryLimit(-1); got != defaultMemoryLimit {
		t.Errorf("without GOMEMLIMIT the limit is %d, want %d", got, defaultMemoryLimit)
	}

	debug.SetMemoryLimit(math.MaxInt64)
	if setDefaultMemoryLimit(func(name string) (string, bool) { return "1GiB", name == "GOMEMLIMIT" }) {
		t.Error("GOMEMLIMIT set: the limit is not ours to change")
	}
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("GOMEMLIMIT set: the limit changed to %d", got)
	}
}

func TestMemoryLimitMakesRoomForALargeHeap(t *testing.T) {
	if got := memoryLimitFor(10 << 20); got != defaultMemoryLimit {
		t.Errorf("small heap: limit %d, want the default %d", got, defaultMemoryLimit)
	}
	// a 20,000-entry FAQ lives in about 64 MB: rebuilding its index needs room
	if got := memoryLimitFor(64 << 20); got < 2*64<<20 {
		t.Errorf("64 MB heap: limit %d MB, want at least twice the heap", got>>20)
	}
}
