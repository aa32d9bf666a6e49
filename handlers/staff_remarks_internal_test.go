package handlers

import "testing"

// Staff questions without a question mark still ask the resident; news
// does not.
func TestStaffQuestionsWithoutAQuestionMark(t *testing.T) {
	for body, want := range map[string]bool{
		"明天上午家里有人吗": true, "具体几楼": true, "发个照片看看": true, "麻烦留个电话": true, "请问是几楼？": true,
		"师傅明天上午十点到": false, "灯已经换好了": false, "已安排电工明天上午去修": false, "见 https://x.example/t?id=5": false,
	} {
		if got := asksResident(body); got != want {
			t.Errorf("asksResident(%q) = %v, want %v", body, got, want)
		}
	}
}
