package tickets

import "testing"

func TestIsConcern(t *testing.T) {
	r := defaultRouter(t)
	tests := []struct {
		text string
		want bool
	}{
		{"电梯又坏了", true},
		{"water is leaking into my hallway from the wall", true},
		{"楼下的垃圾堆满了三天没人管", true},
		{"I want to complain about the noise from upstairs again", true},
		{"为什么路灯坏了一个月还没人修？", true}, // a rhetorical question in a complaint
		{"投诉了三次，找哪都说不归他们管", true}, // "where to go" that is no question
		{"楼道里的灭火器被拿去哪了", true},
		{"电梯什么时候换？", false},
		{"how do I pay the fee", false},
		{"请问居住登记在哪里办", false},
		{"维修基金怎么申请使用", false},
		{"Is there a parking lottery this year?", false},
		{"", false},
		// Shanghainese asking: 哪能 (how), 啥地方 (where), 伐 (yes-no) mid-message
		{"居委会在啥地方", false},
		{"业委会的人是哪能选出来的", false},
		{"小区里好养狗伐 大狗", false},
		{"电瓶车到啥地方充电", false},
		{"业主大会投票我不会用手机哪能投", false},
		{"物业换掉了伐 听说要换物业公司", false},
		{"晚上急事打啥电话", false},
		{"楼道灯坏了 哪能还没人修", true}, // 哪能 as "how come" in a complaint
		{"电梯坏了三天了，哪能搞的", true},
		{"步伐太快跌倒了 楼梯扶手断了", true},
		{"我家卫生间天花板渗水了伐 你们来看看", true},
		{"烦伐 楼上天天装修", true},
		{"快递柜哪能开不开 我的快递拿不出来", true},
		{"车子哪能停不进去 有人占了我车位", true},
		{"电瓶车哪能充电", false},
		{"物业费哪能介贵", false}, // how come it's so dear? (a question of the fee)
		{"阿要交停车费", false},
		{"落水管堵牢了 水漫得一塌糊涂 寻啥人", true}, // Shanghainese: blocked, flooding, who do I go to
		{"业委会的人是哪能选出来的伐", false},
	}
	for _, tt := range tests {
		got, conf := r.IsConcern(tt.text)
		if got != tt.want {
			t.Errorf("IsConcern(%q) = %v (%.2f), want %v", tt.text, got, conf, tt.want)
		}
		if conf < 0.5 || conf > 1 {
			t.Errorf("IsConcern(%q) confidence %.2f outside [0.5,1]", tt.text, conf)
		}
	}
}

func TestQuestionAndProblemCues(t *testing.T) {
	r := defaultRouter(t)
	for _, c := range []struct {
		text            string
		asks, describes bool
	}{
		{"电梯坏了怎么办", true, true},
		{"the lift has been broken for days, who do I call?", true, true},
		{"电梯又坏了", false, true},
		{"身份证丢了去哪补", true, true}, // "where do I go" asks
		{"物业费在哪里交？", true, false},
		{"How do I pay the property fee", true, false},
		{"3号楼2单元", false, false},
		// discoloured tap water is a fault to report, even asked about
		{"水龙头放出来的水黄黄的，还能喝伐", true, true},
		{"自来水有点浑浊，能喝吗", true, true},
		{"the tap water is yellow, is it safe to drink?", true, true},
		{"the water looks brown this morning", false, true},
		{"我想问一下外墙的事情 我们家北面房间下雨天墙上都是水", true, true},
		{"my north wall gets wet when it rains, who fixes it?", true, true},
		{"黄色的垃圾桶放什么？", true, false},
		{"Is the yellow bin for recycling?", true, false},
		// scorn put as a question wants no answer: a complaint
		{"物业费年年交，服务越来越差，你们物业到底干什么吃的！", false, true},
		{"we pay fees every year and the service is getting worse, what are we paying for?", false, true},
		{"物业是干什么的？", true, false},
	} {
		if got := r.AsksSomething(c.text); got != c.asks {
			t.Errorf("AsksSomething(%q) = %v, want %v", c.text, got, c.asks)
		}
		if got := r.DescribesProblem(c.text); got != c.describes {
			t.Errorf("DescribesProblem(%q) = %v, want %v", c.text, got, c.describes)
		}
	}
}
