package botapitest

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// getUpdates follows Telegram: offset confirms every update below it (a negative
// offset keeps only the last -offset updates), limit is 1..100 (default 100),
// timeout > 0 long-polls until an update arrives, the timeout passes or the
// request is cancelled. A newer getUpdates ends a waiting one with 409, and
// getUpdates while a webhook is set is a 409 too. allowed_updates is ignored.
func (s *Server) getUpdates(ctx context.Context, p params) (any, *apiError) {
	offset, _, err := p.int64("offset")
	if err != nil {
		return nil, badRequest("%v", err)
	}
	limit, _, err := p.int64("limit")
	if err != nil {
		return nil, badRequest("%v", err)
	}
	if limit <= 0 || limit > 100 {
		limit = 100
	}
	timeout, _, err := p.int64("timeout")
	if err != nil {
		return nil, badRequest("%v", err)
	}
	deadline := time.NewTimer(time.Duration(max(timeout, 0)) * time.Second)
	defer deadline.Stop()

	s.mu.Lock()
	defer s.mu.Unlock()
	if s.webhookURL != "" {
		return nil, &apiError{code: http.StatusConflict, desc: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"}
	}
	s.pollGen++
	gen := s.pollGen
	s.broadcastLocked() // an older waiting poll must see it was superseded
	s.confirmLocked(offset)
	for {
		if gen != s.pollGen {
			return nil, &apiError{code: http.StatusConflict, desc: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"}
		}
		if len(s.queue) > 0 || timeout <= 0 {
			n := min(int(limit), len(s.queue))
			batch := make([]json.RawMessage, n)
			for i := range n {
				batch[i] = s.queue[i].raw
			}
			return batch, nil
		}
		signal := s.signal
		s.mu.Unlock()
		select {
		case <-signal:
			s.mu.Lock()
		case <-deadline.C:
			s.mu.Lock()
			timeout = 0
		case <-s.closing:
			s.mu.Lock()
			timeout = 0
		case <-ctx.Done():
			s.mu.Lock()
			return nil, errAborted
		}
	}
}

func (s *Server) confirmLocked(offset int64) {
	switch {
	case offset > 0:
		i := 0
		for i < len(s.queue) && s.queue[i].id < offset {
			i++
		}
		s.queue = s.queue[i:]
		s.confirmed = max(s.confirmed, offset-1)
	case offset < 0:
		if keep := int(-offset); keep < len(s.queue) {
			s.queue = s.queue[len(s.queue)-keep:]
		}
		if len(s.queue) > 0 {
			s.confirmed = max(s.confirmed, s.queue[0].id-1)
		}
	}
}

// enqueueLocked gives raw (a JSON object without update_id) the next update_id and queues it.
func (s *Server) enqueueLocked(fields map[string]json.RawMessage) int64 {
	s.nextUpdateID++
	id := s.nextUpdateID
	fields["update_id"], _ = json.Marshal(id)
	raw, _ := json.Marshal(fields) // a map of RawMessage always marshals
	s.queue = append(s.queue, queuedUpdate{id: id, raw: raw})
	s.broadcastLocked()
	return id
}

// Confirmed is the highest update_id the client has confirmed (by asking for a
// higher offset); 0 before any confirmation.
func (s *Server) Confirmed() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.confirmed
}

// Pending counts queued updates not yet confirmed.
func (s *Server) Pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.queue)
}

// Requests counts calls of method (case-insensitive), failed ones included.
func (s *Server) Requests(method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[strings.ToLower(method)]
}

// Rejections are the requests answered with ok=false, in order.
func (s *Server) Rejections() []Rejection {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Rejection(nil), s.rejections...)
}

// WebhookCalls are the setWebhook / deleteWebhook requests, in order.
func (s *Server) WebhookCalls() []WebhookCall {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]WebhookCall(nil), s.webhookCalls...)
}

// WebhookURL is the webhook currently set ("" when none).
func (s *Server) WebhookURL() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.webhookURL
}

func (s *Server) getMe(context.Context, params) (any, *apiError) {
	u := wireUser(s.botUser, true)
	u.CanJoinGroups = true
	return u, nil
}

// setWebhook only records the call: the fake does not deliver updates to the URL.
func (s *Server) setWebhook(_ context.Context, p params) (any, *apiError) {
	url := p.str("url")
	if url != "" && !strings.HasPrefix(url, "https://") && !strings.HasPrefix(url, "http://") {
		return nil, badRequest("bad webhook: An HTTPS URL must be provided for webhook")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.webhookURL = url
	s.recordWebhookLocked("setWebhook", p)
	return true, nil
}

func (s *Server) deleteWebhook(_ context.Context, p params) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.webhookURL = ""
	s.recordWebhookLocked("deleteWebhook", p)
	return true, nil
}

func (s *Server) recordWebhookLocked(method string, p params) {
	drop := p.bool("drop_pending_updates")
	if drop {
		s.queue = nil
	}
	s.webhookCalls = append(s.webhookCalls, WebhookCall{
		Method: method, URL: p.str("url"), SecretToken: p.str("secret_token"),
		DropPendingUpdates: drop, At: s.now(),
	})
	s.logLocked("%s url=%q drop_pending=%v", method, p.str("url"), drop)
}
