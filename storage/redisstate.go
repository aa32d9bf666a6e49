package storage

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

// DefaultRedisPrefix namespaces codesk's keys when NewRedisState is given no
// prefix, so a Redis shared with other programs stays tidy.
const DefaultRedisPrefix = "codesk:"

// redisPingTimeout bounds the reachability check at construction, so a wrong
// REDIS_URL fails start-up quickly instead of on the first update.
const redisPingTimeout = 5 * time.Second

// RedisState is SharedState in Redis, shared by every replica pointed at the
// same server and prefix. Expiry is Redis's own, to the millisecond.
type RedisState struct {
	client *redis.Client
	prefix string
}

var _ SharedState = (*RedisState)(nil)

// NewRedisState connects to redisURL (redis:// or rediss://) and checks the
// server answers. Keys are stored as prefix+key; "" means DefaultRedisPrefix.
// Errors never contain the URL's password.
func NewRedisState(ctx context.Context, redisURL, prefix string) (*RedisState, error) {
	if prefix == "" {
		prefix = DefaultRedisPrefix
	}
	opts, err := redis.ParseURL(redisURL)
	if err != nil {
		// url.Parse errors quote the whole URL, password included.
		return nil, redactedError{fmt.Sprintf("storage: redis URL %s: %s", RedactURL(redisURL), scrubPassword(err.Error(), redisURL)), err}
	}
	// Honour callers' deadlines rather than only the fixed socket timeouts.
	opts.ContextTimeoutEnabled = true
	client := redis.NewClient(opts)

	pingCtx, cancel := context.WithTimeout(ctx, redisPingTimeout)
	defer cancel()
	if err := client.Ping(pingCtx).Err(); err != nil {
		client.Close()
		return nil, redactedError{fmt.Sprintf("storage: connect to redis %s: %s", RedactURL(redisURL), scrubPassword(err.Error(), redisURL)), err}
	}
	return &RedisState{client: client, prefix: prefix}, nil
}

// Close releases the connections.
func (r *RedisState) Close() error {
	if err := r.client.Close(); err != nil {
		return fmt.Errorf("storage: close redis: %w", err)
	}
	return nil
}

// Get implements SharedState.
func (r *RedisState) Get(ctx context.Context, key string) ([]byte, bool, error) {
	if err := ctx.Err(); err != nil {
		return nil, false, err
	}
	value, err := r.client.Get(ctx, r.prefix+key).Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("storage: redis get %q: %w", key, err)
	}
	return value, true, nil
}

// Set implements SharedState.
func (r *RedisState) Set(ctx context.Context, key string, value []byte, ttl time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if ttl <= 0 {
		return ErrInvalidTTL
	}
	cmd := redis.NewStatusCmd(ctx, "set", r.prefix+key, value, "px", ttlMillis(ttl))
	if err := r.client.Process(ctx, cmd); err != nil {
		return fmt.Errorf("storage: redis set %q: %w", key, err)
	}
	return nil
}

// Delete implements SharedState.
func (r *RedisState) Delete(ctx context.Context, key string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := r.client.Del(ctx, r.prefix+key).Err(); err != nil {
		return fmt.Errorf("storage: redis delete %q: %w", key, err)
	}
	return nil
}

// Claim implements SharedState with SET NX PX: one atomic command, so exactly
// one caller wins across all replicas.
func (r *RedisState) Claim(ctx context.Context, key string, ttl time.Duration) (bool, error) {
	return r.ClaimValue(ctx, key, nil, ttl)
}

// deleteIfScript deletes KEYS[1] only while it holds ARGV[1]: a compare and
// delete Redis runs as one step.
var deleteIfScript = redis.NewScript(`if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) end return 0`)

// DeleteIf implements SharedState with a script (get, compare, del atomically).
func (r *RedisState) DeleteIf(ctx context.Context, key string, value []byte) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	n, err := deleteIfScript.Run(ctx, r.client, []string{r.prefix + key}, value).Int()
	if err != nil {
		return false, fmt.Errorf("storage: redis delete-if %q: %w", key, err)
	}
	return n == 1, nil
}

// ClaimValue implements SharedState with SET NX PX, as Claim.
func (r *RedisState) ClaimValue(ctx context.Context, key string, value []byte, ttl time.Duration) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	if ttl <= 0 {
		return false, ErrInvalidTTL
	}
	if value == nil {
		value = []byte{}
	}
	cmd := redis.NewBoolCmd(ctx, "set", r.prefix+key, value, "px", ttlMillis(ttl), "nx")
	if err := r.client.Process(ctx, cmd); err != nil {
		return false, fmt.Errorf("storage: redis claim %q: %w", key, err)
	}
	return cmd.Val(), nil
}

// ttlMillis rounds ttl up to whole milliseconds (Redis's finest unit), so a
// positive ttl never becomes 0, which Redis rejects.
func ttlMillis(ttl time.Duration) int64 {
	return int64((ttl + time.Millisecond - 1) / time.Millisecond)
}

// redactedError is err with a message scrubbed of secrets; errors.Is and
// errors.As still see err (context.DeadlineExceeded, say).
type redactedError struct {
	msg string
	err error
}

func (e redactedError) Error() string { return e.msg }
func (e redactedError) Unwrap() error { return e.err }

// scrubPassword removes redisURL's password (raw and unescaped) from msg, for
// library messages that may quote the URL in forms RedactURL cannot parse.
func scrubPassword(msg, redisURL string) string {
	msg = RedactURL(msg)
	for _, secret := range urlPasswords(redisURL) {
		msg = strings.ReplaceAll(msg, secret, "xxxxx")
	}
	return msg
}

// urlPasswords returns the password in redisURL's userinfo, as written and
// unescaped, when there is one.
func urlPasswords(redisURL string) []string {
	_, rest, found := strings.Cut(redisURL, "://")
	if !found {
		return nil
	}
	if end := strings.IndexAny(rest, "/?#"); end >= 0 {
		rest = rest[:end]
	}
	at := strings.LastIndex(rest, "@")
	if at < 0 {
		return nil
	}
	_, password, found := strings.Cut(rest[:at], ":")
	if !found || password == "" {
		return nil
	}
	secrets := []string{password}
	if unescaped, err := url.PathUnescape(password); err == nil && unescaped != password && unescaped != "" {
		secrets = append(secrets, unescaped)
	}
	return secrets
}
