package bot

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/go-telegram/bot/models"

	"codesk/handlers"
)

func incomingFromJSON(t *testing.T, payload string) (handlers.Incoming, bool) {
	t.Helper()
	var upd models.Update
	if err := json.Unmarshal([]byte(payload), &upd); err != nil {
		t.Fatal(err)
	}
	return toIncoming(&upd)
}

// The staff group's chat and a card the bot posted there.
const staffGroup = `"chat":{"id":-1001001,"type":"supergroup","title":"物业 Property"}`
const cardReply = `"reply_to_message":{"message_id":40,"date":1,` + staffGroup + `,"from":{"id":42,"is_bot":true,"first_name":"codesk"},"text":"📋 工单"}`

// An admin who stays anonymous replies as the group itself: Telegram sends
// it from @GroupAnonymousBot, a bot, yet it is staff answering a resident.
func TestAnAnonymousAdminsReplyComesFromTheGroup(t *testing.T) {
	for _, tc := range []struct{ name, signature, wantName string }{
		{"with a custom title", `,"author_signature":"前台 Front desk"`, "前台 Front desk"},
		{"without one", ``, "物业 Property"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in, ok := incomingFromJSON(t, `{"update_id":9,"message":{"message_id":41,"date":1,`+staffGroup+`,`+
				`"from":{"id":1087968824,"is_bot":true,"first_name":"Group","username":"GroupAnonymousBot"},`+
				`"sender_chat":{"id":-1001001,"type":"supergroup","title":"物业 Property"}`+tc.signature+`,`+
				cardReply+`,"text":"师傅明早九点到"}}`)
			if !ok {
				t.Fatal("an anonymous admin's reply was dropped")
			}
			want := handlers.Incoming{UpdateID: 9, ChatID: -1001001, Chat: handlers.GroupChat, UserID: -1001001,
				UserName: tc.wantName, MessageID: 41, ReplyTo: 40, Kind: handlers.TextMessage, Text: "师傅明早九点到"}
			if !reflect.DeepEqual(in, want) {
				t.Errorf("toIncoming =\n %+v\nwant\n %+v", in, want)
			}
		})
	}
}

// Only the group posting in itself stands for its admins: other bots and a
// member writing as their own channel are not staff and stay dropped.
func TestOtherBotsAndChannelsAreStillDropped(t *testing.T) {
	for name, payload := range map[string]string{
		"another bot": `{"update_id":10,"message":{"message_id":42,"date":1,` + staffGroup + `,` +
			`"from":{"id":777,"is_bot":true,"first_name":"Spam"},` + cardReply + `,"text":"buy now"}}`,
		"a member as their channel": `{"update_id":11,"message":{"message_id":43,"date":1,` + staffGroup + `,` +
			`"from":{"id":136817688,"is_bot":true,"first_name":"Channel","username":"Channel_Bot"},` +
			`"sender_chat":{"id":-1009999,"type":"channel","title":"Someone's channel"},` + cardReply + `,"text":"hi"}}`,
	} {
		t.Run(name, func(t *testing.T) {
			if in, ok := incomingFromJSON(t, payload); ok {
				t.Errorf("toIncoming accepted it: %+v", in)
			}
		})
	}
}

// Photos sent together carry their album id; only the first has the caption.
func TestAnAlbumPhotoCarriesItsAlbum(t *testing.T) {
	in, ok := incomingFromJSON(t, `{"update_id":10,"message":{"message_id":50,"date":1,"chat":{"id":7,"type":"private"},`+
		`"from":{"id":7,"is_bot":false,"first_name":"Li"},"media_group_id":"1357","caption":"车库漏水",`+
		`"photo":[{"file_id":"s","file_unique_id":"s1","width":90,"height":90},{"file_id":"b","file_unique_id":"b1","width":900,"height":900}]}}`)
	if !ok || in.Kind != handlers.PhotoMessage || in.AlbumID != "1357" || in.Text != "车库漏水" || !reflect.DeepEqual(in.PhotoIDs, []string{"s", "b"}) {
		t.Errorf("album photo = %+v", in)
	}
}
