package handlers_test

import (
	"strings"
	"testing"

	"codesk/handlers"
)

// /faq and /stats in a group: an admin is sent to their private chat, where
// the commands work; a staffer who is no admin is told only administrators
// may, not sent to a private chat that would refuse them.
func TestAdminCommandsInAGroupSendOnlyAdminsToPrivate(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	for i, c := range []struct {
		user      int64
		text      string
		toPrivate bool
	}{
		{pmMember, "/faq list", false},
		{pmMember, "/stats", false},
		{pmConfigured, "/faq@codesk_bot", false},
		{admin, "/stats", true},
		{admin, "/faq list", true},
	} {
		before := f.out.count()
		f.staffWrites(t, pmChat, c.user, 9300+i, 0, c.text)
		sent := f.out.sentSince(before)
		if len(sent) != 1 {
			t.Fatalf("%q by %d: want one reply, got %q", c.text, c.user, texts(sent))
		}
		got := sent[0].Text
		if private := strings.Contains(got, "私聊"); private != c.toPrivate {
			t.Errorf("%q by %d: sent to a private chat = %v, want %v: %q", c.text, c.user, private, c.toPrivate, got)
		}
		if !c.toPrivate && !strings.Contains(got, "只有管理员") {
			t.Errorf("%q by a staffer: want that only administrators may, got %q", c.text, got)
		}
	}
}

// A staffer's staff-chat command typed in their private chat is pointed to
// their staff chat, in their language; a resident's is still unknown.
func TestStaffCommandsInPrivatePointToTheStaffChat(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	for _, c := range []struct {
		user int64
		text string
		want []string
	}{
		{pmMember, "/open", []string{"/open", "工作群", "物业"}},
		{pmConfigured, "/todo", []string{"/todo", "工作群", "物业"}},
		{pmMember, "/claim 12", []string{"/claim", "卡片"}},
	} {
		got := f.say(t, c.user, c.text).Text
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%q by staffer %d: want %q in %q", c.text, c.user, w, got)
			}
		}
		if strings.Contains(got, "不认识") {
			t.Errorf("%q by staffer %d: got the unknown-command reply %q", c.text, c.user, got)
		}
	}
	f.say(t, ocMember, "/lang en")
	got := f.say(t, ocMember, "/open").Text
	if !strings.Contains(got, "Owners' committee") || !strings.Contains(got, "staff chat") {
		t.Errorf("an English staffer's /open: %q", got)
	}
	if han := handlers.ChineseIn(got); han != "" {
		t.Errorf("an English staffer's reply has Chinese %q: %q", han, got)
	}
	if got := f.say(t, resident, "/open").Text; !strings.Contains(got, "不认识") {
		t.Errorf("a resident's /open: want the unknown-command reply, got %q", got)
	}
}
