package config_test

import (
	"strings"
	"testing"
	"time"

	"codesk/config"
)

func TestSLADefaultsAndFileOverrides(t *testing.T) {
	cases := map[string]struct {
		file   string
		remind time.Duration
		escal  time.Duration
	}{
		"no file":        {"", 2 * time.Hour, 8 * time.Hour},
		"no sla key":     {"admins: [1]\n", 2 * time.Hour, 8 * time.Hour},
		"both":           {"sla: {remind_after: 90m, escalate_after: 4h}\n", 90 * time.Minute, 4 * time.Hour},
		"only escalate":  {"sla:\n  escalate_after: 24h\n", 2 * time.Hour, 24 * time.Hour},
		"only remind":    {"sla:\n  remind_after: 30m\n", 30 * time.Minute, 8 * time.Hour},
		"empty sla":      {"sla: {}\n", 2 * time.Hour, 8 * time.Hour},
		"spaces trimmed": {"sla: {remind_after: ' 1h ', escalate_after: 3h}\n", time.Hour, 3 * time.Hour},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			vars := map[string]string{}
			if tc.file != "" {
				vars["CODESK_CONFIG"] = writeFile(t, tc.file)
			}
			c, err := config.Load(env(vars))
			if err != nil {
				t.Fatal(err)
			}
			if c.SLA.RemindAfter != tc.remind || c.SLA.EscalateAfter != tc.escal {
				t.Fatalf("SLA = %+v; want remind %v, escalate %v", c.SLA, tc.remind, tc.escal)
			}
		})
	}
}

func TestBadSLAIsRefusedClearly(t *testing.T) {
	cases := map[string]struct{ file, want string }{
		"not a duration":       {"sla: {remind_after: two hours}\n", "remind_after"},
		"bare number":          {"sla: {escalate_after: 8}\n", "escalate_after"},
		"zero":                 {"sla: {remind_after: 0s}\n", "remind_after"},
		"negative":             {"sla: {escalate_after: -1h}\n", "escalate_after"},
		"escalate before":      {"sla: {remind_after: 3h, escalate_after: 2h}\n", "longer than remind_after"},
		"escalate equal":       {"sla: {remind_after: 2h, escalate_after: 2h}\n", "longer than remind_after"},
		"default escalate low": {"sla: {remind_after: 9h}\n", "longer than remind_after"},
		"unknown key":          {"sla: {remind: 2h}\n", "remind"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := config.Load(env(map[string]string{"CODESK_CONFIG": writeFile(t, tc.file)}))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("want an error mentioning %q, got %v", tc.want, err)
			}
		})
	}
}
