package llm

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestSelect(t *testing.T) {
	for _, tc := range []struct {
		name, reply, want string
	}{
		{"candidate", `{"id": "garbage-sorting-times"}`, "garbage-sorting-times"},
		{"none", `{"id": null}`, ""},
		{"no id field", `{}`, ""},
		{"unknown id", `{"id": "pets-in-gym"}`, ""},
		{"entry not among the candidates", `{"id": "co-office-hours"}`, ""},
		{"id with spaces", `{"id": " parking-fee "}`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, nil)
			f.srv.Reply(tc.reply)
			got, err := f.c.Select(context.Background(), 7, "when do I take out the trash", "en", testEntries[:2])
			if err != nil || got != tc.want {
				t.Fatalf("Select = %q, %v; want %q", got, err, tc.want)
			}
			req := f.requests(t, 1)[0]
			if req.Messages[0].Content != selectSystemPrompt || req.ResponseFormatType() != "json_object" {
				t.Errorf("request: system prompt or response format wrong: %+v", req)
			}
			if ctx := req.Messages[1].Content; !strings.Contains(ctx, "[id: parking-fee]") || !strings.Contains(ctx, "[id: garbage-sorting-times]") {
				t.Errorf("candidates missing from the context:\n%s", ctx)
			}
		})
	}
}

func TestSelectMalformed(t *testing.T) {
	for _, reply := range []string{`{"id": 2}`, `parking-fee`, `{"id": "parking-fee"`} {
		f := newFixture(t, nil)
		f.srv.Reply(reply)
		if _, err := f.c.Select(context.Background(), 7, "parking?", "en", testEntries); !errors.Is(err, ErrMalformed) {
			t.Errorf("reply %s: err = %v, want ErrMalformed", reply, err)
		}
	}
}

func TestSelectNoCandidatesNoCall(t *testing.T) {
	f := newFixture(t, nil)
	if got, err := f.c.Select(context.Background(), 7, "parking?", "en", nil); got != "" || err != nil {
		t.Errorf("Select(no candidates) = %q, %v", got, err)
	}
	f.requests(t, 0)
}

func TestSelectNoneIsCached(t *testing.T) {
	f := newFixture(t, nil)
	f.srv.Reply(`{"id": null}`)
	for range 3 {
		if got, err := f.c.Select(context.Background(), 7, "is there a parcel locker", "en", testEntries); got != "" || err != nil {
			t.Fatalf("Select = %q, %v", got, err)
		}
	}
	f.requests(t, 1)
}
