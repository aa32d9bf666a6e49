package handlers

import "testing"

// The mark that kept a remark among staff is dropped from the note; what
// follows it, and an @mention, stay.
func TestWithoutInternalMark(t *testing.T) {
	t.Parallel()
	for body, want := range map[string]string{
		"#内部 这个归业委会管": "这个归业委会管", "＃内部：这个归业委会管": "这个归业委会管", "# 内部 你去看一下": "你去看一下",
		"内部 这个是老问题了": "这个是老问题了", "内部：这户比较难缠": "这户比较难缠", "内部备注：老问题": "老问题",
		"【内部】已联系": "已联系", "#internal call him": "call him", "Internal: call him": "call him", "// 先别回": "先别回",
		"@老王 这单你去": "@老王 这单你去", "#内部": "", "内部管道已修好": "内部管道已修好",
	} {
		if got := withoutInternalMark(body); got != want {
			t.Errorf("withoutInternalMark(%q) = %q, want %q", body, got, want)
		}
	}
}
