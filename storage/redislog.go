package storage

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/redis/go-redis/v9"
)

// LogRedisTo sends the Redis client's own messages (dial failures, pool
// trouble) to log as warnings instead of bare lines on stderr. The client's
// logger is process-wide, so call it once at start-up.
func LogRedisTo(log *slog.Logger) {
	redis.SetLogger(slogRedisLogger{log})
}

type slogRedisLogger struct{ log *slog.Logger }

func (l slogRedisLogger) Printf(ctx context.Context, format string, v ...any) {
	l.log.WarnContext(ctx, "redis client", "detail", fmt.Sprintf(format, v...))
}
