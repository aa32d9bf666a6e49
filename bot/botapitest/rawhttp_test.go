package botapitest

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"time"
)

func TestGetUpdatesOffsetConfirmsEarlierUpdates(t *testing.T) {
	s := NewServer(t)
	id1 := s.UserSays(aliceDM, alice, "one")
	id2 := s.UserSays(aliceDM, alice, "two")
	id3 := s.UserSays(aliceDM, alice, "three")

	_, a := callForm(t, s, "getUpdates", url.Values{})
	if got := updateIDs(t, a.Result); len(got) != 3 || got[0] != id1 {
		t.Fatalf("first batch = %v", got)
	}
	if s.Confirmed() != 0 || s.Pending() != 3 {
		t.Errorf("nothing confirmed yet: confirmed %d pending %d", s.Confirmed(), s.Pending())
	}
	_, a = callForm(t, s, "getUpdates", url.Values{"offset": {strconv.FormatInt(id2, 10)}, "limit": {"1"}})
	if got := updateIDs(t, a.Result); len(got) != 1 || got[0] != id2 {
		t.Fatalf("offset=id2 limit=1 -> %v, want [%d]", got, id2)
	}
	if s.Confirmed() != id1 || s.Pending() != 2 {
		t.Errorf("confirmed %d pending %d, want %d and 2", s.Confirmed(), s.Pending(), id1)
	}
	_, a = callForm(t, s, "getUpdates", url.Values{"offset": {strconv.FormatInt(id3+1, 10)}})
	if got := updateIDs(t, a.Result); len(got) != 0 || s.Confirmed() != id3 || s.Pending() != 0 {
		t.Errorf("after confirming all: %v, confirmed %d", got, s.Confirmed())
	}
}

func TestLongPollReturnsPromptlyOnNewUpdate(t *testing.T) {
	s := NewServer(t)
	type result struct {
		ids     []int64
		elapsed time.Duration
	}
	done := make(chan result, 1)
	start := time.Now()
	go func() {
		_, a := callForm(t, s, "getUpdates", url.Values{"timeout": {"30"}})
		var ups []struct {
			ID int64 `json:"update_id"`
		}
		_ = json.Unmarshal(a.Result, &ups)
		r := result{elapsed: time.Since(start)}
		for _, u := range ups {
			r.ids = append(r.ids, u.ID)
		}
		done <- r
	}()
	s.WaitFor(t, testWait, func(s *Server) bool { return s.Requests("getUpdates") == 1 })
	time.Sleep(30 * time.Millisecond) // the poll is waiting now
	id := s.UserSays(aliceDM, alice, "hello")
	select {
	case r := <-done:
		if len(r.ids) != 1 || r.ids[0] != id {
			t.Errorf("long poll returned %v, want [%d]", r.ids, id)
		}
		if r.elapsed > time.Second {
			t.Errorf("long poll took %v after the update", r.elapsed)
		}
	case <-time.After(testWait):
		t.Fatal("long poll did not return on a new update")
	}
}

func TestLongPollTimesOutEmpty(t *testing.T) {
	s := NewServer(t)
	start := time.Now()
	code, a := callForm(t, s, "getUpdates", url.Values{"timeout": {"1"}})
	elapsed := time.Since(start)
	if code != http.StatusOK || string(a.Result) != "[]" {
		t.Errorf("timeout answer = %d %s", code, a.Result)
	}
	if elapsed < 900*time.Millisecond || elapsed > 3*time.Second {
		t.Errorf("returned after %v, want about 1s", elapsed)
	}
}

func TestLongPollHonoursCancellationAndSupersession(t *testing.T) {
	s := NewServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, s.URL+"/bot"+Token+"/getUpdates?timeout=30", nil)
		_, err := http.DefaultClient.Do(req)
		errc <- err
	}()
	s.WaitFor(t, testWait, func(s *Server) bool { return s.Requests("getUpdates") == 1 })
	cancel()
	select {
	case err := <-errc:
		if err == nil {
			t.Error("cancelled poll returned without error")
		}
	case <-time.After(testWait):
		t.Fatal("cancelled long poll did not return")
	}

	// A second poller ends the waiting first one with 409, as Telegram does.
	codes := make(chan int, 1)
	go func() {
		code, _ := callForm(t, s, "getUpdates", url.Values{"timeout": {"30"}})
		codes <- code
	}()
	s.WaitFor(t, testWait, func(s *Server) bool { return s.Requests("getUpdates") == 2 })
	time.Sleep(30 * time.Millisecond)
	if code, _ := callForm(t, s, "getUpdates", url.Values{}); code != http.StatusOK {
		t.Errorf("second poller got %d", code)
	}
	select {
	case code := <-codes:
		if code != http.StatusConflict {
			t.Errorf("superseded poll got %d, want 409", code)
		}
	case <-time.After(testWait):
		t.Fatal("superseded poll did not return")
	}
}

func TestJSONAndURLEncodedBodies(t *testing.T) {
	s := NewServer(t)
	ctx := context.Background()
	code, a := call(t, ctx, s, "sendMessage", "application/json",
		`{"chat_id": 42, "text": "&lt;b&gt; is bold", "parse_mode": "HTML",
		  "reply_markup": {"inline_keyboard": [[{"text": "是", "callback_data": "yes"}]]}}`)
	if code != http.StatusOK || !a.OK {
		t.Fatalf("JSON body: %d %+v", code, a)
	}
	code, a = callForm(t, s, "sendMessage", url.Values{
		"chat_id":      {"42"},
		"text":         {"表单"},
		"reply_markup": {`{"inline_keyboard":[[{"text":"否","callback_data":"no"}]]}`},
	})
	if code != http.StatusOK || !a.OK {
		t.Fatalf("urlencoded body: %d %+v", code, a)
	}
	got := s.Sent(42)
	if len(got) != 2 || got[0].Text != "<b> is bold" || got[0].Raw != "&lt;b&gt; is bold" || got[0].Keyboard[0][0].CallbackData != "yes" ||
		got[1].Text != "表单" || got[1].Keyboard[0][0].CallbackData != "no" {
		t.Errorf("sent = %+v", got)
	}
	code, a = call(t, ctx, s, "sendMessage", "application/json", `{"chat_id": 42}`)
	if code != http.StatusBadRequest || a.ErrorCode != 400 || a.Description != "Bad Request: message text is empty" {
		t.Errorf("missing text: %d %+v", code, a)
	}
	code, a = call(t, ctx, s, "sendSticker", "application/json", `{"chat_id": 42}`)
	if code != http.StatusNotFound || a.Description != "Not Found" {
		t.Errorf("unimplemented method: %d %+v", code, a)
	}
}

func TestWrongTokenRawIs401(t *testing.T) {
	s := NewServer(t)
	resp, err := http.Post(s.URL+"/bot1:nope/getMe", "application/json", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var a apiAnswer
	_ = json.NewDecoder(resp.Body).Decode(&a)
	if resp.StatusCode != 401 || a.OK || a.ErrorCode != 401 || a.Description != "Unauthorized" {
		t.Errorf("wrong token: %d %+v", resp.StatusCode, a)
	}
}

func TestRetryAfterInBody(t *testing.T) {
	s := NewServer(t)
	s.FailNext("getMe", 1, 429, 3)
	code, a := callForm(t, s, "getMe", nil)
	if code != 429 || a.Parameters.RetryAfter != 3 || a.Description != "Too Many Requests: retry after 3" {
		t.Errorf("429 answer: %d %+v", code, a)
	}
}

func TestUserSendsUpdate(t *testing.T) {
	s := NewServer(t)
	id, err := s.UserSendsUpdate(`{"update_id": 1, "message": {"message_id": 5, "date": 1700000000,
		"chat": {"id": 42, "type": "private"}, "voice": {"file_id": "voice-1", "file_unique_id": "v1", "duration": 3}}}`)
	if err != nil {
		t.Fatal(err)
	}
	_, a := callForm(t, s, "getUpdates", nil)
	if got := updateIDs(t, a.Result); len(got) != 1 || got[0] != id || id == 1 {
		t.Errorf("updates = %v, want the server's id %d", got, id)
	}
	if code, a := callForm(t, s, "getFile", url.Values{"file_id": {"voice-1"}}); code != 200 || !a.OK {
		t.Errorf("getFile for a file_id in a raw update: %d %+v", code, a)
	}
	if _, err := s.UserSendsUpdate("[1,2]"); err == nil {
		t.Error("a non-object update was accepted")
	}
}
