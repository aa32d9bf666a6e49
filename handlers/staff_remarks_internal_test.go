package handlers

import "testing"

// Staff questions without a question mark still ask the resident; news
// does not.
func TestStaffQuestionsWithoutAQuestionMark(t *testing.T) {
	for body, want := range map[string]bool{
		"明天上午家里有人吗": true, "具体几楼": true, "发个照片看看": true, "麻烦留个电话": true, "请问是几楼？": true,
		"师傅明天上午十点到": false, "我们检查了几层楼的管道，都正常": false, "维修完成后会拍张照片给您": false, "这个问题几号楼都有，已统一处理": false, "灯已经换好了": false, "已安排电工明天上午去修": false, "见 https://x.example/t?id=5": false,
	} {
		if got := asksResident(body); got != want {
			t.Errorf("asksResident(%q) = %v, want %v", body, got, want)
		}
	}
}

// A remark marked internal, and only one, stays among staff.
func TestInternalRemarkMarks(t *testing.T) {
	for body, want := range map[string]bool{
		"内部 这个是老问题了": true, "内部：这户比较难缠": true, "#内部 你去看一下": true, "@老王 这单你去": true,
		"内部、外部都检查过了，没有问题": false, "内部，外墙都已处理好了": false, "内部管道已修好": false, "师傅下午到": false,
	} {
		if got := internalRemark(body); got != want {
			t.Errorf("internalRemark(%q) = %v, want %v", body, got, want)
		}
	}
}
