package botapitest

import (
	"strings"
	"testing"
)

func TestRenderText(t *testing.T) {
	cases := []struct {
		mode, text string
		want       string // rendered text; "ERR:..." = error containing ...
	}{
		{"", "a < b & c", "a < b & c"},
		{"HTML", "<b>粗体</b> &lt;tag&gt; &amp; &quot;q&quot; &#20320;&#x597D;", "粗体 <tag> & \"q\" 你好"},
		{"HTML", `<a href="https://x.org/?a=1&amp;b=2">link</a> <span class="tg-spoiler">s</span>`, "link s"},
		{"HTML", `<pre><code class="language-go">x := 1</code></pre>`, "x := 1"},
		{"HTML", "a > b", "a > b"},
		{"HTML", "price < 5", "ERR:Unsupported start tag"},
		{"HTML", "<br>", `ERR:Unsupported start tag "br"`},
		{"HTML", "<b>bold", `ERR:Can't find end tag corresponding to start tag "b"`},
		{"HTML", "<b>x</i>", "ERR:Unmatched end tag"},
		{"HTML", "x</b>", "ERR:Unexpected end tag"},
		{"HTML", "<b", "ERR:Unclosed start tag"},
		{"HTML", "Tom & Jerry", "ERR:unescaped '&'"},
		{"HTML", "&nbsp;", "ERR:unescaped '&'"},
		{"HTML", `<span>x</span>`, "ERR:tg-spoiler"},
		{"MarkdownV2", `*粗体* _斜体_ __下划线__ ~删除~ ||剧透||`, "粗体 斜体 下划线 删除 剧透"},
		{"MarkdownV2", `1\. 物业费 \(每月\) \- 请在前台缴纳\!`, "1. 物业费 (每月) - 请在前台缴纳!"},
		{"MarkdownV2", "`a.b-c` and ```go\nx := f(1)\n```", "a.b-c and x := f(1)\n"},
		{"MarkdownV2", `[链接](https://example.org/a_(b\))`, "链接"},
		{"MarkdownV2", ">引用", "引用"},
		{"MarkdownV2", "物业费。Pay at the desk.", "ERR:Character '.' is reserved"},
		{"MarkdownV2", "楼号 3-2", "ERR:Character '-' is reserved"},
		{"MarkdownV2", "(注意)", "ERR:Character '(' is reserved"},
		{"MarkdownV2", "a > b", "ERR:Character '>' is reserved"},
		{"MarkdownV2", "*bold", "ERR:Can't find end"},
		{"MarkdownV2", "`code", "ERR:Can't find end of Code"},
		{"MarkdownV2", "a | b", "ERR:Character '|' is reserved"},
		{"Markdown", "*bold* _it_ `code`", "bold it code"},
		{"Markdown", "snake_case", "ERR:Can't find end"},
	}
	for _, c := range cases {
		got, err := renderText(c.text, c.mode)
		if want, isErr := strings.CutPrefix(c.want, "ERR:"); isErr {
			if err == nil || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), "can't parse entities") {
				t.Errorf("%s %q: err = %v, want can't parse entities ... %q", c.mode, c.text, err, want)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("%s %q = %q, %v; want %q", c.mode, c.text, got, err, c.want)
		}
	}
}

func TestUTF16Len(t *testing.T) {
	for s, want := range map[string]int{"": 0, "abc": 3, "物业费": 3, "😀": 2, "a😀字": 4} {
		if got := utf16Len(s); got != want {
			t.Errorf("utf16Len(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestInlineButtonRules(t *testing.T) {
	cases := []struct {
		markup string
		ok     bool
	}{
		{`{"inline_keyboard":[[{"text":"a","callback_data":"d","copy_text":{"text":""}}]]}`, true},
		{`{"inline_keyboard":[[{"text":"a","url":"https://x.org","copy_text":{"text":""}}]]}`, true},
		{`{"inline_keyboard":[[{"text":"a","copy_text":{"text":"copy me"}}]]}`, true},
		{`{"inline_keyboard":[[{"text":"a","copy_text":{"text":""}}]]}`, false}, // no action
		{`{"inline_keyboard":[[{"text":"","callback_data":"d"}]]}`, false},
		{`{"keyboard":[[{"text":"reply keyboard"}]]}`, true},
		{`not json`, false},
	}
	for _, c := range cases {
		_, _, err := parseReplyMarkup(c.markup)
		if (err == nil) != c.ok {
			t.Errorf("%s: err = %v, want ok=%v", c.markup, err, c.ok)
		}
	}
}
