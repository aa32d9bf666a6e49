package handlers_test

import (
	"strings"
	"testing"
	"time"
)

func shanghai(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// A resident in China sees when they filed on the estate's clock: 21:40 UTC
// on 3 March is 05:40 on 4 March there. The stored time stays as it was.
func TestTicketDetailsShowTheEstatesLocalTime(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	f.h.TimeZone = shanghai(t)
	filed := time.Date(2025, 3, 3, 21, 40, 0, 0, time.UTC)
	f.now = filed
	tk, _ := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")

	f.press(t, resident, "r:show:"+itoa(tk.ID))
	details := f.out.last(t).Text
	for _, want := range []string{"提交：2025-03-04 05:40", "• 03-04 05:40 "} {
		if !strings.Contains(details, want) {
			t.Errorf("details lack %q (estate-local time): %q", want, details)
		}
	}
	if strings.Contains(details, "21:40") {
		t.Errorf("details show UTC: %q", details)
	}
	if got := f.ticket(t, tk.ID).CreatedAt; !got.Equal(filed) {
		t.Errorf("stored CreatedAt = %v, want %v", got, filed)
	}
}

// Without a configured zone times are shown in UTC, whatever the host's.
func TestTicketDetailsShowUTCWithoutATimeZone(t *testing.T) {
	t.Parallel()
	f := newTicketFixture(t, nil)
	f.now = time.Date(2025, 3, 3, 21, 40, 0, 0, shanghai(t)) // 13:40 UTC
	tk, _ := f.fileTicket(t, resident, "3号楼2单元电梯又坏了")

	f.press(t, resident, "r:show:"+itoa(tk.ID))
	if details := f.out.last(t).Text; !strings.Contains(details, "提交：2025-03-03 13:40") {
		t.Errorf("details = %q, want the UTC time 2025-03-03 13:40", details)
	}
}

// Admins reading /faq history see each change on the estate's clock, not
// labelled UTC.
func TestFAQHistoryShowsTheEstatesLocalTime(t *testing.T) {
	t.Parallel()
	f := newAdminFixture(t)
	loc := shanghai(t)
	f.h.TimeZone = loc
	at := f.history(t)[0].At

	hist := f.say(t, admin, "/faq history lift-replacement").Text
	if want := at.In(loc).Format("2006-01-02 15:04"); !strings.Contains(hist, want+" · 新增") {
		t.Errorf("history lacks the estate-local time %q (stored %v):\n%s", want, at, hist)
	}
	if strings.Contains(hist, "UTC") {
		t.Errorf("history still labels times UTC:\n%s", hist)
	}
}
