package storage

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"
)

// SendLimits are the rolling windows a shared send budget keeps to; the same
// fields as bot.Limits (which converts to it), so that storage need not know
// the bot package. A zero count or window switches that limit off.
type SendLimits struct {
	Global       int // sends per GlobalWindow across all chats
	GlobalWindow time.Duration
	PerChat      int // sends per ChatWindow to any one chat, groups included
	ChatWindow   time.Duration
	PerGroup     int // sends per GroupWindow to one group (chat id < 0)
	GroupWindow  time.Duration
	Margin       time.Duration // lengthens every window
}

// SendGrant is the answer to a reservation: granted (ID set: settle it once
// the send is answered) or refused with how long to wait.
type SendGrant struct {
	ID     string // the reservation; "" when refused
	ChatID int64

	// GlobalWait holds back every chat: refused, the overall window is full
	// for that long; granted, this send took its last slot and the next
	// frees then. ChatWait (refused only) holds back this chat: its chat or
	// group window is full.
	GlobalWait, ChatWait time.Duration

	// Room is how many slots the overall window had left after this answer
	// (-1: no overall limit). Replicas use it to ask only about as many
	// sends as can be granted.
	Room int
}

// Granted reports whether the send may go now.
func (g SendGrant) Granted() bool { return g.ID != "" }

// DefaultSendLease bounds how long a reservation counts as "under way" before
// it is settled. A reservation never settled (its replica died mid-send)
// holds its slots for the lease plus a window, so a crash costs at most this
// much of the budget; a send slower than lease+window could be miscounted.
// Telegram answers in well under a second, so 5 s is generous both ways.
const DefaultSendLease = 5 * time.Second

// RedisSendBudget is a send allowance every replica shares: the rolling
// windows of Telegram's limits (overall, per chat, per group) kept in Redis
// sorted sets, checked and recorded by one Lua script so that two replicas
// can never both take the last slot.
//
// A send holds its slots from its reservation until a window after its
// answer (Settle), like the Pacer's local slots: Telegram counts a send
// somewhere in between, and counting from the start would let uneven round
// trips put two sends inside one window. Scores are the moments entries free
// up, taken from the Redis server's clock (TIME), so replicas' clocks never
// need to agree; only durations leave Redis. (A step of that clock shifts
// the windows by as much; NTP slews rather than steps in normal running.)
// The scripts call redis.replicate_commands, needed before Redis 5 to write
// after TIME and a no-op since.
type RedisSendBudget struct {
	client *redis.Client
	prefix string
	limits SendLimits
	lease  time.Duration
	idBase string        // unique per budget: reservations are idBase+idSeq
	idSeq  atomic.Uint64 // last reservation number
}

// SendBudget returns the budget shared by every replica on the same Redis
// and prefix, over this state's connections. lease <= 0 means
// DefaultSendLease.
func (r *RedisState) SendBudget(l SendLimits, lease time.Duration) *RedisSendBudget {
	if lease <= 0 {
		lease = DefaultSendLease
	}
	b := make([]byte, 8)
	_, _ = rand.Read(b) // never fails (crypto/rand panics instead)
	return &RedisSendBudget{client: r.client, prefix: r.prefix, limits: l, lease: lease, idBase: hex.EncodeToString(b) + ":"}
}

// budgetScope is one window a send falls in.
type budgetScope struct {
	key    string
	limit  int
	hold   time.Duration // window plus margin: how long a settled send counts
	global bool
}

// scopes are the windows a send to chatID falls in, limits switched off
// left out. Keys share the {send} hash tag, so a Redis Cluster would keep
// them in one slot, as a multi-key script needs.
func (b *RedisSendBudget) scopes(chatID int64) []budgetScope {
	l := b.limits
	base := b.prefix + "{send}:"
	var s []budgetScope
	if l.Global > 0 && l.GlobalWindow > 0 {
		s = append(s, budgetScope{base + "global", l.Global, l.GlobalWindow + l.Margin, true})
	}
	if l.PerChat > 0 && l.ChatWindow > 0 {
		s = append(s, budgetScope{base + "chat:" + strconv.FormatInt(chatID, 10), l.PerChat, l.ChatWindow + l.Margin, false})
	}
	if chatID < 0 && l.PerGroup > 0 && l.GroupWindow > 0 {
		s = append(s, budgetScope{base + "group:" + strconv.FormatInt(chatID, 10), l.PerGroup, l.GroupWindow + l.Margin, false})
	}
	return s
}

// reserveScript takes a slot in every window of KEYS, or none when any is
// full. ARGV: reservation id, lease (µs), 1 when KEYS[1] is the overall
// window, then per key its limit and hold (µs). Returns {granted 0/1, room
// left in the overall window or -1, then a wait (µs) per key}: refused, until
// that key's window has room; granted, 0 except for a full overall window.
//
// Each sorted set holds the sends counting against the window, scored with
// the moment they stop counting: reserved ones at now+lease+hold (under way:
// when the answer comes is unknown), settled ones at answer+hold. An entry
// scoring more than a hold from now is still under way, so the wait it
// causes is at least a hold: the script says that much, and the next try sees
// the settled score.
var reserveScript = redis.NewScript(`
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local lease = tonumber(ARGV[2])
local global = ARGV[3] == '1'
-- time until key, holding n entries, holds fewer than limit
local function untilRoom(key, n, limit, hold)
  local e = redis.call('ZRANGE', key, n - limit, n - limit, 'WITHSCORES')
  return math.min(tonumber(e[2]) - now, hold)
end
local reply = {0, -1}
local counts = {}
local refused = false
for i, key in ipairs(KEYS) do
  local limit, hold = tonumber(ARGV[2 + 2 * i]), tonumber(ARGV[3 + 2 * i])
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
  local n = redis.call('ZCARD', key)
  counts[i] = n
  reply[2 + i] = 0
  if n >= limit then
    reply[2 + i] = untilRoom(key, n, limit, hold)
    refused = true
  end
end
if refused then
  if global then reply[2] = math.max(tonumber(ARGV[4]) - counts[1], 0) end
  return reply
end
for i, key in ipairs(KEYS) do
  local hold = tonumber(ARGV[3 + 2 * i])
  redis.call('ZADD', key, now + lease + hold, ARGV[1])
  local last = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')
  redis.call('PEXPIREAT', key, math.floor(tonumber(last[2]) / 1000) + 1)
end
reply[1] = 1
if global then
  local limit, hold = tonumber(ARGV[4]), tonumber(ARGV[5])
  reply[2] = limit - counts[1] - 1
  if reply[2] == 0 then reply[3] = untilRoom(KEYS[1], counts[1] + 1, limit, hold) end
end
return reply
`)

// settleScript marks reservation ARGV[1] answered now: in every window of
// KEYS it counts until now+hold (ARGV[1+i], µs). It is re-added if its lease
// ran out meanwhile: the send did happen.
var settleScript = redis.NewScript(`
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
for i, key in ipairs(KEYS) do
  redis.call('ZADD', key, now + tonumber(ARGV[1 + i]), ARGV[1])
  local last = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')
  redis.call('PEXPIREAT', key, math.floor(tonumber(last[2]) / 1000) + 1)
end
return 1
`)

// Reserve takes a slot in every window a send to chatID falls in, or, when
// any is full, takes none and says how long to wait.
func (b *RedisSendBudget) Reserve(ctx context.Context, chatID int64) (SendGrant, error) {
	scopes := b.scopes(chatID)
	if len(scopes) == 0 {
		return SendGrant{ID: "unlimited", ChatID: chatID, Room: -1}, nil
	}
	id := b.idBase + strconv.FormatUint(b.idSeq.Add(1), 10)
	keys := make([]string, len(scopes))
	global := 0
	if scopes[0].global {
		global = 1
	}
	args := []any{id, b.lease.Microseconds(), global}
	for i, s := range scopes {
		keys[i] = s.key
		args = append(args, s.limit, s.hold.Microseconds())
	}
	res, err := reserveScript.Run(ctx, b.client, keys, args...).Int64Slice()
	if err != nil {
		return SendGrant{}, fmt.Errorf("storage: reserve a send to chat %d in redis: %w", chatID, err)
	}
	if len(res) != len(scopes)+2 {
		return SendGrant{}, fmt.Errorf("storage: reserve a send to chat %d: unexpected reply %v", chatID, res)
	}
	g := SendGrant{ChatID: chatID, Room: int(res[1])}
	for i, s := range scopes {
		wait := time.Duration(res[i+2]) * time.Microsecond
		if s.global {
			g.GlobalWait = wait
		} else {
			g.ChatWait = max(g.ChatWait, wait)
		}
	}
	if res[0] == 1 {
		g.ID = id
		return g, nil
	}
	if g.GlobalWait <= 0 && g.ChatWait <= 0 {
		g.ChatWait = time.Microsecond // a full window always has a wait; never spin
	}
	return g, nil
}

// errNotGranted is Settle given a refused grant.
var errNotGranted = errors.New("storage: settle a send that was not granted")

// Settle records that g's send was answered: from now its slots count for a
// window more, then free. Call it once per granted reservation, whatever the
// send's outcome (a failed request may still have been counted).
func (b *RedisSendBudget) Settle(ctx context.Context, g SendGrant) error {
	if !g.Granted() {
		return errNotGranted
	}
	scopes := b.scopes(g.ChatID)
	if len(scopes) == 0 {
		return nil
	}
	keys := make([]string, len(scopes))
	args := []any{g.ID}
	for i, s := range scopes {
		keys[i] = s.key
		args = append(args, s.hold.Microseconds())
	}
	if err := settleScript.Run(ctx, b.client, keys, args...).Err(); err != nil {
		return fmt.Errorf("storage: settle a send to chat %d in redis: %w", g.ChatID, err)
	}
	return nil
}
