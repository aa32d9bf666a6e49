package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/go-telegram/bot/models"

	"codesk/storage"
)

// allowedUpdates are the update kinds codesk acts on.
var allowedUpdates = []string{"message", "callback_query"}

// poller fetches updates with getUpdates itself: the library's polling
// confirms a batch to Telegram before its handlers finish, so a crash would
// lose what was in flight. Here the offset moves past a batch only after the
// batch is stored; handling happens from the store.
type poller struct {
	client  *http.Client
	baseURL string // ends in "/bot<token>/"; never logged
	timeout time.Duration
}

type updatesResponse struct {
	OK          bool              `json:"ok"`
	Result      []json.RawMessage `json:"result"`
	ErrorCode   int               `json:"error_code"`
	Description string            `json:"description"`
	Parameters  struct {
		RetryAfter int `json:"retry_after"`
	} `json:"parameters"`
}

// apiError is a Bot API refusal, carrying no URL (and so no token).
type apiError struct {
	Code        int
	Description string
	RetryAfter  time.Duration
}

func (e *apiError) Error() string {
	return fmt.Sprintf("telegram: %d %s", e.Code, e.Description)
}

// fetch long-polls for updates after offset and returns them as received.
func (p *poller) fetch(ctx context.Context, offset int64) ([]json.RawMessage, error) {
	body, err := json.Marshal(map[string]any{
		"offset": offset, "timeout": int(p.timeout / time.Second), "allowed_updates": allowedUpdates,
	})
	if err != nil {
		return nil, fmt.Errorf("encode getUpdates: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.baseURL+"getUpdates", bytes.NewReader(body))
	if err != nil {
		return nil, errors.New("getUpdates: cannot build request (check TELEGRAM_API_URL)")
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := p.client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("getUpdates: %w", withoutURL(err))
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return nil, fmt.Errorf("getUpdates: read response: %w", withoutURL(err))
	}
	var r updatesResponse
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("getUpdates: HTTP %d with an unreadable body: %w", resp.StatusCode, err)
	}
	if !r.OK {
		return nil, &apiError{Code: r.ErrorCode, Description: r.Description,
			RetryAfter: time.Duration(r.Parameters.RetryAfter) * time.Second}
	}
	return r.Result, nil
}

// withoutURL drops the request URL, which holds the bot token, from
// net/http's errors.
func withoutURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return fmt.Errorf("%s: %w", ue.Op, ue.Err)
	}
	return err
}

// run polls until ctx ends, storing every batch before the offset moves
// past it (the next getUpdates confirms the batch to Telegram), then waking
// the processor that handles stored updates.
func (p *poller) run(ctx context.Context, store UpdateStore, stored func(), onError func(error, time.Duration)) error {
	last, err := store.LastStoredUpdateID(ctx)
	if err != nil {
		return fmt.Errorf("resume polling: %w", err)
	}
	var offset int64
	if last > 0 {
		offset = last + 1
	}
	backoff := 100 * time.Millisecond
	for ctx.Err() == nil {
		raw, err := p.fetch(ctx, offset)
		var batch []storage.StoredUpdate
		if err == nil {
			batch, err = decodeBatch(raw, time.Now())
		}
		if err == nil && len(batch) > 0 {
			err = store.StoreUpdates(ctx, batch)
		}
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			delay := backoff
			var api *apiError
			if errors.As(err, &api) && api.RetryAfter > 0 {
				delay = api.RetryAfter
			} else {
				backoff = min(backoff*2, 10*time.Second)
			}
			onError(err, delay)
			select {
			case <-ctx.Done():
			case <-time.After(delay):
			}
			continue
		}
		backoff = 100 * time.Millisecond
		for _, u := range batch {
			offset = max(offset, u.ID+1)
		}
		if len(batch) > 0 {
			stored()
		}
	}
	return nil
}

// decodeBatch reads the update ids and chats of a getUpdates batch, keeping
// each update's JSON as received. An update whose body this client cannot
// decode is still stored (and skipped when handled), so one odd update
// never stalls intake; only one without even an id is dropped — nothing
// could confirm it anyway.
func decodeBatch(raw []json.RawMessage, now time.Time) ([]storage.StoredUpdate, error) {
	batch := make([]storage.StoredUpdate, 0, len(raw))
	for _, r := range raw {
		var head struct {
			ID int64 `json:"update_id"`
		}
		if err := json.Unmarshal(r, &head); err != nil || head.ID == 0 {
			continue
		}
		u := storage.StoredUpdate{ID: head.ID, Payload: r, ReceivedAt: now}
		var upd models.Update
		if json.Unmarshal(r, &upd) == nil {
			in, _ := toIncoming(&upd)
			u.ChatID = in.ChatID
		}
		batch = append(batch, u)
	}
	if len(raw) > 0 && len(batch) == 0 {
		return nil, errors.New("getUpdates: no update in the batch has an update_id")
	}
	return batch, nil
}
