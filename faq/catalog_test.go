package faq

import (
	"errors"
	"sync"
	"testing"
	"time"
)

func catalogEntries(answer string) []Entry {
	return []Entry{{ID: "gym", Questions: []string{"When is the gym open?"}, Answer: Answer{EN: answer}}}
}

func TestReloadSwapsOnlyWhatChanged(t *testing.T) {
	c := NewCatalog(catalogEntries("6 to 22"))
	if changed, err := c.Reload(func() ([]Entry, error) { return catalogEntries("6 to 22"), nil }); changed || err != nil {
		t.Errorf("same entries: changed %v, err %v", changed, err)
	}
	if changed, _ := c.Reload(func() ([]Entry, error) { return nil, nil }); changed || len(c.Entries()) != 1 {
		t.Error("an empty store must not empty the served FAQ")
	}
	boom := errors.New("db down")
	if _, err := c.Reload(func() ([]Entry, error) { return nil, boom }); !errors.Is(err, boom) {
		t.Errorf("err = %v, want the load's", err)
	}
	if changed, _ := c.Reload(func() ([]Entry, error) { return catalogEntries("7 to 21"), nil }); !changed {
		t.Fatal("new entries were not swapped in")
	}
	if got := c.Match("When is the gym open?"); got.ID != "gym" {
		t.Errorf("match after reload: %+v", got)
	}
	if e, _ := c.Entry("gym"); e.Answer.EN != "7 to 21" {
		t.Errorf("served answer %q", e.Answer.EN)
	}
}

// Of two reloads, the one that read the store last is served, even when the
// earlier one takes longer to read.
func TestReloadsDoNotPutAnOlderFAQBack(t *testing.T) {
	c := NewCatalog(catalogEntries("v0"))
	inLoad, release := make(chan struct{}), make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		_, _ = c.Reload(func() ([]Entry, error) {
			close(inLoad)
			<-release // a slow read of what was then the newest FAQ
			return catalogEntries("v1"), nil
		})
	})
	<-inLoad
	wg.Go(func() {
		_, _ = c.Reload(func() ([]Entry, error) { return catalogEntries("v2"), nil })
	})
	time.Sleep(50 * time.Millisecond) // let the second reload start
	close(release)
	wg.Wait()
	if e, _ := c.Entry("gym"); e.Answer.EN != "v2" {
		t.Errorf("served %q, want the later read's v2", e.Answer.EN)
	}
}
