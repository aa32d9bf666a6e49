package handlers_test

import (
	"strings"
	"testing"
)

// While a report waits at its preview, a report of something unrelated is
// another matter (the resident is asked to send the first), while more of
// the same problem joins it.
func TestAnUnrelatedReportIsNotMergedIntoTheWaitingOne(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		draft, next string
		merged      bool
	}{
		{"5号楼2单元楼道灯坏了", "小区门口有人乱停车", false},
		{"3号楼外墙渗水，墙上都是水印", "监控能调吗，我的电动车被偷了", false},
		{"5号楼2单元楼道灯坏了", "7号楼电梯门关不上，一直响", false},
		{"楼上装修噪音太大了", "每天早上七点就开始砸墙", true},
		{"8号楼家里停电了", "灯也不亮了", true},
		{"3号楼电梯坏了", "电梯门关不上", true},
	} {
		f := newTicketFixture(t, nil)
		f.say(t, resident, c.draft)
		if got := f.out.last(t).Text; strings.Contains(got, "位置") && !strings.Contains(got, "确认发送吗") {
			f.say(t, resident, "跳过")
		}
		got := f.say(t, resident, c.next).Text
		merged := strings.Contains(got, c.next) && strings.Contains(got, "确认发送吗")
		if merged != c.merged {
			t.Errorf("%q then %q: merged %v, want %v; last reply %q", c.draft, c.next, merged, c.merged, got)
		}
	}
}

// "One at a time" is said in the language of the message it answers.
func TestAnotherMatterIsAnsweredInItsOwnLanguage(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	f.say(t, resident, "5号楼2单元楼道灯坏了")
	got := f.say(t, resident, "my neighbour's dog barks all night")
	if !strings.Contains(got.Text, "another matter") {
		t.Errorf("an English message on a Chinese draft: %q", got.Text)
	}
}
