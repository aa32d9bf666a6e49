package handlers

import (
	"strings"
	"testing"

	"codesk/faq"
)

// Disputes name the resolution or the repair; questions about things that
// close, and thanks, are none.
func TestDisputeWords(t *testing.T) {
	t.Parallel()
	dispute := func(text string) bool {
		s := strings.TrimSpace(faq.Normalize(text))
		return (disputeClosed.MatchString(s) && disputeNot.MatchString(s)) || disputeAlone.MatchString(s)
	}
	for _, text := range []string{
		"plumber never came!! why resolved??", "我那个外墙渗水的工单怎么就说解决了 根本没人来过", "还是没解决", "根本没修好",
		"still not fixed", "怎么还没解决", "why is my ticket closed? nobody came", "你们说修好了，其实根本没修", "it's still not fixed",
		"你们根本没来修", "nobody came to fix it", "it is not cleaned at all, I just walked past", "根本没打扫，我刚路过看了", "垃圾没清理干净",
		"the rubbish was never collected", "还是坏的", "修了跟没修一样", "白修了", "修了半天也没人来看，就直接点已解决了", "same as before", "又坏了", "又不亮了", "师傅根本没来",
	} {
		if !dispute(text) {
			t.Errorf("%q: want a dispute", text)
		}
	}
	for _, text := range []string{
		"为什么把水关了", "健身房为什么关了", "why is the gym closed?", "is the pool still closed?", "已经解决了，没事了，谢谢",
		"厨房燃气阀关了 还是有很大的煤气味", "解决了吗", "how was it resolved", "电梯什么时候修好", "the lift is not working", "楼道多久清扫一次", "when is the rubbish collected", "the bins at building 5 have not been collected since Monday", "楼道的垃圾三天都没清理干净",
		"还是想问一下停车费", "修好了，谢谢师傅", "楼下的狗还是天天叫，麻烦物业早点解决", "地下车库还是有人乱停车，希望快点处理好", "垃圾房还是很臭，能不能早点处理好", "点了已解决", "还是那个问题 停车费怎么交",
	} {
		if dispute(text) {
			t.Errorf("%q: want no dispute", text)
		}
	}
}
