// Package msgsplit owns Telegram's message length limits: how long a text
// is as Telegram counts it, and where to cut a text that is too long.
package msgsplit

import (
	"strings"
	"unicode/utf16"
)

// MaxMessageUnits is Telegram's message length limit, counted in UTF-16
// code units as Telegram counts it.
const MaxMessageUnits = 4096

// MaxCaptionUnits is Telegram's photo caption limit, in UTF-16 code units.
const MaxCaptionUnits = 1024

// Split cuts text into parts of at most limit UTF-16 units, preferring
// to break after a paragraph, then a line, then a sentence end, then a space.
func Split(text string, limit int) []string {
	var parts []string
	for Len(text) > limit {
		cut := cutPoint(text, limit)
		parts = append(parts, strings.TrimRight(text[:cut], " \n"))
		text = strings.TrimLeft(text[cut:], " \n")
	}
	if text != "" || len(parts) == 0 {
		parts = append(parts, text)
	}
	return parts
}

// cutPoint returns a byte offset at most limit UTF-16 units into text, on a
// rune boundary, at the best natural break in the second half of the window.
func cutPoint(text string, limit int) int {
	units, end := 0, 0
	for i, r := range text {
		n := len(utf16.Encode([]rune{r}))
		if units+n > limit {
			break
		}
		units += n
		end = i + len(string(r))
	}
	window := text[:end]
	for _, sep := range []string{"\n\n", "\n", "。", "！", "？", ". ", "; ", "；", " "} {
		if i := strings.LastIndex(window, sep); i > end/2 {
			return i + len(sep)
		}
	}
	return end
}

// Len is s's length in UTF-16 code units, as Telegram counts it.
func Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}
