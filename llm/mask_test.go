package llm

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSanitizeMasksPersonalData(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"我的电话13812345678，请回电", "我的电话[phone],请回电"},
		{"call me on +86 138 1234 5678 please", "call me on [phone] please"},
		{"手机：139-1234-5678", "手机:[phone]"},
		{"全角１３８１２３４５６７８也要", "全角[phone]也要"},
		{"座机021-54231234或者(021)54231234", "座机[phone]或者[phone]"},
		{"杭州的0571 88888888", "杭州的[phone]"},
		{"身份证310105198001011234，另一张31010519800101123X", "身份证[id-number],另一张[id-number]"},
		{"mail zhang.san+wy@example.com.cn now", "mail [email] now"},
		{"银行卡6222021234567890123退款", "银行卡[number]退款"},
		// What the question is about stays: rooms, buildings, fees, dates, times.
		{"3号楼1202室漏水", "3号楼1202室漏水"},
		{"12-1202 water leak since 2024-05-12", "12-1202 water leak since 2024-05-12"},
		{"物业费2.5元/平方米，交了3600元", "物业费2.5元/平方米,交了3600元"},
		{"快递柜编号10086", "快递柜编号10086"},
		// 12 digits starting like a mobile are not a mobile, but still masked as a long number.
		{"单号138123456789", "单号[number]"},
	} {
		if got := Sanitize(tc.in); got != tc.want {
			t.Errorf("Sanitize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSanitizeBoundsAndValidUTF8(t *testing.T) {
	got := Sanitize(strings.Repeat("漏", 3000) + "\xff")
	if utf8.RuneCountInString(got) != MaxQuestionRunes || !utf8.ValidString(got) {
		t.Errorf("Sanitize: %d runes, valid=%v", utf8.RuneCountInString(got), utf8.ValidString(got))
	}
}

func TestPersonalDataMaskedInRequest(t *testing.T) {
	f := newFixture(t, nil)
	f.srv.Reply(`{"grounded": false, "answer": ""}`)
	f.srv.Reply(`{"party": "property_management", "category": "repairs"}`)
	q := "我是5号楼802室的张三，电话13812345678，座机021-54231234，身份证31010519800101123X，邮箱zhang.san@example.com，楼上漏水怎么办"
	ctx := context.Background()
	if _, err := f.c.Answer(ctx, 7, q, "zh", testEntries); err != nil {
		t.Fatal(err)
	}
	if _, err := f.c.Route(ctx, q, testCategories); err != nil {
		t.Fatal(err)
	}
	for _, req := range f.requests(t, 2) {
		body := string(req.Body)
		for _, secret := range []string{"13812345678", "54231234", "31010519800101123X", "zhang.san", "example.com"} {
			if strings.Contains(body, secret) {
				t.Errorf("request body contains %q", secret)
			}
		}
		user := req.Messages[2].Content
		for _, kept := range []string{"5号楼802室", "[phone]", "[id-number]", "[email]", "楼上漏水怎么办"} {
			if !strings.Contains(user, kept) {
				t.Errorf("user message %q lacks %q", user, kept)
			}
		}
	}
	// Logs carry counts and outcomes, never the resident's text.
	logs := f.logs.String()
	if !strings.Contains(logs, "llm call") {
		t.Fatalf("no per-call log line:\n%s", logs)
	}
	for _, leak := range []string{"漏水", "张三", "[phone]"} {
		if strings.Contains(logs, leak) {
			t.Errorf("logs contain resident text %q:\n%s", leak, logs)
		}
	}
}
