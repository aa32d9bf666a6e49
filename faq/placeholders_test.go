package faq

import (
	"slices"
	"testing"
)

func TestPlaceholdersCountsWellFormedMarkersInBothLanguages(t *testing.T) {
	for _, tc := range []struct {
		name   string
		answer Answer
		want   int
	}{
		{"none", Answer{ZH: "快递柜在东门。", EN: "The parcel lockers are at the east gate."}, 0},
		{"one each", Answer{ZH: "物业电话：【待管理员填写：电话】。", EN: "Call [ADMIN: phone]."}, 2},
		{"two in one answer", Answer{ZH: "【待管理员填写：地点】，【待管理员填写：时间】"}, 2},
		{"english only", Answer{EN: "Open [ADMIN: hours], at [ADMIN: place]."}, 2},
		{"unclosed zh", Answer{ZH: "电话：【待管理员填写：电话", EN: "Call [ADMIN: phone"}, 0},
		{"no colon", Answer{ZH: "【待管理员填写】", EN: "[ADMIN]"}, 0},
		{"wrong language", Answer{ZH: "[ADMIN: 电话]", EN: "【待管理员填写：phone】"}, 2},
	} {
		if got := Placeholders(Entry{ID: "x", Answer: tc.answer}); got != tc.want {
			t.Errorf("%s: Placeholders(%+v) = %d, want %d", tc.name, tc.answer, got, tc.want)
		}
	}
}

func TestPlaceholderEntriesListsWhatIsLeftToFill(t *testing.T) {
	entries := []Entry{
		{ID: "done", Answer: Answer{ZH: "已填好。", EN: "Filled in."}},
		{ID: "phone", Answer: Answer{ZH: "【待管理员填写：电话】", EN: "[ADMIN: phone]"}},
		{ID: "hours", Answer: Answer{EN: "[ADMIN: hours] and [ADMIN: days]"}},
	}
	ids, n := PlaceholderEntries(entries)
	if !slices.Equal(ids, []string{"phone", "hours"}) || n != 4 {
		t.Errorf("PlaceholderEntries = %v, %d; want [phone hours], 4", ids, n)
	}
	if ids, n := PlaceholderEntries(entries[:1]); ids != nil || n != 0 {
		t.Errorf("filled-in FAQ: PlaceholderEntries = %v, %d; want nil, 0", ids, n)
	}
}

// The embedded default leaves the estate's facts to its administrators,
// so they must be reminded of it from the first start.
func TestDefaultFAQHasPlaceholdersToFill(t *testing.T) {
	ids, n := PlaceholderEntries(Default())
	if n == 0 || len(ids) == 0 {
		t.Fatal("the default FAQ has no placeholders; administrators would never be reminded")
	}
	total := 0
	for _, e := range Default() {
		total += len(zhPlaceholder.FindAllString(e.Answer.ZH, -1)) + len(enPlaceholder.FindAllString(e.Answer.EN, -1))
	}
	if n != total {
		t.Errorf("PlaceholderEntries counts %d placeholders in the default FAQ; the format test's regexes find %d", n, total)
	}
}
