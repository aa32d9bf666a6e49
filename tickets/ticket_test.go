package tickets

import (
	"errors"
	"testing"
	"time"
)

func TestLifecycleAllowsOnlyListedMoves(t *testing.T) {
	legal := map[[2]Status]bool{
		{StatusNew, StatusClaimed}: true, {StatusNew, StatusResolved}: true,
		{StatusClaimed, StatusWaiting}: true, {StatusClaimed, StatusResolved}: true, {StatusClaimed, StatusNew}: true,
		{StatusWaiting, StatusClaimed}: true, {StatusWaiting, StatusResolved}: true, {StatusWaiting, StatusNew}: true,
		{StatusResolved, StatusClosed}: true, {StatusResolved, StatusReopened}: true,
		{StatusClosed, StatusReopened}:  true,
		{StatusReopened, StatusClaimed}: true, {StatusReopened, StatusResolved}: true, {StatusReopened, StatusNew}: true,
	}
	for _, from := range Statuses {
		for _, to := range Statuses {
			want := legal[[2]Status{from, to}]
			if got := CanTransition(from, to); got != want {
				t.Errorf("%s -> %s: allowed=%v, want %v", from, to, got, want)
			}
			if err := CheckTransition(from, to); (err == nil) != want || (err != nil && !errors.Is(err, ErrIllegalTransition)) {
				t.Errorf("%s -> %s: CheckTransition = %v", from, to, err)
			}
		}
	}
}

func TestReopenOnlyWithinSevenDaysOfResolution(t *testing.T) {
	resolved := time.Date(2026, 11, 1, 10, 0, 0, 0, time.UTC)
	tk := Ticket{Status: StatusResolved, ResolvedAt: &resolved}
	if !tk.CanReopen(resolved.Add(6 * 24 * time.Hour)) {
		t.Error("6 days after resolution the resident may reopen")
	}
	if tk.CanReopen(resolved.Add(8 * 24 * time.Hour)) {
		t.Error("8 days after resolution it is too late")
	}
	tk.Status = StatusClaimed
	if tk.CanReopen(resolved) {
		t.Error("an open ticket cannot be reopened")
	}
}
