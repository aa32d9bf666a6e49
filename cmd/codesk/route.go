package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"codesk/config"
	"codesk/handlers"
	"codesk/storage"
	"codesk/tickets"
)

// routeOutput is one line of `codesk route`; its shape is a fixed interface
// that evaluation scripts read.
type routeOutput struct {
	Text       string  `json:"text"`
	Party      string  `json:"party"`
	Category   string  `json:"category"`
	Confidence float64 `json:"confidence"`
}

// loadRouter builds the concern router from the configured rules file, or
// the embedded defaults.
func loadRouter(cfg config.Config) (*tickets.Router, error) {
	rules := tickets.DefaultRules()
	if cfg.RoutingRules != "" {
		f, err := os.Open(cfg.RoutingRules)
		if err != nil {
			return nil, fmt.Errorf("open routing rules: %w", err)
		}
		defer f.Close()
		if rules, err = tickets.ParseRules(f); err != nil {
			return nil, fmt.Errorf("routing rules %s: %w", cfg.RoutingRules, err)
		}
	}
	r, err := tickets.NewRouter(rules)
	if err != nil {
		return nil, fmt.Errorf("build router: %w", err)
	}
	return r, nil
}

func runRoute(ctx context.Context, cfg config.Config, log *slog.Logger, args []string, stdin io.Reader, stdout io.Writer) error {
	fs := flag.NewFlagSet("route", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	withModel := fs.Bool("llm", false, "ask the language model when the rules are unsure")
	if err := fs.Parse(args); err != nil {
		return usageError{"route: " + err.Error()}
	}
	if fs.NArg() > 0 {
		return usageError{"route: reads concerns from stdin; the only flag is --llm"}
	}
	r, err := loadRouter(cfg)
	if err != nil {
		return err
	}
	var model handlers.LLM
	if *withModel {
		c, err := openModel(cfg, storage.NewMemoryState(time.Now), log)
		if err != nil {
			return fmt.Errorf("route --llm: %w", err)
		}
		if c == nil {
			return fmt.Errorf("route --llm: %w", errNoModel)
		}
		model = c
	}
	out := bufio.NewWriter(stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	sc := bufio.NewScanner(stdin)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	for sc.Scan() {
		d, _, err := handlers.RouteConcern(ctx, r, model, handlers.DefaultLLMRouteDeadline, sc.Text())
		if err != nil {
			log.Warn("language model could not help route a concern: rules' decision kept", "err", err)
		}
		if err := enc.Encode(routeOutput{Text: sc.Text(), Party: string(d.Party), Category: d.Category, Confidence: d.Confidence}); err != nil {
			return fmt.Errorf("write route: %w", err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read concerns: %w", err)
	}
	return out.Flush()
}
