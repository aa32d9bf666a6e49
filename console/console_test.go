package console_test

import (
	"context"
	"strings"
	"testing"

	"codesk/console"
	"codesk/handlers"
	"codesk/parties"
)

// echoMenu answers any text with two buttons and reports presses.
type echoMenu struct {
	c       *console.Console
	pressed []string
}

func (e *echoMenu) Handle(ctx context.Context, in handlers.Incoming) error {
	if in.Callback != nil {
		e.pressed = append(e.pressed, in.Callback.Data)
		return e.c.AnswerCallback(ctx, in.Callback.ID, "pressed "+in.Callback.Data)
	}
	_, err := e.c.Send(ctx, handlers.OutMessage{ChatID: in.ChatID, Text: "you said " + in.Text,
		Buttons: [][]handlers.Button{{{Text: "Yes", Data: "y"}, {Text: "No", Data: "n"}}}})
	return err
}

func TestNumbersPressTheLastShownButtonsAndOtherLinesAreMessages(t *testing.T) {
	var out strings.Builder
	c := console.New(&out, false, nil)
	h := &echoMenu{c: c}
	if err := c.Run(context.Background(), strings.NewReader("电梯\n2\n\n7\n"), h, ""); err != nil {
		t.Fatal(err)
	}
	if strings.Join(h.pressed, ",") != "n" {
		t.Errorf("pressed = %v, want [n]", h.pressed)
	}
	for _, want := range []string{"resident> 电梯", "codesk #2: you said 电梯", "  [1] Yes", "  [2] No", "(pressed n)", "codesk #5: you said 7"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("transcript lacks %q:\n%s", want, out.String())
		}
	}
}

// silent answers nothing, as codesk does to chatter in a staff group.
type silent struct{}

func (silent) Handle(context.Context, handlers.Incoming) error { return nil }

func TestAStaffLineWithoutAnAnswerSaysWhy(t *testing.T) {
	var out strings.Builder
	c := console.New(&out, false, map[parties.ID]int64{parties.PropertyManagement: -100})
	if err := c.Run(context.Background(), strings.NewReader("hello\n/as staff property_management\n/reply 9 hi\n"), silent{}, ""); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), "(no reply: in a staff chat"); n != 1 {
		t.Errorf("want the hint once, for the staff line only; transcript:\n%s", out.String())
	}
}
