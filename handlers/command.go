package handlers

import "strings"

// command is a parsed "/name@bot args" message.
type command struct {
	name     string
	args     string
	otherBot bool // addressed to another bot in the same chat
	toUs     bool // addressed to this bot by name ("/menu@codesk_bot")
}

// parseCommand parses a leading bot command. The library's own command
// matcher slices by UTF-16 offsets and keeps "@botname", so we parse here.
func parseCommand(text, botUsername string) (command, bool) {
	// "//" opens a remark staff keep among themselves (internalMarks), not a command
	if !strings.HasPrefix(text, "/") || len(text) < 2 || strings.HasPrefix(text, "//") {
		return command{}, false
	}
	head, args, _ := strings.Cut(text[1:], " ")
	if i := strings.IndexAny(head, "\n\t"); i >= 0 {
		args = head[i+1:] + " " + args
		head = head[:i]
	}
	name, target, addressed := strings.Cut(head, "@")
	if name == "" {
		return command{}, false
	}
	c := command{name: strings.ToLower(name), args: strings.TrimSpace(args)}
	if addressed && botUsername != "" && !strings.EqualFold(target, botUsername) {
		c.otherBot = true
	}
	c.toUs = addressed && !c.otherBot
	return c, true
}
