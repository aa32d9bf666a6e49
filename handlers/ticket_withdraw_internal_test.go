package handlers

import (
	"testing"

	"codesk/faq"
)

// The words that ask to withdraw a report, and everyday ones that only
// share them.
func TestWithdrawCue(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]bool{
		"不用修了，灯自己好了，撤销工单吧": true, "撤销工单#1": true, "取消我的报修": true, "cancel my ticket": true, "please withdraw the report": true,
		"请不要关闭这个工单，还没修好": false, "don't close my ticket yet": false, "不要取消我的报修": false, "物业说不用修了，我觉得要修": false,
		"楼上说不用处理了，可是还在漏": false, "师傅明天不用来了，后天下午来": false, "能不能不要投诉了": false, "我不要投诉了": true, "不想投诉了，撤了吧": true, "别投诉我家狗": false,
		"物业让我不要投诉了": false, "叫他不要投诉了": false, "我都不要投诉了 你们再不来修我就打12345": false,
		"cancel my report but the light still flickers": false, "电梯坏了": false,
	} {
		s := faq.Normalize(text)
		if got := withdrawCue.MatchString(s) && !notWithdraw.MatchString(s); got != want {
			t.Errorf("%q asks to withdraw: %v, want %v", text, got, want)
		}
	}
}

func TestNamedTicketNumber(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]string{"撤销工单#1": "1", "cancel ticket 12": "12", "工单号：34": "34", "ticket: 12": "12", "撤销1号工单": "1",
		"report 2 times already": "", "工单 3楼的灯": "", "我家3楼": ""} {
		if got := namedTicketNumber(text); got != want {
			t.Errorf("namedTicketNumber(%q) = %q, want %q", text, got, want)
		}
	}
}
