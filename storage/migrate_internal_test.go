package storage

import (
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Both dialects must reach the same schema version through the same steps,
// or a deployment switching databases would skip or repeat migrations.
func TestMigrationsInLockStep(t *testing.T) {
	sqlite := migrationNames(t, "migrations/sqlite3")
	postgres := migrationNames(t, "migrations/postgres")
	if len(sqlite) == 0 {
		t.Fatal("no embedded migrations")
	}
	if !slices.Equal(sqlite, postgres) {
		t.Fatalf("migrations differ:\n sqlite3:  %v\n postgres: %v", sqlite, postgres)
	}
	for i, name := range sqlite {
		version, err := strconv.Atoi(strings.SplitN(name, "_", 2)[0])
		if err != nil || version != i+1 {
			t.Errorf("migration %q: want version %d (sequential, no gaps)", name, i+1)
		}
	}
}

func migrationNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := fs.ReadDir(migrationsFS, dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}
