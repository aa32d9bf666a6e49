package bot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	tg "github.com/go-telegram/bot"

	"codesk/handlers"
)

// downloadTimeout bounds one file download, headers and body together.
const downloadTimeout = 30 * time.Second

// Files downloads files users sent to the bot (handlers.Files). Telegram's
// download URL contains the bot token, so the URL never appears in an error
// or a log line.
type Files struct {
	api    *tg.Bot
	token  string
	client *http.Client
}

// Files returns the bot's file downloader.
func (b *Bot) Files() *Files {
	return &Files{api: b.api, token: b.opts.Token, client: &http.Client{Timeout: downloadTimeout}}
}

// Download returns the content of the file with fileID: getFile, then a GET
// of the download link, reading at most maxBytes. A larger file fails with
// an error wrapping handlers.ErrFileTooLarge.
func (f *Files) Download(ctx context.Context, fileID string, maxBytes int64) ([]byte, error) {
	file, err := f.api.GetFile(ctx, &tg.GetFileParams{FileID: fileID})
	if err != nil {
		return nil, f.scrub(fmt.Errorf("telegram getFile: %w", err))
	}
	if file.FileSize > maxBytes {
		return nil, fmt.Errorf("file of %d bytes (limit %d): %w", file.FileSize, maxBytes, handlers.ErrFileTooLarge)
	}
	if file.FilePath == "" {
		// The Bot API gives no path for files it will not serve (over 20 MB).
		return nil, fmt.Errorf("telegram getFile: no download path: %w", handlers.ErrFileTooLarge)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, f.api.FileDownloadLink(file), nil)
	if err != nil {
		return nil, errors.New("download file: invalid download link") // its text would hold the token
	}
	resp, err := f.client.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // drop the URL
		}
		return nil, f.scrub(fmt.Errorf("download file: %w", err))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("download file: HTTP %d", resp.StatusCode)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxBytes+1))
	if err != nil {
		return nil, f.scrub(fmt.Errorf("download file: read: %w", err))
	}
	if int64(len(data)) > maxBytes {
		return nil, fmt.Errorf("download file: more than %d bytes: %w", maxBytes, handlers.ErrFileTooLarge)
	}
	return data, nil
}

// scrub is the last guard against the token leaking through an error text
// we did not foresee: such an error is replaced by its redacted text,
// keeping only whether it was a cancellation or timeout.
func (f *Files) scrub(err error) error {
	if f.token == "" || !strings.Contains(err.Error(), f.token) {
		return err
	}
	msg := strings.ReplaceAll(err.Error(), f.token, "<redacted>")
	for _, cause := range []error{context.Canceled, context.DeadlineExceeded} {
		if errors.Is(err, cause) {
			return fmt.Errorf("%s: %w", msg, cause)
		}
	}
	return errors.New(msg)
}
