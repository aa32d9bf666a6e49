package main

import (
	"context"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// defaultMemoryLimit is the Go runtime's soft memory limit unless GOMEMLIMIT
// sets one. Parsing and indexing a 10,000-entry FAQ hold about 50 MB for a
// moment, which the collector would otherwise let grow to twice that before
// collecting; with the limit codesk stays under 100 MB resident (about 90
// MB at 10,000 entries), at the cost of more collections while it loads.
const defaultMemoryLimit = 80 << 20

// setDefaultMemoryLimit applies defaultMemoryLimit when the environment does
// not choose a limit itself, and reports whether it did.
func setDefaultMemoryLimit(lookupEnv func(string) (string, bool)) bool {
	if _, set := lookupEnv("GOMEMLIMIT"); set {
		return false
	}
	debug.SetMemoryLimit(defaultMemoryLimit)
	return true
}

// memoryLimitFor is the limit for a live heap of live bytes: the default, or
// room for twice the heap once a large FAQ lives in it, so that rebuilding
// its index after an edit (old and new index alive at once) does not keep the
// collector running.
func memoryLimitFor(live uint64) int64 {
	return max(defaultMemoryLimit, int64(2*live)+16<<20)
}

// keepMemoryLimitAhead raises (or lowers back) the default limit as the live
// heap changes, until ctx ends.
func keepMemoryLimitAhead(ctx context.Context, every time.Duration) {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		metrics.Read(sample)
		if sample[0].Value.Kind() == metrics.KindUint64 {
			debug.SetMemoryLimit(memoryLimitFor(sample[0].Value.Uint64()))
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
