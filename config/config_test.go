package config_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"codesk/config"
	"codesk/parties"
)

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func writeFile(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "codesk.yaml")
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestDefaultsNeedNothing(t *testing.T) {
	c, err := config.Load(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c.DatabaseURL != "" || c.RedisURL != "" || c.TelegramToken != "" {
		t.Errorf("defaults must be the embedded ones, got %+v", c)
	}
}

func TestExampleFileLoads(t *testing.T) {
	c, err := config.Load(env(map[string]string{"CODESK_CONFIG": "../codesk.example.yaml", "CODESK_ADMINS": "42"}))
	if err != nil {
		t.Fatal(err)
	}
	if c.Parties[parties.OwnersCommittee].ChatID != -1001000000002 || c.CoOffice.ChatID != -1001000000000 {
		t.Errorf("party chats not read: %+v %+v", c.Parties, c.CoOffice)
	}
	if !c.IsAdmin(10001) || !c.IsAdmin(42) || c.IsAdmin(20001) {
		t.Errorf("admins from file and env: %v", c.Admins)
	}
	if got := c.Staff[parties.PropertyManagement]; len(got) != 1 || got[0] != 20001 {
		t.Errorf("staff = %v", got)
	}
}

func TestBadConfigurationIsRefusedClearly(t *testing.T) {
	cases := map[string]struct {
		vars map[string]string
		file string
		want string
	}{
		"unknown key":        {file: "partys: {}\n", want: "partys"},
		"unknown party":      {file: "parties:\n  landlord: {chat_id: 1}\n", want: "landlord"},
		"malformed yaml":     {file: "parties: [\n", want: "parse"},
		"bad telegram url":   {vars: map[string]string{"TELEGRAM_API_URL": "api.telegram.org"}, want: "TELEGRAM_API_URL"},
		"bad admin id":       {vars: map[string]string{"CODESK_ADMINS": "12,abc"}, want: "abc"},
		"bad openai timeout": {vars: map[string]string{"OPENAI_TIMEOUT": "soon"}, want: "OPENAI_TIMEOUT"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			vars := map[string]string{}
			for k, v := range tc.vars {
				vars[k] = v
			}
			if tc.file != "" {
				vars["CODESK_CONFIG"] = writeFile(t, tc.file)
			}
			_, err := config.Load(env(vars))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("want an error mentioning %q, got %v", tc.want, err)
			}
		})
	}
}

func TestSecretsAreListedForRedaction(t *testing.T) {
	c, err := config.Load(env(map[string]string{"TELEGRAM_BOT_TOKEN": "123:abcdef", "OPENAI_API_KEY": "sk-xyz123",
		"DATABASE_URL": "postgres://codesk:pg-s3cret@db:5432/codesk", "REDIS_URL": "redis://:rd-s3cret@cache:6379/0"}))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(c.Secrets(), ","); got != "123:abcdef,sk-xyz123,pg-s3cret,rd-s3cret" {
		t.Errorf("secrets = %q", got)
	}
}

func TestPartyChatsComeFromTheFile(t *testing.T) {
	path := writeFile(t, "parties:\n  property_management: {chat_id: -11}\n  owners_committee: {chat_id: -12}\nco_office: {chat_id: -10}\nstaff:\n  co_office: [7]\n  owners_committee: [7, 8]\n")
	c, err := config.Load(env(map[string]string{"CODESK_CONFIG": path}))
	if err != nil {
		t.Fatal(err)
	}
	if chat, ok := c.ChatOf(parties.PropertyManagement); !ok || chat != -11 {
		t.Errorf("ChatOf(pm) = %d %v", chat, ok)
	}
	if _, ok := c.ChatOf(parties.NeighborhoodCommittee); ok {
		t.Error("an unconfigured party has no chat")
	}
	if p, ok := c.PartyOfChat(-10); !ok || p != parties.CoOffice {
		t.Errorf("PartyOfChat(-10) = %q %v", p, ok)
	}
	if p, ok := c.PartyOfChat(-12); !ok || p != parties.OwnersCommittee {
		t.Errorf("PartyOfChat(-12) = %q %v", p, ok)
	}
	if got := c.StaffOf(7); len(got) != 2 || got[0] != parties.OwnersCommittee || got[1] != parties.CoOffice {
		t.Errorf("StaffOf(7) = %v", got)
	}
}

func TestTimeZoneDefaultsToTheEstatesAndCanBeChanged(t *testing.T) {
	c, err := config.Load(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c.TimeZone == nil || c.TimeZone.String() != "Asia/Shanghai" {
		t.Fatalf("default TimeZone = %v, want Asia/Shanghai", c.TimeZone)
	}
	// the zone's data is there: 21:40 UTC is 05:40 the next day in Shanghai
	if got := time.Date(2025, 3, 3, 21, 40, 0, 0, time.UTC).In(c.TimeZone).Format("01-02 15:04"); got != "03-04 05:40" {
		t.Errorf("21:40 UTC in the default zone = %s, want 03-04 05:40", got)
	}

	file := writeFile(t, "timezone: Asia/Urumqi\n")
	for name, tc := range map[string]struct {
		vars map[string]string
		want string
	}{
		"variable":               {map[string]string{"CODESK_TIMEZONE": " Europe/Berlin "}, "Europe/Berlin"},
		"file":                   {map[string]string{"CODESK_CONFIG": file}, "Asia/Urumqi"},
		"variable over the file": {map[string]string{"CODESK_CONFIG": file, "CODESK_TIMEZONE": "UTC"}, "UTC"},
	} {
		c, err := config.Load(env(tc.vars))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if c.TimeZone.String() != tc.want {
			t.Errorf("%s: TimeZone = %v, want %s", name, c.TimeZone, tc.want)
		}
	}
}

func TestAnUnknownTimeZoneIsRefused(t *testing.T) {
	for name, tc := range map[string]struct {
		vars map[string]string
		file string
		want string
	}{
		"variable": {vars: map[string]string{"CODESK_TIMEZONE": "Asia/Beijing"}, want: `CODESK_TIMEZONE "Asia/Beijing"`},
		"local":    {vars: map[string]string{"CODESK_TIMEZONE": "Local"}, want: `CODESK_TIMEZONE "Local"`},
		"file":     {file: "timezone: China Standard Time\n", want: `timezone "China Standard Time"`},
	} {
		vars := map[string]string{}
		for k, v := range tc.vars {
			vars[k] = v
		}
		if tc.file != "" {
			vars["CODESK_CONFIG"] = writeFile(t, tc.file)
		}
		if _, err := config.Load(env(vars)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: want an error mentioning %s, got %v", name, tc.want, err)
		}
	}
}
