package faq

import "testing"

func TestNormalize(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"full-width Latin and digits", "ＰＡＲＫＩＮＧ　１２３", "parking 123"},
		{"traditional to simplified", "維修資金拿出來用要走什麼程序", "维修资金拿出来用要走什么程序"},
		{"case", "Elevator LIFT", "elevator lift"},
		{"Chinese punctuation", "物业费怎么交？可以微信付吗！", "物业费怎么交 可以微信付吗"},
		{"ASCII punctuation and symbols", "  owners' committee -- (vote) ¥54!! ", "owners committee vote 54"},
		{"mixed", "請問Parking Lottery，今年幾號？", "请问parking lottery 今年几号"},
		{"invalid UTF-8", "a\xffb", "a b"},
		{"empty", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Normalize(c.in); got != c.want {
				t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestDetectLang(t *testing.T) {
	cases := map[string]string{
		"物业费怎么交？":                        "zh",
		"How do I pay the property fee?": "en",
		"How do I 办居住登记?":                "en",
		"请问parking lottery今年几号开始报名":      "zh",
		"物业费 can I pay it with WeChat?":  "en",
		"12345":                          "en",
		"電梯壞了":                           "zh",
	}
	for in, want := range cases {
		if got := DetectLang(in); got != want {
			t.Errorf("DetectLang(%q) = %q, want %q", in, got, want)
		}
	}
}
