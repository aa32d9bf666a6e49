package storage

import (
	"net/url"
	"regexp"
	"strings"
)

var (
	// passwordParam matches password=... in a URL query or a key/value DSN.
	passwordParam = regexp.MustCompile(`(?i)(password=)[^&\s]*`)
	// userinfo matches scheme://user:password@ in strings url.Parse rejects.
	userinfo = regexp.MustCompile(`(://[^/@:]*):[^@]*@`)
)

// RedactURL returns databaseURL fit for errors and logs: the userinfo
// password and any password= parameter are replaced with "xxxxx".
func RedactURL(databaseURL string) string {
	out := databaseURL
	if u, err := url.Parse(databaseURL); err == nil && u.User != nil {
		if _, has := u.User.Password(); has {
			out = u.Redacted()
		}
	} else if err != nil {
		out = userinfo.ReplaceAllString(out, "${1}:xxxxx@")
	}
	if strings.Contains(strings.ToLower(out), "password=") {
		out = passwordParam.ReplaceAllString(out, "${1}xxxxx")
	}
	return out
}
