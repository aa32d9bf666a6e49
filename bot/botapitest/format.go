package botapitest

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
)

// Telegram's size limits.
const (
	MaxTextLen      = 4096 // message text, UTF-16 code units after markup is parsed
	MaxCaptionLen   = 1024 // photo captions, same counting
	MaxCallbackData = 64   // callback_data, bytes
)

// utf16Len counts UTF-16 code units, the unit Telegram uses for text offsets and
// (we assume) lengths. Chinese text is one unit per character; emoji outside the
// BMP count two, which makes this the stricter reading.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// renderText parses text under parseMode and returns what the recipient sees, or
// the "can't parse entities: ..." description Telegram gives.
func renderText(text, parseMode string) (string, error) {
	switch parseMode {
	case "":
		return text, nil
	case "HTML":
		return parseHTML(text)
	case "MarkdownV2":
		return parseMarkdownV2(text)
	case "Markdown":
		return parseMarkdownV1(text)
	default:
		return "", fmt.Errorf("unsupported parse_mode %q", parseMode)
	}
}

// htmlTags are the tags Telegram's HTML mode supports.
var htmlTags = map[string]bool{
	"b": true, "strong": true, "i": true, "em": true, "u": true, "ins": true,
	"s": true, "strike": true, "del": true, "span": true, "tg-spoiler": true,
	"a": true, "code": true, "pre": true, "blockquote": true, "tg-emoji": true,
}

// parseHTML checks text the way Telegram's HTML mode does, with one deliberate
// strictness: an '&' that does not start &lt; &gt; &amp; &quot; or a numeric
// entity is rejected. Telegram shows such an '&' literally, but in codesk it means
// a piece of text went out unescaped, which the tests should catch.
func parseHTML(text string) (string, error) {
	var out strings.Builder
	var open []string
	for i := 0; i < len(text); {
		switch text[i] {
		case '<':
			end, name, closing, err := readHTMLTag(text, i)
			if err != nil {
				return "", err
			}
			if closing {
				if len(open) == 0 {
					return "", fmt.Errorf("can't parse entities: Unexpected end tag at byte offset %d", i)
				}
				if top := open[len(open)-1]; top != name {
					return "", fmt.Errorf("can't parse entities: Unmatched end tag at byte offset %d, expected \"</%s>\", found \"</%s>\"", i, top, name)
				}
				open = open[:len(open)-1]
			} else {
				open = append(open, name)
			}
			i = end
		case '&':
			r, n := decodeHTMLEntity(text[i:])
			if n == 0 {
				return "", fmt.Errorf("can't parse entities: Unsupported HTML entity (unescaped '&') at byte offset %d", i)
			}
			out.WriteString(r)
			i += n
		default:
			out.WriteByte(text[i])
			i++
		}
	}
	if len(open) > 0 {
		return "", fmt.Errorf("can't parse entities: Can't find end tag corresponding to start tag \"%s\"", open[len(open)-1])
	}
	return out.String(), nil
}

// readHTMLTag reads the tag starting at text[start] == '<' and returns the offset
// just past it.
func readHTMLTag(text string, start int) (end int, name string, closing bool, err error) {
	i := start + 1
	if i < len(text) && text[i] == '/' {
		closing = true
		i++
	}
	nameStart := i
	for i < len(text) && text[i] != '>' && text[i] != ' ' && text[i] != '\n' && text[i] != '\t' && text[i] != '/' {
		i++
	}
	name = strings.ToLower(text[nameStart:i])
	if closing {
		for i < len(text) && text[i] != '>' {
			i++
		}
		if i >= len(text) {
			return 0, "", true, fmt.Errorf("can't parse entities: Unclosed end tag at byte offset %d", start)
		}
		return i + 1, name, true, nil
	}
	if !htmlTags[name] {
		return 0, "", false, fmt.Errorf("can't parse entities: Unsupported start tag \"%s\" at byte offset %d", name, start)
	}
	attrStart := i
	var quote byte
	for ; i < len(text); i++ {
		c := text[i]
		switch {
		case quote != 0 && c == quote:
			quote = 0
		case quote == 0 && (c == '"' || c == '\''):
			quote = c
		case quote == 0 && c == '>':
			if name == "span" && !strings.Contains(text[attrStart:i], "tg-spoiler") {
				return 0, "", false, fmt.Errorf("can't parse entities: Tag \"span\" must have class \"tg-spoiler\" at byte offset %d", start)
			}
			return i + 1, name, false, nil
		}
	}
	return 0, "", false, fmt.Errorf("can't parse entities: Unclosed start tag at byte offset %d", start)
}

// decodeHTMLEntity decodes the entity at the start of s; n == 0 when there is none.
func decodeHTMLEntity(s string) (string, int) {
	semi := strings.IndexByte(s, ';')
	if semi < 2 || semi > 10 {
		return "", 0
	}
	body := s[1:semi]
	switch body {
	case "lt":
		return "<", semi + 1
	case "gt":
		return ">", semi + 1
	case "amp":
		return "&", semi + 1
	case "quot":
		return "\"", semi + 1
	}
	if body[0] != '#' {
		return "", 0
	}
	digits, base := body[1:], 10
	if strings.HasPrefix(digits, "x") || strings.HasPrefix(digits, "X") {
		digits, base = digits[1:], 16
	}
	code, err := strconv.ParseUint(digits, base, 32)
	if err != nil || code == 0 || code > 0x10FFFF {
		return "", 0
	}
	return string(rune(code)), semi + 1
}

// mdReserved are the characters MarkdownV2 requires escaping outside entities.
const mdReserved = "_*[]()~`>#+-=|{}.!"

// parseMarkdownV2 is a simplified version of Telegram's MarkdownV2 parser: it
// enforces escaping of reserved characters and balanced entity markers, which is
// what breaks real sends of arbitrary text.
func parseMarkdownV2(text string) (string, error) {
	var out strings.Builder
	var open []string // open entity markers: "*", "_", "__", "~", "||", "["
	lineStart := true
	for i := 0; i < len(text); {
		c := text[i]
		atLineStart := lineStart
		lineStart = c == '\n'
		if c == '\\' && i+1 < len(text) && text[i+1] > 0 && text[i+1] <= 126 {
			out.WriteByte(text[i+1])
			i += 2
			continue
		}
		if !strings.ContainsRune(mdReserved, rune(c)) {
			out.WriteByte(c)
			i++
			continue
		}
		switch {
		case c == '`':
			end, code, err := readMarkdownCode(text, i)
			if err != nil {
				return "", err
			}
			out.WriteString(code)
			i = end
			continue
		case c == '>' && atLineStart:
			i++ // block quote marker
			continue
		case c == '[':
			open = append(open, "[")
			i++
			continue
		case c == ']' && len(open) > 0 && open[len(open)-1] == "[":
			open = open[:len(open)-1]
			end, err := readMarkdownURL(text, i+1)
			if err != nil {
				return "", err
			}
			i = end
			continue
		}
		marker := string(c)
		if (c == '_' || c == '|') && i+1 < len(text) && text[i+1] == c {
			marker = string([]byte{c, c})
		}
		if marker == "|" || !strings.Contains("* _ __ ~ ||", marker) {
			return "", fmt.Errorf("can't parse entities: Character '%c' is reserved and must be escaped with the preceding '\\'", c)
		}
		if n := len(open); n > 0 && open[n-1] == marker {
			open = open[:n-1]
		} else {
			open = append(open, marker)
		}
		i += len(marker)
	}
	if len(open) > 0 {
		return "", fmt.Errorf("can't parse entities: Can't find end of the entity starting with %q", open[len(open)-1])
	}
	return out.String(), nil
}

// readMarkdownCode reads `code` or ```pre``` starting at text[start]; inside,
// only '`' and '\' are special.
func readMarkdownCode(text string, start int) (end int, code string, err error) {
	delim := "`"
	i := start + 1
	if strings.HasPrefix(text[start:], "```") {
		delim = "```"
		i = start + 3
		if nl := strings.IndexByte(text[i:], '\n'); nl >= 0 && !strings.ContainsAny(text[i:i+nl], "`\\ ") {
			i += nl + 1 // language line
		}
	}
	var out strings.Builder
	for i < len(text) {
		if text[i] == '\\' && i+1 < len(text) && (text[i+1] == '`' || text[i+1] == '\\') {
			out.WriteByte(text[i+1])
			i += 2
			continue
		}
		if strings.HasPrefix(text[i:], delim) {
			return i + len(delim), out.String(), nil
		}
		out.WriteByte(text[i])
		i++
	}
	return 0, "", fmt.Errorf("can't parse entities: Can't find end of %s entity at byte offset %d", map[string]string{"`": "Code", "```": "Pre"}[delim], start)
}

// readMarkdownURL reads "(url)" starting at text[start]; ')' and '\' must be escaped inside.
func readMarkdownURL(text string, start int) (int, error) {
	if start >= len(text) || text[start] != '(' {
		return 0, fmt.Errorf("can't parse entities: Can't find end of a URL at byte offset %d", start)
	}
	for i := start + 1; i < len(text); i++ {
		switch text[i] {
		case '\\':
			i++
		case ')':
			return i + 1, nil
		}
	}
	return 0, fmt.Errorf("can't parse entities: Can't find end of a URL at byte offset %d", start)
}

// parseMarkdownV1 checks the legacy Markdown mode: *, _, ` and [ must be balanced.
func parseMarkdownV1(text string) (string, error) {
	var out strings.Builder
	var open byte
	openAt := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case open == '`' && c != '`':
			out.WriteByte(c)
		case c == '*' || c == '_' || c == '`':
			if open == 0 {
				open, openAt = c, i
			} else if open == c {
				open = 0
			} else {
				out.WriteByte(c)
			}
		default:
			out.WriteByte(c)
		}
	}
	if open != 0 {
		return "", fmt.Errorf("can't parse entities: Can't find end of the entity starting at byte offset %d", openAt)
	}
	return out.String(), nil
}
