package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"

	"codesk/config"
	"codesk/faq"
	"codesk/storage"
)

func runFAQ(ctx context.Context, cfg config.Config, log *slog.Logger, args []string, stdin io.Reader, stdout io.Writer) error {
	if len(args) == 0 {
		return usageError{"faq: want match, import, export or lint"}
	}
	switch args[0] {
	case "match":
		return faqMatch(ctx, cfg, log, args[1:], stdin, stdout)
	case "import":
		if len(args) != 2 {
			return usageError{"faq import: want exactly one FILE"}
		}
		return faqImport(ctx, cfg, log, args[1], stdout)
	case "export":
		return faqExport(ctx, cfg, log, stdout)
	case "lint":
		if len(args) != 2 {
			return usageError{"faq lint: want exactly one FILE"}
		}
		entries, err := readFAQFile(args[1])
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s: %d entries, no problems\n", args[1], len(entries))
		return nil
	}
	return usageError{fmt.Sprintf("faq: unknown subcommand %q", args[0])}
}

// readFAQFile parses and validates a whole FAQ file.
func readFAQFile(path string) ([]faq.Entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open FAQ file: %w", err)
	}
	defer f.Close()
	entries, err := faq.Parse(f)
	if err != nil {
		var pe *faq.ProblemsError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%s is not valid; nothing was changed:\n%w", path, err)
		}
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return entries, nil
}

// matchOutput is one line of `codesk faq match`; its shape is a fixed
// interface that evaluation scripts read.
type matchOutput struct {
	Q          string   `json:"q"`
	ID         *string  `json:"id"`
	Score      float64  `json:"score"`
	Candidates []string `json:"candidates"`
}

func faqMatch(ctx context.Context, cfg config.Config, log *slog.Logger, args []string, stdin io.Reader, stdout io.Writer) error {
	fs := flag.NewFlagSet("faq match", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	file := fs.String("faq", "", "FAQ YAML file (default: the database's FAQ)")
	if err := fs.Parse(args); err != nil {
		return usageError{"faq match: " + err.Error()}
	}
	var m interface{ Match(string) faq.Result }
	if *file != "" {
		entries, err := readFAQFile(*file)
		if err != nil {
			return err
		}
		m = faq.NewMatcher(entries)
	} else {
		// The database's FAQ, as serve would index it: its catalog already
		// holds the matcher.
		a, err := openApp(ctx, cfg, log)
		if err != nil {
			return err
		}
		m = a.catalog
		a.close()
	}
	releaseMemory()
	out := bufio.NewWriter(stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	sc := bufio.NewScanner(stdin)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	for sc.Scan() {
		q := sc.Text()
		r := m.Match(q)
		line := matchOutput{Q: q, Score: r.Score, Candidates: make([]string, 0, len(r.Candidates))}
		if r.ID != "" {
			line.ID = &r.ID
		}
		for _, c := range r.Candidates {
			line.Candidates = append(line.Candidates, c.ID)
		}
		if err := enc.Encode(line); err != nil {
			return fmt.Errorf("write match: %w", err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read questions: %w", err)
	}
	return out.Flush()
}

func faqImport(ctx context.Context, cfg config.Config, log *slog.Logger, path string, stdout io.Writer) error {
	entries, err := readFAQFile(path)
	if err != nil {
		return err
	}
	db, err := openMigrated(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	sum, err := db.ReplaceFAQ(ctx, entries, "cli:faq-import")
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	fmt.Fprintf(stdout, "imported %s: %d added, %d updated, %d removed, %d unchanged\n",
		path, sum.Added, sum.Updated, sum.Removed, sum.Unchanged)
	return nil
}

func faqExport(ctx context.Context, cfg config.Config, log *slog.Logger, stdout io.Writer) error {
	a, err := openApp(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer a.close()
	return faq.Write(stdout, a.catalog.Entries())
}

func openMigrated(ctx context.Context, cfg config.Config) (*storage.DB, error) {
	db, err := storage.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", storage.RedactURL(cfg.DatabaseURL), err)
	}
	if err := db.Migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("migrate database: %w", err)
	}
	return db, nil
}
