package botapitest

import (
	"context"
	"fmt"
	"net/http"
	"strings"
)

// fakeJPEG is a tiny placeholder served for simulated photos (a JPEG header; not
// a decodable image).
var fakeJPEG = []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00botapitest\xff\xd9")

// AddFile makes fileID known with the given content (getFile, downloads, sendPhoto by id).
func (s *Server) AddFile(fileID string, content []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.files[fileID] = &fileRecord{path: "documents/" + fileID, content: content}
}

// newFileLocked issues a fresh file_id (uploads, URLs, stickers).
func (s *Server) newFileLocked(dir string, content []byte) string {
	s.nextFile++
	id := fmt.Sprintf("BQACAgIAAxk-botapitest-%d", s.nextFile)
	if content == nil {
		content = fakeJPEG
	}
	s.files[id] = &fileRecord{path: dir + "/file_" + fmt.Sprint(s.nextFile), content: content}
	return id
}

func (s *Server) getFile(_ context.Context, p params) (any, *apiError) {
	id := p.str("file_id")
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.files[id]
	if f == nil {
		return nil, badRequest("invalid file_id")
	}
	return map[string]any{"file_id": id, "file_unique_id": "u" + id, "file_size": len(f.content), "file_path": f.path}, nil
}

// serveFile answers downloads at /file/bot<token>/<file_path> (bot.FileDownloadLink).
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request) {
	rest := strings.TrimPrefix(r.URL.Path, "/file/bot")
	token, path, _ := strings.Cut(rest, "/")
	if token != s.Token {
		http.Error(w, "Unauthorized", http.StatusUnauthorized)
		return
	}
	s.mu.Lock()
	var content []byte
	for _, f := range s.files {
		if f.path == path {
			content = f.content
			break
		}
	}
	s.mu.Unlock()
	if content == nil {
		http.NotFound(w, r)
		return
	}
	_, _ = w.Write(content)
}
