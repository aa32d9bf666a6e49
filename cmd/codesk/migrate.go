package main

import (
	"context"
	"log/slog"

	"codesk/config"
	"codesk/storage"
)

func runMigrate(ctx context.Context, cfg config.Config, log *slog.Logger) error {
	db, err := openMigrated(ctx, cfg)
	if err != nil {
		return err
	}
	db.Close()
	log.Info("database is up to date", "database", storage.RedactURL(cfg.DatabaseURL))
	return nil
}
