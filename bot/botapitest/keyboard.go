package botapitest

import (
	"encoding/json"
	"fmt"
	"sort"
)

// parseReplyMarkup validates reply_markup JSON and extracts an inline keyboard.
// inline is the canonical inline_keyboard JSON to echo back in messages ("" when
// the markup is another keyboard type).
func parseReplyMarkup(raw string) (keyboard [][]Button, inline json.RawMessage, err error) {
	if raw == "" {
		return nil, nil, nil
	}
	var markup map[string]json.RawMessage
	if err := json.Unmarshal([]byte(raw), &markup); err != nil {
		return nil, nil, fmt.Errorf("can't parse reply keyboard markup JSON object")
	}
	rowsRaw, ok := markup["inline_keyboard"]
	if !ok {
		return nil, nil, nil // reply keyboard, remove keyboard or force reply: kept raw only
	}
	var rows [][]map[string]json.RawMessage
	if err := json.Unmarshal(rowsRaw, &rows); err != nil {
		return nil, nil, fmt.Errorf("can't parse inline keyboard button: %v", err)
	}
	for _, row := range rows {
		var parsed []Button
		for _, fields := range row {
			b, err := parseButton(fields)
			if err != nil {
				return nil, nil, err
			}
			parsed = append(parsed, b)
		}
		keyboard = append(keyboard, parsed)
	}
	// Canonical form (sorted keys) so an edit with the same keyboard is detected.
	var generic any
	if err := json.Unmarshal(rowsRaw, &generic); err != nil {
		return nil, nil, fmt.Errorf("can't parse inline keyboard button: %v", err)
	}
	inline, err = json.Marshal(map[string]any{"inline_keyboard": generic})
	if err != nil {
		return nil, nil, fmt.Errorf("re-encode inline keyboard: %w", err)
	}
	return keyboard, inline, nil
}

func parseButton(fields map[string]json.RawMessage) (Button, error) {
	var b Button
	for k := range fields {
		b.Fields = append(b.Fields, k)
	}
	sort.Strings(b.Fields)
	str := func(k string) string {
		var s string
		_ = json.Unmarshal(fields[k], &s)
		return s
	}
	b.Text, b.CallbackData, b.URL = str("text"), str("callback_data"), str("url")
	if ct, ok := fields["copy_text"]; ok {
		var v struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(ct, &v); err != nil {
			return b, fmt.Errorf("can't parse inline keyboard button: copy_text must be an object")
		}
		b.CopyText = v.Text
	}
	if b.Text == "" {
		return b, fmt.Errorf("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard")
	}
	if len(b.CallbackData) > MaxCallbackData {
		return b, fmt.Errorf("BUTTON_DATA_INVALID")
	}
	// A button needs an action; go-telegram/bot's always-present empty copy_text is not one.
	hasAction := b.CallbackData != "" || b.URL != "" || b.CopyText != ""
	for _, k := range []string{"web_app", "login_url", "switch_inline_query", "switch_inline_query_current_chat", "switch_inline_query_chosen_chat", "callback_game", "pay"} {
		if _, ok := fields[k]; ok {
			hasAction = true
		}
	}
	if !hasAction {
		return b, fmt.Errorf("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard")
	}
	return b, nil
}
