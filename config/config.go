// Package config owns codesk's settings: environment variables (12-factor)
// plus an optional YAML file named by CODESK_CONFIG for the parties' chats,
// admins and staff.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	// Zone data inside the binary: a static binary in a scratch or
	// distroless image has no /usr/share/zoneinfo.
	_ "time/tzdata"

	"gopkg.in/yaml.v3"

	"codesk/parties"
)

// Config is everything codesk needs to run.
type Config struct {
	TelegramToken  string // TELEGRAM_BOT_TOKEN; secret
	TelegramAPIURL string // TELEGRAM_API_URL; a fake or self-hosted Bot API server
	DatabaseURL    string // DATABASE_URL; "" means the SQLite file codesk.db
	RedisURL       string // REDIS_URL; "" means in-memory shared state
	OpenAIKey      string // OPENAI_API_KEY; secret
	OpenAIBaseURL  string // OPENAI_BASE_URL
	OpenAIModel    string // OPENAI_MODEL
	OpenAITimeout  time.Duration
	LogLevel       string // LOG_LEVEL: debug, info, warn, error
	WebhookAddr    string // WEBHOOK_ADDR, e.g. ":8080"
	WebhookURL     string // WEBHOOK_URL, the public URL Telegram posts to
	WebhookSecret  string // WEBHOOK_SECRET; secret
	// TelegramRateScale scales Telegram's rate windows and retry_after unit
	// (TELEGRAM_RATE_SCALE): 1 in production; tests against a fake Bot API
	// with scaled limits run faster with e.g. 0.05.
	TelegramRateScale float64
	// OutboxLease is how long a sender reserves a message it is sending
	// (OUTBOX_LEASE, default 30s): after a crash, what was in flight goes
	// again once its lease lapses.
	OutboxLease time.Duration
	// OutboxJournal is the file that records deliveries before the database
	// does (OUTBOX_JOURNAL); "" puts it next to the SQLite file.
	OutboxJournal string
	// TimeZone is the estate's clock for times shown to people
	// (CODESK_TIMEZONE, or timezone in the YAML file; the variable wins;
	// default DefaultTimeZone). Times are stored in UTC whatever it is.
	TimeZone *time.Location

	Parties  map[parties.ID]Chat // staff group chat of each party
	CoOffice Chat                // triage and escalation chat
	Admins   []int64             // Telegram user ids allowed to edit the FAQ
	Staff    map[parties.ID][]int64
	// RoutingRules is a YAML file replacing the default concern-routing
	// rules; "" keeps the defaults. Relative paths are relative to the
	// config file.
	RoutingRules string
	SLA          SLA
}

// SLA is when tickets nobody has claimed are chased: a reminder in the
// party's chat after RemindAfter, an escalation to the co-office chat after
// EscalateAfter (YAML: sla: {remind_after: 2h, escalate_after: 8h}).
type SLA struct {
	RemindAfter   time.Duration
	EscalateAfter time.Duration
}

// DefaultSLA reminds after 2 hours and escalates after 8.
func DefaultSLA() SLA { return SLA{RemindAfter: 2 * time.Hour, EscalateAfter: 8 * time.Hour} }

// Chat is a Telegram chat of a party or of the desk.
type Chat struct {
	ChatID int64 `yaml:"chat_id"`
}

// fileConfig is the YAML file's shape; unknown keys are rejected so typos
// do not silently disable a party's chat.
type fileConfig struct {
	Parties  map[string]Chat    `yaml:"parties"`
	CoOffice *Chat              `yaml:"co_office"`
	Admins   []int64            `yaml:"admins"`
	Staff    map[string][]int64 `yaml:"staff"`
	Routing  string             `yaml:"routing_rules"`
	SLA      *slaFile           `yaml:"sla"`
	TimeZone string             `yaml:"timezone"`
}

// slaFile holds durations as Go writes them ("2h", "90m"); an absent key
// keeps its default.
type slaFile struct {
	RemindAfter   string `yaml:"remind_after"`
	EscalateAfter string `yaml:"escalate_after"`
}

// DefaultTimeZone is the estate's zone when none is configured: the estate
// is in China.
const DefaultTimeZone = "Asia/Shanghai"

// loadTimeZone loads an IANA zone name. "Local" is refused: it would be the
// host's (a container's is usually UTC), not the estate's.
func loadTimeZone(name string) (*time.Location, error) {
	name = strings.TrimSpace(name)
	if name == "" || name == "Local" {
		return nil, fmt.Errorf("%q: want an IANA time zone name such as %s", name, DefaultTimeZone)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("%q: want an IANA time zone name such as %s: %w", name, DefaultTimeZone, err)
	}
	return loc, nil
}

// Load reads the environment (through getenv) and, when CODESK_CONFIG is
// set, the YAML file it names.
func Load(getenv func(string) string) (Config, error) {
	c := Config{
		TelegramToken:  strings.TrimSpace(getenv("TELEGRAM_BOT_TOKEN")),
		TelegramAPIURL: strings.TrimSpace(getenv("TELEGRAM_API_URL")),
		DatabaseURL:    strings.TrimSpace(getenv("DATABASE_URL")),
		RedisURL:       strings.TrimSpace(getenv("REDIS_URL")),
		OpenAIKey:      strings.TrimSpace(getenv("OPENAI_API_KEY")),
		OpenAIBaseURL:  strings.TrimSpace(getenv("OPENAI_BASE_URL")),
		OpenAIModel:    strings.TrimSpace(getenv("OPENAI_MODEL")),
		OpenAITimeout:  10 * time.Second,
		LogLevel:       strings.TrimSpace(getenv("LOG_LEVEL")),
		WebhookAddr:    strings.TrimSpace(getenv("WEBHOOK_ADDR")),
		WebhookURL:     strings.TrimSpace(getenv("WEBHOOK_URL")),
		WebhookSecret:  strings.TrimSpace(getenv("WEBHOOK_SECRET")),
		OutboxJournal:  strings.TrimSpace(getenv("OUTBOX_JOURNAL")),
		Parties:        map[parties.ID]Chat{},
		Staff:          map[parties.ID][]int64{},
		SLA:            DefaultSLA(),
	}
	var err error
	if c.TimeZone, err = loadTimeZone(DefaultTimeZone); err != nil {
		return Config{}, fmt.Errorf("default time zone: %w", err)
	}
	c.TelegramRateScale = 1
	if v := strings.TrimSpace(getenv("TELEGRAM_RATE_SCALE")); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f <= 0 || f > 1 {
			return Config{}, fmt.Errorf("TELEGRAM_RATE_SCALE %q: want a number in (0, 1]", v)
		}
		c.TelegramRateScale = f
	}
	c.OutboxLease = 30 * time.Second
	if v := strings.TrimSpace(getenv("OUTBOX_LEASE")); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d < 100*time.Millisecond {
			return Config{}, fmt.Errorf("OUTBOX_LEASE %q: want a duration of at least 100ms, such as 30s", v)
		}
		c.OutboxLease = d
	}
	if v := strings.TrimSpace(getenv("OPENAI_TIMEOUT")); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return Config{}, fmt.Errorf("OPENAI_TIMEOUT %q: want a duration such as 10s", v)
		}
		c.OpenAITimeout = d
	}
	if c.TelegramAPIURL != "" {
		// The library would echo a malformed URL, token included, in its
		// errors: reject it here, before any request is made.
		u, err := url.Parse(c.TelegramAPIURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return Config{}, errors.New("TELEGRAM_API_URL: want an http(s) URL such as https://api.telegram.org")
		}
	}
	if admins := strings.TrimSpace(getenv("CODESK_ADMINS")); admins != "" {
		ids, err := parseIDs(admins)
		if err != nil {
			return Config{}, fmt.Errorf("CODESK_ADMINS: %w", err)
		}
		c.Admins = ids
	}
	if path := strings.TrimSpace(getenv("CODESK_CONFIG")); path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return Config{}, fmt.Errorf("read CODESK_CONFIG: %w", err)
		}
		if err := c.applyFile(data); err != nil {
			return Config{}, fmt.Errorf("CODESK_CONFIG %s: %w", path, err)
		}
		if c.RoutingRules != "" && !filepath.IsAbs(c.RoutingRules) {
			c.RoutingRules = filepath.Join(filepath.Dir(path), c.RoutingRules)
		}
	}
	if v := strings.TrimSpace(getenv("CODESK_TIMEZONE")); v != "" {
		if c.TimeZone, err = loadTimeZone(v); err != nil {
			return Config{}, fmt.Errorf("CODESK_TIMEZONE %w", err)
		}
	}
	return c, nil
}

func (c *Config) applyFile(data []byte) error {
	var f fileConfig
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	// An empty file is an empty configuration.
	if err := dec.Decode(&f); err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("parse: %w", err)
	}
	for name, chat := range f.Parties {
		id := parties.ID(name)
		if !parties.Valid(id) {
			return fmt.Errorf("parties: unknown party %q (want one of %v)", name, parties.All)
		}
		c.Parties[id] = chat
	}
	if f.CoOffice != nil {
		c.CoOffice = *f.CoOffice
	}
	c.Admins = append(c.Admins, f.Admins...)
	c.RoutingRules = f.Routing
	for name, ids := range f.Staff {
		id := parties.ID(name)
		if !parties.Valid(id) && id != parties.CoOffice {
			return fmt.Errorf("staff: unknown party %q", name)
		}
		c.Staff[id] = append(c.Staff[id], ids...)
	}
	if f.SLA != nil {
		sla, err := f.SLA.apply(c.SLA)
		if err != nil {
			return fmt.Errorf("sla: %w", err)
		}
		c.SLA = sla
	}
	if strings.TrimSpace(f.TimeZone) != "" {
		loc, err := loadTimeZone(f.TimeZone)
		if err != nil {
			return fmt.Errorf("timezone %w", err)
		}
		c.TimeZone = loc
	}
	return nil
}

// apply overrides base with the durations given and checks the result: both
// positive, and the escalation after the reminder.
func (f slaFile) apply(base SLA) (SLA, error) {
	for _, d := range []struct {
		name string
		text string
		into *time.Duration
	}{
		{"remind_after", f.RemindAfter, &base.RemindAfter},
		{"escalate_after", f.EscalateAfter, &base.EscalateAfter},
	} {
		if strings.TrimSpace(d.text) == "" {
			continue
		}
		v, err := time.ParseDuration(strings.TrimSpace(d.text))
		if err != nil || v <= 0 {
			return SLA{}, fmt.Errorf("%s %q: want a positive duration such as 2h or 90m", d.name, d.text)
		}
		*d.into = v
	}
	if base.EscalateAfter <= base.RemindAfter {
		return SLA{}, fmt.Errorf("escalate_after (%s) must be longer than remind_after (%s)", base.EscalateAfter, base.RemindAfter)
	}
	return base, nil
}

func parseIDs(s string) ([]int64, error) {
	var ids []int64
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }) {
		id, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%q is not a Telegram user id", f)
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// IsAdmin reports whether the Telegram user may edit the FAQ.
func (c Config) IsAdmin(userID int64) bool {
	for _, id := range c.Admins {
		if id == userID {
			return true
		}
	}
	return false
}

// Secrets lists the configured secret values, for log redaction.
func (c Config) Secrets() []string {
	var s []string
	for _, v := range []string{c.TelegramToken, c.OpenAIKey, c.WebhookSecret, urlPassword(c.DatabaseURL), urlPassword(c.RedisURL)} {
		if v != "" {
			s = append(s, v)
		}
	}
	return s
}

// urlPassword is the password in a connection URL ("" when none): a library
// error quoting the URL must not carry it into the log.
func urlPassword(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return ""
	}
	p, _ := u.User.Password()
	return p
}

// ChatOf returns the staff chat of a party, or the co-office chat for
// parties.CoOffice.
func (c Config) ChatOf(p parties.ID) (int64, bool) {
	if p == parties.CoOffice {
		return c.CoOffice.ChatID, c.CoOffice.ChatID != 0
	}
	chat, ok := c.Parties[p]
	return chat.ChatID, ok && chat.ChatID != 0
}

// PartyOfChat returns the party (or parties.CoOffice) whose chat chatID is.
func (c Config) PartyOfChat(chatID int64) (parties.ID, bool) {
	if chatID == 0 {
		return "", false
	}
	if c.CoOffice.ChatID == chatID {
		return parties.CoOffice, true
	}
	for p, chat := range c.Parties {
		if chat.ChatID == chatID {
			return p, true
		}
	}
	return "", false
}

// StaffOf lists the parties whose staff list names userID.
func (c Config) StaffOf(userID int64) []parties.ID {
	var out []parties.ID
	for _, p := range append(append([]parties.ID(nil), parties.All...), parties.CoOffice) {
		for _, id := range c.Staff[p] {
			if id == userID {
				out = append(out, p)
				break
			}
		}
	}
	return out
}
