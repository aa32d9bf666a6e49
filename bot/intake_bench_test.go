package bot

import (
	"context"
	"testing"

	"codesk/handlers"
	"codesk/storage"
	"codesk/storage/storagetest"
)

type nopHandler struct{}

func (nopHandler) Handle(context.Context, handlers.Incoming) error { return nil }

// BenchmarkPollingHandles500StoredUpdates measures what the store costs a
// polling process per update (list, claim, confirm, mark handled), on
// SQLite and on PostgreSQL when TEST_DATABASE_URL is set.
func BenchmarkPollingHandles500StoredUpdates(b *testing.B) {
	for _, dialect := range []struct {
		name string
		open func(testing.TB) *storage.DB
	}{{"sqlite", storagetest.OpenSQLite}, {"postgres", storagetest.OpenPostgres}} {
		b.Run(dialect.name, func(b *testing.B) {
			db := dialect.open(b)
			const batch = 500
			next := int64(1)
			for b.Loop() {
				b.StopTimer()
				ids := make([]int64, batch)
				for i := range ids {
					ids[i] = next
					next++
				}
				storeTextUpdates(b, db, ids...)
				b.StartTimer()
				d := newDispatcher(nopHandler{}, discardLog(), 16)
				p := pollingProcessor(db, d, discardLog())
				if err := p.round(context.Background()); err != nil {
					b.Fatal(err)
				}
				d.close()
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*batch), "µs/update")
		})
	}
}
