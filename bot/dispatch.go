package bot

import (
	"context"
	"fmt"
	"hash/maphash"
	"log/slog"
	"runtime/debug"
	"sync"

	"codesk/handlers"
)

// Handler handles one transport-neutral event.
type Handler interface {
	Handle(ctx context.Context, in handlers.Incoming) error
}

// dispatcher runs events with bounded concurrency while keeping each chat's
// events in order: a chat always lands on the same worker. One slow chat
// delays only the chats that share its worker, never all of them.
type dispatcher struct {
	h      Handler
	log    *slog.Logger
	seed   maphash.Seed
	queues []chan job
	wg     sync.WaitGroup
}

type job struct {
	ctx   context.Context
	in    handlers.Incoming
	start func(context.Context) error // nil, or says whether the job may still run
	done  func(error)
}

func newDispatcher(h Handler, log *slog.Logger, workers int) *dispatcher {
	if workers < 1 {
		workers = 1
	}
	d := &dispatcher{h: h, log: log, seed: maphash.MakeSeed(), queues: make([]chan job, workers)}
	for i := range d.queues {
		d.queues[i] = make(chan job, 64)
		d.wg.Add(1)
		go d.work(d.queues[i])
	}
	return d
}

// dispatch queues in on its chat's worker. When its turn comes, start (if
// not nil) is asked first: a job may wait long in its queue, and what held
// when it was queued may not hold any more. done is called with the
// handler's error once it ran, or, if it never did, with ctx's error or
// start's.
func (d *dispatcher) dispatch(ctx context.Context, in handlers.Incoming, start func(context.Context) error, done func(error)) {
	q := d.queues[maphash.Comparable(d.seed, in.ChatID)%uint64(len(d.queues))]
	select {
	case q <- job{ctx: ctx, in: in, start: start, done: done}:
	case <-ctx.Done():
		done(ctx.Err())
	}
}

// close stops the workers after they finish what is queued.
func (d *dispatcher) close() {
	for _, q := range d.queues {
		close(q)
	}
	d.wg.Wait()
}

func (d *dispatcher) work(q chan job) {
	defer d.wg.Done()
	for j := range q {
		d.run(j)
	}
}

// run handles one event; a panic in a handler is logged, not fatal, so one
// bad message cannot take the bot down for everyone.
func (d *dispatcher) run(j job) {
	if err := j.ctx.Err(); err != nil {
		j.done(err) // shutting down: leave it for the next start
		return
	}
	if j.start != nil {
		if err := j.start(j.ctx); err != nil {
			j.done(err)
			return
		}
	}
	var err error
	defer func() { j.done(err) }()
	defer func() {
		if r := recover(); r != nil {
			d.log.Error("handler panicked", "update_id", j.in.UpdateID, "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			err = fmt.Errorf("handler panicked: %v", r)
		}
	}()
	if err = d.h.Handle(j.ctx, j.in); err != nil {
		d.log.Error("handle update", "update_id", j.in.UpdateID, "chat_id", j.in.ChatID, "err", err)
	}
}
