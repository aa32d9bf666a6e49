// Package console runs codesk's conversations in a terminal: the same
// handlers as on Telegram, with buttons shown as numbered choices. It reads
// from a pipe too (one message per line) and stops at end of input, so
// scripts can drive it. One terminal plays every role: "/as staff
// property_management" switches to that party's staff chat, "/as resident"
// back.
package console

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"

	"codesk/handlers"
	"codesk/parties"
)

// Identities the console plays.
const (
	ResidentID int64 = 1     // the resident's user id and private chat id
	AdminID    int64 = 10001 // an administrator (private chat)
	staffBase  int64 = 20000 // staff of party i are staffBase+i
)

// Console is a terminal transport; it implements handlers.Messenger and
// handlers.Membership.
type Console struct {
	out         io.Writer
	interactive bool
	chats       map[parties.ID]int64 // staff chat of each party (and the co-office)

	mu        sync.Mutex
	nextID    int
	me        identity
	choices   map[int64][]handlers.Button // last shown buttons per chat
	choiceMsg map[int64]int
	printed   int // messages shown so far
}

type identity struct {
	role   string // "resident", "staff", "admin"
	party  parties.ID
	userID int64
	chatID int64
}

// New returns a console writing to out. chats are the staff chats of the
// parties (and parties.CoOffice), for playing staff. Interactive consoles
// show a prompt; piped ones echo each input line so transcripts read as a
// dialogue.
func New(out io.Writer, interactive bool, chats map[parties.ID]int64) *Console {
	return &Console{out: out, interactive: interactive, chats: chats,
		me:      identity{role: "resident", userID: ResidentID, chatID: ResidentID},
		choices: map[int64][]handlers.Button{}, choiceMsg: map[int64]int{}}
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
	for {
		if c.interactive {
			fmt.Fprintf(c.out, "%s> ", c.prompt())
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
			fmt.Fprintf(c.out, "%s> %s\n", c.prompt(), line)
		}
		if c.consoleCommand(line) {
			continue
		}
		ev := c.event(line, userLang)
		before := c.shown()
		if err := h.Handle(ctx, ev); err != nil {
			fmt.Fprintf(c.out, "(error: %v)\n", err)
		}
		// Staff lines in a group get no answer unless they reply to one of
		// codesk's ticket messages: say so, rather than stay silent.
		if ev.Chat == handlers.GroupChat && ev.Callback == nil && c.shown() == before {
			fmt.Fprintln(c.out, "(no reply: in a staff chat codesk only answers \"/reply N text\" to a ticket message #N of this chat, and commands)")
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read input: %w", err)
	}
	return nil
}

// event turns an input line into what the current identity did.
func (c *Console) event(line, userLang string) handlers.Incoming {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.nextID++
	me := c.me
	ev := handlers.Incoming{ChatID: me.chatID, UserID: me.userID, UserName: me.name(), UserLang: userLang,
		MessageID: c.nextID, Kind: handlers.TextMessage, Text: line}
	if me.role == "staff" {
		ev.Chat = handlers.GroupChat
	}
	if n, err := strconv.Atoi(line); err == nil && n >= 1 && n <= len(c.choices[me.chatID]) {
		b := c.choices[me.chatID][n-1]
		ev.Callback = &handlers.Callback{ID: strconv.Itoa(c.nextID), Data: b.Data, MessageID: c.choiceMsg[me.chatID]}
		ev.Text = ""
		return ev
	}
	// "/reply 12 text" replies to message (#12), as staff answer a card.
	if rest, ok := strings.CutPrefix(line, "/reply "); ok {
		num, text, _ := strings.Cut(strings.TrimSpace(rest), " ")
		if id, err := strconv.Atoi(strings.TrimPrefix(num, "#")); err == nil {
			ev.ReplyTo = id
			ev.Text = strings.TrimSpace(text)
		}
	}
	// "/photo caption" sends a (pretend) photo.
	if rest, ok := strings.CutPrefix(line, "/photo"); ok {
		ev.Kind = handlers.PhotoMessage
		ev.PhotoIDs = []string{fmt.Sprintf("console-photo-%d", c.nextID)}
		ev.Text = strings.TrimSpace(rest)
	}
	return ev
}

// consoleCommand handles the console's own commands; false for anything
// meant for codesk.
func (c *Console) consoleCommand(line string) bool {
	fields := strings.Fields(line)
	switch fields[0] {
	case "/as":
		c.switchRole(fields[1:])
		return true
	case "/whoami":
		c.mu.Lock()
		fmt.Fprintf(c.out, "(you are %s)\n", c.me.describe())
		c.mu.Unlock()
		return true
	case "/roles":
		c.printRoles()
		return true
	}
	return false
}

func (c *Console) switchRole(args []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case len(args) >= 1 && args[0] == "resident":
		c.me = identity{role: "resident", userID: ResidentID, chatID: ResidentID}
	case len(args) >= 1 && args[0] == "admin":
		c.me = identity{role: "admin", userID: AdminID, chatID: AdminID}
	case len(args) == 2 && args[0] == "staff":
		p := partyAlias(args[1])
		chat, ok := c.chats[p]
		if !ok {
			fmt.Fprintf(c.out, "(no staff chat for %q; try property_management, owners_committee, neighborhood_committee or co_office)\n", args[1])
			return
		}
		c.me = identity{role: "staff", party: p, userID: staffUserID(p), chatID: chat}
	default:
		fmt.Fprintln(c.out, "(usage: /as resident | /as admin | /as staff <party>)")
		return
	}
	fmt.Fprintf(c.out, "(you are now %s)\n", c.me.describe())
}

func (c *Console) printRoles() {
	var names []string
	for p := range c.chats {
		names = append(names, string(p))
	}
	sort.Strings(names)
	fmt.Fprintf(c.out, "(roles: resident, admin, staff %s)\n", strings.Join(names, " | staff "))
}

// partyAlias accepts short names for parties.
func partyAlias(s string) parties.ID {
	switch strings.ToLower(s) {
	case "pm", "property", "物业":
		return parties.PropertyManagement
	case "oc", "owners", "业委会":
		return parties.OwnersCommittee
	case "nc", "neighborhood", "居委会":
		return parties.NeighborhoodCommittee
	case "desk", "co-office", "coffice":
		return parties.CoOffice
	}
	return parties.ID(s)
}

func staffUserID(p parties.ID) int64 {
	for i, q := range append(append([]parties.ID(nil), parties.All...), parties.CoOffice) {
		if q == p {
			return staffBase + int64(i) + 1
		}
	}
	return staffBase
}

func (id identity) name() string {
	switch id.role {
	case "staff":
		return parties.Name(id.party, "zh") + "工作人员"
	case "admin":
		return "管理员"
	}
	return "居民"
}

func (id identity) describe() string {
	if id.role == "staff" {
		return fmt.Sprintf("staff of %s (user %d) in chat %d", id.party, id.userID, id.chatID)
	}
	return fmt.Sprintf("%s (user %d)", id.role, id.userID)
}

func (c *Console) prompt() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.me.role == "staff" {
		return string(c.me.party)
	}
	return c.me.role
}

// IsMember: the console's staff of a party belong to that party's chat.
func (c *Console) IsMember(_ context.Context, chatID, userID int64) (bool, error) {
	for p, chat := range c.chats {
		if chat == chatID && staffUserID(p) == userID {
			return true, nil
		}
	}
	return false, nil
}

// Send prints a message and its buttons as numbered choices.
func (c *Console) Send(_ context.Context, msg handlers.OutMessage) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.nextID++
	text := msg.Text
	if msg.PhotoID != "" {
		text = "[photo " + msg.PhotoID + "] " + text
	}
	if msg.ReplyTo != 0 {
		text = fmt.Sprintf("(re #%d) %s", msg.ReplyTo, text)
	}
	c.print(msg.ChatID, c.nextID, text, msg.Buttons)
	return c.nextID, nil
}

// Edit prints the new version of an earlier message.
func (c *Console) Edit(_ context.Context, chatID int64, messageID int, text string, buttons [][]handlers.Button) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.print(chatID, messageID, "(updated) "+text, buttons)
	return nil
}

// shown is how many messages have been printed.
func (c *Console) shown() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.printed
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

// print writes a message; messages to a chat other than the current
// identity's are labelled with their chat, so one terminal shows the whole
// flow.
func (c *Console) print(chatID int64, msgID int, text string, buttons [][]handlers.Button) {
	c.printed++
	// Every message shows its number: "/reply N text" answers it.
	label := fmt.Sprintf("codesk #%d", msgID)
	if chatID != c.me.chatID {
		label = fmt.Sprintf("codesk → %s #%d", c.chatName(chatID), msgID)
	}
	fmt.Fprintf(c.out, "%s: %s\n", label, strings.ReplaceAll(text, "\n", "\n        "))
	var flat []handlers.Button
	for _, row := range buttons {
		flat = append(flat, row...)
	}
	for i, b := range flat {
		fmt.Fprintf(c.out, "  [%d] %s\n", i+1, b.Text)
	}
	if len(flat) > 0 {
		c.choices[chatID] = flat
		c.choiceMsg[chatID] = msgID
	}
}

func (c *Console) chatName(chatID int64) string {
	for p, chat := range c.chats {
		if chat == chatID {
			return parties.Name(p, "zh") + " staff chat"
		}
	}
	switch chatID {
	case ResidentID:
		return "resident"
	case AdminID:
		return "admin"
	}
	return fmt.Sprintf("chat %d", chatID)
}
