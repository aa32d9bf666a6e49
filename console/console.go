// Package console runs codesk's conversations in a terminal: the same
// handlers as on Telegram, with buttons shown as numbered choices. It reads
// from a pipe too (one message per line) and stops at end of input, so
// scripts can drive it.
package console

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"codesk/handlers"
)

// UserID and ChatID identify the console's resident.
const (
	UserID int64 = 1
	ChatID int64 = 1
)

// Console is a terminal transport; it implements handlers.Messenger.
type Console struct {
	out         io.Writer
	interactive bool

	mu         sync.Mutex
	nextID     int
	lastChoice []handlers.Button // buttons of the last message that had any
	lastMsgID  int
}

// New returns a console writing to out. Interactive consoles show a prompt;
// piped ones echo each input line so transcripts read as a dialogue.
func New(out io.Writer, interactive bool) *Console {
	return &Console{out: out, interactive: interactive}
}

// Handler handles one event.
type Handler interface {
	Handle(ctx context.Context, in handlers.Incoming) error
}

// Run feeds each input line to h until in ends or ctx is cancelled. A line
// that is just the number of a shown choice presses that button.
func (c *Console) Run(ctx context.Context, in io.Reader, h Handler, userLang string) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	msgID := 0
	for {
		if c.interactive {
			fmt.Fprint(c.out, "> ")
		}
		if !sc.Scan() {
			break
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if !c.interactive {
			fmt.Fprintf(c.out, "> %s\n", line)
		}
		msgID++
		ev := handlers.Incoming{ChatID: ChatID, UserID: UserID, UserLang: userLang, MessageID: msgID,
			Kind: handlers.TextMessage, Text: line}
		if b, ok := c.choice(line); ok {
			ev.Callback = &handlers.Callback{ID: strconv.Itoa(msgID), Data: b.Data, MessageID: c.lastMsgID}
			ev.Text = ""
		}
		if err := h.Handle(ctx, ev); err != nil {
			fmt.Fprintf(c.out, "(error: %v)\n", err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read input: %w", err)
	}
	return nil
}

func (c *Console) choice(line string) (handlers.Button, bool) {
	n, err := strconv.Atoi(line)
	c.mu.Lock()
	defer c.mu.Unlock()
	if err != nil || n < 1 || n > len(c.lastChoice) {
		return handlers.Button{}, false
	}
	return c.lastChoice[n-1], true
}

// Send prints a message and its buttons as numbered choices.
func (c *Console) Send(_ context.Context, msg handlers.OutMessage) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.nextID++
	c.print(msg.Text, msg.Buttons)
	return c.nextID, nil
}

// Edit prints the new version of an earlier message.
func (c *Console) Edit(_ context.Context, _ int64, messageID int, text string, buttons [][]handlers.Button) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.print("(updated) "+text, buttons)
	return nil
}

// AnswerCallback shows the notice a button press produced, if any.
func (c *Console) AnswerCallback(_ context.Context, _ string, notice string) error {
	if notice == "" {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	fmt.Fprintf(c.out, "codesk: (%s)\n", notice)
	return nil
}

func (c *Console) print(text string, buttons [][]handlers.Button) {
	fmt.Fprintf(c.out, "codesk: %s\n", strings.ReplaceAll(text, "\n", "\n        "))
	var flat []handlers.Button
	for _, row := range buttons {
		flat = append(flat, row...)
	}
	for i, b := range flat {
		fmt.Fprintf(c.out, "  [%d] %s\n", i+1, b.Text)
	}
	if len(flat) > 0 {
		c.lastChoice = flat
		c.lastMsgID = c.nextID
	}
}
