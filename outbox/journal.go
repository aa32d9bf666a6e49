package outbox

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Journal records each delivery the moment Telegram confirms it, before the
// database hears of it. The database write can wait behind others for tens
// of milliseconds; a process killed in that gap would send the message
// again after a restart. A line appended to a file reaches the kernel in
// microseconds and survives the process being killed, so replaying the
// journal at start closes most of the gap. (A machine losing power can
// still lose the last lines: that is the price of not syncing each one.)
type Journal struct {
	mu   sync.Mutex
	path string
	f    *os.File
	size int64
}

// journalCompactAt is the size after which a replayed journal is emptied.
const journalCompactAt = 1 << 20

// OpenJournal opens (creating) the journal at path.
func OpenJournal(path string) (*Journal, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR|os.O_APPEND, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open outbox journal: %w", err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("stat outbox journal: %w", err)
	}
	return &Journal{path: path, f: f, size: st.Size()}, nil
}

// Close closes the journal file.
func (j *Journal) Close() error { return j.f.Close() }

// record appends one delivery.
func (j *Journal) record(id int64, messageID int, at time.Time) error {
	line := fmt.Sprintf("%d %d %d\n", id, messageID, at.UnixNano())
	j.mu.Lock()
	defer j.mu.Unlock()
	n, err := j.f.WriteString(line)
	j.size += int64(n)
	if err != nil {
		return fmt.Errorf("append to outbox journal: %w", err)
	}
	return nil
}

// Replay marks every journaled delivery as sent in the store (marking is
// idempotent) and empties the journal once it has grown large. Call it
// before the worker starts.
func (j *Journal) Replay(ctx context.Context, store Store) (int, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if _, err := j.f.Seek(0, io.SeekStart); err != nil {
		return 0, fmt.Errorf("rewind outbox journal: %w", err)
	}
	sc := bufio.NewScanner(j.f)
	n := 0
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) != 3 {
			continue // a line cut short by the crash
		}
		id, err1 := strconv.ParseInt(fields[0], 10, 64)
		msgID, err2 := strconv.Atoi(fields[1])
		nanos, err3 := strconv.ParseInt(fields[2], 10, 64)
		if err := errors.Join(err1, err2, err3); err != nil {
			continue
		}
		if err := store.MarkOutboxSent(ctx, id, msgID, time.Unix(0, nanos)); err != nil && !isNotFound(err) {
			return n, fmt.Errorf("replay outbox journal: %w", err)
		}
		n++
	}
	if err := sc.Err(); err != nil {
		return n, fmt.Errorf("read outbox journal: %w", err)
	}
	if j.size >= journalCompactAt {
		if err := j.f.Truncate(0); err != nil {
			return n, fmt.Errorf("empty outbox journal: %w", err)
		}
		j.size = 0
	}
	return n, nil
}
