package handlers

import (
	"context"
	"slices"
	"strings"

	"codesk/parties"
)

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

// adminCommandInGroup answers /faq or /stats typed in a group. Residents'
// questions are not for a group's eyes, and FAQ edits (with their confirm
// buttons) belong to one admin's private chat: an admin is sent there;
// anyone else is told only administrators may, rather than sent to a
// private chat that would refuse them.
func (h *Handler) adminCommandInGroup(ctx context.Context, in Incoming, lang string) error {
	t := txtAdminOnlyPrivate
	if !h.IsAdmin(in.UserID) {
		t = txtAdminCommandsAdminsOnly
	}
	return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: t.in(lang), ReplyTo: in.MessageID})
}

// staffChatCommands work in a staff chat only (staffCommand, staffToDo).
var staffChatCommands = map[string]bool{
	"open": true, "todo": true, "claim": true, "take": true, "resolve": true, "done": true,
	"close": true, "reassign": true, "assign": true, "transfer": true,
}

// unknownCommand answers a private command codesk has not: a staffer's
// staff-chat command is pointed to their staff chat.
func (h *Handler) unknownCommand(ctx context.Context, in Incoming, name, lang string) error {
	if staffChatCommands[name] {
		if chats := h.staffChatsOf(ctx, in.UserID); len(chats) > 0 {
			names := make([]string, len(chats))
			for i, p := range chats {
				names[i] = parties.Name(p, lang)
			}
			return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtStaffCommandInPrivate.f(lang, name, strings.Join(names, txtAdminListSep.in(lang)))})
		}
	}
	return h.send(ctx, OutMessage{ChatID: in.ChatID, Text: txtUnknownCommand.in(lang)})
}

// staffChatsOf lists the parties (the co-office included) whose staff chat
// userID works in: configured, or a member of the chat.
func (h *Handler) staffChatsOf(ctx context.Context, userID int64) []parties.ID {
	if h.Parties == nil {
		return nil
	}
	if configured := h.Parties.StaffOf(userID); len(configured) > 0 {
		return configured
	}
	if h.Membership == nil {
		return nil
	}
	var member []parties.ID
	for _, p := range append(slices.Clone(parties.All), parties.CoOffice) {
		chat, ok := h.Parties.ChatOf(p)
		if !ok {
			continue
		}
		if ok, err := h.Membership.IsMember(ctx, chat, userID); err != nil {
			h.Log.Warn("staff chat membership", "chat_id", chat, "user_id", userID, "err", err)
		} else if ok {
			member = append(member, p)
		}
	}
	return member
}
