// Package logtest captures log output in tests.
package logtest

import (
	"strings"
	"sync"
)

// Buffer collects what a logger writes from several goroutines (senders,
// pacers, client pools), so a test can read it while they run.
type Buffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *Buffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// String is everything written so far.
func (l *Buffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
