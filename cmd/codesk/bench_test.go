package main

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkStartToFirstAnswer measures a console start on a fresh database
// (migrations, seeding the default FAQ, building the matcher) up to the
// first answer, and a start on an existing database.
func BenchmarkStartToFirstAnswer(b *testing.B) {
	for _, fresh := range []bool{true, false} {
		name := "existing-db"
		if fresh {
			name = "fresh-db"
		}
		b.Run(name, func(b *testing.B) {
			db := "sqlite:" + filepath.Join(b.TempDir(), "codesk.db")
			env := func(k string) string {
				if k == "DATABASE_URL" {
					return db
				}
				return ""
			}
			var out strings.Builder
			if !fresh { // seed once
				if err := run(context.Background(), []string{"console"}, strings.NewReader(""), io.Discard, io.Discard, env); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if fresh {
					b.StopTimer()
					db = "sqlite:" + filepath.Join(b.TempDir(), "codesk.db")
					b.StartTimer()
				}
				out.Reset()
				if err := run(context.Background(), []string{"console"}, strings.NewReader("电梯什么时候换？\n"), &out, io.Discard, env); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			if !strings.Contains(out.String(), "电梯") {
				b.Fatalf("no answer in %q", out.String())
			}
		})
	}
}
