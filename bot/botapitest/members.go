package botapitest

import (
	"context"
	"encoding/json"
)

// SetMember sets userID's status in chatID for getChatMember (StatusMember,
// StatusAdministrator, StatusLeft, ...). Users without a status are "left",
// except that speaking in a group (UserSays etc.) makes them a member.
func (s *Server) SetMember(chatID, userID int64, status string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.members[memberKey{chatID, userID}] = status
}

func (s *Server) getChatMember(_ context.Context, p params) (any, *apiError) {
	chatID, aerr := chatIDParam(p)
	if aerr != nil {
		return nil, aerr
	}
	userID, _, err := p.int64("user_id")
	if err != nil || userID <= 0 {
		return nil, badRequest("invalid user_id specified")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	status, ok := s.members[memberKey{chatID, userID}]
	if !ok {
		status = StatusLeft
	}
	u, ok := s.users[userID]
	if !ok {
		u = User{ID: userID, FirstName: "User"}
	}
	if userID == BotID {
		u = s.botUser
	}
	// The fields go-telegram/bot's ChatMember variants need, per status.
	m := map[string]any{"status": status, "user": wireUser(u, userID == BotID)}
	switch status {
	case StatusCreator:
		m["is_anonymous"] = false
	case StatusAdministrator:
		m["can_be_edited"], m["is_anonymous"], m["can_manage_chat"] = false, false, true
	case StatusRestricted:
		m["is_member"], m["until_date"] = true, 0
	case StatusKicked:
		m["until_date"] = 0
	}
	return json.RawMessage(mustJSON(m)), nil
}
