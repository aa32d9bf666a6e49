package botapitest

import (
	"context"
	"sort"
)

// answerCallbackQuery accepts each query id once; unknown or already answered ids
// get Telegram's "query is too old" 400.
func (s *Server) answerCallbackQuery(_ context.Context, p params) (any, *apiError) {
	id := p.str("callback_query_id")
	cacheTime, _, err := p.int64("cache_time")
	if err != nil {
		return nil, badRequest("%v", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	pr := s.presses[id]
	if pr == nil || pr.answered {
		return nil, badRequest("query is too old and response timeout expired or query ID is invalid")
	}
	pr.answered = true
	a := CallbackAnswer{
		QueryID: id, Text: p.str("text"), ShowAlert: p.bool("show_alert"), URL: p.str("url"),
		CacheTime: int(cacheTime), At: s.now(),
		ChatID: pr.chatID, MessageID: pr.messageID, UserID: pr.userID, Data: pr.data,
	}
	s.answers = append(s.answers, a)
	s.logLocked("ANSWER query %s (data %q) text %q", id, pr.data, a.Text)
	return true, nil
}

// CallbackAnswers are the accepted answerCallbackQuery calls, in order.
func (s *Server) CallbackAnswers() []CallbackAnswer {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]CallbackAnswer(nil), s.answers...)
}

// UnansweredCallbacks are the ids of callback queries not answered yet, sorted.
func (s *Server) UnansweredCallbacks() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var ids []string
	for id, pr := range s.presses {
		if !pr.answered {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	return ids
}
