package bot

import "time"

// Remember records a send made before this Pacer existed — by the process
// that ran before a restart — so that the windows right after the restart
// count it. Without it a restarted bot would start with empty windows and
// could send a group's twenty-first message within the minute.
func (p *Pacer) Remember(chatID int64, sentAt time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	l := p.limits
	if !p.now().Before(sentAt.Add(max(l.GlobalWindow, l.ChatWindow, l.GroupWindow) + l.Margin)) {
		return // too old to matter
	}
	c := p.chats[chatID]
	if c == nil {
		c = &chatState{id: chatID}
		p.chats[chatID] = c
	}
	p.global.remember(l.Global, sentAt.Add(l.GlobalWindow+l.Margin))
	c.chat.remember(l.PerChat, sentAt.Add(l.ChatWindow+l.Margin))
	if chatID < 0 {
		c.group.remember(l.PerGroup, sentAt.Add(l.GroupWindow+l.Margin))
	}
}

// remember fills a slot with a past send that frees at until; when every
// slot is taken it keeps the later-freeing ones.
func (s *scope) remember(limit int, until time.Time) {
	if limit <= 0 {
		return
	}
	if len(s.until) < limit {
		s.until = append(s.until, until)
		s.busy = append(s.busy, false)
		return
	}
	best := -1
	for i, u := range s.until {
		if !s.busy[i] && (best < 0 || u.Before(s.until[best])) {
			best = i
		}
	}
	if best >= 0 && until.After(s.until[best]) {
		s.until[best] = until
	}
}

// RememberSent seeds the Messenger's pacer with sends made before a restart.
func (m *Messenger) RememberSent(chatID int64, sentAt time.Time) { m.pacer.Remember(chatID, sentAt) }
