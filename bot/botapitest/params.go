package botapitest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// maxBody bounds request bodies; Telegram accepts 50 MB uploads.
const maxBody = 50 << 20

// params are a request's parameters, whatever the encoding. Values are strings as
// they travel in a form: JSON bodies' non-string values are kept as JSON text, so
// reply_markup is JSON text in every encoding.
type params struct {
	values map[string]string
	files  map[string][]byte // multipart file parts (uploads)
}

// readParams merges the query string and the body (multipart/form-data,
// application/x-www-form-urlencoded or application/json).
func readParams(r *http.Request) (params, error) {
	p := params{values: map[string]string{}, files: map[string][]byte{}}
	for k, v := range r.URL.Query() {
		if len(v) > 0 {
			p.values[k] = v[0]
		}
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody))
	if err != nil {
		return p, fmt.Errorf("read body: %w", err)
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return p, nil
	}
	mediaType, mparams, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch mediaType {
	case "multipart/form-data":
		return p, p.readMultipart(body, mparams["boundary"])
	case "application/json":
		return p, p.readJSON(body)
	default: // Telegram treats anything else as urlencoded
		vals, err := url.ParseQuery(string(body))
		if err != nil {
			return p, fmt.Errorf("parse urlencoded body: %w", err)
		}
		for k, v := range vals {
			if len(v) > 0 {
				p.values[k] = v[0]
			}
		}
		return p, nil
	}
}

func (p params) readMultipart(body []byte, boundary string) error {
	mr := multipart.NewReader(bytes.NewReader(body), boundary)
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read multipart part: %w", err)
		}
		data, err := io.ReadAll(part)
		if err != nil {
			return fmt.Errorf("read multipart field %q: %w", part.FormName(), err)
		}
		if part.FileName() != "" {
			p.files[part.FormName()] = data
			continue
		}
		p.values[part.FormName()] = string(data)
	}
}

func (p params) readJSON(body []byte) error {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(body, &obj); err != nil {
		return fmt.Errorf("parse JSON body: %w", err)
	}
	for k, raw := range obj {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			p.values[k] = s
			continue
		}
		if string(raw) == "null" {
			continue
		}
		p.values[k] = string(raw)
	}
	return nil
}

func (p params) str(name string) string { return p.values[name] }

// int64 parses a numeric parameter; absent -> (0, false, nil).
func (p params) int64(name string) (int64, bool, error) {
	v, ok := p.values[name]
	if !ok || v == "" {
		return 0, false, nil
	}
	n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil {
		return 0, true, fmt.Errorf("parameter %q is not a number: %q", name, v)
	}
	return n, true, nil
}

func (p params) bool(name string) bool {
	v := strings.ToLower(p.values[name])
	return v == "true" || v == "1"
}
