package handlers

import (
	"testing"

	"codesk/tickets"
)

// Every category the merge rule groups is one the router has: a renamed
// category would silently stop counting as related.
func TestRelatedCategoryGroupsNameRealCategories(t *testing.T) {
	t.Parallel()
	router, err := tickets.NewRouter(tickets.DefaultRules())
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, c := range router.Categories() {
		known[c.ID] = true
	}
	for _, g := range relatedCategoryGroups {
		for _, id := range g {
			if !known[id] {
				t.Errorf("relatedCategoryGroups names %q, which is no category", id)
			}
		}
	}
}
