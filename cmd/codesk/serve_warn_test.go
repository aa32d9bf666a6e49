package main

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"

	"codesk/config"
	"codesk/parties"
)

func TestServeWarnsAboutStaffChatsThatAreNotSupergroups(t *testing.T) {
	var logs bytes.Buffer
	cfg := config.Config{
		Parties: map[parties.ID]config.Chat{
			parties.PropertyManagement: {ChatID: -1001234567890}, // supergroup
			parties.OwnersCommittee:    {ChatID: -4012345},       // basic group
		},
		CoOffice: config.Chat{ChatID: -1009876543210},
	}
	warnBasicGroups(cfg, slog.New(slog.NewTextHandler(&logs, nil)))
	out := logs.String()
	if !strings.Contains(out, "chat_id=-4012345") || strings.Count(out, "not a supergroup") != 1 {
		t.Errorf("want one warning, for the owners' committee's basic group; got:\n%s", out)
	}
}
